import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasMojibake, repairMojibake } from "./repair.ts";
import { hasUndefinedCp1252Byte, seedText, toMojibake } from "./test-fixtures.ts";

/** cp1252 mojibake where the undefined bytes were lost (as in the seed). */
const lossyMojibake = (s: string) => toMojibake(s).replace(/[\u0081\u008d\u008f\u0090\u009d]/g, "");

describe("repairMojibake: examples", () => {
  it("repairs the usual sequences", () => {
    expect(repairMojibake("$188Kâ€“$228K").text).toBe("$188K–$228K");
    expect(repairMojibake("Â£132K").text).toBe("£132K");
    expect(repairMojibake("CDP â€” predictive").text).toBe("CDP — predictive");
    expect(repairMojibake("â€œhiâ€\u009d").text).toBe("\u201chi\u201d");
    expect(repairMojibake("itâ€™s").text).toBe("it’s");
    expect(repairMojibake("cafÃ©").text).toBe("café");
    expect(repairMojibake("Â£1").repaired).toBe(1);
  });

  it("repairs double-encoded text", () => {
    const s = "café – £5 “ok” 🏗️";
    expect(repairMojibake(toMojibake(toMojibake(s))).text).toBe(s);
    expect(repairMojibake(toMojibake(toMojibake(toMojibake(s)))).text).toBe(s);
  });

  it("drops an emoji that lost a byte, with its variation selector, and collapses the space", () => {
    const r = repairMojibake("### ðŸ—ï¸ AI Customer Intelligence Engine Lever\n");
    expect(r.text).toBe("### AI Customer Intelligence Engine Lever\n");
    expect(r.dropped).toBe(2);
    expect(repairMojibake("ðŸ—ï¸ Title").text).toBe("Title");
  });

  it("restores a closing quote whose 0x9D byte was lost", () => {
    expect(repairMojibake("â€œHiâ€ he said").text).toBe("\u201cHi\u201d he said");
    expect(repairMojibake("end â€").text).toBe("end \u201d");
  });

  it("leaves legitimate accented text alone", () => {
    for (const s of [
      "café",
      "SÃO Paulo",
      "Ã",
      "naïve",
      "Nestlé’s offer",
      "Zürich — 10%",
      "à la carte",
      "Â",
    ]) {
      expect(repairMojibake(s)).toEqual({ text: s, repaired: 0, dropped: 0 });
    }
  });

  it("keeps every character outside mojibake sequences", () => {
    const prefix = "a\r\n\tb  c \u00a0 ü ";
    const r = repairMojibake(`${prefix}${toMojibake("–")}${prefix}`);
    expect(r.text).toBe(`${prefix}–${prefix}`);
  });

  it("repairs the seed guide completely", () => {
    const seed = seedText();
    expect(hasMojibake(seed)).toBe(true);
    const r = repairMojibake(seed);
    expect(hasMojibake(r.text)).toBe(false);
    expect(r.text).toContain("| London | £132K–£165K | £102K–£188K | 10–15% | £182K–£248K |");
    expect(r.text).toContain("\n### AI Customer Intelligence Engine Lever\n");
    expect(r.dropped).toBe(2);
    expect(r.repaired).toBe(28);
    // Outside the changed spots the file is untouched: same lines except those that had mojibake.
    const before = seed.split("\n");
    const after = r.text.split("\n");
    expect(after).toHaveLength(before.length);
    after.forEach((line, i) => {
      if (!hasMojibake(before[i]!)) expect(line).toBe(before[i]);
    });
  });

  it("stops after 16 passes on contrived input, so its work stays bounded (speed: npm run bench)", () => {
    // Each pass turns the last "Â\u0080" into "\u0080", exposing another "Â\u0080": 16 passes, 16 repairs.
    expect(repairMojibake(`${"Â".repeat(40)}\u0080`)).toEqual({
      text: `${"Â".repeat(24)}\u0080`,
      repaired: 16,
      dropped: 0,
    });
    expect(repairMojibake("x".repeat(1_000_000)).text).toHaveLength(1_000_000);
  });
});

describe("hasMojibake", () => {
  it("spots the markers", () => {
    for (const s of ["â€“", "Â£", "Â\u00a0", "Ã©", "ðŸ", "ï¸"]) expect(hasMojibake(`x ${s} y`)).toBe(true);
  });
  it("passes clean text", () => {
    for (const s of ["café – £5", "naïve", "🏗️ build", "Ã alone", "“quoted”"])
      expect(hasMojibake(s)).toBe(false);
  });
});

/** One grapheme (printable, possibly emoji) whose UTF-8 has no byte cp1252 lacks. */
const cleanGrapheme = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 1 })
  .filter((g) => !hasUndefinedCp1252Byte(g));
const interesting = fc.constantFrom(
  "é",
  "’",
  "—",
  "–",
  "£",
  "€",
  "Ã",
  "Â",
  "ï",
  "ð",
  "a",
  " ",
  "\n",
  "😀",
  "🏗",
  "ñ",
  "\u00a0",
  "“",
  "”",
  "™",
  "ž",
  "日本",
);
const textOf = (unit: fc.Arbitrary<string>) => fc.array(unit, { maxLength: 30 }).map((a) => a.join(""));

describe("repairMojibake: properties", () => {
  it("undoes cp1252 mojibake of any clean text (lossy variant)", () => {
    fc.assert(
      fc.property(
        fc.oneof(textOf(cleanGrapheme), textOf(interesting.filter((g) => !hasUndefinedCp1252Byte(g)))),
        (s) => {
          fc.pre(repairMojibake(s).text === s); // s itself must not look like mojibake
          expect(repairMojibake(lossyMojibake(s)).text).toBe(s);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("undoes Latin-1-style mojibake (undefined bytes kept as C1 controls) of any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), textOf(interesting)), (s) => {
        fc.pre(repairMojibake(s).text === s);
        expect(repairMojibake(toMojibake(s)).text).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws and is idempotent on arbitrary text", () => {
    const damaged = fc
      .tuple(
        fc.oneof(fc.string({ unit: "binary" }), textOf(interesting)),
        fc.array(fc.nat(), { maxLength: 4 }),
      )
      .map(([s, cuts]) => {
        const chars = [...toMojibake(s)];
        for (const c of cuts) if (chars.length > 0) chars.splice(c % chars.length, 1);
        return chars.join("");
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), damaged), (s) => {
        const once = repairMojibake(s);
        const twice = repairMojibake(once.text);
        expect(twice.text).toBe(once.text);
        expect(twice.repaired + twice.dropped).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("U+FFFD", () => {
  it("counts as mojibake and is dropped, counted as a dropped character", () => {
    expect(hasMojibake("Acme Z\ufffdrich")).toBe(true);
    expect(repairMojibake("Acme Z\ufffdrich \ufffd")).toEqual({
      text: "Acme Zrich ",
      repaired: 0,
      dropped: 2,
    });
    expect(repairMojibake("Â£150K \ufffd")).toEqual({ text: "£150K ", repaired: 1, dropped: 1 });
  });
});
