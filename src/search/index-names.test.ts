/**
 * What the search index recognises by name (src/search/index.ts): companies, roles, regions and outside
 * companies of level mappings, exactly (own names and aliases) and with typos, and what it lists.
 * Guides are plain data (guides.test-helpers.ts); every index is built inside its test.
 */
import { describe, expect, it } from "vitest";
import { guideOf } from "./guides.test-helpers.ts";
import { SearchIndex } from "./index.ts";

const ACME = { kind: "company", key: "acme", display: "Acme" };
const DATA_SCIENTIST = { kind: "role", key: "data-scientist", display: "Data Scientist" };

const acme = () =>
  guideOf({
    company: "acme",
    companyDisplay: "Acme",
    regions: [
      ["London", "london"],
      ["Lisbon", "lisbon"],
    ],
    // A dash alone (a stray list item) has no words: it names nothing.
    extra: { company_aliases: ["Acme Inc", 42, "—", "Roadrunner Co"], role_aliases: "DS" },
  });

describe("SearchIndex.exact", () => {
  it("names a guide's company and role by key and display name, and marks aliases as aliases", () => {
    const index = new SearchIndex([acme()]);
    expect(index.exact("acme")).toEqual([
      { entity: ACME, phrase: "acme", distance: 0, score: 0, via: "exact" },
    ]);
    expect(index.exact("acme inc")).toEqual([
      { entity: ACME, phrase: "acme inc", distance: 0, score: 0, via: "alias" },
    ]);
    expect(index.exact("roadrunner co")).toMatchObject([{ entity: ACME, via: "alias" }]);
    expect(index.exact("data scientist")).toMatchObject([{ entity: DATA_SCIENTIST, via: "exact" }]);
    expect(index.exact("ds")).toMatchObject([{ entity: DATA_SCIENTIST, via: "alias" }]);
    // A non-text or word-less alias names nothing; nor does an unknown phrase.
    expect(index.exact("42")).toEqual([]);
    expect(index.exact("")).toEqual([]);
    expect(index.exact("globex")).toEqual([]);
  });

  it("names a company whose display name differs from its key by both", () => {
    const index = new SearchIndex([guideOf({ company: "umbrella", companyDisplay: "Umbrella Corp" })]);
    const umbrella = { kind: "company", key: "umbrella", display: "Umbrella Corp" };
    expect(index.exact("umbrella")).toMatchObject([{ entity: umbrella, via: "exact" }]);
    expect(index.exact("umbrella corp")).toMatchObject([{ entity: umbrella, via: "exact" }]);
  });

  it("names band regions, and the built-in places with their aliases", () => {
    const index = new SearchIndex([acme()]);
    expect(index.exact("lisbon")).toEqual([
      {
        entity: { kind: "region", key: "lisbon", display: "Lisbon" },
        phrase: "lisbon",
        distance: 0,
        score: 0,
        via: "exact",
      },
    ]);
    const sf = { kind: "region", key: "san-francisco", display: "San Francisco" };
    expect(index.exact("sf")).toMatchObject([{ entity: sf, via: "alias" }]);
    expect(index.exact("san francisco")).toMatchObject([{ entity: sf, via: "exact" }]);
    expect(index.exact("paris")).toMatchObject([
      { entity: { kind: "region", key: "paris", display: "Paris" }, via: "exact" },
    ]);
  });

  it("names role variants and shorthands as aliases of the role", () => {
    const index = new SearchIndex([
      guideOf({
        company: "acme",
        companyDisplay: "Acme",
        role: "ml-ai-engineer",
        roleDisplay: "ML/AI Engineer",
        extra: { role_aliases: ["Applied Scientist", "AI Dev"] },
      }),
    ]);
    const role = { kind: "role", key: "ml-ai-engineer", display: "ML/AI Engineer" };
    expect(index.exact("ml ai engineer")).toMatchObject([{ entity: role, via: "exact" }]);
    expect(index.exact("machine learning engineer")).toMatchObject([{ entity: role, via: "alias" }]);
    expect(index.exact("mle")).toMatchObject([{ entity: role, via: "alias" }]);
    expect(index.exact("applied scientist")).toMatchObject([{ entity: role, via: "alias" }]);
    expect(index.exact("ai dev")).toMatchObject([{ entity: role, via: "alias" }]);
    expect(index.exact("pm")).toEqual([]);
  });

  it("gives both a company of the catalogue and an outside company of the same name", () => {
    const index = new SearchIndex([
      guideOf({ company: "meta", companyDisplay: "Meta", levels: "Meta Data Scientist = Google L5" }),
      guideOf({ company: "acme", companyDisplay: "Acme", levels: "Acme Data Scientist = Meta E5" }),
    ]);
    const company = { kind: "company", key: "meta", display: "Meta" };
    const outside = { kind: "level-company", key: "meta", display: "Meta" };
    expect(index.exact("meta")).toEqual([
      { entity: company, phrase: "meta", distance: 0, score: 0, via: "exact" },
      { entity: outside, phrase: "meta", distance: 0, score: 0, via: "exact" },
    ]);
    expect(index.fuzzy("meta")).toEqual([
      { entity: company, phrase: "meta", distance: 0, score: 0, via: "exact" },
      { entity: outside, phrase: "meta", distance: 0, score: 0, via: "exact" },
    ]);
    expect(index.exact("google")).toEqual([
      {
        entity: { kind: "level-company", key: "google", display: "Google" },
        phrase: "google",
        distance: 0,
        score: 0,
        via: "exact",
      },
    ]);
  });
});

