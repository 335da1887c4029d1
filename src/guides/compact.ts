/**
 * A compact, exact encoding of parse results, used by the index cache (cache.ts) and to send results from
 * the parse workers (parallel.ts): one table of distinct strings, one table of texts (each guide's raw level
 * mapping and negotiation DNA summary, as UTF-8 bytes: decoded guides read them from there, see packed.ts),
 * one array of the entries' numbers and string indexes in a fixed field order, the guides' bands, level
 * mappings and sources already in the columns packed guides read (written by PackedGuideWriter, so a decode
 * only checks them and wraps each guide), the stat tuples in a Float64Array of their own (file times in ms
 * are not Float32 numbers), and a side list of the `extra` frontmatter objects (kept as they are:
 * `v8.serialize` and `postMessage` carry dates and nested values exactly). Number columns are Float32 when
 * that holds every one exactly, as it does for most catalogues (half the bytes to write, read, hash and
 * copy), else Float64. No property names are repeated, and decoding shares one copy of every repeated
 * string (regions, currencies, company and role names, sources, problem codes…).
 * `decodeEntries(encodeEntries(e))` deep-equals `e`, key order included.
 *
 * An entry is encoded only when it is plain data of the expected shape; anything else (an `extra` value
 * that is neither plain data nor a date, a guide object of another shape) is left out, and such a file is
 * simply parsed again on every load.
 */

import { StringTable } from "../text/string-table.ts";
import {
  checkedTexts,
  isPacked,
  narrowed,
  PackedGuideReader,
  PackedGuideWriter,
  type TextTable,
} from "./packed.ts";
import type { FileEntry } from "./parse-file.ts";
import type { Guide, GuideProblem } from "./types.ts";

/** The `extra` of every decoded guide that had none: one shared, frozen empty object. */
const NO_EXTRA: Record<string, unknown> = Object.freeze({});
/**
 * The problems of every decoded entry that had none (most of them): one shared, frozen empty array, not
 * 50,000 of them at every cached start. Entries' problems are read-only (FileResult).
 */
const NO_PROBLEMS: readonly GuideProblem[] = Object.freeze([]);

/** The key order decoding rebuilds; anything else is not encoded. */
const GUIDE_KEYS = [
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
  "bands",
  "levelMapping",
  "dataSources",
  "negotiationDnaSummary",
  "extra",
];
/** A packed guide's own keys (packed.ts: the other four are getters of its class). */
const PACKED_GUIDE_KEYS = GUIDE_KEYS.filter(
  (key) => !["bands", "levelMapping", "dataSources", "negotiationDnaSummary"].includes(key),
);
const PROBLEM_KEYS = ["severity", "code", "file", "path", "message"];
const BAND_KEYS = ["region", "regionSlug", "currency", "base", "stock", "bonusPct", "totalComp"];

/** Whether `value`'s own keys are exactly `keys`, in that order (compared one by one: no joined string per object). */
function hasKeys(value: object, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  if (own.length !== keys.length) return false;
  for (let i = 0; i < own.length; i++) if (own[i] !== keys[i]) return false;
  return true;
}

/** A file's stat tuple, as the cache compares it (see cache.ts). */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** A parse result with the stat tuple of the file it was read from. */
export interface StatEntry {
  entry: FileEntry;
  stat: FileStat;
}

export interface Encoded {
  strings: string[];
  /** The texts, as UTF-8, one after the other; `textEnds[i]`: where text `i` ends. */
  texts: Uint8Array;
  textEnds: Uint32Array;
  numbers: Float32Array | Float64Array;
  /**
   * The guides' bands, level mappings and data sources, already in the columns packed guides read (packed.ts):
   * the encoder packs them, so a decode only checks the columns and wraps each guide.
   */
  guideNumbers: Float32Array | Float64Array;
  guideRefs: Uint32Array;
  guideStrings: string[];
  /** size, mtimeMs, ctimeMs, ino of each entry, in order. */
  stats: Float64Array;
  extras: unknown[];
  /** Entries left out (not encodable). */
  skipped: number;
}

