/**
 * The entries of an index cache, as read (cache.ts): parse results in file order, with their stat tuples in
 * one column (four numbers an entry). A load looks its files up in path order, the order they were written
 * in, so each look-up is one comparison with the entry after the last one found; anything else is a binary
 * search. At 50,000 guides this replaces a map of 50,000 paths (built on every cached start, then read once
 * per file) and 100,000 small objects (a tuple and a wrapper an entry).
 * Entries out of path order (a cache file not written by writeCache) fall back to a map, found the same.
 */
import { lowerBound } from "../text/sorted.ts";
import { type FileStat, type StatEntry, statAt } from "./compact.ts";
import type { FileEntry } from "./parse-file.ts";

const fileOf = (entry: FileEntry): string => entry.file;

/**
 * Where the entries were read from: the cache file as it was (its stat), and its chunk records, four numbers
 * a record: its offset in the file (at its length prefix), its length (prefix included), the position of its
 * first entry and how many it holds. A rewrite copies the records whose entries did not change (cache.ts).
 */
export interface CacheSource {
  file: string;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  records: Float64Array;
}

export class CachedEntries {
  /** The entry after the last one found: where a look-up in path order finds its file. */
  private next = 0;
  /** Only for entries out of path order. */
  private readonly byFile: Map<string, number> | null = null;

  /** `stats`: four numbers an entry (size, mtimeMs, ctimeMs, ino), in the order of `entries`. */
  constructor(
    private readonly entries: readonly FileEntry[],
    private readonly stats: Float64Array,
    /** The file and records they were read from, when read from a cache file. */
    readonly source: CacheSource | null = null,
  ) {
    if (stats.length !== 4 * entries.length) throw new RangeError("CachedEntries: one stat tuple an entry");
    for (let i = 1; i < entries.length; i++) {
      if (!(entries[i - 1]!.file < entries[i]!.file)) {
        this.byFile = new Map(entries.map((entry, k) => [entry.file, k]));
        break;
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** The position of `file`'s entry, or -1. */
  find(file: string): number {
    const entries = this.entries;
    if (this.byFile) return this.byFile.get(file) ?? -1;
    let at = this.next;
    if (!(at < entries.length && entries[at]!.file === file)) {
      const low = lowerBound(entries, file, fileOf);
      if (!(low < entries.length && entries[low]!.file === file)) return -1;
      at = low;
    }
    this.next = at + 1;
    return at;
  }

  entry(at: number): FileEntry {
    return this.entries[at]!;
  }

  /** Entry `at`'s stat tuple, as a new object. */
  stat(at: number): FileStat {
    return statAt(this.stats, at);
  }

  /** Whether entry `at`'s stat tuple is the one at `i` of `column` (four numbers a file). */
  sameStat(at: number, column: Float64Array, i: number): boolean {
    const s = this.stats;
    const k = 4 * at;
    const j = 4 * i;
    return (
      s[k] === column[j] &&
      s[k + 1] === column[j + 1] &&
      s[k + 2] === column[j + 2] &&
      s[k + 3] === column[j + 3]
    );
  }

  /** When entry `at`'s file last changed, as its stat tuple says: the later of mtimeMs and ctimeMs. */
  changedAt(at: number): number {
    return Math.max(this.stats[4 * at + 1]!, this.stats[4 * at + 2]!);
  }

  /** Every entry with its stat tuple, in the order read (for tests and tools). */
  toArray(): StatEntry[] {
    return this.entries.map((entry, at) => ({ entry, stat: this.stat(at) }));
  }

  /** `file`'s entry with its stat tuple, or undefined (for tests and tools; a load uses `find`). */
  get(file: string): StatEntry | undefined {
    const at = this.find(file);
    return at === -1 ? undefined : { entry: this.entry(at), stat: this.stat(at) };
  }
}
