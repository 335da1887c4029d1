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
 * The two long texts each guide has of its own (the level mapping as written, `raw`, and the negotiation DNA
 * summary: half of a cache's characters) are not strings until read: they stay in the decode's text table,
 * UTF-8 bytes outside the JavaScript heap (`texts`), and `levelMapping` and `negotiationDnaSummary` decode
 * them on each read. A cached start at 50,000 guides then neither deserializes 100,000 strings nor has the
 * garbage collector copy them (README, Performance).
 *
 * Layout of one guide in the columns, from its number offset `at`:
 *   numbers: [refsAt, bandCount, (base low, base high, stock low, stock high, bonus low, bonus high,
 *             total low, total high) × bandCount, hasInternal, equivalenceCount, sourceCount, raw, summary]
 *             (raw and summary: indexes into the text table)
 *   refs (from refsAt), each an index into `strings`: [(region, regionSlug, currency) × bandCount,
 *             internal (if any), (company, level) × equivalenceCount, source × sourceCount]
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
  texts: TextTable;
}

/**
 * Texts kept as UTF-8 bytes until read: text `i` is `bytes` from `ends[i - 1]` (0 for the first) to `ends[i]`.
 * A decode's texts are one table, shared by its guides.
 */
export interface TextTable {
  bytes: Buffer;
  ends: Uint32Array;
}

/** An empty text table (a writer whose guides have no texts of their own: tests). */
export const NO_TEXTS: TextTable = { bytes: Buffer.alloc(0), ends: new Uint32Array(0) };

/**
 * Checks a text table read from outside (the cache, a worker): its ends rise and stay within its bytes.
 * Returns it with its bytes as a Buffer (decoding a slice then makes no copy); throws TypeError otherwise.
 */
export function checkedTexts(bytes: unknown, ends: unknown): TextTable {
  if (!(bytes instanceof Uint8Array) || !(ends instanceof Uint32Array)) throw new TypeError("bad text table");
  let last = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < last || end > bytes.length) throw new TypeError("bad text table ends");
    last = end;
  }
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ends };
}

/** Text `i` of a table, decoded. */
function textAt(texts: TextTable, i: number): string {
  const start = i === 0 ? 0 : texts.ends[i - 1]!;
  return texts.bytes.toString("utf8", start, texts.ends[i]!);
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

/** A packed guide's level equivalences, built. */
function packedEquivalences(guide: PackedFields): LevelEquivalence[] {
  const { numbers: n, refs: r, strings: s } = guide[COLUMNS];
  const { k, j: at } = afterBands(guide);
  const count = n[k + 1]!;
  const equivalences: LevelEquivalence[] = new Array(count);
  for (let q = 0, j = at + n[k]!; q < count; q++, j += 2)
    equivalences[q] = { company: s[r[j]!]!, level: s[r[j + 1]!]! };
  return equivalences;
}

function levelMappingOf(this: Guide & PackedFields): LevelMapping {
  const { numbers: n, refs: r, strings: s, texts } = this[COLUMNS];
  const { k, j } = afterBands(this);
  const internal = n[k] === 1 ? s[r[j]!]! : null;
  return { internal, raw: textAt(texts, n[k + 3]!), equivalences: packedEquivalences(this) };
}

/**
 * A guide's level equivalences (`levelMapping.equivalences`); for a packed guide, without decoding the raw
 * text of its mapping (the index reads every guide's equivalences, and only them).
 */
export function equivalencesOf(guide: Guide): LevelEquivalence[] {
  if ((guide as Partial<PackedFields>)[COLUMNS] === undefined) return guide.levelMapping.equivalences;
  return packedEquivalences(guide as unknown as PackedFields);
}

function dataSourcesOf(this: Guide & PackedFields): string[] {
  const { numbers: n, refs: r, strings: s } = this[COLUMNS];
  const { k, j } = afterBands(this);
  const start = j + (n[k] === 1 ? 1 : 0) + 2 * n[k + 1]!;
  const count = n[k + 2]!;
  const sources: string[] = new Array(count);
  for (let q = 0; q < count; q++) sources[q] = s[r[start + q]!]!;
  return sources;
}

function summaryOf(this: Guide & PackedFields): string {
  const { k } = afterBands(this);
  return textAt(this[COLUMNS].texts, this[COLUMNS].numbers[k + 4]!);
}

const accessor = (get: (this: Guide & PackedFields) => unknown): PropertyDescriptor => ({
  get,
  enumerable: true,
  configurable: true,
});
const BANDS = accessor(bandsOf);
const LEVEL_MAPPING = accessor(levelMappingOf);
const DATA_SOURCES = accessor(dataSourcesOf);
const SUMMARY = accessor(summaryOf);

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
export type GuideScalars = Omit<Guide, "bands" | "levelMapping" | "dataSources" | "negotiationDnaSummary">;

/**
 * Builds packed guides from strings given as indexes into `source` (a decode's string table) and texts given
 * as indexes into `texts` (its text table): append a guide's bulky fields with `band`, `mapping` and
 * `sources` (in that order, once each), then `finish` it with its plain fields and its summary. `done()`
 * trims the columns when every guide is in. The guides keep only the strings they use, in a table of their
 * own, and share `texts`. An index that is not one of `source`'s or `texts`'s throws (bad input).
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
    private readonly texts: TextTable = NO_TEXTS,
  ) {
    this.numbers = new Float64Array(Math.max(16, capacity));
    this.refs = new Uint32Array(Math.max(16, capacity));
    this.remap = new Int32Array(source.length).fill(-1);
    this.columns = { numbers: this.numbers, refs: this.refs, strings: this.strings, texts };
  }

  /** A text index of `texts`, checked. */
  private text(index: number): number {
    if (!(Number.isInteger(index) && index >= 0 && index < this.texts.ends.length))
      throw new TypeError(`bad text index ${index}`);
    return index;
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

  /** Appends a reference to `source[index]`, which goes through `share` as it joins the guides' table. */
  private ref(index: number): void {
    let own = this.remap[index];
    if (own === undefined) throw new TypeError(`bad string index ${index}`);
    if (own === -1) {
      own = this.strings.length;
      this.strings.push(this.share(this.source[index]!));
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
   * The level mapping: the string index of the internal level (-1: none), the text index of the raw text, and
   * `count` equivalences as (company, level) string index pairs read from `pairs` at `from`.
   */
  mapping(
    internal: number,
    raw: number,
    pairs: Float32Array | Float64Array | number[],
    from: number,
    count: number,
  ): void {
    this.rawText = this.text(raw);
    this.push(internal === -1 ? 0 : 1);
    this.push(count);
    if (internal !== -1) this.ref(internal);
    for (let i = 0; i < 2 * count; i++) this.ref(pairs[from + i]!);
  }

  /** The raw text of the guide begun last, until `finish` writes it after the sources. */
  private rawText = -1;

  /** `count` data sources, as indexes read from `list` at `from`. */
  sources(list: Float32Array | Float64Array | number[], from: number, count: number): void {
    this.push(count);
    for (let i = 0; i < count; i++) this.ref(list[from + i]!);
  }

  /** The guide begun last, with its plain fields and the text index of its negotiation DNA summary. */
  finish(scalars: GuideScalars, summary: number): Guide {
    if (this.rawText === -1) throw new Error("PackedGuideWriter: finish() before mapping()");
    this.push(this.rawText);
    this.push(this.text(summary));
    this.rawText = -1;
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
    Object.defineProperty(guide, "negotiationDnaSummary", SUMMARY);
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
  // The constructor converts a typed array natively; Float32Array.from went through its iterator.
  return new Float32Array(numbers);
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