/** Whether a value survives `v8.serialize` / `postMessage` exactly (plain data, finite or not, and dates). */
export function isPlainData(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === "string" || type === "boolean" || type === "number") return true;
  if (type !== "object") return false;
  if (value instanceof Date) return Object.getPrototypeOf(value) === Date.prototype;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainData(value[i])) return false;
    return true;
  }
  // A null-prototype object comes back from v8.deserialize as an ordinary one: not exact, so refused.
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (key === "__proto__" || !isPlainData((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

const isEmptyPlainObject = (value: unknown): boolean =>
  value !== null &&
  typeof value === "object" &&
  Object.getPrototypeOf(value) === Object.prototype &&
  Object.keys(value).length === 0;

/** A lone surrogate: UTF-8 cannot hold it, so a text with one is not encoded. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether `encodeEntries` can encode this entry exactly. */
export function isEncodable(e: FileEntry): boolean {
  for (const p of e.problems) if (!hasKeys(p, PROBLEM_KEYS)) return false;
  const g = e.guide;
  if (g === null) return true;
  if (g.file !== e.file || !hasKeys(g, isPacked(g) ? PACKED_GUIDE_KEYS : GUIDE_KEYS)) return false;
  if (LONE_SURROGATE.test(g.levelMapping.raw) || LONE_SURROGATE.test(g.negotiationDnaSummary)) return false;
  for (const b of g.bands) if (!hasKeys(b, BAND_KEYS)) return false;
  return isPlainData(g.extra) && typeof g.extra === "object" && g.extra !== null;
}

/** A stat tuple for entries encoded without one (the workers' results). */
export const NO_STAT: FileStat = { size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 };

/** Encodes entries (with their stat tuples, or NO_STAT); the ones that cannot be encoded exactly are left out. */
export function encodeEntries(items: readonly StatEntry[]): Encoded {
  const steps = encodeInSteps(items);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `encodeEntries` one entry at a time: the generator stops after each entry is checked and after each is
 * written (twice per entry), and returns the encoding. A caller that frees the event loop at some of those
 * stops (cache.ts) encodes a chunk without holding the thread for all of it: in one step, chunks of 100-400
 * entries took up to 8.6 ms on the 2-core machine (a start after 1,000 guides were edited), while questions
 * waited.
 */
export function* encodeInSteps(items: readonly StatEntry[]): Generator<void, Encoded, void> {
  const table = new StringTable();
  const s = (value: string): number => table.indexOf(value);
  const texts: string[] = [];
  const t = (value: string): number => texts.push(value) - 1;
  // Sized exactly first, so the numbers are written straight into their final array.
  const encodable: StatEntry[] = [];
  let size = 0;
  let guideSize = 0;
  for (const item of items) {
    yield;
    if (!isEncodable(item.entry)) continue;
    encodable.push(item);
    const e = item.entry;
    size += 5 + 5 * e.problems.length;
    const g = e.guide;
    if (g !== null) {
      size += 11;
      guideSize += 7 + 8 * g.bands.length;
    }
  }
  const packer = new PackedGuideWriter(guideSize);
  const numbers = new Float64Array(size);
  const stats = new Float64Array(4 * encodable.length);
  let at = 0;
  let statAt = 0;
  const out = {
    push(...values: number[]) {
      for (const v of values) numbers[at++] = v;
    },
  };
  const extras: unknown[] = [];
  const skipped = items.length - encodable.length;
  for (const { entry: e, stat } of encodable) {
    yield;
    stats[statAt++] = stat.size;
    stats[statAt++] = stat.mtimeMs;
    stats[statAt++] = stat.ctimeMs;
    stats[statAt++] = stat.ino;
    out.push(s(e.file), e.hash === null ? -1 : s(e.hash), e.overdueAt);
    out.push(e.problems.length);
    for (const p of e.problems) {
      out.push(p.severity === "error" ? 0 : 1, s(p.code), s(p.path), s(p.message));
      out.push(p.file === e.file ? -1 : s(p.file));
    }
    const g = e.guide;
    if (g === null) {
      out.push(0);
      continue;
    }
    out.push(1, s(g.id), s(g.company), s(g.companyDisplay), s(g.role), s(g.roleDisplay), s(g.roleType));
    out.push(s(g.lastUpdated), s(g.nextReviewDue), s(g.dataQuality), s(g.salaryDataQuarter));
    packer.add(g, t(g.levelMapping.raw), t(g.negotiationDnaSummary));
    if (isEmptyPlainObject(g.extra)) out.push(-1);
    else {
      out.push(extras.length);
      extras.push(g.extra);
    }
  }
  if (at !== size) throw new Error(`encodeEntries: sized ${size} numbers, wrote ${at}`);
  const textEnds = new Uint32Array(texts.length);
  let end = 0;
  for (let i = 0; i < texts.length; i++) {
    end += Buffer.byteLength(texts[i]!, "utf8");
    textEnds[i] = end;
  }
  const packed = packer.done();
  return {
    strings: table.list,
    guideNumbers: packed.numbers,
    guideRefs: packed.refs,
    guideStrings: packed.strings,
    // Its own buffer, of its size (never a slice of Buffer's shared pool): a worker transfers it.
    texts: new TextEncoder().encode(texts.join("")),
    textEnds,
    numbers: narrowed(numbers),
    stats,
    extras,
    skipped,
  };
}

/** Shares one copy of each repeated string across decoded chunks. */
export class Interner {
  private readonly strings = new Map<string, string>();
  s(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}

function fail(what: string): never {
  throw new TypeError(`bad encoded entries: ${what}`);
}

/**
 * Decodes `encodeEntries` output. Throws on anything malformed (the cache then ignores the whole file).
 * With an interner, the strings that repeat across files are shared with earlier decodes (the workers' or the
 * cache's chunks).
 */
export function decodeEntries(encoded: Omit<Encoded, "skipped">, interner?: Interner): StatEntry[] {
  const { entries, stats } = decodeColumns(encoded, interner);
  return entries.map((entry, i) => ({ entry, stat: statAt(stats, i) }));
}

/** The stat tuple of entry `i` of a stats column (size, mtimeMs, ctimeMs, ino, entry after entry). */
export function statAt(stats: Float64Array, i: number): FileStat {
  const k = 4 * i;
  return { size: stats[k]!, mtimeMs: stats[k + 1]!, ctimeMs: stats[k + 2]!, ino: stats[k + 3]! };
}

/**
 * `decodeEntries`, with the stat tuples left in their column (`stats`, four numbers an entry, checked to fit):
 * no tuple object and no wrapper per entry, for the cache's 50,000.
 */
export function decodeColumns(
  encoded: Omit<Encoded, "skipped">,
  interner?: Interner,
): { entries: FileEntry[]; stats: Float64Array } {
  const { numbers: n, stats, extras } = encoded;
  if (
    !Array.isArray(encoded.strings) ||
    !(n instanceof Float64Array || n instanceof Float32Array) ||
    !(stats instanceof Float64Array) ||
    !Array.isArray(extras)
  )
    fail("layout");
  let texts: TextTable;
  try {
    texts = checkedTexts(encoded.texts, encoded.textEnds);
  } catch {
    fail("text table");
  }
  const table = encoded.strings;
  for (const x of table) if (typeof x !== "string") fail("string table");
  const nLength = n.length;
  const str = (i: number): string => {
    const value = table[i];
    if (value === undefined) fail("string index");
    return value;
  };
  // With an interner, the strings that repeat from guide to guide (names, dates, regions, codes…) are shared
  // with earlier decodes; the ones that are each file's own (path, hash, id) are not looked up.
  const sharedAt: (string | undefined)[] | null = interner ? new Array(table.length) : null;
  const shared = !interner
    ? str
    : (i: number): string => {
        let value = sharedAt![i];
        if (value === undefined) {
          value = interner.s(str(i));
          sharedAt![i] = value;
        }
        return value;
      };
  const count = (c: number): number => {
    if (!(c >= 0 && c <= nLength)) fail("count");
    return c;
  };
  // Reads past the end give undefined: caught by the string lookups, the counts and the final check.
  let k = 0;
  let statsRead = 0;
  const result: FileEntry[] = [];
  const guides = new PackedGuideReader(
    { numbers: encoded.guideNumbers, refs: encoded.guideRefs, strings: encoded.guideStrings },
    texts,
    interner ? (x) => interner.s(x) : undefined,
  );
  let guidesRead = 0;
  while (k < nLength) {
    const file = str(n[k++]!);
    // One stat tuple an entry: checked against the column's length once all are read.
    statsRead += 4;
    const hashAt = n[k++]!;
    const hash = hashAt === -1 ? null : str(hashAt);
    const overdueAt = n[k++]!;
    const problemCount = count(n[k++]!);
    let problems = NO_PROBLEMS;
    if (problemCount > 0) {
      const read: GuideProblem[] = [];
      for (let p = 0; p < problemCount; p++) {
        const severity = n[k++] === 0 ? "error" : "warning";
        const code = shared(n[k++]!);
        const path = shared(n[k++]!);
        const message = str(n[k++]!);
        const other = n[k++]!;
        read.push({ severity, code, file: other === -1 ? file : str(other), path, message });
      }
      problems = read;
    }
    if (!Number.isInteger(overdueAt) || overdueAt < 0 || overdueAt > problems.length) fail("overdue index");
    let guide: Guide | null = null;
    const hasGuide = n[k++];
    if (hasGuide === 1) {
      const id = str(n[k++]!);
      const company = shared(n[k++]!);
      const companyDisplay = shared(n[k++]!);
      const role = shared(n[k++]!);
      const roleDisplay = shared(n[k++]!);
      const roleType = shared(n[k++]!);
      const lastUpdated = shared(n[k++]!);
      const nextReviewDue = shared(n[k++]!);
      const dataQuality = shared(n[k++]!);
      const salaryDataQuarter = shared(n[k++]!);
      const extraAt = n[k++]!;
      let extra: Record<string, unknown>;
      if (extraAt === -1) extra = NO_EXTRA;
      else {
        const found = extras[extraAt];
        if (found === null || typeof found !== "object" || Array.isArray(found)) fail("extra");
        extra = found as Record<string, unknown>;
      }
      if (guidesRead === guides.count) fail("more guides than packed");
      guide = guides.guide(guidesRead++, {
        id,
        file,
        company,
        companyDisplay,
        role,
        roleDisplay,
        roleType,
        lastUpdated,
        nextReviewDue,
        dataQuality,
        salaryDataQuarter,
        extra,
      });
    } else if (hasGuide !== 0) fail("guide flag");
    result.push({ file, hash, guide, problems, overdueAt });
  }
  if (k !== nLength) fail("truncated");
  if (statsRead !== stats.length) fail("stat tuples");
  if (guidesRead !== guides.count) fail("fewer guides than packed");
  return { entries: result, stats };
}
