/** The catalogue as people browse it: pickers at 50,000 guides, freshness, suggested prompts. */
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

const ROLES = [
  ["software-engineer", "Software Engineer"],
  ["ml-ai-engineer", "ML/AI Engineer"],
  ["product-manager", "Product Manager"],
  ["data-scientist", "Data Scientist"],
  ["designer", "Product Designer"],
] as const;

/** 10,000 companies × 5 roles = 50,000 guides (plain objects, as the loader makes them). */
function bigCatalogue(): Guide[] {
  const out: Guide[] = [];
  for (let c = 0; c < 10_000; c++) {
    for (const [role, roleDisplay] of ROLES) {
      out.push(
        guide({
          id: `company-${c}/${role}`,
          file: `guides/company-${c}/${role}.md`,
          company: `company-${c}`,
          companyDisplay: `Company ${c}`,
          role,
          roleDisplay,
          lastUpdated: c === 4242 && role === "designer" ? "2026-11-30" : "2026-01-15",
          nextReviewDue: c % 1000 === 0 ? "2026-06-01" : "2027-06-01",
        }),
      );
    }
  }
  return out;
}

describe("pickers over 50,000 guides", () => {
  const guides = bigCatalogue();

  it("companies: at most 100 options, searched by the words typed", () => {
    const first = pickCompanies(guides, "", 100);
    expect(first).toHaveLength(100);
    const typed = pickCompanies(guides, "company 424", 100);
    // "424" starts the words of Company 424 and Company 4240–4249: 11 companies.
    expect(typed.map((o) => o.value).sort()).toEqual(
      ["company-424", ...Array.from({ length: 10 }, (_, i) => `company-424${i}`)].sort(),
    );
    expect(pickCompanies(guides, "company", 100)).toHaveLength(100);
    expect(pickCompanies(guides, "nothing like it", 100)).toEqual([]);
  });

  it("roles of a company, regions of a guide", () => {
    expect(pickRoles(guides, "company-7", "eng", 100)).toEqual([
      { value: "ml-ai-engineer", label: "ML/AI Engineer" },
      { value: "software-engineer", label: "Software Engineer" },
    ]);
    expect(pickRoles(guides, "no-such-company", "", 100)).toEqual([]);
    expect(pickRegions(guides, "company-7", "designer", "", 100)).toEqual([
      { value: "san-francisco", label: "San Francisco · USD" },
      { value: "new-york", label: "New York · USD" },
      { value: "london", label: "London · GBP" },
    ]);
    expect(pickRegions(guides, "company-7", "designer", "new", 100)).toEqual([
      { value: "new-york", label: "New York · USD" },
    ]);
  });

  it("guides: company or role first, every typed word matched, at most the limit", () => {
    expect(pickGuides(guides, "company 9999 data", 100)).toEqual([
      { value: "company-9999/data-scientist", label: "Company 9999 · Data Scientist" },
    ]);
    const byRole = pickGuides(guides, "designer", 100);
    expect(byRole).toHaveLength(100);
    for (const o of byRole) expect(o.value).toMatch(/^company-\d+\/designer$/);
    expect(pickGuides(guides, "zzz", 100)).toEqual([]);
  });

  it("freshness: how many guides, how many overdue, the newest update", () => {
    expect(freshness(guides, "2026-12-01")).toEqual({
      guides: 50_000,
      overdue: 50,
      newestUpdate: "2026-11-30",
    });
    expect(freshness(guides, "2026-05-01")).toEqual({
      guides: 50_000,
      overdue: 0,
      newestUpdate: "2026-11-30",
    });
    expect(freshness([], "2026-12-01")).toEqual({ guides: 0, overdue: 0, newestUpdate: null });
  });
});

describe("suggested prompts", () => {
  it("a band, an offer check, a level lookup and a script on the first guide with a band", () => {
    const g = guide({ bands: [LONDON, SF, NY] });
    expect(suggestedPrompts([guide({ id: "x/y", company: "x", role: "y", bands: [] }), g])).toEqual([
      { title: "Band: ML/AI Engineer at Segment, London", message: "segment ml-ai-engineer london" },
      {
        title: "Check an offer: ML/AI Engineer at Segment",
        message: "offer segment ml-ai-engineer london base 149k",
      },
      { title: "Level mapping: ML/AI Engineer at Segment", message: "level segment ml-ai-engineer" },
      { title: "Negotiation script: ML/AI Engineer at Segment", message: "script segment ml-ai-engineer" },
    ]);
  });

  it("an empty catalogue falls back to help and the list", () => {
    expect(suggestedPrompts([])).toEqual([
      { title: "What can you answer?", message: "help" },
      { title: "Which guides are there?", message: "list" },
    ]);
  });
});
