/**
 * Guides in a compact form, for big catalogues: a guide's bulky fields (bands, level mapping, data sources)
 * live in columns shared by every guide of one decode (a Float32Array or Float64Array of numbers, a
 * Uint32Array of references into one table of distinct strings) and are built as objects only when read. A
 * guide decoded from the index cache or from a parse worker is one small object instead of about thirty, so
 * a 50,000-guide catalogue holds a few large arrays where it held about two million small objects: less
 * memory, and far less for the garbage collector to walk. The references are 4 bytes each outside the
 * JavaScript heap, where an array of strings takes 8 per slot inside it (1.4 million slots at 50,000 guides).
 *
 * A packed guide is an ordinary object with the same own enumerable keys, in the same order, as a parsed
 * one. `bands`, `levelMapping` and `dataSources` are read-only accessors that build fresh objects on every
 * read; everything else is plain data. Deep equality, JSON, spreading and structured cloning see a plain
 * guide. Do not rely on two reads returning the same object.
 *
 * Layout of one guide in the columns, from its number offset `at`:
 *   numbers: [refsAt, bandCount, (base low, base high, stock low, stock high, bonus low, bonus high,
 *             total low, total high) × bandCount, hasInternal, equivalenceCount, sourceCount]
 *   refs (from refsAt), each an index into `strings`: [(region, regionSlug, currency) × bandCount,
 *             internal (if any), raw, (company, level) × equivalenceCount, source × sourceCount]
 */
import type { Band, Guide, LevelEquivalence, LevelMapping } from "./types.ts";

const BAND_NUMBERS = 8;
const BAND_STRINGS = 3;

/**
 * The shared columns of the guides of one decode. Numbers are Float32 when that holds every one of them
 * exactly (whole amounts under 16,777,216, the usual percentages: most catalogues), else Float64.
 */
interface Columns {
  numbers: Float64Array | Float32Array;
  refs: Uint32Array;
  strings: string[];
}

const COLUMNS = Symbol("packed guide columns");
const AT = Symbol("packed guide offset");

interface PackedFields {
  [COLUMNS]: Columns;
  [AT]: number;
}

function bandsOf(this: Guide & PackedFields): Band[] {
  const { numbers: n, refs: r, strings: s } = this[COLUMNS];
  let k = this[AT];
  let j = n[k]!;
  const count = n[k + 1]!;
  k += 2;
  const bands: Band[] = new Array(count);
  for (let b = 0; b < count; b++) {
    bands[b] = {
      region: s[r[j]!]!,
      regionSlug: s[r[j + 1]!]!,
      currency: s[r[j + 2]!]!,
      base: { low: n[k]!, high: n[k + 1]! },
      stock: { low: n[k + 2]!, high: n[k + 3]! },
      bonusPct: { low: n[k + 4]!, high: n[k + 5]! },
      totalComp: { low: n[k + 6]!, high: n[k + 7]! },
    };
    k += BAND_NUMBERS;
    j += BAND_STRINGS;
  }
  return bands;
}

/** Offsets just after the bands: the level mapping's flags in `numbers`, its strings' references in `refs`. */
function afterBands(guide: PackedFields): { k: number; j: number } {
  const n = guide[COLUMNS].numbers;
  const at = guide[AT];
  const count = n[at + 1]!;
  return { k: at + 2 + BAND_NUMBERS * count, j: n[at]! + BAND_STRINGS * count };
}

function levelMappingOf(this: Guide & PackedFields): LevelMapping {
  const { numbers: n, refs: r, strings: s } = this[COLUMNS];
  let { k, j } = afterBands(this);
  const internal = n[k] === 1 ? s[r[j++]!]! : null;
  const raw = s[r[j++]!]!;
  const count = n[k + 1]!;
  const equivalences: LevelEquivalence[] = new Array(count);
  for (let q = 0; q < count; q++, j += 2) equivalences[q] = { company: s[r[j]!]!, level: s[r[j + 1]!]! };
  return { internal, raw, equivalences };
}

function dataSourcesOf(this: Guide & PackedFields): string[] {
  const { numbers: n, refs: r, strings: s } = this[COLUMNS];
  const { k, j } = afterBands(this);
  const start = j + (n[k] === 1 ? 1 : 0) + 1 + 2 * n[k + 1]!;
  const count = n[k + 2]!;
  const sources: string[] = new Array(count);
  for (let q = 0; q < count; q++) sources[q] = s[r[start + q]!]!;
  return sources;
}

