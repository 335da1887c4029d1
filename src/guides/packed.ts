/**
 * Guides in a compact form, for big catalogues: a guide's bulky fields (bands, level mapping, data sources)
 * live in two columns shared by every guide of one decode (one Float64Array of numbers, one array of
 * strings) and are built as objects only when read. A guide decoded from the index cache or from a parse
 * worker is one small object instead of about thirty, so a 50,000-guide catalogue holds a few large arrays
 * where it held about two million small objects: less memory, and far less for the garbage collector to walk.
 *
 * A packed guide is an ordinary object with the same own enumerable keys, in the same order, as a parsed
 * one. `bands`, `levelMapping` and `dataSources` are read-only accessors that build fresh objects on every
 * read; everything else is plain data. Deep equality, JSON, spreading and structured cloning see a plain
 * guide. Do not rely on two reads returning the same object.
 *
 * Layout of one guide in the columns, from its number offset `at`:
 *   numbers: [stringsAt, bandCount, (base low, base high, stock low, stock high, bonus low, bonus high,
 *             total low, total high) × bandCount, hasInternal, equivalenceCount, sourceCount]
 *   strings (from stringsAt): [(region, regionSlug, currency) × bandCount, internal (if any), raw,
 *             (company, level) × equivalenceCount, source × sourceCount]
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
  strings: string[];
}

const COLUMNS = Symbol("packed guide columns");
const AT = Symbol("packed guide offset");

interface PackedFields {
  [COLUMNS]: Columns;
  [AT]: number;
}

function bandsOf(this: Guide & PackedFields): Band[] {
  const { numbers: n, strings: s } = this[COLUMNS];
  let k = this[AT];
  let j = n[k]!;
  const count = n[k + 1]!;
  k += 2;
  const bands: Band[] = new Array(count);
  for (let b = 0; b < count; b++) {
    bands[b] = {
      region: s[j]!,
      regionSlug: s[j + 1]!,
      currency: s[j + 2]!,
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

/** Offsets just after the bands: the level mapping's flags in `numbers`, its strings in `strings`. */
function afterBands(guide: PackedFields): { k: number; j: number } {
  const n = guide[COLUMNS].numbers;
  const at = guide[AT];
  const count = n[at + 1]!;
  return { k: at + 2 + BAND_NUMBERS * count, j: n[at]! + BAND_STRINGS * count };
}

function levelMappingOf(this: Guide & PackedFields): LevelMapping {
  const { numbers: n, strings: s } = this[COLUMNS];
  let { k, j } = afterBands(this);
  const internal = n[k] === 1 ? s[j++]! : null;
  const raw = s[j++]!;
  const count = n[k + 1]!;
  const equivalences: LevelEquivalence[] = new Array(count);
  for (let q = 0; q < count; q++, j += 2) equivalences[q] = { company: s[j]!, level: s[j + 1]! };
  return { internal, raw, equivalences };
}

function dataSourcesOf(this: Guide & PackedFields): string[] {
  const { numbers: n, strings: s } = this[COLUMNS];
  const { k, j } = afterBands(this);
  const start = j + (n[k] === 1 ? 1 : 0) + 1 + 2 * n[k + 1]!;
  return s.slice(start, start + n[k + 2]!);
}

const accessor = (get: (this: Guide & PackedFields) => unknown): PropertyDescriptor => ({
  get,
  enumerable: true,
  configurable: true,
});
const BANDS = accessor(bandsOf);
const LEVEL_MAPPING = accessor(levelMappingOf);
const DATA_SOURCES = accessor(dataSourcesOf);

/** Whether a guide is a packed one (for tests and the cache encoder). */
export const isPacked = (guide: Guide): boolean => Object.hasOwn(guide, AT);

/** The plain fields a packed guide keeps as they are. */
export type GuideScalars = Omit<Guide, "bands" | "levelMapping" | "dataSources">;

/**
 * Builds packed guides: append a guide's bulky fields with `band`, `mapping` and `sources` (in that order,
 * once each), then `finish` it with its plain fields. `done()` trims the columns when every guide is in.
 */
export class PackedGuideWriter {
  private numbers: Float64Array;
  private readonly strings: string[] = [];
  private size = 0;
  private start = -1;
  private bandCountAt = -1;
  private readonly columns: Columns;
  private finished = false;

  /** `capacity`: numbers expected (an upper bound saves regrowing). */
  constructor(capacity = 1024) {
    this.numbers = new Float64Array(Math.max(16, capacity));
    this.columns = { numbers: this.numbers, strings: this.strings };
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

  /** Starts a guide. */
  begin(): void {
    if (this.finished) throw new Error("PackedGuideWriter: begin() after done()");
    this.start = this.size;
    this.push(this.strings.length);
    this.bandCountAt = this.size;
    this.push(0);
  }

  /** A band: its three names, and its eight figures read from `figures` at `from` (base, stock, bonus, total; low then high). */
  band(
    region: string,
    regionSlug: string,
    currency: string,
    figures: Float64Array | number[],
    from: number,
  ): void {
    this.strings.push(region, regionSlug, currency);
    this.room(BAND_NUMBERS);
    const n = this.numbers;
    for (let i = 0; i < BAND_NUMBERS; i++) n[this.size + i] = figures[from + i]!;
    this.size += BAND_NUMBERS;
    n[this.bandCountAt]!++;
  }

  mapping(internal: string | null, raw: string, equivalences: readonly LevelEquivalence[]): void {
    this.push(internal === null ? 0 : 1);
    this.push(equivalences.length);
    if (internal !== null) this.strings.push(internal);
    this.strings.push(raw);
    for (const q of equivalences) this.strings.push(q.company, q.level);
  }

  sources(sources: readonly string[]): void {
    this.push(sources.length);
    for (const source of sources) this.strings.push(source);
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
    const written = this.numbers.subarray(0, this.size);
    let exact = true;
    for (let i = 0; i < written.length && exact; i++) exact = Math.fround(written[i]!) === written[i];
    this.columns.numbers = exact ? Float32Array.from(written) : written.slice();
    this.numbers = new Float64Array(0);
    this.finished = true;
  }
}

/** "float32" or "float64": how a packed guide's numbers are held; null for a guide that is not packed. */
export function numberColumnOf(guide: Guide): "float32" | "float64" | null {
  const columns = (guide as Partial<PackedFields>)[COLUMNS];
  if (!columns) return null;
  return columns.numbers instanceof Float32Array ? "float32" : "float64";
}
