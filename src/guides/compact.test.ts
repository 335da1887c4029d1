/**
 * The compact encoding the index cache and the parse workers use: what goes in comes back exactly (so a
 * cached or worker-parsed guide answers like a freshly parsed one), what cannot be encoded is left out and
 * parsed again, and damaged input is refused rather than turned into a wrong guide.
 */
import { describe, expect, it } from "vitest";
import {
  decodeEntries,
  type Encoded,
  encodeEntries,
  Interner,
  isEncodable,
  isPlainData,
  NO_STAT,
  type StatEntry,
} from "./compact.ts";
import { sampleGuide as guide, plainGuide } from "./guide.test-helpers.ts";
import type { FileEntry } from "./parse-file.ts";
import type { Guide, GuideProblem } from "./types.ts";

/** Decoded entries with each (packed) guide read into a plain one, to compare with the entries encoded. */
const plainItems = <T extends { entry: FileEntry }>(items: readonly T[]): T[] =>
  items.map((item) => ({
    ...item,
    entry: { ...item.entry, guide: item.entry.guide && plainGuide(item.entry.guide) },
  }));

const A = "/g/acme/backend-engineer.md";
const B = "/g/beta/ml.md";
const C = "/g/broken.md";

function entries(): StatEntry[] {
  return [
    {
      entry: {
        file: A,
        hash: "a".repeat(40),
        guide: guide(A),
        problems: [{ severity: "warning", code: "mojibake", file: A, path: "", message: "repaired 2" }],
        overdueAt: 1,
      },
      stat: { size: 1234, mtimeMs: 1700000000123.5, ctimeMs: 1700000000456.25, ino: 42 },
    },
    {
      entry: {
        file: B,
        hash: null,
        guide: guide(B, {
          id: "beta/ml",
          company: "beta",
          levelMapping: { internal: null, raw: "Beta", equivalences: [] },
          dataSources: [],
          extra: { team: { size: 40, tags: ["ml", null] }, founded: new Date("2020-01-02T00:00:00Z") },
        }),
        problems: [],
        overdueAt: 0,
      },
      stat: NO_STAT,
    },
    {
      entry: {
        file: C,
        hash: "c".repeat(40),
        guide: null,
        problems: [
          { severity: "error", code: "yaml", file: C, path: "", message: "expected valid YAML" },
          { severity: "warning", code: "duplicate", file: A, path: "company", message: "also in A" },
        ],
        overdueAt: 2,
      },
      stat: { size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0 },
    },
  ];
}