const accessor = (get: (this: Guide & PackedFields) => unknown): PropertyDescriptor => ({
  get,
  enumerable: true,
  configurable: true,
});
const BANDS = accessor(bandsOf);
const LEVEL_MAPPING = accessor(levelMappingOf);
const DATA_SOURCES = accessor(dataSourcesOf);

/**
 * Calls `each` with every band's region and region slug, in order; for a packed guide, without building its
 * bands (the index reads only these: 50,000 guides' bands were about a million short-lived objects).
 */
export function forEachBandRegion(guide: Guide, each: (region: string, regionSlug: string) => void): void {
  const columns = (guide as Partial<PackedFields>)[COLUMNS];
  if (columns === undefined) {
    for (const band of guide.bands) each(band.region, band.regionSlug);
    return;
  }
  const { numbers: n, refs: r, strings: s } = columns;
  const at = (guide as unknown as PackedFields)[AT];
  const count = n[at + 1]!;
  for (let b = 0, j = n[at]!; b < count; b++, j += BAND_STRINGS) each(s[r[j]!]!, s[r[j + 1]!]!);
}

/** Whether a guide is a packed one (for tests and the cache encoder). */
export const isPacked = (guide: Guide): boolean => Object.hasOwn(guide, AT);

/** The plain fields a packed guide keeps as they are. */
export type GuideScalars = Omit<Guide, "bands" | "levelMapping" | "dataSources">;

/**
 * Builds packed guides from strings given as indexes into `source` (a decode's string table): append a
 * guide's bulky fields with `band`, `mapping` and `sources` (in that order, once each), then `finish` it with
 * its plain fields. `done()` trims the columns when every guide is in. The guides keep only the strings
 * they use, in a table of their own. An index that is not one of `source`'s throws (bad input).
 */
export class PackedGuideWriter {
  private numbers: Float64Array;
  private refs: Uint32Array;
  private readonly strings: string[] = [];
  /** For each index of `source`, its index in `strings`, or -1 while unused. */
  private readonly remap: Int32Array;
  private size = 0;
  private refCount = 0;
  private start = -1;
  private bandCountAt = -1;
  private readonly columns: Columns;
  private finished = false;

  /** `capacity`: numbers expected (an upper bound saves regrowing); string references take about as many. */
  constructor(
    private readonly source: readonly string[],
    capacity = 1024,
    /** Applied to each string as it joins the guides' table (to share it with other decodes). */
    private readonly share: (value: string) => string = (value) => value,
  ) {
    this.numbers = new Float64Array(Math.max(16, capacity));
    this.refs = new Uint32Array(Math.max(16, capacity));
    this.remap = new Int32Array(source.length).fill(-1);
    this.columns = { numbers: this.numbers, refs: this.refs, strings: this.strings };
  }

  /** Room for `count` more numbers. */
  private room(count: number): void {
    if (this.size + count <= this.numbers.length) return;
    const grown = new Float64Array(Math.max(this.numbers.length * 2, this.size + count));
    grown.set(this.numbers);
    this.numbers = grown;
    this.columns.numbers = grown;
  }

  private push(value: number): void {
    this.room(1);
    this.numbers[this.size++] = value;
  }

  /** Appends a reference to `source[index]`; `shared`: whether the string goes through `share` when it joins. */
  private ref(index: number, shared = true): void {
    let own = this.remap[index];
    if (own === undefined) throw new TypeError(`bad string index ${index}`);
    if (own === -1) {
      own = this.strings.length;
      const value = this.source[index]!;
      this.strings.push(shared ? this.share(value) : value);
      this.remap[index] = own;
    }
    if (this.refCount === this.refs.length) {
      const grown = new Uint32Array(this.refs.length * 2);
      grown.set(this.refs);
      this.refs = grown;
      this.columns.refs = grown;
    }
    this.refs[this.refCount++] = own;
  }

  /** Starts a guide. */
  begin(): void {
    if (this.finished) throw new Error("PackedGuideWriter: begin() after done()");
    this.start = this.size;
    this.push(this.refCount);
    this.bandCountAt = this.size;
    this.push(0);
  }

