import os from "node:os";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { mulberry32, planCorpus } from "../../bench/generate.ts";
import { parseSimpleYaml } from "./simple-yaml.ts";
import { seedText } from "./test-fixtures.ts";

/** js-yaml's answer, the way gray-matter asks for it. */
function jsYaml(text: string): { ok: unknown } | { error: string } {
  try {
    return { ok: yaml.safeLoad(text) };
  } catch (err) {
    return { error: String(err) };
  }
}

/** Where the simple reader gives a result, it must be js-yaml's, to the prototype (dates, arrays, objects). */
function expectSameAsJsYaml(text: string): boolean {
  const simple = parseSimpleYaml(text);
  if (simple === undefined) return false;
  expect({ ok: simple }, text).toStrictEqual(jsYaml(text));
  return true;
}

/** The text between the opening "---" and the closing one, as fast-split.ts cuts it. */
function matterOf(text: string): string {
  expect(text.startsWith("---\n")).toBe(true);
  return text.slice(3, text.indexOf("\n---", 3));
}

const seedMatter = matterOf(seedText());

describe("parseSimpleYaml", () => {
  it("reads the seed guide's frontmatter, as js-yaml does", () => {
    expect(expectSameAsJsYaml(seedMatter)).toBe(true);
    const data = parseSimpleYaml(seedMatter)!;
    expect(data.company).toBe("segment");
    expect(data.last_updated).toStrictEqual(new Date(Date.UTC(2026, 1, 23)));
    expect(data.salary_data_quarter).toBe("2025-Q4");
    const london = (data.compensation as Record<string, unknown>[])[2]!;
    expect(london).toStrictEqual({
      region: "London",
      base_low: 132000,
      base_high: 165000,
      stock_low: 102000,
      stock_high: 188000,
      bonus_pct: 10,
      total_comp_low: 182000,
      total_comp_high: 248000,
      currency: "GBP",
    });
    expect(data.level_mapping).toStrictEqual({
      internal: null,
      raw: "Segment ML/AI = Google L4-L5 ML = Meta ML E5 = Salesforce Einstein ML = mParticle AI Lead",
    });
    expect(data.negotiation_dna_summary).toBe(
      "Top-Tier Twilio RSU + Signing Bonus | AI-Native Customer Data Intelligence 2026",
    );
  });

  it("reads every well-formed guide of a generated catalogue, as js-yaml does", () => {
    const { specs, texts } = planCorpus({ seed: 11, n: 400, dir: os.tmpdir(), broken: 0.1, mojibake: 0.1 });
    let read = 0;
    let readable = 0;
    for (const spec of specs) {
      const matter = matterOf(texts(spec));
      if ("ok" in jsYaml(matter)) readable++;
      if (expectSameAsJsYaml(matter)) read++;
    }
    expect(readable).toBeGreaterThan(300);
    expect(read).toBe(readable);
  });

  // Expected values written from the YAML rules js-yaml 3 follows, not from either reader.
  const cases: Array<[string, Record<string, unknown>]> = [
    ["a: 1\nb: x\n", { a: 1, b: "x" }],
    ["\na: 1\n\n   \nb: x", { a: 1, b: "x" }],
    ["# a comment\na: 1\n  # an indented comment\nb: 2  ", { a: 1, b: 2 }],
    ["d: 2026-02-23", { d: new Date(Date.UTC(2026, 1, 23)) }],
    ["q: 2025-Q4\nr: 12-17", { q: "2025-Q4", r: "12-17" }],
    ["n: null\nm:\nl: ~\nk: Null", { n: null, m: null, l: null, k: null }],
    ["t: true\nf: FALSE\ny: yes\no: on", { t: true, f: false, y: "yes", o: "on" }],
    ["f: 10.5\ng: 1e3\nh: .inf", { f: 10.5, g: 1000, h: Number.POSITIVE_INFINITY }],
    ["o: 010\nx: 0x1F\nu: 1_000\ns: '010'", { o: 8, x: 31, u: 1000, s: "010" }],
    ['q: "a: b # c"\ns: \'it is\'\ne: ""', { q: "a: b # c", s: "it is", e: "" }],
    ["u: http://example.com/a?b=c\nv: a:b\nw: x#y", { u: "http://example.com/a?b=c", v: "a:b", w: "x#y" }],
    ["p: £132,000 – £165,000\nc: Zürich", { p: "£132,000 – £165,000", c: "Zürich" }],
    ["l:\n  - a\n  - 2\n  -   c", { l: ["a", 2, "c"] }],
    ["l:\n- a\n- b\nk: 1", { l: ["a", "b"], k: 1 }],
    [
      "c:\n  - region: A\n    base: 1\n  -   region: B\n      base: 2\nz: 3",
      {
        c: [
          { region: "A", base: 1 },
          { region: "B", base: 2 },
        ],
        z: 3,
      },
    ],
    ["m:\n    a: 1\n    b:\n      c: x\n    d: 2", { m: { a: 1, b: { c: "x" }, d: 2 } }],
    ["_1: a\nk: _1", { _1: "a", k: "_1" }],
    ["my-key_2: v", { "my-key_2": "v" }],
    ["A: Z\nZ: A\na: z\nz: a\nk09: 90", { A: "Z", Z: "A", a: "z", z: "a", k09: 90 }],
    ["s: 'C:\\dir'\nt: '\"'", { s: "C:\\dir", t: '"' }],
    [`${"k".repeat(64)}: 1`, { ["k".repeat(64)]: 1 }],
  ];
  it.each(cases)("reads %j", (text, expected) => {
    expect(parseSimpleYaml(text)).toStrictEqual(expected);
    expect(jsYaml(text)).toStrictEqual({ ok: expected });
  });

  const outsideTheSubset: string[] = [
    "",
    "# only a comment\n",
    "  a: 1",
    "a: 1\r\nb: 2",
    "a:\t1",
    "\ufeffa: 1",
    "a: 1\na: 2",
    "True: 1",
    "__proto__: 1",
    "a: [1, 2]",
    "a: {b: 1}",
    "a: &x 1\nb: *x",
    "a: !!str 1",
    "a: |\n  text",
    "a: >\n  text",
    "a: one\n  two",
    "a: one\n\n  two",
    'a: "one\n  two"',
    'a: "tab\\there"',
    "a: 'it''s'",
    "a: x # comment",
    "a: -1",
    "a: ?x",
    "a: b: c",
    "a:b",
    "a : b",
    "- a\n- b",
    "a:\n  - \n  - b",
    "a:\n  -\n    b: 1",
    "a:\n  - - b",
    "a:\n  -5",
    "l:\n  - a\n  -b",
    "a:\n  -",
    "a:\n  -\n  - b",
    'a: "x"y"',
    "a: 'x'y'",
    'a: "',
    "a: '",
    "a: 'x\nb: y'",
    "a:\n  b: 1\n c: 2",
    "a:\n  b: 1\n   c: 2",
    "a:\n  - b: 1\n   c: 2",
    "a: 1\n---\nb: 2",
    "%YAML 1.2\n---\na: 1",
    "a: 1\n...",
    "? a\n: b",
    '"a": 1',
    "a: 😀",
    "a: \u2028",
    `${"k".repeat(65)}: 1`,
  ];
  it.each(outsideTheSubset)("leaves %j to js-yaml", (text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });

  it("takes the letter-initial words js-yaml types, and only those, as typed", () => {
    // js-yaml itself says which plain words are not strings; the reader must agree on all of them.
    const words = ["null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE"];
    words.push("yes", "No", "on", "Off", "y", "n", "nan", "NaN", "inf", "Infinity", "e1", "E10", "x1", "b0");
    words.push("a1:20", "T12", "Z", "n_1", "o777", "x0", "l10", "d2026-01-01");
    for (const word of words) {
      expect(expectSameAsJsYaml(`k: ${word}`), word).toBe(true);
      // As a key, a word js-yaml types is left to it ("True: 1" is stored under "true").
      const typedWord = (jsYaml(`k: ${word}`) as { ok: { k: unknown } }).ok.k !== word;
      if (/^[a-z_][a-z0-9_-]*$/i.test(word)) expect(expectSameAsJsYaml(`${word}: v`), word).toBe(!typedWord);
    }
  });

  it("makes a new date object each time: one guide's dates are never another's", () => {
    const first = parseSimpleYaml("d: 2026-02-23")!;
    const second = parseSimpleYaml("d: 2026-02-23")!;
    expect(second.d).not.toBe(first.d);
    (first.d as Date).setUTCFullYear(1999);
    expect(second.d).toStrictEqual(new Date(Date.UTC(2026, 1, 23)));
    expect(parseSimpleYaml("d: 2026-02-23")!.d).toStrictEqual(new Date(Date.UTC(2026, 1, 23)));
  });

  it("reads numbers as js-yaml does (decimal, octal, long, signed, with underscores or dots)", () => {
    const random = mulberry32(7);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
    const numbers = [
      "+.",
      "$$",
      "((",
      "0",
      "00",
      "7",
      "08",
      "010",
      "1_000",
      "+5",
      "-5",
      "1.5",
      "1e3",
      "123456789012345",
    ];
    numbers.push("1234567890123456", "9007199254740993", "99999999999999999999", "1:30", "0b101", "0x1F");
    for (let n = 0; n < 300; n++) numbers.push(digits(1 + Math.floor(random() * 20)));
    for (const number of numbers)
      expect(expectSameAsJsYaml(`k: ${number}`), number).toBe(!number.startsWith("-"));
  });

  it("gives js-yaml's result, or leaves the text to js-yaml, on thousands of random edits of the seed", () => {
    const random = mulberry32(20261203);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const pieces = [" ", "  ", "\n", "\n  ", "- ", ":", ": ", "#", " #", '"', "'", "\\", "-", "~", "0", "07"];
    pieces.push("1e3", "_", ".", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "?", "%", "@", "`", "\t");
    pieces.push("\r", "null", "True", "2026-02-30", "x", "é", "£", "\u00a0", "---", "<<");
    let read = 0;
    let left = 0;
    for (let round = 0; round < 4000; round++) {
      let text = seedMatter;
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * text.length);
        const kind = random();
        if (kind < 0.5) text = text.slice(0, at) + pick(pieces) + text.slice(at);
        else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
        else {
          // a whole line copied elsewhere (duplicate keys, items out of place)
          const lines = text.split("\n");
          lines.splice(Math.floor(random() * lines.length), 0, pick(lines));
          text = lines.join("\n");
        }
      }
      if (expectSameAsJsYaml(text)) read++;
      else left++;
    }
    // Both paths are exercised: edits inside values mostly stay in the subset, edits of the structure do not.
    expect(read).toBeGreaterThan(800);
    expect(left).toBeGreaterThan(500);
  });
});