describe("encodeEntries / decodeEntries", () => {
  it("round-trips guides, problems (another file's too), stats, hashes and extra values exactly", () => {
    const items = entries();
    const encoded = encodeEntries(items);
    expect(encoded.skipped).toBe(0);
    expect(encoded.extras).toHaveLength(1);
    const decoded = decodeEntries(encoded);
    expect(plainItems(decoded)).toEqual(items);
    // Key order is kept, so a decoded guide serialises like a fresh one.
    expect(JSON.stringify(plainItems(decoded))).toBe(JSON.stringify(items));
    expect(decoded[1]!.entry.guide!.extra.founded).toBeInstanceOf(Date);
    expect(decoded[1]!.stat).toEqual({ size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 });
  });

  it("gives every entry without problems one shared, frozen empty list (not one array each)", () => {
    const other = { file: "/g/other.md", hash: "d".repeat(40), guide: null, problems: [], overdueAt: 0 };
    const items = [entries()[1]!, { entry: other, stat: NO_STAT }];
    const [first, second] = decodeEntries(encodeEntries(items));
    expect(first!.entry.problems).toEqual([]);
    expect(second!.entry.problems).toBe(first!.entry.problems);
    expect(Object.isFrozen(first!.entry.problems)).toBe(true);
    // An entry with problems has a list of its own.
    const [, , broken] = decodeEntries(encodeEntries(entries()));
    expect(Object.isFrozen(broken!.entry.problems)).toBe(false);
  });

  it("holds the numbers in Float32 when every one is exact there, else in Float64; stat tuples always in Float64", () => {
    const items = entries();
    const small = encodeEntries(items);
    expect(small.numbers).toBeInstanceOf(Float32Array);
    expect(small.guideNumbers).toBeInstanceOf(Float32Array);
    // File times in ms (1,700,000,000,123.5) are not Float32 numbers: they keep their own Float64 column.
    expect(small.stats).toBeInstanceOf(Float64Array);
    expect(Array.from(small.stats.subarray(0, 4))).toEqual([1234, 1700000000123.5, 1700000000456.25, 42]);
    expect(plainItems(decodeEntries(small))).toEqual(items);

    // One figure that Float32 would round (0.1, 16,777,217) keeps the whole column in Float64, read back exactly.
    for (const odd of [0.1, 16_777_217, 123_456_789.25]) {
      const changed = entries();
      const band = changed[0]!.entry.guide!.bands[0]!;
      changed[0]!.entry.guide!.bands[0] = { ...band, bonusPct: { low: odd, high: band.bonusPct.high } };
      const wide = encodeEntries(changed);
      expect(wide.guideNumbers, String(odd)).toBeInstanceOf(Float64Array);
      // The entries' own numbers are indexes and counts: whole, so still Float32.
      expect(wide.numbers, String(odd)).toBeInstanceOf(Float32Array);
      expect(decodeEntries(wide)[0]!.entry.guide!.bands[0]!.bonusPct.low).toBe(odd);
      expect(plainItems(decodeEntries(wide))).toEqual(changed);
    }
  });

  it("keeps each guide's raw level mapping and summary as UTF-8 texts, outside the string table, exactly", () => {
    const items = entries();
    const raw = "Acme Senior (Zürich) ≈ Google L5 — Meta E5";
    const summary = "€ & £ heavy · Stable 😀";
    const g = items[0]!.entry.guide!;
    items[0]!.entry.guide = {
      ...g,
      levelMapping: { ...g.levelMapping, raw },
      negotiationDnaSummary: summary,
    };
    const encoded = encodeEntries(items);
    expect(encoded.strings).not.toContain(raw);
    expect(encoded.strings).not.toContain(summary);
    expect(encoded.strings).not.toContain("Beta");
    // Two texts a guide (C has none), ends in bytes: raw, summary, then B's raw and summary.
    const bytes = (text: string) => new TextEncoder().encode(text).length;
    expect(bytes(raw)).toBe(raw.length + 5); // ü 2 bytes, ≈ and — 3 each
    const ends = [bytes(raw), bytes(raw) + bytes(summary)];
    ends.push(ends[1]! + 4, ends[1]! + 4 + bytes("Cash-heavy | Stable"));
    expect([...encoded.textEnds]).toEqual(ends);
    expect(encoded.texts).toHaveLength(ends[3]!);
    const decoded = decodeEntries(encoded);
    expect(plainItems(decoded)).toEqual(items);
    expect(decoded[0]!.entry.guide!.levelMapping.raw).toBe(raw);
    expect(decoded[0]!.entry.guide!.negotiationDnaSummary).toBe(summary);
    expect(decoded[1]!.entry.guide!.levelMapping.raw).toBe("Beta");
  });

  it("stores each distinct string once", () => {
    const encoded = encodeEntries(entries());
    const count = (s: string, table = encoded.strings) => table.filter((x) => x === s).length;
    expect(count(A)).toBe(1);
    expect(count("Acme")).toBe(1);
    // The guides' bulky fields have a table of their own, in the columns packed guides read.
    expect(count("EUR", encoded.guideStrings)).toBe(1);
    expect(count("Berlin", encoded.guideStrings)).toBe(1);
    expect(count("EUR")).toBe(0);
  });

  it("with an interner, short strings are shared with earlier decodes; long ones are not", () => {
    const interner = new Interner();
    const long = "x".repeat(41);
    const first = entries();
    first[0]!.entry.guide!.negotiationDnaSummary = long;
    const one = decodeEntries(encodeEntries(first), interner);
    const two = decodeEntries(encodeEntries(entries()), interner);
    expect(plainItems(one)).toEqual(first);
    expect(plainItems(two)).toEqual(entries());
    expect(interner.s("Berlin")).toBe("Berlin");
    expect(interner.s(long)).toBe(long);
  });

  it("leaves out entries it cannot encode exactly, and counts them", () => {
    const items = entries();
    const odd: StatEntry = {
      entry: { ...items[0]!.entry, file: "/g/odd.md", guide: guide("/g/odd.md", { extra: { f: () => 1 } }) },
      stat: NO_STAT,
    };
    const encoded = encodeEntries([odd, ...items]);
    expect(encoded.skipped).toBe(1);
    expect(decodeEntries(encoded).map((e) => e.entry.file)).toEqual([A, B, C]);
    expect(plainItems(decodeEntries(encodeEntries([])))).toEqual([]);
  });
});

