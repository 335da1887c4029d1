/** Text normalisation shared by the index and the question parser: folding, words, phrase keys, slugs. */
import { describe, expect, it } from "vitest";
import { escapeRegExp, fold, phraseKey, slugify, words } from "./normalize.ts";

describe("fold", () => {
  it("lower-cases, drops accents and unifies compatibility forms", () => {
    expect(fold("São Paulo")).toBe("sao paulo");
    expect(fold("ＳＦ")).toBe("sf");
    expect(fold("Zürich–Œuvre")).toBe("zurich–œuvre");
  });
});

describe("words", () => {
  it("drops a possessive 's, with a straight or a curly apostrophe, but not an 's' that starts a word", () => {
    expect(words("McDonald’s Corp")).toEqual(["mcdonald", "corp"]);
    expect(words("Macy's")).toEqual(["macy"]);
    expect(words("O'Shea")).toEqual(["o", "shea"]);
  });

  it("splits on anything that is not a letter or a digit, and keeps digits", () => {
    expect(words("--L5/L6 (IC4)--")).toEqual(["l5", "l6", "ic4"]);
    expect(words("   ")).toEqual([]);
  });
});

describe("phraseKey and slugify", () => {
  it("join the words with one space or one dash", () => {
    expect(phraseKey("São  Paulo!")).toBe("sao paulo");
    expect(slugify("  São Paulo ")).toBe("sao-paulo");
    expect(slugify("?")).toBe("");
  });
});

describe("escapeRegExp", () => {
  it("gives a pattern that matches the text itself and nothing else", () => {
    const special = "C$ US$ (a+b)*[1-2]? {3} ^x|y \\ .";
    const pattern = new RegExp(`^${escapeRegExp(special)}$`);
    expect(pattern.test(special)).toBe(true);
    expect(pattern.test(special.replace(".", "!"))).toBe(false);
    expect(new RegExp(escapeRegExp("C$")).test("C")).toBe(false);
    expect(escapeRegExp("plain words")).toBe("plain words");
  });
});
