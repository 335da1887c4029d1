/**
 * SearchIndex.replaceInPlace with plain-data guides: what the index answers after an in-place edit (the new
 * guide object everywhere the old one was, level links included), and the edits it refuses (the caller then
 * rebuilds). See replace.test.ts for the same with guide files read by the loader.
 */
import { describe, expect, it } from "vitest";
import type { Guide } from "../guides/types.ts";
import { type GuideData, guideOf } from "./guides.test-helpers.ts";
import { SearchIndex } from "./index.ts";

/** The same guide file edited: new dates, same names. */
const edited = (d: GuideData): Guide => ({ ...guideOf(d), lastUpdated: "2026-11-30" });

const CONTOSO: GuideData = {
  company: "contoso-labs",
  companyDisplay: "Contoso Labs",
  levels: "Contoso Labs Data Scientist",
};
const ACME: GuideData = {
  company: "acme",
  companyDisplay: "Acme",
  levels: "Acme Data Scientist = Google L5 = Contoso Labs Einstein = Google L6",
};

describe("SearchIndex.replaceInPlace", () => {
  it("puts the edited guide in every place of the old one, each level link in its order", () => {
    const contoso = guideOf(CONTOSO);
    const before = guideOf(ACME);
    const index = new SearchIndex([contoso, before]);
    const after = edited(ACME);
    expect(index.replaceInPlace([{ before, after }])).toBe(true);

    expect(index.guides).toEqual([contoso, after]);
    expect(index.guides[1]).toBe(after);
    expect(index.guide("acme", "data-scientist")).toBe(after);
    expect(index.guidesOfCompany("acme")[0]).toBe(after);
    expect(index.guidesOfRole("data-scientist")[1]).toBe(after);
    expect(index.equivalencesOf(after)).toEqual([
      { company: "Google", level: "L5" },
      { company: "Contoso Labs", level: "Einstein" },
      { company: "Google", level: "L6" },
    ]);
    const google = index.levelLinksOf("google");
    expect(google.map((l) => [l.guide.lastUpdated, l.equivalence])).toEqual([
      ["2026-11-30", { company: "Google", level: "L5" }],
      ["2026-11-30", { company: "Google", level: "L6" }],
    ]);
    const labs = index.levelLinksOf("contoso labs");
    expect(labs.map((l) => [l.guide.lastUpdated, l.equivalence])).toEqual([
      ["2026-11-30", { company: "Contoso Labs", level: "Einstein" }],
    ]);
    expect(index.guideCount).toBe(2);
  });

  it("replaces twice in a row, and several guides in one batch", () => {
    const acme1 = guideOf(ACME);
    const globex1 = guideOf({ company: "globex", companyDisplay: "Globex", levels: "Google L4" });
    const index = new SearchIndex([acme1, globex1]);
    const acme2 = edited(ACME);
    expect(index.replaceInPlace([{ before: acme1, after: acme2 }])).toBe(true);
    const acme3 = edited(ACME);
    const globex2 = edited({ company: "globex", companyDisplay: "Globex", levels: "Google L4" });
    expect(
      index.replaceInPlace([
        { before: acme2, after: acme3 },
        { before: globex1, after: globex2 },
      ]),
    ).toBe(true);
    expect(index.guides[0]).toBe(acme3);
    expect(index.guides[1]).toBe(globex2);
    expect(index.levelLinksOf("google").map((l) => [l.guide, l.equivalence.level])).toEqual([
      [acme3, "L5"],
      [acme3, "L6"],
      [globex2, "L4"],
    ]);
    expect(index.replaceInPlace([{ before: acme1, after: acme3 }])).toBe(false);
  });

  it("takes an empty batch as done", () => {
    const acme = guideOf(ACME);
    const index = new SearchIndex([acme]);
    expect(index.replaceInPlace([])).toBe(true);
    expect(index.guides).toEqual([acme]);
  });

  it("refuses the same guide twice in one batch, and a guide moved to another file", () => {
    const before = guideOf(ACME);
    const index = new SearchIndex([before]);
    expect(
      index.replaceInPlace([
        { before, after: edited(ACME) },
        { before, after: edited(ACME) },
      ]),
    ).toBe(false);
    expect(index.replaceInPlace([{ before, after: { ...edited(ACME), file: "guides/acme/ds.md" } }])).toBe(
      false,
    );
    expect(index.guide("acme", "data-scientist")).toBe(before);
    expect(index.guides[0]).toBe(before);
  });

  it("keeps reading the old mapping after refusing a new level", () => {
    const contoso = guideOf(CONTOSO);
    const before = guideOf(ACME);
    const index = new SearchIndex([contoso, before]);
    const newLevel = guideOf({
      ...ACME,
      levels: "Acme Data Scientist = Google L5 = Contoso Labs Newton = Google L6",
    });
    expect(index.replaceInPlace([{ before, after: newLevel }])).toBe(false);
    expect(index.equivalencesOf(before)).toEqual([
      { company: "Google", level: "L5" },
      { company: "Contoso Labs", level: "Einstein" },
      { company: "Google", level: "L6" },
    ]);
    expect([...index.levelTextsOf("contoso labs")]).toEqual(["Einstein"]);
  });

  it("refuses an edit of any name the guide adds: the caller rebuilds", () => {
    const base: GuideData = {
      ...ACME,
      regions: [["Lisbon", "lisbon"]],
      extra: { company_aliases: ["Acme Inc"] },
    };
    const renamed: GuideData[] = [
      { ...base, companyDisplay: "Acme Co" },
      { ...base, roleDisplay: "Data Scientist II" },
      { ...base, regions: [["Porto", "porto"]] },
      { ...base, regions: [["LISBON", "lisbon"]] },
      { ...base, extra: { company_aliases: ["Acme Incorporated"] } },
      { ...base, extra: { company_aliases: ["Acme Inc"], role_aliases: ["DS"] } },
      { ...base, levels: "Acme Data Scientist = Google L5 = Contoso Labs Einstein = Google L7" },
    ];
    for (const data of renamed) {
      const before = guideOf(base);
      const index = new SearchIndex([guideOf(CONTOSO), before]);
      expect(index.replaceInPlace([{ before, after: edited(data) }])).toBe(false);
      expect(index.guide("acme", "data-scientist")).toBe(before);
    }
    const before = guideOf(base);
    const index = new SearchIndex([guideOf(CONTOSO), before]);
    expect(index.replaceInPlace([{ before, after: edited(base) }])).toBe(true);
  });
});