describe("SearchIndex roles", () => {
  it("names a role by its display name exactly when its key is a shorthand, and keeps the first guide's", () => {
    const first = guideOf({
      company: "acme",
      companyDisplay: "Acme",
      role: "ds",
      roleDisplay: "Data Scientist",
    });
    const second = guideOf({
      company: "globex",
      companyDisplay: "Globex",
      role: "ds",
      roleDisplay: "Decision Scientist",
    });
    const index = new SearchIndex([first, second]);
    const role = { kind: "role", key: "ds", display: "Data Scientist" };
    expect(index.exact("data scientist")).toEqual([
      { entity: role, phrase: "data scientist", distance: 0, score: 0, via: "exact" },
    ]);
    expect(index.exact("ds")).toMatchObject([{ entity: role, via: "exact" }]);
    expect(index.role("ds")).toEqual({ key: "ds", display: "Data Scientist" });
    expect(index.exact("decision scientist")).toEqual([]);
    expect(index.guidesOfRole("ds")).toEqual([first, second]);
  });
});

describe("SearchIndex.fuzzy", () => {
  it("scores a typo by its edits over the shorter word's length", () => {
    const index = new SearchIndex([acme()]);
    const london = { kind: "region", key: "london", display: "London" };
    expect(index.fuzzy("londn")).toEqual([
      { entity: london, phrase: "london", distance: 1, score: 0.2, via: "fuzzy" },
    ]);
    expect(index.fuzzy("london")).toEqual([
      { entity: london, phrase: "london", distance: 0, score: 0, via: "exact" },
    ]);
    expect(index.fuzzy("dat scientst")).toEqual([
      { entity: DATA_SCIENTIST, phrase: "data scientist", distance: 2, score: 2 / 12, via: "fuzzy" },
    ]);
    expect(index.fuzzy("xyzzy")).toEqual([]);
  });
});

