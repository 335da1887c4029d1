/**
 * Mojibake repair at its edges: which damaged sequences are dropped and which are left as real text, where
 * the space after a dropped emoji goes, and the lead bytes UTF-8 restricts (no overlongs, surrogates or
 * code points past U+10FFFF).
 */
import { describe, expect, it } from "vitest";
import { repairMojibake } from "./repair.ts";

const fix = (s: string) => repairMojibake(s);

describe("a dropped emoji and the space after it", () => {
  it("no double or leading space where the emoji was, after a tab, a newline, a space or the start", () => {
    expect(fix("\tðŸ—ï¸ AI")).toEqual({ text: "\tAI", repaired: 0, dropped: 2 });
    expect(fix("\nðŸ—ï¸ AI")).toEqual({ text: "\nAI", repaired: 0, dropped: 2 });
    expect(fix(" ðŸ—ï¸ AI")).toEqual({ text: " AI", repaired: 0, dropped: 2 });
    expect(fix("ðŸ—ï¸ AI")).toEqual({ text: "AI", repaired: 0, dropped: 2 });
  });

  it("after a word the space stays", () => {
    expect(fix("xðŸ—ï¸ AI")).toEqual({ text: "x AI", repaired: 0, dropped: 2 });
    expect(fix("Hi ðŸ—ï¸AI")).toEqual({ text: "Hi AI", repaired: 0, dropped: 2 });
  });
});

describe("a right double quote that lost its last byte", () => {
  it("is restored before a space, punctuation or the end", () => {
    expect(fix("â€")).toEqual({ text: "\u201d", repaired: 1, dropped: 0 });
    expect(fix("â€ ")).toEqual({ text: "\u201d ", repaired: 1, dropped: 0 });
    expect(fix("â€.")).toEqual({ text: "\u201d.", repaired: 1, dropped: 0 });
    expect(fix("â€,")).toEqual({ text: "\u201d,", repaired: 1, dropped: 0 });
    expect(fix("â€)")).toEqual({ text: "\u201d)", repaired: 1, dropped: 0 });
    expect(fix("â€~")).toEqual({ text: "\u201d~", repaired: 1, dropped: 0 });
  });

  it("before a letter it was a lost joiner inside an emoji sequence: dropped", () => {
    expect(fix("â€x")).toEqual({ text: "x", repaired: 0, dropped: 1 });
    expect(fix("â€7")).toEqual({ text: "7", repaired: 0, dropped: 1 });
  });

  it("every ASCII punctuation mark counts, no letter or digit does", () => {
    for (const mark of ["!", "/", ":", "@", "[", "`", "{", "~", "\t", "\n"]) {
      expect(fix(`â€${mark}`).text, mark).toBe(`\u201d${mark}`);
    }
    for (const ch of ["0", "9", "A", "Z", "a", "z"]) expect(fix(`â€${ch}`).text, ch).toBe(ch);
  });
});

describe("sequences that lost a byte", () => {
  it("a symbol (â…) or a variation selector (ï…) that lost a byte is dropped", () => {
    expect(fix("â\u00a0x")).toEqual({ text: "x", repaired: 0, dropped: 1 });
    expect(fix("ï¿x")).toEqual({ text: "x", repaired: 0, dropped: 1 });
  });

  it("other accented letters followed by one symbol are real text, kept", () => {
    expect(fix("à x")).toEqual({ text: "à x", repaired: 0, dropped: 0 });
    expect(fix("é€x")).toEqual({ text: "é€x", repaired: 0, dropped: 0 });
  });

  it("any four-byte lead with one or two of its three continuations is dropped", () => {
    expect(fix("ñ\u0080\u0080x")).toEqual({ text: "x", repaired: 0, dropped: 1 });
    expect(fix("ó\u0080x")).toEqual({ text: "x", repaired: 0, dropped: 1 });
  });

  it("a four-byte lead is dropped only with a second byte UTF-8 allows", () => {
    expect(fix("ð\u0090\u0080x")).toEqual({ text: "x", repaired: 0, dropped: 1 });
    expect(fix("ð\u0080\u0080x")).toEqual({ text: "ð\u0080\u0080x", repaired: 0, dropped: 0 });
    expect(fix("ô\u008f\u0080x")).toEqual({ text: "x", repaired: 0, dropped: 1 });
    expect(fix("ô\u0090\u0080x")).toEqual({ text: "ô\u0090\u0080x", repaired: 0, dropped: 0 });
  });

  it("a three-byte lead with a second byte UTF-8 forbids is left", () => {
    expect(fix("â€")).toEqual({ text: "\u201d", repaired: 1, dropped: 0 });
    // E0 needs A0–BF, ED needs 80–9F (above is a surrogate): nothing is dropped for the others.
    expect(fix("à\u0080x")).toEqual({ text: "à\u0080x", repaired: 0, dropped: 0 });
    expect(fix("í\u00a0x")).toEqual({ text: "í\u00a0x", repaired: 0, dropped: 0 });
  });
});

describe("complete sequences", () => {
  it("decode at the edges of UTF-8", () => {
    expect(fix("\u00e0\u00a0\u0080").text).toBe("\u0800");
    expect(fix("\u00ed\u009f\u00bf").text).toBe("\ud7ff");
    expect(fix("\u00f0\u0090\u0080\u0080").text).toBe("\u{10000}");
    expect(fix("\u00f4\u008f\u00bf\u00bf")).toEqual({ text: "\u{10ffff}", repaired: 1, dropped: 0 });
    expect(fix("ðŸ˜€")).toEqual({ text: "😀", repaired: 1, dropped: 0 });
  });

  it("overlongs, surrogates and code points past U+10FFFF are left as they are", () => {
    for (const s of [
      "\u00e0\u0080\u0080",
      "\u00ed\u00a0\u0080",
      "\u00f0\u0080\u0080\u0080",
      "\u00f4\u0090\u0080\u0080",
      "\u00f5\u0080\u0080\u0080",
      "\u00c1\u0080",
    ]) {
      expect(fix(s), JSON.stringify(s)).toEqual({ text: s, repaired: 0, dropped: 0 });
    }
  });

  it("a complete sequence takes only the continuations it needs", () => {
    // A no-break space typed after the damage is not part of the "Ã©" before it.
    expect(fix("cafÃ©\u00a0!")).toEqual({ text: "café\u00a0!", repaired: 1, dropped: 0 });
    expect(fix("â€“\u00a0x")).toEqual({ text: "–\u00a0x", repaired: 1, dropped: 0 });
  });

  it("counts every sequence, over every pass", () => {
    expect(fix("Ã©Ã©")).toEqual({ text: "éé", repaired: 2, dropped: 0 });
    expect(fix("ÃƒÂ©")).toEqual({ text: "é", repaired: 3, dropped: 0 });
    expect(fix("a Ã© b â€“ c").text).toBe("a é b – c");
  });
});
