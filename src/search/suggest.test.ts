/**
 * "Did you mean": SearchIndex.suggest ranks loose matches (fuse.js) for a phrase that named nothing, of the
 * kinds asked, never a region without bands, each name once, at most `limit`.
 */
import { describe, expect, it } from "vitest";
import { countTurns } from "../../tests/support/turns.ts";
import { guideOf } from "./guides.test-helpers.ts";
import { SearchIndex } from "./index.ts";

const ALL = ["company", "role", "region", "level-company"] as const;

const catalogue = () =>
  new SearchIndex([
    guideOf({ company: "umbrella", companyDisplay: "Umbrella Corp", regions: [["London", "london"]] }),
    guideOf({
      company: "globex",
      companyDisplay: "Globex",
      role: "backend-engineer",
      roleDisplay: "Backend Engineer",
    }),
  ]);

describe("SearchIndex.suggest", () => {
  it("suggests a company once for a typo that is close to two of its names", () => {
    const hits = catalogue().suggest("umbrela", ["company"]);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      entity: { kind: "company", key: "umbrella", display: "Umbrella Corp" },
      distance: -1,
      via: "fuzzy",
    });
    expect(["umbrella", "umbrella corp"]).toContain(hits[0]!.phrase);
    expect(hits[0]!.score).toBeGreaterThan(0);
    expect(hits[0]!.score).toBeLessThan(0.45);
  });

  it("suggests only the kinds asked", () => {
    const index = catalogue();
    expect(index.suggest("umbrela", ["role", "region"])).toEqual([]);
    expect(index.suggest("backend enginer", ["role"])).toMatchObject([
      { entity: { kind: "role", key: "backend-engineer", display: "Backend Engineer" } },
    ]);
  });

  it("suggests a region only where some guide has a band", () => {
    const index = catalogue();
    expect(index.suggest("londn", ["region"])).toMatchObject([
      { entity: { kind: "region", key: "london", display: "London" } },
    ]);
    // Paris and Berlin are known places, but no guide has a band there.
    expect(index.suggest("pariss", ["region"])).toEqual([]);
    expect(index.suggest("berln", ["region"])).toEqual([]);
  });

  it("suggests nothing for less than two characters, spaces aside", () => {
    const index = catalogue();
    expect(index.suggest("u", ALL)).toEqual([]);
    expect(index.suggest(" g ", ALL)).toEqual([]);
    expect(index.suggest("gl", ["company"])).toMatchObject([{ entity: { key: "globex" } }]);
  });

  it("gives at most `limit` suggestions, five by default", () => {
    const names = ["Acmea", "Acmeb", "Acmec", "Acmed", "Acmee", "Acmef", "Acmeg"];
    const index = new SearchIndex(names.map((n) => guideOf({ company: n.toLowerCase(), companyDisplay: n })));
    expect(index.suggest("acme", ["company"])).toHaveLength(5);
    expect(index.suggest("acme", ["company"], 2)).toHaveLength(2);
    expect(index.suggest("acme", ["company"], 7)).toHaveLength(7);
  });

  it("suggests the same after warm() as before", () => {
    const cold = catalogue();
    const warm = catalogue();
    warm.warm();
    expect(warm.suggest("globx", ["company"])).toEqual(cold.suggest("globx", ["company"]));
    expect(warm.suggest("globx", ["company"])).toMatchObject([
      { entity: { key: "globex" }, phrase: "globex" },
    ]);
  });

  it("warm() leaves nothing for the first typo or suggestion to build", () => {
    const index = catalogue();
    expect(index.warmed).toBe(false);
    index.warm();
    expect(index.warmed).toBe(true);
  });

  it("an index built in slices is served warm, and suggests and corrects exactly as one built at once", async () => {
    const guides = Array.from({ length: 40 }, (_, i) =>
      guideOf({ company: `company-${i}`, companyDisplay: `Company ${i} Holdings` }),
    );
    const whole = new SearchIndex(guides);
    whole.warm();
    // Slices of 3: the phrases go into fuse.js over many turns.
    const turns = countTurns();
    const sliced = await SearchIndex.built(guides, 3);
    // The event loop turns between slices: 40 guides' company names in 14 slices, the guides in 14, then
    // the typo dictionary's postings and the phrases in many more (122 turns on the 2-core machine).
    expect(turns()).toBeGreaterThanOrEqual(79);
    expect(sliced.warmed).toBe(true);
    for (const phrase of [
      "compny 7",
      "holdngs",
      "company 3 holding",
      "data sceintist",
      "san fransisco",
      "zz",
    ]) {
      expect(sliced.suggest(phrase, ["company", "role", "region"], 8)).toEqual(
        whole.suggest(phrase, ["company", "role", "region"], 8),
      );
      expect(sliced.fuzzy(phrase)).toEqual(whole.fuzzy(phrase));
    }
  });

  it("suggests a long title for a typo of its last words, wherever they sit in it", () => {
    const title = "Senior Staff Principal Machine Learning Infrastructure Reliability Engineer";
    const index = new SearchIndex([
      guideOf({ company: "acme", companyDisplay: "Acme", role: "senior-staff-mlire", roleDisplay: title }),
    ]);
    expect(index.suggest("reliabilty enginer", ["role"])).toMatchObject([{ entity: { display: title } }]);
  });

  it("suggests nothing for one letter with a space before it, even one that starts a word of a name", () => {
    const index = new SearchIndex([guideOf({ company: "big-group", companyDisplay: "Big Group" })]);
    expect(index.suggest(" g", ["company"])).toEqual([]);
    expect(index.suggest("gr", ["company"])).toMatchObject([{ entity: { key: "big-group" } }]);
  });
});
