/**
 * Packed guides (the compact in-memory form of cached and worker-parsed guides) must read exactly like the
 * plain guides they stand for, to every consumer: field access, deep equality, key order, JSON, spreading,
 * structured cloning. Expected values are written out here, not produced by the writer.
 */
import { describe, expect, it, vi } from "vitest";
import { decodeEntries, encodeEntries, NO_STAT } from "./compact.ts";
import { sampleGuide } from "./guide.test-helpers.ts";
import {
  checkedTexts,
  equivalencesOf,
  forEachBandRegion,
  isPacked,
  numberColumnOf,
  PackedGuideWriter,
  packedStringCount,
  type TextTable,
} from "./packed.ts";
import type { Guide } from "./types.ts";

const berlin: Guide = sampleGuide("guides/acme/backend-engineer.md", {
  extra: { company_aliases: ["acme corp"] },
});

/** A second guide with nothing optional: no band, no internal level, no equivalence, no source. */
const bare: Guide = sampleGuide("guides/acme/designer.md", {
  id: "acme/designer",
  role: "designer",
  roleDisplay: "Designer",
  bands: [],
  levelMapping: { internal: null, raw: "", equivalences: [] },
  dataSources: [],
  negotiationDnaSummary: "",
});

/** Every string of the guides' bulky fields (not their texts), in a table, as a decode's string table holds them. */
function tableOf(guides: readonly Guide[]): string[] {
  const table = new Set<string>(["not used by any guide"]);
  for (const g of guides) {
    for (const b of g.bands) for (const s of [b.region, b.regionSlug, b.currency]) table.add(s);
    if (g.levelMapping.internal !== null) table.add(g.levelMapping.internal);
    for (const q of g.levelMapping.equivalences) table.add(q.company).add(q.level);
    for (const s of g.dataSources) table.add(s);
  }
  return [...table];
}

/**
 * The raw level mappings and summaries of `guides` as a decode's text table holds them (UTF-8, one after the
 * other, each text's end in bytes), with one text no guide uses first.
 */
function textsOf(guides: readonly Guide[]): { list: string[]; texts: TextTable } {
  const list = ["not a guide's"];
  for (const g of guides) list.push(g.levelMapping.raw, g.negotiationDnaSummary);
  const encoded = list.map((text) => new TextEncoder().encode(text));
  const bytes = new Uint8Array(encoded.reduce((sum, e) => sum + e.length, 0));
  const ends = new Uint32Array(list.length);
  let end = 0;
  encoded.forEach((e, i) => {
    bytes.set(e, end);
    end += e.length;
    ends[i] = end;
  });
  return { list, texts: checkedTexts(bytes, ends) };
}

/** A writer over the string and text tables of `guides`, and `pack` to append one of them. */
function writerFor(guides: readonly Guide[], capacity?: number, share?: (value: string) => string) {
  const table = tableOf(guides);
  const at = (s: string) => table.indexOf(s);
  const { list, texts } = textsOf(guides);
  const text = (s: string) => list.indexOf(s);
  const writer = new PackedGuideWriter(table, capacity, share, texts);
  const pack = (g: Guide): Guide => {
    writer.begin();
    for (const b of g.bands) {
      const figures = [
        b.base.low,
        b.base.high,
        b.stock.low,
        b.stock.high,
        b.bonusPct.low,
        b.bonusPct.high,
        b.totalComp.low,
        b.totalComp.high,
      ];
      writer.band(at(b.region), at(b.regionSlug), at(b.currency), figures, 0);
    }
    const m = g.levelMapping;
    const pairs = m.equivalences.flatMap((q) => [at(q.company), at(q.level)]);
    writer.mapping(m.internal === null ? -1 : at(m.internal), text(m.raw), pairs, 0, m.equivalences.length);
    writer.sources(g.dataSources.map(at), 0, g.dataSources.length);
    const { bands: _b, levelMapping: _l, dataSources: _d, negotiationDnaSummary, ...scalars } = g;
    return writer.finish(scalars, text(negotiationDnaSummary));
  };
  return { writer, pack, table };
}

