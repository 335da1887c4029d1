/**
 * The pickers over a small catalogue given out of order: every typed word must start a word of the name or slug,
 * options A–Z (regions in the guide's order), limits, one option a guide; the catalogue's freshness on a day;
 * the suggested offer prompt's round figure.
 */
import { describe, expect, it } from "vitest";
import type { Guide } from "../guides/types.ts";
import { guide, LONDON, NY, SF } from "../render/fixtures.test-helpers.ts";
import {
  freshness,
  pickCompanies,
  pickGuides,
  pickRegions,
  pickRoles,
  suggestedPrompts,
} from "./catalogue.ts";

function mk(
  company: string,
  companyDisplay: string,
  role: string,
  roleDisplay: string,
  over: Partial<Guide> = {},
) {
  const id = `${company}/${role}`;
  return guide({ id, file: `guides/${id}.md`, company, companyDisplay, role, roleDisplay, ...over });
}
// Neither in name order nor in slug order.
const GUIDES: Guide[] = [
  mk("zeta-labs", "Zeta Labs", "swe", "Software Engineer", {
    lastUpdated: "2026-03-01",
    nextReviewDue: "2026-06-01",
  }),
  mk("data-co", "Data Co", "data-scientist", "Data Scientist", {
    lastUpdated: "2026-05-20",
    nextReviewDue: "2026-06-02",
  }),
  mk("acme", "Acme", "sre", "SRE", { lastUpdated: "2026-01-10", nextReviewDue: "2026-05-31" }),
  mk("zeta-labs", "Zeta Labs", "ml-ai-engineer", "ML/AI Engineer", { lastUpdated: "2026-04-01" }),
  mk("beta-inc", "Beta Corp", "product-manager", "Product Manager", { lastUpdated: "2026-02-01" }),
];
/** A company whose every word sorts after "undefined" (nothing typed must still list it). */
const ZORRO = mk("zorro", "Zorro", "vp", "VP", { nextReviewDue: "2027-01-01" });
const values = (options: { value: string }[]) => options.map((o) => o.value);

describe("pickCompanies", () => {
  it("nothing typed: every company, A–Z by name, at most the limit", () => {
    expect(pickCompanies([ZORRO, ...GUIDES], "").at(-1)).toEqual({ value: "zorro", label: "Zorro" });
    expect(pickCompanies(GUIDES, "")).toEqual([
      { value: "acme", label: "Acme" },
      { value: "beta-inc", label: "Beta Corp" },
      { value: "data-co", label: "Data Co" },
      { value: "zeta-labs", label: "Zeta Labs" },
    ]);
    expect(values(pickCompanies(GUIDES, "", 2))).toEqual(["acme", "beta-inc"]);
  });

  it.each([
    ["labs", ["zeta-labs"]],
    ["LAB", ["zeta-labs"]],
    ["zeta lab", ["zeta-labs"]],
    ["inc", ["beta-inc"]],
    ["corp", ["beta-inc"]],
    ["a", ["acme"]],
    ["d c", ["data-co"]],
    ["zeta acme", []],
    ["x", []],
  ])("%j -> %j (each typed word starts a word of the name or slug)", (typed, expected) => {
    expect(values(pickCompanies(GUIDES, typed))).toEqual(expected);
  });

  it("a word many names share does not hide a rarer one typed with it", () => {
    const many = Array.from({ length: 6000 }, (_, i) => mk(`company-${i}`, `Company ${i}`, "sre", "SRE"));
    expect(pickCompanies(many, "company 5999")).toEqual([{ value: "company-5999", label: "Company 5999" }]);
    expect(pickCompanies(many, "5999 company")).toEqual([{ value: "company-5999", label: "Company 5999" }]);
  });
});

