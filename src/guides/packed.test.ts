/**
 * Packed guides (the compact in-memory form of cached and worker-parsed guides) must read exactly like the
 * plain guides they stand for, field by field: `plainGuide` reads every field of one into an ordinary object,
 * compared with the guide it was made from. Expected values are written out here, not produced by the writer.
 */
import { describe, expect, it, vi } from "vitest";
import { decodeEntries, encodeEntries, NO_STAT } from "./compact.ts";
import { plainGuide, sampleGuide } from "./guide.test-helpers.ts";
import {
  BAND_REFS,
  checkedTexts,
  equivalencesOf,
  isPacked,
  noRefSpans,
  numberColumnOf,
  PackedGuideReader,
  PackedGuideWriter,
  packedStringCount,
  refSpansOf,
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

/** Every string of the guides' bulky fields (not their texts): what their columns should hold, once each. */
function tableOf(guides: readonly Guide[]): string[] {
  const table = new Set<string>();
  for (const g of guides) {
    for (const b of g.bands) for (const s of [b.region, b.regionSlug, b.currency]) table.add(s);
    if (g.levelMapping.internal !== null) table.add(g.levelMapping.internal);
    for (const q of g.levelMapping.equivalences) table.add(q.company).add(q.level);
    for (const s of g.dataSources) table.add(s);
  }
  return [...table];
}

/** A text table of `list` (UTF-8, one after the other, each text's end in bytes), as an encoder writes it. */
function textTable(list: readonly string[]): TextTable {
  const encoded = list.map((text) => new TextEncoder().encode(text));
  const bytes = new Uint8Array(encoded.reduce((sum, e) => sum + e.length, 0));
  const ends = new Uint32Array(list.length);
  let end = 0;
  encoded.forEach((e, i) => {
    bytes.set(e, end);
    end += e.length;
    ends[i] = end;
  });
  return checkedTexts(bytes, ends);
}

/**
 * `guides` written into columns (with one text no guide uses first in the text table), then read back as
 * packed guides.
 */
function packAll(
  guides: readonly Guide[],
  options: { capacity?: number; share?: (value: string) => string } = {},
) {
  const list = ["not a guide's"];
  const writer = new PackedGuideWriter(options.capacity);
  for (const g of guides) {
    writer.add(g, list.push(g.levelMapping.raw) - 1, list.push(g.negotiationDnaSummary) - 1);
  }
  const columns = writer.done();
  const reader = new PackedGuideReader(columns, textTable(list), options.share);
  const packed = guides.map((g, i) => {
    const { bands: _b, levelMapping: _l, dataSources: _d, negotiationDnaSummary: _s, ...scalars } = g;
    return reader.guide(i, scalars);
  });
  return { packed, columns, writer, reader };
}

describe("packed guides", () => {
  it("read exactly as the plain guides they were made from, one writer holding several", () => {
    // Capacity 16 is less than the three guides need: the columns grow, and earlier guides still read right.
    const { packed, reader } = packAll([berlin, bare, berlin], { capacity: 16 });
    expect(reader.count).toBe(3);
    expect(plainGuide(packed[0]!)).toStrictEqual(berlin);
    expect(plainGuide(packed[1]!)).toStrictEqual(bare);
    expect(plainGuide(packed[2]!)).toStrictEqual(berlin);
    expect(packed[0]!.bands[1]!.base).toEqual({ low: 70000.5, high: 90000 });
    expect(packed[0]!.bands[1]!.bonusPct).toEqual({ low: 7.5, high: 7.5 });
    expect(packed[0]!.levelMapping.equivalences[1]).toEqual({ company: "Meta", level: "E5" });
    expect(packed[0]!.dataSources).toEqual(["Levels.fyi", "Blind"]);
    expect(packed[1]!.levelMapping).toEqual({ internal: null, raw: "", equivalences: [] });
  });

  it("share every string they keep; the raw level mapping and the summary are texts, not strings", () => {
    const shared: string[] = [];
    const { packed } = packAll([berlin], {
      share: (value) => {
        shared.push(value);
        return value;
      },
    });
    expect(plainGuide(packed[0]!)).toStrictEqual(berlin);
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
    const { packed } = packAll([berlin, zurich, bare]);
    expect(packed[1]!.levelMapping.raw).toBe("Acme Senior (Zürich) ≈ Google L5 — Meta E5 😀");
    expect(packed[1]!.negotiationDnaSummary).toBe("€ & £ heavy · Stable 😀");
    expect(packed[0]!.negotiationDnaSummary).toBe("Cash-heavy | Stable");
    expect(packed[0]!.levelMapping.raw).toBe("Acme Senior = Google L5 = Meta E5");
    expect(packed[2]!.negotiationDnaSummary).toBe("");
    expect(plainGuide(packed[1]!)).toStrictEqual(zurich);
    // A getter, not a string kept: read from the bytes each time.
    expect(Object.getOwnPropertyDescriptor(packed[1], "negotiationDnaSummary")).toBeUndefined();
    expect(
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(packed[1]), "negotiationDnaSummary"),
    ).toMatchObject({ get: expect.any(Function), set: undefined });
  });

  it("read columns written by hand, and refuse every damaged layout (a damaged cache or message)", () => {
    const strings = ["Berlin", "berlin", "EUR", "Google"];
    const texts = textTable(["raw", "summary"]);
    // One guide: refs from 0, one band (region, slug, currency, eight figures), no internal level, no
    // equivalence, one source (Google), raw text 0, summary 1.
    const layout = [0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 1, 0, 1];
    const refs = [0, 1, 2, 3];
    const read = (numbers: number[], references = refs, table: unknown[] = strings) =>
      new PackedGuideReader(
        { numbers: Float64Array.from(numbers), refs: Uint32Array.from(references), strings: [...table] },
        texts,
      );
    const { bands: _b, levelMapping: _l, dataSources: _d, negotiationDnaSummary: _s, ...scalars } = bare;
    const reader = read(layout);
    expect(reader.count).toBe(1);
    const g = reader.guide(0, scalars);
    expect(g.bands).toEqual([
      {
        region: "Berlin",
        regionSlug: "berlin",
        currency: "EUR",
        base: { low: 1, high: 2 },
        stock: { low: 3, high: 4 },
        bonusPct: { low: 5, high: 6 },
        totalComp: { low: 7, high: 8 },
      },
    ]);
    expect(g.levelMapping).toEqual({ internal: null, raw: "raw", equivalences: [] });
    expect(g.dataSources).toEqual(["Google"]);
    expect(g.negotiationDnaSummary).toBe("summary");
    expect(() => reader.guide(1, scalars)).toThrow("bad packed guides: guide index");
    expect(read([], []).count).toBe(0);
    // A guide of only sources, and one of only level equivalences: every reference is theirs.
    const sourcesOnly = read([0, 0, 0, 0, 2, 0, 1], [3, 0]).guide(0, scalars);
    expect(sourcesOnly.dataSources).toEqual(["Google", "Berlin"]);
    expect(sourcesOnly.bands).toEqual([]);
    const levelsOnly = read([0, 0, 0, 1, 0, 1, 0], [3, 0]).guide(0, scalars);
    expect(levelsOnly.levelMapping).toEqual({
      internal: null,
      raw: "summary",
      equivalences: [{ company: "Google", level: "Berlin" }],
    });

    const damaged: Array<[string, number[], number[]?, unknown[]?]> = [
      ["guide head", [1, ...layout.slice(1)]],
      ["guide head", [0, 1.5, ...layout.slice(2)]],
      ["guide head", [0, -1, ...layout.slice(2)]],
      ["guide head", [0]],
      ["truncated", layout.slice(0, -1)],
      ["truncated", [0, 2, ...layout.slice(2)]],
      ["counts", layout.map((x, i) => (i === 10 ? 2 : x))],
      ["counts", layout.map((x, i) => (i === 11 ? 0.5 : x))],
      ["counts", layout.map((x, i) => (i === 12 ? -1 : x))],
      ["text index", layout.map((x, i) => (i === 13 ? 2 : x))],
      ["text index", layout.map((x, i) => (i === 14 ? -1 : x))],
      ["references", layout.map((x, i) => (i === 12 ? 2 : x))],
      ["references", layout, [...refs, 0]],
      ["references", [...layout, 4, 0, 0, 0, 1, 0, 1]],
      ["string reference", layout, [0, 1, 2, 4]],
      ["string table", layout, refs, ["Berlin", "berlin", 3, "Google"]],
    ];
    for (const [what, numbers, references, table] of damaged) {
      expect(() => read(numbers, references, table), `${what}: ${numbers}`).toThrow(
        new TypeError(`bad packed guides: ${what}`),
      );
    }
    for (const layoutOnly of [
      { numbers: layout, refs: Uint32Array.from(refs), strings },
      { numbers: Float64Array.from(layout), refs, strings },
      { numbers: Float64Array.from(layout), refs: Uint32Array.from(refs), strings: "Berlin" },
    ]) {
      expect(() => new PackedGuideReader(layoutOnly, texts)).toThrow(
        new TypeError("bad packed guides: layout"),
      );
    }
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
    const { packed } = packAll([berlin, bare]);
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

  it("say where each band's region and slug and each equivalence are among their decode's strings", () => {
    /** A guide's spans read back: "region/slug" per band, "company level" per equivalence; null if not packed. */
    const read = (g: Guide) => {
      const spans = noRefSpans();
      if (!refSpansOf(g, spans)) return null;
      const at = (j: number) => spans.strings[spans.refs[j]!];
      const regions: string[] = [];
      for (let b = 0, j = spans.bandsAt; b < spans.bandCount; b++, j += BAND_REFS)
        regions.push(`${at(j)}/${at(j + 1)}`);
      const equivalences: string[] = [];
      for (let q = 0, j = spans.equivalencesAt; q < spans.equivalenceCount; q++, j += 2)
        equivalences.push(`${at(j)} ${at(j + 1)}`);
      return { strings: spans.strings, regions, equivalences };
    };
    const berlinRead = {
      regions: ["Berlin/berlin", "London/london"],
      equivalences: ["Google L5", "Meta E5"],
    };
    const noInternal = sampleGuide("guides/acme/writer.md", {
      id: "acme/writer",
      bands: [berlin.bands[1]!],
      levelMapping: { internal: null, raw: "Google L4", equivalences: [{ company: "Google", level: "L4" }] },
    });
    const { packed } = packAll([bare, berlin, noInternal, berlin]);
    expect(read(packed[0]!)).toMatchObject({ regions: [], equivalences: [] });
    // After a guide with nothing, one with an internal level, one without (its equivalence comes first).
    expect(read(packed[1]!)).toMatchObject(berlinRead);
    expect(read(packed[2]!)).toMatchObject({ regions: ["London/london"], equivalences: ["Google L4"] });
    expect(read(packed[3]!)).toMatchObject(berlinRead);
    // One string table for the guides of one decode; another decode has its own.
    expect(read(packed[3]!)!.strings).toBe(read(packed[0]!)!.strings);
    expect(read(packAll([berlin]).packed[0]!)!.strings).not.toBe(read(packed[0]!)!.strings);
    // A plain guide has no spans, and the object given is left as it was.
    const spans = noRefSpans();
    expect(refSpansOf(berlin, spans)).toBe(false);
    expect(spans).toEqual(noRefSpans());
  });

  it("keep each string they use once, and none they do not use", () => {
    const { packed, columns } = packAll([berlin, berlin, bare]);
    // berlin's strings are held once though packed twice.
    expect([...columns.strings].sort()).toEqual(tableOf([berlin, bare]).sort());
    expect(packedStringCount(packed[0]!)).toBe(13);
    expect(packedStringCount(packed[2]!)).toBe(13);
    expect(packedStringCount(berlin)).toBeNull();
    expect(plainGuide(packed[1]!)).toStrictEqual(berlin);
  });

  it("grow their columns past twice their capacity for one guide of many bands", () => {
    // Capacity 16; six bands take 55 numbers, more than the doubled 32.
    const band = (i: number) => ({
      ...berlin.bands[0]!,
      region: `Region ${i}`,
      regionSlug: `region-${i}`,
      base: { low: 1000 * i, high: 1000 * i + 1 },
    });
    const wide = sampleGuide("guides/acme/wide.md", {
      id: "acme/wide",
      role: "wide",
      bands: [1, 2, 3, 4, 5, 6].map(band),
    });
    const { packed } = packAll([wide, berlin], { capacity: 16 });
    expect(packed[0]!.bands.map((b) => b.base)).toEqual([
      { low: 1000, high: 1001 },
      { low: 2000, high: 2001 },
      { low: 3000, high: 3001 },
      { low: 4000, high: 4001 },
      { low: 5000, high: 5001 },
      { low: 6000, high: 6001 },
    ]);
    expect(plainGuide(packed[0]!)).toStrictEqual(wide);
    expect(plainGuide(packed[1]!)).toStrictEqual(berlin);
  });

  it("hold numbers in Float32 only when every one is exact there, and read every figure back exactly", () => {
    const { packed: whole, writer } = packAll([berlin, bare]);
    expect(numberColumnOf(whole[0]!)).toBe("float32");
    expect(plainGuide(whole[0]!)).toStrictEqual(berlin);

    // 16,777,217 (2^24 + 1) and 0.1 are not Float32 values: either one keeps the whole column in Float64.
    for (const figure of [16_777_217, 0.1, 123_456_789.25]) {
      const odd = sampleGuide("guides/acme/odd.md", {
        id: "acme/odd",
        role: "odd",
        bands: [{ ...berlin.bands[0]!, totalComp: { low: 150_000, high: figure } }],
      });
      const { packed: guides } = packAll([berlin, odd]);
      expect(numberColumnOf(guides[0]!)).toBe("float64");
      expect(guides[1]!.bands[0]!.totalComp.high).toBe(figure);
      expect(plainGuide(guides[0]!)).toStrictEqual(berlin);
      expect(plainGuide(guides[1]!)).toStrictEqual(odd);
    }
    expect(numberColumnOf(berlin)).toBeNull();
    expect(() => writer.add(berlin, 0, 0)).toThrow("add() after done()");
  });

  it("keep their plain fields as their own data, in a parsed guide's order, and the four bulky ones as getters", () => {
    const g = packAll([berlin]).packed[0]!;
    expect(Object.keys(g)).toEqual([
      "id",
      "file",
      "company",
      "companyDisplay",
      "role",
      "roleDisplay",
      "roleType",
      "lastUpdated",
      "nextReviewDue",
      "dataQuality",
      "salaryDataQuarter",
      "extra",
    ]);
    // No columns, offsets or symbols show: only the plain fields are compared, copied or written out.
    expect(Object.getOwnPropertySymbols(g)).toEqual([]);
    expect(JSON.parse(JSON.stringify(g))).toEqual({ ...g });
    for (const field of ["bands", "levelMapping", "dataSources", "negotiationDnaSummary"]) {
      expect(Object.hasOwn(g, field)).toBe(false);
      expect(field in g).toBe(true);
    }
    expect(g.negotiationDnaSummary).toBe(berlin.negotiationDnaSummary);
    expect(isPacked(g)).toBe(true);
    expect(isPacked(berlin)).toBe(false);
    expect(isPacked(plainGuide(g))).toBe(false);
  });

  it("give a fresh object on every read, so changing one read never changes the guide", () => {
    const g = packAll([berlin]).packed[0]!;
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
    const g = packAll([berlin]).packed[0]!;
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
    expect(plainGuide(a!)).toStrictEqual(berlin);
    expect(plainGuide(b!)).toStrictEqual(bare);
    // A packed guide encodes again to the same thing.
    const again = decodeEntries(
      encodeEntries([
        { entry: { file: berlin.file, hash: "h1", guide: a!, problems: [], overdueAt: 0 }, stat: NO_STAT },
      ]),
    );
    expect(plainGuide(again[0]!.entry.guide!)).toStrictEqual(berlin);
  });
});