describe("packed guides", () => {
  it("read exactly as the plain guides they were made from, one writer holding several", () => {
    // Capacity 16 is less than the two guides need: the columns grow, and earlier guides still read right.
    const { writer, pack } = writerFor([berlin, bare], 16);
    const packed = [pack(berlin), pack(bare), pack(berlin)];
    writer.done();
    expect(packed[0]).toStrictEqual(berlin);
    expect(packed[1]).toStrictEqual(bare);
    expect(packed[2]).toStrictEqual(berlin);
    expect(packed[0]!.bands[1]!.base).toEqual({ low: 70000.5, high: 90000 });
    expect(packed[0]!.bands[1]!.bonusPct).toEqual({ low: 7.5, high: 7.5 });
    expect(packed[0]!.levelMapping.equivalences[1]).toEqual({ company: "Meta", level: "E5" });
    expect(packed[0]!.dataSources).toEqual(["Levels.fyi", "Blind"]);
    expect(packed[1]!.levelMapping).toEqual({ internal: null, raw: "", equivalences: [] });
  });

  it("share every string they keep; the raw level mapping and the summary are texts, not strings", () => {
    const shared: string[] = [];
    const { writer, pack } = writerFor([berlin], undefined, (value) => {
      shared.push(value);
      return value;
    });
    expect(pack(berlin)).toStrictEqual(berlin);
    writer.done();
    expect(berlin.levelMapping.raw).toBe("Acme Senior = Google L5 = Meta E5");
    expect(shared).not.toContain("Acme Senior = Google L5 = Meta E5");
    expect(shared).not.toContain(berlin.negotiationDnaSummary);
    const kept = [
      "Berlin",
      "berlin",
      "EUR",
      "London",
      "london",
      "GBP",
      "Senior",
      "Google",
      "L5",
      "Meta",
      "E5",
      "Levels.fyi",
      "Blind",
    ];
    expect(shared.sort()).toEqual(kept.sort());
  });

  it("read texts that are not ASCII, each from its own bytes, and build them on every read", () => {
    const zurich: Guide = sampleGuide("guides/acme/zurich.md", {
      id: "acme/zurich",
      levelMapping: {
        internal: null,
        raw: "Acme Senior (Zürich) ≈ Google L5 — Meta E5 😀",
        equivalences: [],
      },
      negotiationDnaSummary: "€ & £ heavy · Stable 😀",
    });
    // Texts of several bytes a character before and after the ASCII ones: an offset in characters is wrong.
    const { writer, pack } = writerFor([zurich, berlin, bare]);
    const packed = [pack(berlin), pack(zurich), pack(bare)];
    writer.done();
    expect(packed[1]!.levelMapping.raw).toBe("Acme Senior (Zürich) ≈ Google L5 — Meta E5 😀");
    expect(packed[1]!.negotiationDnaSummary).toBe("€ & £ heavy · Stable 😀");
    expect(packed[0]!.negotiationDnaSummary).toBe("Cash-heavy | Stable");
    expect(packed[0]!.levelMapping.raw).toBe("Acme Senior = Google L5 = Meta E5");
    expect(packed[2]!.negotiationDnaSummary).toBe("");
    expect(packed[1]).toStrictEqual(zurich);
    expect(Object.getOwnPropertyDescriptor(packed[1], "negotiationDnaSummary")).toMatchObject({
      enumerable: true,
      get: expect.any(Function),
    });
  });

  it("refuse a text index that is not one of the text table's, and a summary before the mapping", () => {
    for (const bad of [-1, 1.5, Number.NaN, 7, undefined as unknown as number]) {
      const { writer } = writerFor([berlin]);
      writer.begin();
      expect(() => writer.mapping(-1, bad, [], 0, 0), `raw ${bad}`).toThrow(
        new TypeError(`bad text index ${bad}`),
      );
      writer.mapping(-1, 1, [], 0, 0);
      writer.sources([], 0, 0);
      const { bands: _b, levelMapping: _l, dataSources: _d, negotiationDnaSummary: _s, ...scalars } = berlin;
      expect(() => writer.finish(scalars, bad), `summary ${bad}`).toThrow(
        new TypeError(`bad text index ${bad}`),
      );
    }
    const { writer } = writerFor([berlin]);
    writer.begin();
    const { bands: _b, levelMapping: _l, dataSources: _d, negotiationDnaSummary: _s, ...scalars } = berlin;
    expect(() => writer.finish(scalars, 0)).toThrow("finish() before mapping()");
    // Each guide's mapping once: a second finish without one is refused too.
    writer.mapping(-1, 1, [], 0, 0);
    writer.sources([], 0, 0);
    expect(writer.finish(scalars, 2).negotiationDnaSummary).toBe(berlin.negotiationDnaSummary);
    writer.begin();
    expect(() => writer.finish(scalars, 2)).toThrow("finish() before mapping()");
  });

  it("take a text table only when its ends rise and stay within its bytes", () => {
    const bytes = new TextEncoder().encode("abcdé");
    expect(checkedTexts(bytes, Uint32Array.from([0, 3, 6])).ends).toEqual(Uint32Array.from([0, 3, 6]));
    expect(checkedTexts(bytes, new Uint32Array(0)).bytes).toHaveLength(6);
    expect(() => checkedTexts(bytes, Uint32Array.from([3, 2]))).toThrow("bad text table ends");
    expect(() => checkedTexts(bytes, Uint32Array.from([7]))).toThrow("bad text table ends");
    expect(() => checkedTexts([97], Uint32Array.from([1]))).toThrow("bad text table");
    expect(() => checkedTexts(bytes, [1])).toThrow("bad text table");
    expect(() => checkedTexts(bytes, Int32Array.from([1]))).toThrow("bad text table");
  });

  it("give their level equivalences without decoding the raw mapping, as a plain guide gives its own", () => {
    const { writer, pack } = writerFor([berlin, bare]);
    const packed = [pack(berlin), pack(bare)];
    writer.done();
    const decoded = vi.spyOn(Buffer.prototype, "toString");
    try {
      expect(equivalencesOf(packed[0]!)).toEqual([
        { company: "Google", level: "L5" },
        { company: "Meta", level: "E5" },
      ]);
      expect(equivalencesOf(packed[1]!)).toEqual([]);
      expect(decoded).not.toHaveBeenCalled();
    } finally {
      decoded.mockRestore();
    }
    expect(equivalencesOf(berlin)).toBe(berlin.levelMapping.equivalences);
    expect(packed[0]!.levelMapping.equivalences).toEqual(equivalencesOf(packed[0]!));
  });

  it("give each band's region and slug without building the bands, as a plain guide does", () => {
    const { writer, pack } = writerFor([berlin, bare]);
    const packed = [pack(bare), pack(berlin)];
    writer.done();
    const regions = (g: Guide) => {
      const seen: string[] = [];
      forEachBandRegion(g, (region, slug) => seen.push(`${region}/${slug}`));
      return seen;
    };
    expect(regions(packed[1]!)).toEqual(["Berlin/berlin", "London/london"]);
    expect(regions(berlin)).toEqual(["Berlin/berlin", "London/london"]);
    expect(regions(packed[0]!)).toEqual([]);
    expect(regions(bare)).toEqual([]);
  });

  it("keep each string they use once, and none they do not use", () => {
    const { writer, pack, table } = writerFor([berlin, bare]);
    const packed = [pack(berlin), pack(berlin), pack(bare)];
    writer.done();
    // The table has one string no guide uses; berlin's strings are held once though packed twice.
    expect(packedStringCount(packed[0]!)).toBe(table.length - 1);
    expect(packedStringCount(packed[2]!)).toBe(table.length - 1);
    expect(packedStringCount(berlin)).toBeNull();
    expect(packed[1]).toStrictEqual(berlin);
  });

  it("refuse a string index that is not one of the table's (a damaged cache)", () => {
    for (const bad of [-1, 1.5, Number.NaN, 10_000, undefined as unknown as number]) {
      const { writer, table } = writerFor([berlin]);
      writer.begin();
      expect(() => writer.band(bad, 0, 0, [1, 2, 3, 4, 5, 6, 7, 8], 0), `band ${bad}`).toThrow(
        new TypeError(`bad string index ${bad}`),
      );
      expect(() => writer.mapping(-1, bad, [], 0, 0), `raw ${bad}`).toThrow(TypeError);
      expect(() => writer.mapping(bad === -1 ? -2 : bad, 0, [], 0, 0), `internal ${bad}`).toThrow(TypeError);
      expect(() => writer.mapping(-1, 0, [0, bad], 0, 1), `level ${bad}`).toThrow(TypeError);
      expect(() => writer.sources([bad], 0, 1), `source ${bad}`).toThrow(TypeError);
      // Reading past the end of the list gives undefined: refused too.
      expect(() => writer.sources([0], 0, 2)).toThrow(TypeError);
      expect(table.length).toBeLessThan(10_000);
    }
  });

  it("hold numbers in Float32 only when every one is exact there, and read every figure back exactly", () => {
    const { writer, pack } = writerFor([berlin, bare]);
    const whole = [pack(berlin), pack(bare)];
    writer.done();
    expect(numberColumnOf(whole[0]!)).toBe("float32");
    expect(whole[0]).toStrictEqual(berlin);

    // 16,777,217 (2^24 + 1) and 0.1 are not Float32 values: either one keeps the whole column in Float64.
    for (const figure of [16_777_217, 0.1, 123_456_789.25]) {
      const odd = sampleGuide("guides/acme/odd.md", {
        id: "acme/odd",
        role: "odd",
        bands: [{ ...berlin.bands[0]!, totalComp: { low: 150_000, high: figure } }],
      });
      const mixed = writerFor([berlin, odd]);
      const guides = [mixed.pack(berlin), mixed.pack(odd)];
      mixed.writer.done();
      expect(numberColumnOf(guides[0]!)).toBe("float64");
      expect(guides[1]!.bands[0]!.totalComp.high).toBe(figure);
      expect(guides[0]).toStrictEqual(berlin);
      expect(guides[1]).toStrictEqual(odd);
    }
    expect(numberColumnOf(berlin)).toBeNull();
    expect(() => writer.begin()).toThrow(/after done/);
  });

  it("look like plain data: same keys in the same order, same JSON, same spread and clone", () => {
    const { writer, pack } = writerFor([berlin]);
    const g = pack(berlin);
    writer.done();
    expect(Object.keys(g)).toEqual(Object.keys(berlin));
    expect(JSON.stringify(g)).toBe(JSON.stringify(berlin));
    expect({ ...g }).toStrictEqual(berlin);
    expect(structuredClone(g)).toStrictEqual(berlin);
    expect(Object.getPrototypeOf(g)).toBe(Object.prototype);
    expect(isPacked(g)).toBe(true);
    expect(isPacked(berlin)).toBe(false);
  });

  it("give a fresh object on every read, so changing one read never changes the guide", () => {
    const { writer, pack } = writerFor([berlin]);
    const g = pack(berlin);
    writer.done();
    const first = g.bands;
    first[0]!.base.low = 1;
    first.pop();
    g.levelMapping.equivalences.pop();
    g.dataSources.push("made up");
    expect(g.bands).toEqual(berlin.bands);
    expect(g.levelMapping).toEqual(berlin.levelMapping);
    expect(g.dataSources).toEqual(berlin.dataSources);
  });

  it("refuse an assignment to a packed field (strict mode): the guide is read-only there", () => {
    const { pack } = writerFor([berlin]);
    const g = pack(berlin);
    expect(() => {
      (g as { bands: unknown }).bands = [];
    }).toThrow(TypeError);
  });

  it("are what the compact decoding gives: guides from the cache or a worker are packed", () => {
    const encoded = encodeEntries([
      { entry: { file: berlin.file, hash: "h1", guide: berlin, problems: [], overdueAt: 0 }, stat: NO_STAT },
      { entry: { file: bare.file, hash: "h2", guide: bare, problems: [], overdueAt: 0 }, stat: NO_STAT },
    ]);
    const [a, b] = decodeEntries(encoded).map((item) => item.entry.guide!);
    expect(isPacked(a!)).toBe(true);
    expect(a).toStrictEqual(berlin);
    expect(b).toStrictEqual(bare);
    // A packed guide encodes again to the same thing.
    const again = decodeEntries(
      encodeEntries([
        { entry: { file: berlin.file, hash: "h1", guide: a!, problems: [], overdueAt: 0 }, stat: NO_STAT },
      ]),
    );
    expect(again[0]!.entry.guide).toStrictEqual(berlin);
  });
});
