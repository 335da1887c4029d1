/**
 * Hot reload without a rebuild: an index updated in place (SearchIndex.replaceInPlace) must answer exactly
 * as an index built from scratch over the same guides, and one built in slices (SearchIndex.built) exactly
 * as one built at once. Guides are real files read by the real loader.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type GuideSpec, guideText, makeGuidesDir } from "../../tests/support/make-guide.ts";
import { loadGuides } from "../guides/load.ts";
import type { Guide } from "../guides/types.ts";
import { turnsDuring } from "../runtime/turns.test-helpers.ts";
import { SearchIndex } from "./index.ts";

const ROLES: [string, string][] = [
  ["data-scientist", "Data Scientist"],
  ["backend-engineer", "Backend Engineer"],
  ["ml-ai-engineer", "ML/AI Engineer"],
];
const COMPANIES: [string, string][] = [
  ["acme", "Acme"],
  ["globex", "Globex"],
  ["initech", "Initech"],
  ["umbrella", "Umbrella Corp"],
];

function spec(c: number, r: number, base = 150000, level = "Google L5"): GuideSpec {
  const [company, companyDisplay] = COMPANIES[c]!;
  const [role, roleDisplay] = ROLES[r]!;
  return {
    company,
    companyDisplay,
    role,
    roleDisplay,
    bands: [
      { region: "London", currency: "GBP", base: [base, base + 40000] },
      { region: "San Francisco", base: [base + 20000, base + 60000] },
    ],
    levelRaw: `${companyDisplay} ${roleDisplay} = ${level} = Meta E5`,
    extraYaml: `company_aliases:\n  - ${companyDisplay} Inc\n`,
  };
}

const ALL: GuideSpec[] = COMPANIES.flatMap((_, c) => ROLES.map((_, r) => spec(c, r)));

async function load(dir: string): Promise<Guide[]> {
  const { guides, problems } = await loadGuides(dir, { today: "2026-11-29" });
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  return guides;
}

const PHRASES = [
  "acme",
  "acme inc",
  "globx",
  "umbrela corp",
  "data scientist",
  "ml engineer",
  "london",
  "meta",
  "google",
  "sf",
];

/** Everything the index answers, as plain data. */
function answers(index: SearchIndex) {
  return {
    guides: index.guides,
    count: index.guideCount,
    byId: ALL.map((s) => index.guide(s.company, s.role) ?? null),
    byCompany: COMPANIES.map(([c]) => index.guidesOfCompany(c)),
    byRole: ROLES.map(([r]) => index.guidesOfRole(r)),
    companies: index.listCompanies(),
    levelLinks: ["google", "meta"].map((k) => index.levelLinksOf(k)),
    levelCompanies: ["google", "meta"].map((k) => index.levelCompany(k) ?? null),
    regions: ["london", "san-francisco"].map((k) => [index.region(k) ?? null, index.hasBandsIn(k)]),
    exact: PHRASES.map((p) => index.exact(p)),
    fuzzy: PHRASES.map((p) => index.fuzzy(p)),
    suggest: PHRASES.map((p) => index.suggest(`${p}x`, ["company", "role", "region", "level-company"])),
    longest: index.longestPhrase,
  };
}

/** Pairs each guide of `before` with the guide of the same id in `after`. */
function changesOf(before: Guide[], after: Guide[], ids: string[]) {
  return ids.map((id) => ({
    before: before.find((g) => g.id === id) ?? null,
    after: after.find((g) => g.id === id) ?? null,
  }));
}

/** The index of `guides` made three ways: built at once, then warmed in slices, or built in slices. */
const MADE: [string, (guides: Guide[]) => Promise<SearchIndex>][] = [
  ["built at once", async (guides) => new SearchIndex(guides)],
  [
    "warmed in slices (its guides' positions mapped across turns)",
    async (guides) => {
      const index = new SearchIndex(guides);
      await index.warmInSlices(5);
      return index;
    },
  ],
  ["built in slices", (guides) => SearchIndex.built(guides, 5)],
];