  /**
   * A band: the indexes of its three names, and its eight figures read from `figures` at `from` (base, stock,
   * bonus, total; low then high).
   */
  band(
    region: number,
    regionSlug: number,
    currency: number,
    figures: Float32Array | Float64Array | number[],
    from: number,
  ): void {
    this.ref(region);
    this.ref(regionSlug);
    this.ref(currency);
    this.room(BAND_NUMBERS);
    const n = this.numbers;
    for (let i = 0; i < BAND_NUMBERS; i++) n[this.size + i] = figures[from + i]!;
    this.size += BAND_NUMBERS;
    n[this.bandCountAt]!++;
  }

  /**
   * The level mapping: the indexes of the internal level (-1: none) and the raw text, and `count`
   * equivalences as (company, level) index pairs read from `pairs` at `from`.
   */
  mapping(
    internal: number,
    raw: number,
    pairs: Float32Array | Float64Array | number[],
    from: number,
    count: number,
  ): void {
    this.push(internal === -1 ? 0 : 1);
    this.push(count);
    if (internal !== -1) this.ref(internal);
    // The raw text names the guide's own company: each guide's own, so never worth sharing (looking 50,000
    // unique strings up cost about 40 ms of a cached start's cache read, for nothing).
    this.ref(raw, false);
    for (let i = 0; i < 2 * count; i++) this.ref(pairs[from + i]!);
  }

  /** `count` data sources, as indexes read from `list` at `from`. */
  sources(list: Float32Array | Float64Array | number[], from: number, count: number): void {
    this.push(count);
    for (let i = 0; i < count; i++) this.ref(list[from + i]!);
  }

  /** The guide begun last, with its plain fields. */
  finish(scalars: GuideScalars): Guide {
    const guide = {
      id: scalars.id,
      file: scalars.file,
      company: scalars.company,
      companyDisplay: scalars.companyDisplay,
      role: scalars.role,
      roleDisplay: scalars.roleDisplay,
      roleType: scalars.roleType,
      lastUpdated: scalars.lastUpdated,
      nextReviewDue: scalars.nextReviewDue,
      dataQuality: scalars.dataQuality,
      salaryDataQuarter: scalars.salaryDataQuarter,
    } as Guide & PackedFields;
    Object.defineProperty(guide, "bands", BANDS);
    Object.defineProperty(guide, "levelMapping", LEVEL_MAPPING);
    Object.defineProperty(guide, "dataSources", DATA_SOURCES);
    guide.negotiationDnaSummary = scalars.negotiationDnaSummary;
    guide.extra = scalars.extra;
    Object.defineProperty(guide, COLUMNS, { value: this.columns });
    Object.defineProperty(guide, AT, { value: this.start });
    return guide;
  }

  /**
   * Trims the number column to what was written, in Float32 when every number written is exactly a Float32
   * (half the memory); one that is not keeps the whole column in Float64. Call once every guide is finished.
   */
  done(): void {
    this.columns.numbers = narrowed(this.numbers.subarray(0, this.size));
    this.columns.refs = this.refs.slice(0, this.refCount);
    this.numbers = new Float64Array(0);
    this.refs = new Uint32Array(0);
    this.finished = true;
  }
}

/**
 * A copy of `numbers` in Float32 when every one of them is exactly a Float32 (half the bytes), else in Float64.
 * (Float32 holds every whole number up to 16,777,216 and halves such as 12.5, not 0.1.)
 */
export function narrowed(numbers: Float64Array): Float32Array | Float64Array {
  for (let i = 0; i < numbers.length; i++)
    if (Math.fround(numbers[i]!) !== numbers[i]) return numbers.slice();
  return Float32Array.from(numbers);
}

/** How many strings the columns of a packed guide hold (shared by its decode); null for a guide that is not packed. */
export function packedStringCount(guide: Guide): number | null {
  return (guide as Partial<PackedFields>)[COLUMNS]?.strings.length ?? null;
}

/** "float32" or "float64": how a packed guide's numbers are held; null for a guide that is not packed. */
export function numberColumnOf(guide: Guide): "float32" | "float64" | null {
  const columns = (guide as Partial<PackedFields>)[COLUMNS];
  if (!columns) return null;
  return columns.numbers instanceof Float32Array ? "float32" : "float64";
}
