/**
 * Level mappings as guide authors write them, and the level a user asks for ("L5", "E5", "L4-L5") matched
 * against them: where a company name ends, which part is the guide's own company, and how ranges expand.
 */
import { describe, expect, it } from "vitest";
import { companyKey, levelMatches, parseLevelMapping, splitCompanyLevel } from "./levels.ts";

describe("splitCompanyLevel", () => {
  it("known companies win, matched case- and punctuation-insensitively, up to four words", () => {
    expect(splitCompanyLevel("GOOGLE L5")).toEqual({ company: "GOOGLE", level: "L5" });
    expect(splitCompanyLevel("D. E. Shaw Senior")).toEqual({ company: "D. E. Shaw", level: "Senior" });
    expect(splitCompanyLevel("Bank of America VP")).toEqual({ company: "Bank of America", level: "VP" });
    expect(splitCompanyLevel("Google DeepMind L6")).toEqual({ company: "Google DeepMind", level: "L6" });
    expect(splitCompanyLevel("Google")).toEqual({ company: "Google", level: "" });
    const known = (key: string) => key === "alpha beta gamma delta";
    expect(splitCompanyLevel("Alpha Beta Gamma Delta Epsilon", known)).toEqual({
      company: "Alpha Beta Gamma Delta",
      level: "Epsilon",
    });
  });

  it("an unknown company ends before the first level word (a title, a track or a word with a digit)", () => {
    expect(splitCompanyLevel("Contoso L5")).toEqual({ company: "Contoso", level: "L5" });
    expect(splitCompanyLevel("Fabrikam Works SENIOR")).toEqual({
      company: "Fabrikam Works",
      level: "SENIOR",
    });
    expect(splitCompanyLevel("Fabrikam Sr. Engineer")).toEqual({
      company: "Fabrikam",
      level: "Sr. Engineer",
    });
    expect(splitCompanyLevel("Contoso Labs II")).toEqual({ company: "Contoso Labs", level: "II" });
    expect(splitCompanyLevel("Alpha Beta Gamma IC4")).toEqual({ company: "Alpha Beta Gamma", level: "IC4" });
  });

  it("no level word within four words: the first word is the company, as written", () => {
    expect(splitCompanyLevel("Alpha Beta Gamma Delta L5")).toEqual({
      company: "Alpha",
      level: "Beta Gamma Delta L5",
    });
    expect(splitCompanyLevel("Alpha Beta")).toEqual({ company: "Alpha", level: "Beta" });
    expect(splitCompanyLevel("Contoso")).toEqual({ company: "Contoso", level: "" });
    expect(splitCompanyLevel("")).toEqual({ company: "", level: "" });
  });
});

describe("companyKey", () => {
  it("folds accents, case and punctuation into words joined by one space", () => {
    expect(companyKey("  Nestlé  S.A. ")).toBe("nestle s a");
    expect(companyKey("Hudson-River_Trading")).toBe("hudson river trading");
    expect(companyKey("...")).toBe("");
  });
});

