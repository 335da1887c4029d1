import { describe, expect, it } from "vitest";
import { levelMatches, parseLevelMapping } from "./levels.ts";

describe("parseLevelMapping", () => {
  it("parses the seed's mapping, skipping the guide's own company", () => {
    expect(
      parseLevelMapping(
        "Segment ML/AI = Google L4-L5 ML = Meta ML E5 = Salesforce Einstein ML = mParticle AI Lead",
        "Segment",
      ),
    ).toEqual([
      { company: "Google", level: "L4-L5 ML" },
      { company: "Meta", level: "ML E5" },
      { company: "Salesforce", level: "Einstein ML" },
      { company: "mParticle", level: "AI Lead" },
    ]);
  });

  it("matches the own company case-insensitively and as a whole word", () => {
    expect(parseLevelMapping("segment ML = Google L5", "Segment")).toEqual([
      { company: "Google", level: "L5" },
    ]);
    expect(parseLevelMapping("Meta E5 = Metabase Senior", "Meta")).toEqual([
      { company: "Metabase", level: "Senior" },
    ]);
  });

  it("reads a run of spaces or tabs inside a part as one space, the own company's name included", () => {
    expect(parseLevelMapping("Jane  Street L3 =  Google \t L5", "Jane Street")).toEqual([
      { company: "Google", level: "L5" },
    ]);
  });

  it("copes with empty parts, lone company names and extra spaces", () => {
    expect(parseLevelMapping("", "X")).toEqual([]);
    expect(parseLevelMapping(" = Stripe =  Google   L5 ", "X")).toEqual([
      { company: "Stripe", level: "" },
      { company: "Google", level: "L5" },
    ]);
  });
});

describe("parseLevelMapping: multi-word companies", () => {
  it("does not take the first word as the company", () => {
    expect(
      parseLevelMapping(
        "Acme Senior = Jane Street L3 = Two Sigma Quant Researcher = Hudson River Trading Core",
        "Acme",
      ),
    ).toEqual([
      { company: "Jane Street", level: "L3" },
      { company: "Two Sigma", level: "Quant Researcher" },
      { company: "Hudson River Trading", level: "Core" },
    ]);
  });

  it("ends an unknown company's name where its level starts (a digit or a title word)", () => {
    expect(
      parseLevelMapping("X = Contoso Labs L4 = Fabrikam Works Senior Engineer = Northwind E5", "X"),
    ).toEqual([
      { company: "Contoso Labs", level: "L4" },
      { company: "Fabrikam Works", level: "Senior Engineer" },
      { company: "Northwind", level: "E5" },
    ]);
  });

  it("uses the catalogue's names when it is given them", () => {
    const known = (key: string) => key === "contoso labs" || key === "northwind";
    expect(parseLevelMapping("X = Contoso Labs Einstein = Northwind Traders Lead", "X", known)).toEqual([
      { company: "Contoso Labs", level: "Einstein" },
      { company: "Northwind", level: "Traders Lead" },
    ]);
    // Without them, a name with no level word keeps the old first-word reading.
    expect(parseLevelMapping("X = Contoso Labs Einstein", "X")).toEqual([
      { company: "Contoso", level: "Labs Einstein" },
    ]);
  });

  it("splits a part the same with or without the catalogue's names, in either order, however often it recurs", () => {
    // Parts recur from guide to guide and the parser remembers its splits (text/recent.ts): a split made
    // without the catalogue's names must not answer for one made with them, nor the other way round.
    const known = (key: string) => key === "tailspin toys";
    const raw = "X = Tailspin Toys Einstein";
    expect(parseLevelMapping(raw, "X")).toEqual([{ company: "Tailspin", level: "Toys Einstein" }]);
    expect(parseLevelMapping(raw, "X", known)).toEqual([{ company: "Tailspin Toys", level: "Einstein" }]);
    expect(parseLevelMapping(raw, "X")).toEqual([{ company: "Tailspin", level: "Toys Einstein" }]);
  });

  it("gives each guide equivalences of its own, even for a part it has split before", () => {
    const first = parseLevelMapping("X = Wingtip L6", "X");
    first[0]!.level = "changed by the first guide's reader";
    const second = parseLevelMapping("Y = Wingtip L6", "Y");
    expect(second).toEqual([{ company: "Wingtip", level: "L6" }]);
    expect(second[0]).not.toBe(first[0]);
  });
});

describe("levelMatches", () => {
  it("expands letter+number ranges", () => {
    for (const asked of ["l4", "L5", "L4-L5", "l4–l5", "ml", "L4 ML"])
      expect(levelMatches("L4-L5 ML", asked)).toBe(true);
    expect(levelMatches("L4-L5 ML", "l6")).toBe(false);
    expect(levelMatches("L4-L5 ML", "L3-L4")).toBe(false);
    expect(levelMatches("E5-E6", "e6")).toBe(true);
    expect(levelMatches("IC4–IC6", "ic5")).toBe(true);
    expect(levelMatches("IC4–IC6", "ic7")).toBe(false);
  });

  it("matches whole tokens only", () => {
    expect(levelMatches("ML E5", "e5")).toBe(true);
    expect(levelMatches("ML E5", "l6")).toBe(false);
    expect(levelMatches("L50", "L5")).toBe(false);
    expect(levelMatches("L5", "L50")).toBe(false);
    expect(levelMatches("Senior Staff", "staff")).toBe(true);
    expect(levelMatches("Senior Staff", "sta")).toBe(false);
    expect(levelMatches("L5", "")).toBe(false);
  });
});