describe("isEncodable", () => {
  const entry = (): FileEntry => entries()[0]!.entry;

  it("refuses a raw level mapping or summary with a lone surrogate, which UTF-8 cannot hold", () => {
    const g = entry().guide!;
    const withTexts = (raw: string, summary: string): FileEntry => ({
      ...entry(),
      guide: { ...g, levelMapping: { ...g.levelMapping, raw }, negotiationDnaSummary: summary },
    });
    expect(isEncodable(withTexts("L5 \ud83d", "ok"))).toBe(false);
    expect(isEncodable(withTexts("L5", "\ude00 ok"))).toBe(false);
    expect(isEncodable(withTexts("L5 \ud83d\ude00", "😀 ok"))).toBe(true);
    const encoded = encodeEntries([{ entry: withTexts("L5", "bad \ud83d"), stat: NO_STAT }, ...entries()]);
    expect(encoded.skipped).toBe(1);
    expect(plainItems(decodeEntries(encoded))).toEqual(entries());
  });

  it("takes the shapes the parser produces", () => {
    for (const item of entries()) expect(isEncodable(item.entry)).toBe(true);
  });

  it("takes a packed guide (a cache rewritten keeps the guides it read), unless something added a field to it", () => {
    const [decoded] = decodeEntries(encodeEntries(entries().slice(0, 1)));
    const packed = decoded!.entry;
    expect(isEncodable(packed)).toBe(true);
    const again = decodeEntries(encodeEntries([{ entry: packed, stat: NO_STAT }]));
    expect(plainItems(again).map((item) => item.entry)).toEqual([entries()[0]!.entry]);
    (packed.guide as Guide & { note?: string }).note = "added";
    expect(isEncodable(packed)).toBe(false);
  });

  it("refuses a guide, band or problem of another shape, a guide of another file, or odd extra values", () => {
    const g = guide(A);
    const { extra: _extra, ...noExtra } = g;
    const cases: FileEntry[] = [
      { ...entry(), guide: { ...g, file: B } },
      { ...entry(), guide: noExtra as Guide },
      { ...entry(), guide: { ...g, id: g.id, extraField: 1 } as Guide },
      { ...entry(), guide: { ...g, bands: [{ ...g.bands[0]!, note: "x" } as Guide["bands"][number]] } },
      { ...entry(), problems: [{ severity: "error", code: "x", file: A, message: "m", path: "" }] },
      // A key short at the end: every key present is in its place, yet the shape is not the encoder's.
      { ...entry(), problems: [{ severity: "error", code: "x", file: A, path: "" } as GuideProblem] },
      {
        ...entry(),
        guide: {
          ...g,
          bands: [(({ totalComp: _t, ...rest }) => rest)(g.bands[0]!) as Guide["bands"][number]],
        },
      },
      { ...entry(), guide: { ...g, extra: { m: new Map() } } },
      { ...entry(), guide: { ...g, extra: null as unknown as Guide["extra"] } },
    ];
    for (const [i, e] of cases.entries()) expect(isEncodable(e), `case ${i}`).toBe(false);
  });
});

describe("isPlainData", () => {
  it("takes JSON-like data, non-finite numbers and dates", () => {
    for (const [i, v] of [
      null,
      undefined,
      "s",
      true,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      new Date(0),
      [1, [2, { a: null }]],
      { a: { b: [new Date(0)] } },
    ].entries()) {
      expect(isPlainData(v), `value ${i}`).toBe(true);
    }
  });

  it("refuses functions, symbols, big integers, class instances, sparse arrays, __proto__ keys and null-prototype objects", () => {
    class Point {
      x = 1;
    }
    class MyDate extends Date {}
    class MyArray extends Array {}
    const sparse: unknown[] = [];
    sparse[1] = 1;
    for (const [i, v] of [
      () => 1,
      Symbol("s"),
      10n,
      new Point(),
      new MyDate(0),
      new MyArray(),
      sparse,
      [1, () => 1],
      { a: { b: new Map() } },
      JSON.parse('{"__proto__": {"x": 1}}'),
      /re/,
      Object.create(null),
      { a: Object.create(null) },
    ].entries()) {
      expect(isPlainData(v), `value ${i}`).toBe(false);
    }
  });
});

