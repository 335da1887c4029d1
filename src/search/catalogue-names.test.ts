/**
 * Level mappings read with the catalogue's company names (SearchIndex.equivalencesOf): the loader splits
 * "Contoso Labs Einstein" as Contoso + "Labs Einstein" (it does not know Contoso Labs); the index, which knows
 * the catalogue, reads Contoso Labs + "Einstein".
 */
import { describe, expect, it } from "vitest";
import { guideOf } from "./guides.test-helpers.ts";
import { SearchIndex } from "./index.ts";

describe("SearchIndex.equivalencesOf", () => {
  it("splits an outside company name the catalogue knows as one company", () => {
    const contoso = guideOf({ company: "contoso-labs", companyDisplay: "Contoso Labs" });
    const acme = guideOf({
      company: "acme",
      companyDisplay: "Acme",
      levels: "Acme Data Scientist = Contoso Labs Einstein = Google L5",
    });
    expect(acme.levelMapping.equivalences[0]).toEqual({ company: "Contoso", level: "Labs Einstein" });
    const index = new SearchIndex([contoso, acme]);
    expect(index.equivalencesOf(acme)).toEqual([
      { company: "Contoso Labs", level: "Einstein" },
      { company: "Google", level: "L5" },
    ]);
    expect(index.levelCompany("contoso labs")).toEqual({ key: "contoso labs", display: "Contoso Labs" });
    expect(index.levelCompany("contoso")).toBeUndefined();
    expect([...index.levelTextsOf("contoso labs")]).toEqual(["Einstein"]);
    expect(index.levelLinksOf("contoso labs")).toEqual([
      { guide: acme, equivalence: { company: "Contoso Labs", level: "Einstein" } },
    ]);
    expect(index.exact("contoso labs").map((h) => h.entity.kind)).toEqual(["company", "level-company"]);
  });

  it("matches a name with accents and capitals by its folded first word", () => {
    const zurich = guideOf({ company: "zurich-insurance", companyDisplay: "Zürich Insurance" });
    const acme = guideOf({
      company: "acme",
      companyDisplay: "Acme",
      levels: "Acme Data Scientist = ZÜRICH Insurance Analyst",
    });
    expect(acme.levelMapping.equivalences).toEqual([{ company: "ZÜRICH", level: "Insurance Analyst" }]);
    const index = new SearchIndex([zurich, acme]);
    expect(index.equivalencesOf(acme)).toEqual([{ company: "ZÜRICH Insurance", level: "Analyst" }]);
    expect(index.levelCompany("zurich insurance")).toEqual({
      key: "zurich insurance",
      display: "ZÜRICH Insurance",
    });
  });

  it("leaves a mapping as the loader split it when no catalogue name starts it", () => {
    const contoso = guideOf({ company: "contoso-labs", companyDisplay: "Contoso Labs" });
    const acme = guideOf({
      company: "acme",
      companyDisplay: "Acme",
      levels: "Acme Data Scientist = Initech Systems Analyst = Contoso L4",
    });
    const index = new SearchIndex([contoso, acme]);
    expect(index.equivalencesOf(acme)).toEqual([
      { company: "Initech", level: "Systems Analyst" },
      { company: "Contoso", level: "L4" },
    ]);
    expect(index.levelCompany("contoso")).toEqual({ key: "contoso", display: "Contoso" });
  });

  it("reads the same mapping the same way in every guide that has it", () => {
    const contoso = guideOf({ company: "contoso-labs", companyDisplay: "Contoso Labs" });
    const levels = "Contoso Labs Einstein = Google L5";
    const acme = guideOf({ company: "acme", companyDisplay: "Acme", levels });
    const globex = guideOf({ company: "globex", companyDisplay: "Globex", levels });
    const index = new SearchIndex([contoso, acme, globex]);
    expect(index.equivalencesOf(globex)).toEqual([
      { company: "Contoso Labs", level: "Einstein" },
      { company: "Google", level: "L5" },
    ]);
    expect(index.levelLinksOf("contoso labs").map((l) => l.guide.id)).toEqual([
      "acme/data-scientist",
      "globex/data-scientist",
    ]);
  });

  it("reads two mappings that start with the same catalogue name each as written", () => {
    const contoso = guideOf({ company: "contoso-labs", companyDisplay: "Contoso Labs" });
    const acme = guideOf({ company: "acme", companyDisplay: "Acme", levels: "Contoso Labs Einstein" });
    const globex = guideOf({ company: "globex", companyDisplay: "Globex", levels: "Contoso Labs Newton" });
    const index = new SearchIndex([contoso, acme, globex]);
    expect(index.equivalencesOf(acme)).toEqual([{ company: "Contoso Labs", level: "Einstein" }]);
    expect(index.equivalencesOf(globex)).toEqual([{ company: "Contoso Labs", level: "Newton" }]);
    expect([...index.levelTextsOf("contoso labs")]).toEqual(["Einstein", "Newton"]);
  });

  it("reads a catalogue name at the start of a longer outside name as the company, the rest as the level", () => {
    const initech = guideOf({ company: "initech", companyDisplay: "Initech" });
    const acme = guideOf({ company: "acme", companyDisplay: "Acme", levels: "Initech Systems L5" });
    expect(acme.levelMapping.equivalences).toEqual([{ company: "Initech Systems", level: "L5" }]);
    const index = new SearchIndex([initech, acme]);
    expect(index.equivalencesOf(acme)).toEqual([{ company: "Initech", level: "Systems L5" }]);
    expect(index.levelCompany("initech systems")).toBeUndefined();
    expect([...index.levelTextsOf("initech")]).toEqual(["Systems L5"]);
  });
});