describe("pickRoles", () => {
  it("a company's roles A–Z, by name or slug words, at most the limit", () => {
    expect(pickRoles(GUIDES, "zeta-labs", "")).toEqual([
      { value: "ml-ai-engineer", label: "ML/AI Engineer" },
      { value: "swe", label: "Software Engineer" },
    ]);
    expect(values(pickRoles(GUIDES, "zeta-labs", "swe"))).toEqual(["swe"]);
    expect(values(pickRoles(GUIDES, "zeta-labs", "soft eng"))).toEqual(["swe"]);
    expect(values(pickRoles(GUIDES, "zeta-labs", "soft ml"))).toEqual([]);
    expect(values(pickRoles(GUIDES, "zeta-labs", "", 1))).toEqual(["ml-ai-engineer"]);
    expect(pickRoles(GUIDES, "zeta", "")).toEqual([]);
  });
});

describe("pickRegions", () => {
  const withRegions = [mk("acme", "Acme", "sre", "SRE", { bands: [SF, NY, LONDON] })];

  it("a guide's regions in its own order, with their currency, by name or slug words", () => {
    expect(pickRegions(withRegions, "acme", "sre", "")).toEqual([
      { value: "san-francisco", label: "San Francisco · USD" },
      { value: "new-york", label: "New York · USD" },
      { value: "london", label: "London · GBP" },
    ]);
    expect(values(pickRegions(withRegions, "acme", "sre", "fran"))).toEqual(["san-francisco"]);
    expect(values(pickRegions(withRegions, "acme", "sre", "york new"))).toEqual(["new-york"]);
    expect(values(pickRegions(withRegions, "acme", "sre", "new london"))).toEqual([]);
    expect(values(pickRegions(withRegions, "acme", "sre", "", 2))).toEqual(["san-francisco", "new-york"]);
  });

  it("a region found by its slug alone", () => {
    const bay = [
      mk("acme", "Acme", "sre", "SRE", { bands: [{ ...SF, region: "Bay Area", regionSlug: "sf-bay" }, NY] }),
    ];
    expect(pickRegions(bay, "acme", "sre", "sf")).toEqual([{ value: "sf-bay", label: "Bay Area · USD" }]);
  });

  it("an unknown company or role has no regions", () => {
    expect(pickRegions(withRegions, "acme", "swe", "")).toEqual([]);
    expect(pickRegions(withRegions, "globex", "sre", "")).toEqual([]);
  });
});

describe("pickGuides", () => {
  it("nothing typed: the guides A–Z as company · role", () => {
    expect(pickGuides([ZORRO, ...GUIDES], "").at(-1)).toEqual({ value: "zorro/vp", label: "Zorro · VP" });
    expect(pickGuides(GUIDES, "")).toEqual([
      { value: "acme/sre", label: "Acme · SRE" },
      { value: "beta-inc/product-manager", label: "Beta Corp · Product Manager" },
      { value: "data-co/data-scientist", label: "Data Co · Data Scientist" },
      { value: "zeta-labs/ml-ai-engineer", label: "Zeta Labs · ML/AI Engineer" },
      { value: "zeta-labs/swe", label: "Zeta Labs · Software Engineer" },
    ]);
  });

  it("every typed word matches the company or the role; a guide matched by both is listed once", () => {
    expect(values(pickGuides(GUIDES, "data"))).toEqual(["data-co/data-scientist"]);
    expect(values(pickGuides(GUIDES, "zeta soft"))).toEqual(["zeta-labs/swe"]);
    expect(values(pickGuides(GUIDES, "engineer"))).toEqual(["zeta-labs/ml-ai-engineer", "zeta-labs/swe"]);
    expect(values(pickGuides(GUIDES, "product beta"))).toEqual(["beta-inc/product-manager"]);
    expect(values(pickGuides(GUIDES, "sre zeta"))).toEqual([]);
    // By the company's name, its slug, the role's name, its slug.
    expect(values(pickGuides(GUIDES, "corp product"))).toEqual(["beta-inc/product-manager"]);
    expect(values(pickGuides(GUIDES, "inc manager"))).toEqual(["beta-inc/product-manager"]);
    expect(values(pickGuides(GUIDES, "labs soft"))).toEqual(["zeta-labs/swe"]);
    expect(values(pickGuides(GUIDES, "labs swe"))).toEqual(["zeta-labs/swe"]);
  });

  it("at most the limit", () => {
    expect(values(pickGuides(GUIDES, "zeta", 1))).toEqual(["zeta-labs/swe"]);
    expect(pickGuides(GUIDES, "", 2)).toHaveLength(2);
  });
});