describe("SearchIndex look-ups by key", () => {
  it("keeps the first guide's spelling of a company, an outside company and a region", () => {
    const first = guideOf({
      company: "acme",
      companyDisplay: "Acme",
      regions: [["Lisbon", "lisbon"]],
      levels: "Acme Data Scientist = Google L5",
    });
    const second = guideOf({
      company: "acme",
      companyDisplay: "ACME Corp",
      role: "backend-engineer",
      roleDisplay: "Backend Engineer",
      regions: [["LISBON", "lisbon"]],
      levels: "ACME Corp Backend Engineer = GOOGLE L6",
    });
    const index = new SearchIndex([first, second]);
    expect(index.company("acme")).toEqual({ key: "acme", display: "Acme" });
    expect(index.exact("acme corp")).toEqual([]);
    expect(index.levelCompany("google")).toEqual({ key: "google", display: "Google" });
    expect(index.region("lisbon")).toEqual({ key: "lisbon", display: "Lisbon" });
    expect(index.exact("lisbon")).toMatchObject([
      { entity: { kind: "region", key: "lisbon", display: "Lisbon" }, via: "exact" },
    ]);
    expect(index.guidesOfCompany("acme")).toEqual([first, second]);
    expect(index.guidesOfRole("backend-engineer")).toEqual([second]);
    expect(index.guide("acme", "backend-engineer")).toBe(second);
    expect(index.levelLinksOf("google")).toEqual([
      { guide: first, equivalence: { company: "Google", level: "L5" } },
      { guide: second, equivalence: { company: "GOOGLE", level: "L6" } },
    ]);
    expect([...index.levelTextsOf("google")]).toEqual(["L5", "L6"]);
  });

  it("gives the links under an outside company whose level is accepted, in guide order, up to a limit", () => {
    const guides = ["l5", "l6", "l5-ml", "l5"].map((level, i) =>
      guideOf({
        company: `co${i}`,
        companyDisplay: `Co${i}`,
        levels: `Co${i} Data Scientist = Google ${level.toUpperCase()}`,
      }),
    );
    const index = new SearchIndex(guides);
    const l5 = (level: string) => level.startsWith("L5");
    expect(index.levelLinksOf("google", l5)).toEqual([
      { guide: guides[0], equivalence: { company: "Google", level: "L5" } },
      { guide: guides[2], equivalence: { company: "Google", level: "L5-ML" } },
      { guide: guides[3], equivalence: { company: "Google", level: "L5" } },
    ]);
    expect(index.levelLinksOf("google", l5, 2).map((link) => link.guide)).toEqual([guides[0], guides[2]]);
    expect(index.levelLinksOf("google", () => false)).toEqual([]);
    expect(index.levelLinksOf("google").map((link) => link.equivalence.level)).toEqual([
      "L5",
      "L6",
      "L5-ML",
      "L5",
    ]);
    // Each read makes its own links: changing one changes nothing in the index.
    index.levelLinksOf("google")[0]!.equivalence.level = "changed";
    expect(index.levelLinksOf("google")[0]!.equivalence.level).toBe("L5");
  });

  it("knows roles and regions, and which regions have bands", () => {
    const index = new SearchIndex([acme()]);
    expect(index.role("data-scientist")).toEqual({ key: "data-scientist", display: "Data Scientist" });
    expect(index.region("london")).toEqual({ key: "london", display: "London" });
    expect(index.region("paris")).toEqual({ key: "paris", display: "Paris" });
    expect(index.hasBandsIn("lisbon")).toBe(true);
    expect(index.hasBandsIn("london")).toBe(true);
    expect(index.hasBandsIn("paris")).toBe(false);
  });

  it("answers nothing, never a stray entry, for names it does not hold", () => {
    const index = new SearchIndex([acme()]);
    expect(index.guide("acme", "backend-engineer")).toBeUndefined();
    expect(index.guidesOfCompany("globex")).toEqual([]);
    expect(index.guidesOfRole("backend-engineer")).toEqual([]);
    expect(index.company("globex")).toBeUndefined();
    expect(index.role("backend-engineer")).toBeUndefined();
    expect(index.region("atlantis")).toBeUndefined();
    expect(index.levelCompany("amazon")).toBeUndefined();
    expect(index.levelLinksOf("amazon")).toEqual([]);
    expect(index.levelTextsOf("amazon").size).toBe(0);
  });

  it("lists companies sorted by display name, each with its guides", () => {
    const zeta = guideOf({ company: "zeta", companyDisplay: "Zeta" });
    const acmeGuide = guideOf({ company: "acme", companyDisplay: "acme" });
    const beta = guideOf({ company: "beta", companyDisplay: "Beta" });
    const index = new SearchIndex([zeta, acmeGuide, beta]);
    expect(index.listCompanies()).toEqual([
      { company: { key: "acme", display: "acme" }, guides: [acmeGuide] },
      { company: { key: "beta", display: "Beta" }, guides: [beta] },
      { company: { key: "zeta", display: "Zeta" }, guides: [zeta] },
    ]);
    expect(index.guideCount).toBe(3);
    expect(index.guides).toEqual([zeta, acmeGuide, beta]);
  });

  it("knows which words begin a name (the question parser tries no phrase from any other word)", () => {
    const index = new SearchIndex([acme()]);
    // Own names, aliases and built-in places, by their first word.
    for (const word of ["acme", "roadrunner", "data", "ds", "london", "new", "sf"]) {
      expect(index.startsPhrase(word), word).toBe(true);
    }
    // A name's later words, a word of no name, an empty word, a whole two-word name.
    for (const word of ["inc", "scientist", "co", "york", "globex", "", "acme inc"]) {
      expect(index.startsPhrase(word), word).toBe(false);
    }
  });

  it("knows the longest name in words (the question parser tries phrases up to that length)", () => {
    // The built-in places' longest names ("sf bay area", "new york city") have 3 words.
    expect(new SearchIndex([acme()]).longestPhrase).toBe(3);
    const long = guideOf({ company: "tlnc", companyDisplay: "The Long Name Company Group" });
    expect(new SearchIndex([acme(), long]).longestPhrase).toBe(5);
  });
});