describe("parseLevelMapping: the guide's own company", () => {
  it("is skipped only when its name is followed by a non-letter, non-digit", () => {
    expect(parseLevelMapping("Meta E5 = Metaverse L4 = Meta2 L3 = Meta-Labs L2", "Meta")).toEqual([
      { company: "Metaverse", level: "L4" },
      { company: "Meta2", level: "L3" },
    ]);
    expect(parseLevelMapping("Zürich AG Senior = Zürichsee L4", "Zürich AG")).toEqual([
      { company: "Zürichsee", level: "L4" },
    ]);
  });

  it("matches the name in any case, and counts any script's letters and digits as part of a word", () => {
    expect(
      parseLevelMapping("META e5 = Metaé L4 = meta· L3 = Meta\u0663 L2 = Meta\u{1D400} L1", "Meta"),
    ).toEqual([
      { company: "Metaé", level: "L4" },
      { company: "Meta\u0663", level: "L2" },
      { company: "Meta\u{1D400}", level: "L1" },
    ]);
  });

  it("folds case as Unicode does: the long s and the Kelvin sign are an s and a k", () => {
    expect(parseLevelMapping("\u017Fkype L4 = Google L5", "Skype")).toEqual([
      { company: "Google", level: "L5" },
    ]);
    expect(parseLevelMapping("\u212Aayak L3 = Meta E4", "kayak")).toEqual([{ company: "Meta", level: "E4" }]);
  });

  it("names with regex characters are matched literally", () => {
    expect(parseLevelMapping("C++ Co Senior = CCC Co Senior = Google L5", "C++ Co")).toEqual([
      { company: "CCC Co", level: "Senior" },
      { company: "Google", level: "L5" },
    ]);
  });

  it("a blank display name skips nothing", () => {
    expect(parseLevelMapping("Google L5 = Meta E5", "  ")).toEqual([
      { company: "Google", level: "L5" },
      { company: "Meta", level: "E5" },
    ]);
    // Not even a part that starts with punctuation (an empty name is "followed" by no letter there).
    expect(parseLevelMapping("Google L5 = (Contract) L3", "")).toEqual([
      { company: "Google", level: "L5" },
      { company: "(Contract)", level: "L3" },
    ]);
  });

  it("keeps a part that starts with punctuation and not with the name", () => {
    expect(parseLevelMapping("Meta E5 = (Contract) L3", "Meta")).toEqual([
      { company: "(Contract)", level: "L3" },
    ]);
  });

  it("trims the display name before comparing", () => {
    expect(parseLevelMapping("Meta E5 = Google L5", " Meta ")).toEqual([{ company: "Google", level: "L5" }]);
  });

  it("matches a name with regex characters literally outside ASCII too", () => {
    // Read as a pattern, "Café+ Co" would also name "Caféé Co".
    expect(parseLevelMapping("Café+ Co Senior = Caféé Co L4 = Google L5", "Café+ Co")).toEqual([
      { company: "Caféé Co", level: "L4" },
      { company: "Google", level: "L5" },
    ]);
  });

  it("collapses runs of spaces and tabs inside a part", () => {
    expect(parseLevelMapping("X =  Jane\t Street   L3 ", "X")).toEqual([
      { company: "Jane Street", level: "L3" },
    ]);
  });
});

describe("levelMatches: ranges", () => {
  it("expands a range however it is written", () => {
    expect(levelMatches("L4 - L5", "l5")).toBe(true);
    expect(levelMatches("L4—L6", "L5")).toBe(true);
    expect(levelMatches("L4—L6", "L4-L6")).toBe(true);
    expect(levelMatches("L4-5", "l5")).toBe(true);
    expect(levelMatches("L4-5", "l3")).toBe(false);
    expect(levelMatches("Ｌ５", "L5")).toBe(true);
  });

  it("expands up to 20 steps; longer ranges keep only their ends", () => {
    expect(levelMatches("L1-L21", "l11")).toBe(true);
    expect(levelMatches("L1-L22", "l11")).toBe(false);
    expect(levelMatches("L1-L22", "l1")).toBe(true);
    expect(levelMatches("L1-L22", "l22")).toBe(true);
  });

  it("a backwards range or one across prefixes keeps its two ends", () => {
    expect(levelMatches("L6-L4", "l6")).toBe(true);
    expect(levelMatches("L6-L4", "l4")).toBe(true);
    expect(levelMatches("L6-L4", "l5")).toBe(false);
    expect(levelMatches("E5-M1", "m1")).toBe(true);
    expect(levelMatches("E5-M1", "e6")).toBe(false);
    expect(levelMatches("E5-M1", "E5-M1")).toBe(true);
  });

  it("an asked range matches when every level in it is there, written as a range or not", () => {
    expect(levelMatches("L4 L5", "L4-L5")).toBe(true);
    expect(levelMatches("L4", "L4-L5")).toBe(false);
    expect(levelMatches("Staff L6", "senior-staff")).toBe(false);
    expect(levelMatches("Senior Staff", "senior-staff")).toBe(true);
  });

  it("nothing asked matches nothing", () => {
    expect(levelMatches("L5", "  ")).toBe(false);
    expect(levelMatches("L5", "-")).toBe(false);
  });
});
