/**
 * Packed guides (the compact in-memory form of cached and worker-parsed guides) must read exactly like the
 * plain guides they stand for, to every consumer: field access, deep equality, key order, JSON, spreading,
 * structured cloning. Expected values are written out here, not produced by the writer.
 */
import { describe, expect, it } from "vitest";
import { decodeEntries, encodeEntries, NO_STAT } from "./compact.ts";
import { sampleGuide } from "./guide.test-helpers.ts";
import { isPacked, numberColumnOf, PackedGuideWriter } from "./packed.ts";
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

function pack(writer: PackedGuideWriter, g: Guide): Guide {
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
    writer.band(b.region, b.regionSlug, b.currency, figures, 0);
  }
  writer.mapping(g.levelMapping.internal, g.levelMapping.raw, g.levelMapping.equivalences);
  writer.sources(g.dataSources);
  const { bands: _b, levelMapping: _l, dataSources: _d, ...scalars } = g;
  return writer.finish(scalars);
}

describe("packed guides", () => {
  it("read exactly as the plain guides they were made from, one writer holding several", () => {
    // Capacity 16 is less than the two guides need: the columns grow, and earlier guides still read right.
    const writer = new PackedGuideWriter(16);
    const packed = [pack(writer, berlin), pack(writer, bare), pack(writer, berlin)];
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

  it("hold numbers in Float32 only when every one is exact there, and read every figure back exactly", () => {
    const writer = new PackedGuideWriter();
    const whole = [pack(writer, berlin), pack(writer, bare)];
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
      const mixed = new PackedGuideWriter();
      const guides = [pack(mixed, berlin), pack(mixed, odd)];
      mixed.done();
      expect(numberColumnOf(guides[0]!)).toBe("float64");
      expect(guides[1]!.bands[0]!.totalComp.high).toBe(figure);
      expect(guides[0]).toStrictEqual(berlin);
      expect(guides[1]).toStrictEqual(odd);
    }
    expect(numberColumnOf(berlin)).toBeNull();
    expect(() => writer.begin()).toThrow(/after done/);
  });

  it("look like plain data: same keys in the same order, same JSON, same spread and clone", () => {
    const writer = new PackedGuideWriter();
    const g = pack(writer, berlin);
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
    const writer = new PackedGuideWriter();
    const g = pack(writer, berlin);
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
    const writer = new PackedGuideWriter();
    const g = pack(writer, berlin);
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