describe("freshness", () => {
  // Due 2026-05-23 (two guides), 2026-05-31, 2026-06-01 and 2026-06-02.
  it("a review due today is not overdue; the newest update wherever it is in the list", () => {
    expect(freshness(GUIDES, "2026-06-01")).toEqual({ guides: 5, overdue: 3, newestUpdate: "2026-05-20" });
    expect(freshness(GUIDES, "2026-06-02")).toEqual({ guides: 5, overdue: 4, newestUpdate: "2026-05-20" });
    // Another day, then the first again: each day's count, not a stale one.
    expect(freshness(GUIDES, "2026-06-01").overdue).toBe(3);
  });
});

describe("suggested prompts: the offer's round base", () => {
  it("the middle of the band's base in thousands, never below 1k", () => {
    const band = { ...LONDON, base: { low: 100000, high: 201000 } };
    expect(suggestedPrompts([guide({ bands: [band] })])[1]?.message).toBe(
      "offer segment ml-ai-engineer london base 151k",
    );
    const zero = { ...LONDON, base: { low: 0, high: 0 } };
    expect(suggestedPrompts([guide({ bands: [zero] })])[1]?.message).toBe(
      "offer segment ml-ai-engineer london base 1k",
    );
  });
});

describe("pickGuides at 20,000 guides (10,000 companies × 2 roles)", () => {
  const big: Guide[] = [];
  for (let c = 0; c < 10_000; c++) {
    big.push(mk(`company-${c}`, `Company ${c}`, "designer", "Product Designer"));
    big.push(mk(`company-${c}`, `Company ${c}`, "sre", "SRE"));
  }

  it("a role word with a company number finds the guide whatever the order typed", () => {
    // Bug: "designer" (one role name, but 10,000 guides) was taken as narrower than "9999" (one company), and
    // the scan of the designer guides stopped at 5,000 before Company 9999.
    const expected = [{ value: "company-9999/designer", label: "Company 9999 · Product Designer" }];
    expect(pickGuides(big, "designer 9999")).toEqual(expected);
    expect(pickGuides(big, "9999 designer")).toEqual(expected);
    expect(pickGuides(big, "sre 7777")).toEqual([{ value: "company-7777/sre", label: "Company 7777 · SRE" }]);
  });
});

describe("a search scans at most 5,000 names", () => {
  // 5,000 companies called "Company N", then a 5,001st with the same word: "Aardvark Company".
  const many = [
    ...Array.from({ length: 5000 }, (_, i) => mk(`company-${i}`, `Company ${i}`, "sre", "SRE")),
    mk("aardvark-company", "Aardvark Company", "sre", "SRE"),
  ];

  it("nothing typed, or a word all of them share: the first 5,000 in catalogue order, A–Z", () => {
    expect(pickCompanies(many, "", 2)).toEqual([
      { value: "company-0", label: "Company 0" },
      { value: "company-1", label: "Company 1" },
    ]);
    expect(pickCompanies(many, "company", 2)).toEqual([
      { value: "company-0", label: "Company 0" },
      { value: "company-1", label: "Company 1" },
    ]);
  });

  it("one more word reaches the others", () => {
    const aardvark = [{ value: "aardvark-company", label: "Aardvark Company" }];
    expect(pickCompanies(many, "company aard")).toEqual(aardvark);
    expect(pickCompanies(many, "aardvark")).toEqual(aardvark);
  });
});