describe("decodeEntries refuses damaged input", () => {
  const good = (): Encoded => encodeEntries(entries());
  const withNumbers = (change: (n: number[]) => void): Omit<Encoded, "skipped"> => {
    const e = good();
    const n = [...e.numbers];
    change(n);
    return { ...e, numbers: Float64Array.from(n) };
  };
  const refused = (e: Omit<Encoded, "skipped">) => expect(() => decodeEntries(e)).toThrow(TypeError);

  it("a wrong layout", () => {
    const e = good();
    refused({ ...e, strings: "x" as unknown as string[] });
    refused({ ...e, numbers: [...e.numbers] as unknown as Float64Array });
    refused({ ...e, extras: {} as unknown as unknown[] });
    refused({ ...e, stats: [...e.stats] as unknown as Float64Array });
    refused({ ...e, stats: Float32Array.from(e.stats) as unknown as Float64Array });
    refused({ ...e, strings: [...e.strings.slice(0, -1), 5 as unknown as string] });
  });

  it("a damaged text table, or a text index out of it", () => {
    const e = good();
    expect(() => decodeEntries({ ...e, texts: [...e.texts] as unknown as Uint8Array })).toThrow(
      new TypeError("bad encoded entries: text table"),
    );
    refused({ ...e, textEnds: [...e.textEnds] as unknown as Uint32Array });
    refused({ ...e, textEnds: Uint32Array.from([...e.textEnds.slice(0, -1), e.texts.length + 1]) });
    refused({ ...e, textEnds: Uint32Array.from(e.textEnds).reverse() });
    // One text fewer: the last guide's summary points past the table.
    refused({ ...e, textEnds: e.textEnds.slice(0, -1) });
  });

  it("a truncated or padded number list", () => {
    const e = good();
    for (const cut of [1, 2, 5, 20]) refused({ ...e, numbers: e.numbers.slice(0, e.numbers.length - cut) });
    refused({ ...e, numbers: Float64Array.from([...e.numbers, 0]) });
    // One stat tuple per entry, no more and no fewer.
    expect(() => decodeEntries({ ...e, stats: e.stats.slice(0, e.stats.length - 4) })).toThrow(
      new TypeError("bad encoded entries: stat tuples"),
    );
    refused({ ...e, stats: e.stats.slice(0, e.stats.length - 1) });
    refused({ ...e, stats: Float64Array.from([...e.stats, 1, 2, 3, 4]) });
  });

  it("out-of-range string indexes, counts, flags and extra", () => {
    const e = good();
    // The first entry: file, hash, overdueAt, problem count (its stat tuple is in `stats`).
    expect(() => decodeEntries(withNumbers((n) => (n[0] = e.strings.length)))).toThrow(
      new TypeError("bad encoded entries: string index"),
    );
    refused(withNumbers((n) => (n[1] = 999)));
    refused(withNumbers((n) => (n[2] = 2))); // overdue index past its one problem
    refused(withNumbers((n) => (n[2] = -1)));
    refused(withNumbers((n) => (n[2] = 0.5)));
    for (const problems of [-1, 1e9]) {
      expect(() => decodeEntries(withNumbers((n) => (n[3] = problems)))).toThrow(
        new TypeError("bad encoded entries: count"),
      );
    }
    // After the one problem (5 numbers): the guide flag.
    expect(() => decodeEntries(withNumbers((n) => (n[9] = 2)))).toThrow(
      new TypeError("bad encoded entries: guide flag"),
    );
    expect(() => decodeEntries({ ...e, extras: [null] })).toThrow(
      new TypeError("bad encoded entries: extra"),
    );
    refused({ ...e, extras: [[1]] });
    refused({ ...e, extras: ["x"] });
    refused({ ...e, extras: [] });
  });

  it("packed guide columns that do not match the entries, or are damaged", () => {
    const e = good();
    const items = entries();
    const columnsOf = (x: Encoded) => ({
      guideNumbers: x.guideNumbers,
      guideRefs: x.guideRefs,
      guideStrings: [...x.guideStrings],
    });
    // The columns of one guide fewer under the same entries, and of one more (with its texts).
    const last = items.findLastIndex((item) => item.entry.guide !== null);
    const fewer = encodeEntries(items.filter((_, i) => i !== last));
    const first = items.find((item) => item.entry.guide !== null)!;
    const extra: StatEntry = { ...first, entry: { ...first.entry, file: "/g/z.md" } };
    extra.entry.guide = { ...first.entry.guide!, file: "/g/z.md" };
    const more = encodeEntries([...items, extra]);
    expect(() => decodeEntries({ ...e, ...columnsOf(fewer) })).toThrow(
      new TypeError("bad encoded entries: more guides than packed"),
    );
    expect(() =>
      decodeEntries({ ...e, ...columnsOf(more), texts: more.texts, textEnds: more.textEnds }),
    ).toThrow(new TypeError("bad encoded entries: fewer guides than packed"));
    expect(decodeEntries({ ...more, ...columnsOf(more) })).toHaveLength(items.length + 1);
    const refs = [...e.guideRefs];
    refs[refs.length - 1] = e.guideStrings.length;
    expect(() => decodeEntries({ ...e, guideRefs: Uint32Array.from(refs) })).toThrow(
      new TypeError("bad packed guides: string reference"),
    );
    refused({ ...e, guideNumbers: e.guideNumbers.slice(0, -1) });
    refused({ ...e, guideNumbers: [...e.guideNumbers] as unknown as Float64Array });
    refused({ ...e, guideStrings: undefined as unknown as string[] });
  });
});
