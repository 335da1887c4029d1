/**
 * Guides in a compact form, for big catalogues: a guide's bulky fields (bands, level mapping, data sources)
 * live in columns shared by every guide of one decode (a Float32Array or Float64Array of numbers, a
 * Uint32Array of references into one table of distinct strings) and are built as objects only when read. A
 * guide decoded from the index cache or from a parse worker is one small object instead of about thirty, so
 * a 50,000-guide catalogue holds a few large arrays where it held about two million small objects: less
 * memory, and far less for the garbage collector to walk. The references are 4 bytes each outside the
 * JavaScript heap, where an array of strings takes 8 per slot inside it (1.4 million slots at 50,000 guides).
 *
 * A packed guide is a PackedGuide: its plain fields are its own data, as a parsed guide's are; `bands`,
 * `levelMapping`, `dataSources` and `negotiationDnaSummary` are read-only getters of the class that build
 * fresh values on every read. Do not rely on two reads returning the same object. Deep equality, JSON and
 * spreading see only the plain fields: `plainGuide` (guide.test-helpers.ts) gives a parsed guide's shape.
 * (Each guide used to be a plain object given the four as accessors of its own: six Object.defineProperty
 * calls a guide, about 100 ms of a 50,000-guide cached start on a 2-core machine; README, Performance.)
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
import { StringTable } from "../text/string-table.ts";
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

/** Where a packed guide's bulky fields are: its decode's columns, and its offset in their numbers. */
interface Place {
  columns: Columns;
  at: number;
}