describe("SearchIndex.replaceInPlace", () => {
  it.each(MADE)("answers exactly as a full rebuild after figures and dates change: %s", async (_, make) => {
    const dir = makeGuidesDir(ALL);
    const before = await load(dir);
    const index = await make(before);
    const edited = [spec(0, 0, 95000), spec(2, 1, 210000), { ...spec(3, 2), lastUpdated: "2026-11-01" }];
    for (const s of edited) writeFileSync(join(dir, s.company, `${s.role}.md`), guideText(s));
    const after = await load(dir);

    const ids = ["acme/data-scientist", "initech/backend-engineer", "umbrella/ml-ai-engineer"];
    expect(index.replaceInPlace(changesOf(before, after, ids))).toBe(true);

    expect(answers(index)).toEqual(answers(new SearchIndex(after)));
    expect(index.guide("acme", "data-scientist")?.bands[0]?.base.low).toBe(95000);
    expect(index.guide("initech", "backend-engineer")?.bands[1]?.base.high).toBe(270000);
    const google = index.levelLinksOf("google").find((l) => l.guide.id === "acme/data-scientist");
    expect(google?.guide.bands[0]?.base.low).toBe(95000);
    expect(index.guides).toHaveLength(12);
  });

  it.each(MADE)("refuses, changing nothing, a change of names: the caller rebuilds: %s", async (_, make) => {
    const dir = makeGuidesDir(ALL);
    const before = await load(dir);
    const index = await make(before);
    const unchanged = answers(new SearchIndex(before));
    const renamed = { ...spec(1, 0), companyDisplay: "Globex Corporation" };
    const alias = { ...spec(2, 0), extraYaml: "company_aliases:\n  - Initrode\n" };
    const region = { ...spec(3, 0), bands: [{ region: "Berlin", currency: "EUR" }] };
    const level = spec(0, 1, 150000, "Amazon L6");
    const sameCompanyOtherLevel = spec(0, 2, 150000, "Google L6");
    for (const s of [renamed, alias, region, level, sameCompanyOtherLevel]) {
      writeFileSync(join(dir, s.company, `${s.role}.md`), guideText(s));
    }
    const after = await load(dir);
    for (const id of [
      "globex/data-scientist",
      "initech/data-scientist",
      "umbrella/data-scientist",
      "acme/backend-engineer",
      "acme/ml-ai-engineer",
    ]) {
      expect(index.replaceInPlace(changesOf(before, after, [id]))).toBe(false);
    }
    // Added and removed guides, and a guide the index does not hold.
    const added = after.find((g) => g.id === "acme/data-scientist")!;
    expect(index.replaceInPlace([{ before: null, after: added }])).toBe(false);
    expect(index.replaceInPlace([{ before: added, after: null }])).toBe(false);
    expect(index.replaceInPlace([{ before: { ...added }, after: added }])).toBe(false);
    expect(answers(index)).toEqual(unchanged);
  });
});

describe("SearchIndex.replaceInPlace, guides not in file order", () => {
  it.each(MADE)(
    "replaces each guide at its place in the index's own list: answers as a rebuild: %s",
    async (_, make) => {
      const dir = makeGuidesDir(ALL);
      // Not in file order: positions are those of the index's own list.
      const before = (await load(dir)).reverse();
      const index = await make(before);

      const edited = [spec(1, 0, 99000), spec(1, 1, 123000), spec(3, 2, 321000)];
      for (const s of edited) writeFileSync(join(dir, s.company, `${s.role}.md`), guideText(s));
      const after = (await load(dir)).reverse();
      const ids = ["globex/data-scientist", "globex/backend-engineer", "umbrella/ml-ai-engineer"];
      expect(index.replaceInPlace(changesOf(before, after, ids))).toBe(true);
      expect(answers(index)).toEqual(answers(new SearchIndex(after)));
      expect(index.guides).toEqual(after);
      // Files sort backend-engineer, data-scientist, ml-ai-engineer; reversed, ml-ai-engineer comes first.
      expect(index.guidesOfCompany("globex").map((g) => g.bands[0]!.base.low)).toEqual([
        150000, 99000, 123000,
      ]);
    },
  );
});

describe("SearchIndex.built", () => {
  it("builds in slices the same index as the constructor", async () => {
    const guides = await load(makeGuidesDir(ALL));
    const sliced = await SearchIndex.built(guides, 5);
    expect(answers(sliced)).toEqual(answers(new SearchIndex(guides)));
    expect(sliced.guideCount).toBe(12);
  });

  it("maps its guides' positions after start-up (warmInSlices) or at the first in-place replacement, not in the build", async () => {
    const guides = await load(makeGuidesDir(ALL));
    const warmed = new SearchIndex(guides);
    // "Did you mean" built already: what is left is the positions, 12 guides in slices of 5. A turn first,
    // one before the positions, one after each of the first two slices.
    warmed.warm();
    expect(warmed.positionsMapped).toBe(false);
    expect(await turnsDuring(() => warmed.warmInSlices(5))).toBe(4);
    expect(warmed.positionsMapped).toBe(true);
    const replaced = new SearchIndex(guides);
    expect(replaced.replaceInPlace([{ before: guides[3]!, after: guides[3]! }])).toBe(true);
    expect(replaced.positionsMapped).toBe(true);
    expect((await SearchIndex.built(guides, 5)).positionsMapped).toBe(true);
  });

  it("finds a guide by company and role, and nothing for a pair no guide has", async () => {
    const guides = await load(makeGuidesDir(ALL));
    const index = new SearchIndex(guides);
    expect(index.guide("initech", "ml-ai-engineer")?.file).toMatch(/initech\/ml-ai-engineer\.md$/);
    expect(index.guide("acme", "data-scientist")?.id).toBe("acme/data-scientist");
    expect(index.guide("acme", "designer")).toBeUndefined();
    expect(index.guide("hooli", "data-scientist")).toBeUndefined();
    expect(index.guide("data-scientist", "acme")).toBeUndefined();
  });
});