function bandsOf({ columns, at }: Place): Band[] {
  const { numbers: n, refs: r, strings: s } = columns;
  let k = at;
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
function afterBands({ columns, at }: Place): { k: number; j: number } {
  const n = columns.numbers;
  const count = n[at + 1]!;
  return { k: at + 2 + BAND_NUMBERS * count, j: n[at]! + BAND_STRINGS * count };
}

/** A packed guide's level equivalences, built. */
function packedEquivalences(place: Place): LevelEquivalence[] {
  const { numbers: n, refs: r, strings: s } = place.columns;
  const { k, j: at } = afterBands(place);
  const count = n[k + 1]!;
  const equivalences: LevelEquivalence[] = new Array(count);
  for (let q = 0, j = at + n[k]!; q < count; q++, j += 2)
    equivalences[q] = { company: s[r[j]!]!, level: s[r[j + 1]!]! };
  return equivalences;
}

function levelMappingOf(place: Place): LevelMapping {
  const { numbers: n, refs: r, strings: s, texts } = place.columns;
  const { k, j } = afterBands(place);
  const internal = n[k] === 1 ? s[r[j]!]! : null;
  return { internal, raw: textAt(texts, n[k + 3]!), equivalences: packedEquivalences(place) };
}

function dataSourcesOf(place: Place): string[] {
  const { numbers: n, refs: r, strings: s } = place.columns;
  const { k, j } = afterBands(place);
  const start = j + (n[k] === 1 ? 1 : 0) + 2 * n[k + 1]!;
  const count = n[k + 2]!;
  const sources: string[] = new Array(count);
  for (let q = 0; q < count; q++) sources[q] = s[r[start + q]!]!;
  return sources;
}

function summaryOf(place: Place): string {
  const { k } = afterBands(place);
  return textAt(place.columns.texts, place.columns.numbers[k + 4]!);
}

/** The plain fields a packed guide keeps as they are. */
export type GuideScalars = Omit<Guide, "bands" | "levelMapping" | "dataSources" | "negotiationDnaSummary">;

/**
 * A guide of a decode: its plain fields of its own, its bulky ones built from the decode's columns on every
 * read. One object with a fixed layout, made by one constructor call.
 */
class PackedGuide implements Guide, Place {
  id: string;
  file: string;
  company: string;
  companyDisplay: string;
  role: string;
  roleDisplay: string;
  roleType: string;
  lastUpdated: string;
  nextReviewDue: string;
  dataQuality: string;
  salaryDataQuarter: string;
  extra: Record<string, unknown>;
  readonly #columns: Columns;
  readonly #at: number;

  constructor(scalars: GuideScalars, columns: Columns, at: number) {
    this.id = scalars.id;
    this.file = scalars.file;
    this.company = scalars.company;
    this.companyDisplay = scalars.companyDisplay;
    this.role = scalars.role;
    this.roleDisplay = scalars.roleDisplay;
    this.roleType = scalars.roleType;
    this.lastUpdated = scalars.lastUpdated;
    this.nextReviewDue = scalars.nextReviewDue;
    this.dataQuality = scalars.dataQuality;
    this.salaryDataQuarter = scalars.salaryDataQuarter;
    this.extra = scalars.extra;
    this.#columns = columns;
    this.#at = at;
  }

  get columns(): Columns {
    return this.#columns;
  }

  get at(): number {
    return this.#at;
  }

  get bands(): Band[] {
    return bandsOf(this);
  }

  get levelMapping(): LevelMapping {
    return levelMappingOf(this);
  }

  get dataSources(): string[] {
    return dataSourcesOf(this);
  }

  get negotiationDnaSummary(): string {
    return summaryOf(this);
  }
}

/**
 * A guide's level equivalences (`levelMapping.equivalences`); for a packed guide, without decoding the raw
 * text of its mapping (the index reads every guide's equivalences, and only them).
 */
export function equivalencesOf(guide: Guide): LevelEquivalence[] {
  return guide instanceof PackedGuide ? packedEquivalences(guide) : guide.levelMapping.equivalences;
}

/**
 * Where a packed guide's band regions and level equivalences are among its decode's string references: what
 * the index reads of every guide. A reader that keeps what it learnt per string of a decode (the decode's
 * strings are each held once, and 50,000 guides name a few dozen regions and outside companies) then does
 * per guide a few array reads, where building the bands and equivalences made about a million short-lived
 * objects and did a dozen map look-ups for each of them.
 */
export interface GuideRefSpans {
  /** The decode's string table: the same array for each of its guides. */
  strings: readonly string[];
  refs: Uint32Array;
  /** Band `b`'s region is `strings[refs[bandsAt + BAND_REFS * b]]`, its slug the reference after it. */
  bandsAt: number;
  bandCount: number;
  /** Equivalence `q`'s company is `strings[refs[equivalencesAt + 2 * q]]`, its level the reference after it. */
  equivalencesAt: number;
  equivalenceCount: number;
}

/** How many string references a band has in the columns (region, region slug, currency). */
export const BAND_REFS = BAND_STRINGS;

/** An empty GuideRefSpans, for `refSpansOf` to fill. */
export const noRefSpans = (): GuideRefSpans => ({
  strings: [],
  refs: new Uint32Array(0),
  bandsAt: 0,
  bandCount: 0,
  equivalencesAt: 0,
  equivalenceCount: 0,
});

/**
 * Fills `spans` with a packed guide's and returns true; false (and `spans` untouched) for a guide that is not
 * packed. Fills one object the caller reuses: no allocation per guide.
 */
export function refSpansOf(guide: Guide, spans: GuideRefSpans): boolean {
  if (!(guide instanceof PackedGuide)) return false;
  const { numbers: n, refs, strings } = guide.columns;
  const at = guide.at;
  const bandsAt = n[at]!;
  const bandCount = n[at + 1]!;
  // As afterBands, without its object: the flags after the bands, then the internal level's reference if any.
  const k = at + 2 + BAND_NUMBERS * bandCount;
  spans.strings = strings;
  spans.refs = refs;
  spans.bandsAt = bandsAt;
  spans.bandCount = bandCount;
  spans.equivalencesAt = bandsAt + BAND_STRINGS * bandCount + n[k]!;
  spans.equivalenceCount = n[k + 1]!;
  return true;
}

/** Whether a guide is a packed one (for tests and the cache encoder). */
export const isPacked = (guide: Guide): boolean => guide instanceof PackedGuide;

/** The columns of packed guides without their texts, as the encoder writes them and the decoder reads them. */
export interface PackedColumns {
  numbers: Float32Array | Float64Array;
  refs: Uint32Array;
  strings: string[];
}

/**
 * Writes guides' bulky fields into columns, on the encoding side (the cache writer, the parse workers), so that
 * a decode only checks the columns and wraps them: `add` each guide with the text indexes of its raw level
 * mapping and its negotiation DNA summary (in the encoder's text table), then `done()` once.
 */
export class PackedGuideWriter {
  private numbers: Float64Array;
  private refs: Uint32Array;
  private size = 0;
  private refCount = 0;
  private readonly strings = new StringTable();
  private finished = false;

  /** `capacity`: numbers expected (an upper bound saves regrowing); references take about as many. */
  constructor(capacity = 1024) {
    this.numbers = new Float64Array(Math.max(16, capacity));
    this.refs = new Uint32Array(Math.max(16, capacity));
  }

  /** Room for `count` more numbers. */
  private room(count: number): void {
    if (this.size + count <= this.numbers.length) return;
    const grown = new Float64Array(Math.max(this.numbers.length * 2, this.size + count));
    grown.set(this.numbers);
    this.numbers = grown;
  }

  /** Appends a reference to `value`, which joins the table the first time it is seen. */
  private ref(value: string): void {
    const at = this.strings.indexOf(value);
    if (this.refCount === this.refs.length) {
      const grown = new Uint32Array(this.refs.length * 2);
      grown.set(this.refs);
      this.refs = grown;
    }
    this.refs[this.refCount++] = at;
  }

  /** Appends one guide's bands, level mapping (without its raw text) and data sources; returns its offset. */
  add(guide: Guide, raw: number, summary: number): number {
    if (this.finished) throw new Error("PackedGuideWriter: add() after done()");
    const { bands, levelMapping: m, dataSources } = guide;
    this.room(2 + BAND_NUMBERS * bands.length + 5);
    const n = this.numbers;
    const at = this.size;
    let k = at;
    n[k++] = this.refCount;
    n[k++] = bands.length;
    for (const b of bands) {
      this.ref(b.region);
      this.ref(b.regionSlug);
      this.ref(b.currency);
      n[k++] = b.base.low;
      n[k++] = b.base.high;
      n[k++] = b.stock.low;
      n[k++] = b.stock.high;
      n[k++] = b.bonusPct.low;
      n[k++] = b.bonusPct.high;
      n[k++] = b.totalComp.low;
      n[k++] = b.totalComp.high;
    }
    n[k++] = m.internal === null ? 0 : 1;
    n[k++] = m.equivalences.length;
    n[k++] = dataSources.length;
    n[k++] = raw;
    n[k++] = summary;
    this.size = k;
    if (m.internal !== null) this.ref(m.internal);
    for (const q of m.equivalences) {
      this.ref(q.company);
      this.ref(q.level);
    }
    for (const source of dataSources) this.ref(source);
    return at;
  }

  /**
   * The columns, trimmed: numbers in Float32 when every one written is exactly a Float32 (half the memory),
   * else in Float64. Each array has a buffer of its own (a worker transfers them).
   */
  done(): PackedColumns {
    this.finished = true;
    const columns = {
      numbers: narrowed(this.numbers.subarray(0, this.size)),
      refs: this.refs.slice(0, this.refCount),
      strings: this.strings.list,
    };
    this.numbers = new Float64Array(0);
    this.refs = new Uint32Array(0);
    return columns;
  }
}

function bad(what: string): never {
  throw new TypeError(`bad packed guides: ${what}`);
}

/** Whether `value` is a whole number in [0, limit). */
const indexBelow = (value: number, limit: number): boolean =>
  Number.isInteger(value) && value >= 0 && value < limit;

/**
 * The guides of columns read from outside (the cache, a worker's message): checked once whole (the layout
 * walks from guide to guide to the end of both columns, every reference names a string, every text index a
 * text; TypeError otherwise), then `guide(i, scalars)` gives guide `i` as a packed guide. The columns' strings
 * are put through `share` in place (to share them with other decodes); the guides keep the arrays as given.
 */
export class PackedGuideReader {
  private readonly columns: Columns;
  private readonly offsets: number[] = [];

  constructor(
    packed: Partial<Record<keyof PackedColumns, unknown>>,
    texts: TextTable,
    share?: (value: string) => string,
  ) {
    const { numbers: n, refs: r, strings: s } = packed;
    if (
      !(n instanceof Float32Array || n instanceof Float64Array) ||
      !(r instanceof Uint32Array) ||
      !Array.isArray(s)
    )
      bad("layout");
    for (let i = 0; i < s.length; i++) {
      const value: unknown = s[i];
      if (typeof value !== "string") bad("string table");
      if (share) s[i] = share(value);
    }
    for (let i = 0; i < r.length; i++) if (r[i]! >= s.length) bad("string reference");
    const textCount = texts.ends.length;
    let refsAt = 0;
    for (let k = 0; k < n.length; ) {
      const bandCount = n[k + 1]!;
      if (n[k] !== refsAt || !indexBelow(bandCount, n.length)) bad("guide head");
      const after = k + 2 + BAND_NUMBERS * bandCount;
      if (after + 5 > n.length) bad("truncated");
      const internal = n[after]!;
      const equivalences = n[after + 1]!;
      const sources = n[after + 2]!;
      if (
        (internal !== 0 && internal !== 1) ||
        !indexBelow(equivalences, r.length + 1) ||
        !indexBelow(sources, r.length + 1)
      )
        bad("counts");
      if (!indexBelow(n[after + 3]!, textCount) || !indexBelow(n[after + 4]!, textCount)) bad("text index");
      refsAt += BAND_STRINGS * bandCount + internal + 2 * equivalences + sources;
      this.offsets.push(k);
      k = after + 5;
    }
    if (refsAt !== r.length) bad("references");
    this.columns = { numbers: n, refs: r, strings: s as string[], texts };
  }

  /** How many guides the columns hold. */
  get count(): number {
    return this.offsets.length;
  }

  /** Guide `i` (in the order they were written), with its plain fields. */
  guide(i: number, scalars: GuideScalars): Guide {
    const at = this.offsets[i];
    if (at === undefined) bad("guide index");
    return new PackedGuide(scalars, this.columns, at);
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
  return guide instanceof PackedGuide ? guide.columns.strings.length : null;
}

/** "float32" or "float64": how a packed guide's numbers are held; null for a guide that is not packed. */
export function numberColumnOf(guide: Guide): "float32" | "float64" | null {
  if (!(guide instanceof PackedGuide)) return null;
  return guide.columns.numbers instanceof Float32Array ? "float32" : "float64";
}
