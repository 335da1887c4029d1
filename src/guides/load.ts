/**
 * Loads every guide under a directory (guides/<company>/<role>.md). Built for large catalogues: files are
 * read with bounded concurrency, bodies are never kept, and one bad file only costs that file.
 */
import type { Dirent } from "node:fs";
import { statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import {
  type CacheRead,
  type CopiedRecord,
  cacheFileFor,
  type EncodedChunk,
  isRacyTime,
  readCache,
  type WriteCacheOptions,
  writeCache,
} from "./cache.ts";
import type { CachedEntries } from "./cached-entries.ts";
import { type StatEntry, statAt } from "./compact.ts";
import { readEntriesInWorkers, type WorkerChunk } from "./parallel.ts";
import {
  errorText,
  type FileEntry,
  pushProblemsWithOverdue,
  readEntry,
  type SameFile,
} from "./parse-file.ts";
import { type ScannedFolders, takeGuideRead } from "./scan.ts";
import type { Guide, GuideProblem } from "./types.ts";

export { type FileResult, loadGuideText } from "./parse-file.ts";

export interface LoadOptions {
  /** "YYYY-MM-DD" for the overdue check; defaults to today's UTC date. */
  today?: string;
  /** Also parse each body and warn where its comp table disagrees with the frontmatter. */
  checkBody?: boolean;
  /**
   * Parse in this many worker threads; 0 parses on the calling thread. Default: 2 (at most the cores
   * minus none, and 0 on a single core) for catalogues of WORKER_THRESHOLD files or more, else 0.
   * The result is the same either way.
   */
  workers?: number;
  /**
   * Directory of the index cache (see cache.ts), or false (the default) for none. With a cache, unchanged
   * files (same stat tuple, or same bytes) are not parsed again; the result is the same as without.
   */
  cache?: string | false;
  /** Use the cache only for catalogues of at least this many files (default 0: always). */
  cacheMinFiles?: number;
  /**
   * Leave the cache write to the caller (`LoadResult.cacheWrite`), to run once the guides are being served:
   * at 50,000 guides the write takes about a second that the first answer then does not wait for.
   */
  deferCacheWrite?: boolean;
}

/**
 * A cache write left for later (`deferCacheWrite`). `run` writes it once (spread over the event loop with a
 * `pause`, see writeCache) and updates the load's CacheReport; it lets go of the entries it holds as it
 * starts. Never rejects.
 */
export class PendingCacheWrite {
  private job: ((options: WriteCacheOptions) => Promise<string | null>) | null;
  private running: Promise<string | null> | null = null;

  constructor(
    job: (options: WriteCacheOptions) => Promise<string | null>,
    private readonly report: CacheReport,
  ) {
    this.job = job;
  }

  /** Resolves to the write's error text, or null when written. Later calls give the first call's result. */
  run(options: WriteCacheOptions = {}): Promise<string | null> {
    if (this.running) return this.running;
    const job = this.job!;
    this.job = null;
    this.running = job(options).then((error) => {
      this.report.written = error === null;
      this.report.writeError = error;
      return error;
    });
    return this.running;
  }
}

/** What the index cache did on this load. */
export interface CacheReport {
  /** The cache file. */
  file: string;
  /** hit: every file reused; partial: some parsed again; rebuilt: the cache could not be used at all. */
  status: "hit" | "partial" | "rebuilt";
  /** Why the cache was rebuilt ("no cache file", "corrupt (checksum mismatch)"…), or null. */
  reason: string | null;
  /** Files whose cached entry was reused / files parsed. */
  reused: number;
  parsed: number;
  /**
   * Files read again to compare their hash with the cache's: stat tuple changed, or racily clean (see
   * cache.ts). Files whose stat tuple matched were not opened at all.
   */
  rehashed: number;
  /** Whether the cache file was (re)written; `writeError` says why not. With `deferCacheWrite`, false until done. */
  written: boolean;
  writeError: string | null;
  /** Whether the cache was read by a helper started before the app's modules loaded (early-read.ts). */
  early: boolean;
}

export interface LoadResult {
  guides: Guide[];
  problems: GuideProblem[];
  /** Guide files found (loaded or not). */
  files: number;
  /** Set when the `cache` option is used. */
  cache?: CacheReport;
  /** Set when files were parsed in worker threads: how many workers, and how many files they did. */
  parallel?: { workers: number; filesInWorkers: number };
  /** With `deferCacheWrite`, the cache write to run once the guides are served; null when there is none to do. */
  cacheWrite?: PendingCacheWrite | null;
  /** Milliseconds spent in each phase (list, cache-read, read, assemble, cache-write), for the benchmark. */
  timings: Record<string, number>;
  /** The folders the helper thread listed, when it did (scan.ts): the guide watcher starts from them. */
  folders?: ScannedFolders;
}

/** Catalogues at least this big are parsed in worker threads by default (starting one costs ~0.1–0.3 s). */
export const WORKER_THRESHOLD = 2_000;

/** Worker threads used by default: two (the bench machine's cores), fewer on smaller machines. */
export function defaultWorkers(files: number): number {
  if (files < WORKER_THRESHOLD) return 0;
  const cores = availableParallelism();
  return cores < 2 ? 0 : 2;
}

/** How many files or directories are read at once. */
export const IO_CONCURRENCY = 64;

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const isGuideFileName = (name: string) =>
  name.toLowerCase().endsWith(".md") && name.toLowerCase() !== "readme.md";

/** No files, and one "read" error about the guides directory itself. */
function rootUnreadable(dir: string, message: string): { files: string[]; problems: GuideProblem[] } {
  return { files: [], problems: [{ severity: "error", code: "read", file: dir, path: "", message }] };
}

/**
 * Lists guide files (*.md, not README.md) under `dir`, sorted by path. Hidden entries (".git") and
 * symlinked directories are skipped, so symlink loops cannot trap the walk; symlinked files are followed.
 * A missing or unreadable root gives a "read" error problem, never a throw.
 */
export async function listGuideFiles(dir: string): Promise<{ files: string[]; problems: GuideProblem[] }> {
  const problems: GuideProblem[] = [];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      return rootUnreadable(dir, "expected a guides directory, found a file");
    }
  } catch (err) {
    return rootUnreadable(dir, `cannot read the guides directory: ${errorText(err)}`);
  }

  const files: string[] = [];
  let level = [dir];
  while (level.length > 0) {
    const next: string[][] = await mapLimit(level, IO_CONCURRENCY, async (d) => {
      let entries: Dirent[];
      try {
        entries = await readdir(d, { withFileTypes: true });
      } catch (err) {
        problems.push({
          severity: "error",
          code: "read",
          file: d,
          path: "",
          message: `cannot read directory: ${errorText(err)}`,
        });
        return [];
      }
      const subdirs: string[] = [];
      for (const entry of entries) {
        if (entry.name.startsWith(".")) continue;
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) subdirs.push(full);
        else if (isGuideFileName(entry.name)) {
          if (entry.isFile()) files.push(full);
          else if (entry.isSymbolicLink()) {
            const target = await stat(full).catch(() => null);
            if (target?.isFile()) files.push(full);
          }
        }
      }
      return subdirs;
    });
    level = next.flat();
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, problems };
}

/**
 * Every file's stat tuple (following symlinks), four numbers a file: size, mtimeMs, ctimeMs, ino; all -1 for
 * a file that cannot be stat'ed (it is then read). Used when the helper thread could not scan (scan.ts).
 */
export function statsOf(files: readonly string[]): Float64Array {
  const stats = new Float64Array(4 * files.length).fill(-1);
  files.forEach((file, i) => {
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(file, { throwIfNoEntry: false });
    } catch {
      return;
    }
    if (info) stats.set([info.size, info.mtimeMs, info.ctimeMs, info.ino], 4 * i);
  });
  return stats;
}

/**
 * What a cache write is given: every entry in path order with its stat tuple, except where a parse worker's
 * chunk covers files that follow one another in path order, all parsed here (none unchanged from the cache)
 * and all hashed. Such a chunk is written as the worker encoded it, its stat tuples filled in, so this thread
 * encodes nothing for its files: after a start without a cache, nothing at all (README, Performance).
 * `todo[k]` is the position in `entries` of the file `read[k]` was read from; chunks index `todo`.
 */
export function cacheItems(
  entries: readonly FileEntry[],
  stats: Float64Array,
  todo: readonly number[],
  read: readonly (FileEntry | SameFile)[],
  chunks: readonly WorkerChunk[],
  reuse: { from: CachedEntries; reusedFrom: Int32Array } | null = null,
): (StatEntry | EncodedChunk | CopiedRecord)[] {
  const covered = new Map<number, { end: number; item: EncodedChunk | CopiedRecord }>();
  const source = reuse?.from.source;
  if (reuse && source) {
    const { reusedFrom } = reuse;
    // Where each cached entry is now, if it is reused as it was.
    const now = new Int32Array(reuse.from.size).fill(-1);
    reusedFrom.forEach((at, i) => {
      if (at !== -1) now[at] = i;
    });
    const records = source.records;
    for (let r = 0; r + 3 < records.length; r += 4) {
      const [offset, length, first, count] = [records[r]!, records[r + 1]!, records[r + 2]!, records[r + 3]!];
      const i = count > 0 ? now[first]! : -1;
      if (i === -1) continue;
      let same = true;
      for (let k = 1; k < count && same; k++) same = reusedFrom[i + k] === first + k;
      if (same) covered.set(i, { end: i + count, item: { copy: { from: source, offset, length } } });
    }
  }
  for (const c of chunks) {
    const first = todo[c.start]!;
    if (todo[c.end - 1]! - first !== c.end - 1 - c.start) continue;
    let whole = true;
    for (let k = c.start; k < c.end && whole; k++) whole = !("same" in read[k]!);
    for (const p of c.at) if (entries[first + p]!.hash === null) whole = false;
    if (!whole) continue;
    const chunkStats = new Float64Array(4 * c.at.length);
    c.at.forEach((p, k) => {
      chunkStats.set(stats.subarray(4 * (first + p), 4 * (first + p + 1)), 4 * k);
    });
    covered.set(first, {
      end: first + c.end - c.start,
      item: { chunk: { ...c.encoded, stats: chunkStats } },
    });
  }
  const items: (StatEntry | EncodedChunk | CopiedRecord)[] = [];
  for (let i = 0; i < entries.length; ) {
    const run = covered.get(i);
    if (run) {
      items.push(run.item);
      i = run.end;
    } else {
      items.push({ entry: entries[i]!, stat: statAt(stats, i) });
      i++;
    }
  }
  return items;
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Loads all guides under `dir`. Bad files give error problems and are skipped; the rest load. Two guides
 * with the same company/role: the first by path wins and the other is reported naming both. Never throws.
 * Big catalogues are parsed in worker threads, and with `cache` unchanged files are not parsed again; the
 * guides and problems are the same whichever way they were read.
 */
export async function loadGuides(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const today = options.today ?? todayUtc();
  const checkBody = options.checkBody ?? false;
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    timings[phase] = Math.round(now - mark);
    mark = now;
  };
  const key = { dir, checkBody };
  const scanStartMs = Date.now();
  const cacheDir = options.cache || null;
  const cacheFile = cacheDir ? cacheFileFor(cacheDir, key) : null;
  // With a cache, a helper thread lists and stats the files (scan.ts) while this thread reads and decodes the
  // cache. main.ts starts that helper before the app's modules load (early-read.ts): taken here.
  const helper = cacheFile ? takeGuideRead(dir) : null;
  let cached: CacheRead | null = null;
  if (cacheFile) {
    cached = readCache(cacheFile, key);
    lap("cache-read");
  }
  const scan = helper ? await helper.scan : null;
  const listing = scan ? { files: scan.files, problems: [] } : await listGuideFiles(dir);
  lap("list");
  const problems: GuideProblem[] = [...listing.problems];
  const files = listing.files;
  if (cached && files.length < (options.cacheMinFiles ?? 0)) cached = null;
  const useCache = cached !== null;

  // With a cache: every file's stat tuple, then only files whose stat tuple says they may have changed
  // are opened (cache.ts). `todo` holds the files to read, with the hash they are expected to have.
  // When the helper could not scan, stat here (scannedAtMs is taken before the stats either way).
  const scannedAtMs = scan ? scanStartMs : Date.now();
  const stats = useCache ? (scan ? scan.stats : statsOf(files)) : new Float64Array(0);
  const known = cached?.ok ? cached.entries : null;
  const scannedAtKnown = cached?.ok ? cached.scannedAtMs : 0;
  const entries = new Array<FileEntry>(files.length);
  // Per file, the position of the cached entry reused as it was (same stat tuple), else -1: a cache write
  // copies the old file's records whose entries are all reused, in order (cacheItems).
  const reusedFrom = new Int32Array(known ? files.length : 0).fill(-1);
  const todo: number[] = [];
  const expected: (string | null)[] = [];
  let reused = 0;
  let rehashed = 0;
  for (let i = 0; i < files.length; i++) {
    const hit = known ? known.find(files[i]!) : -1;
    if (hit !== -1 && known!.sameStat(hit, stats, i) && !isRacyTime(known!.changedAt(hit), scannedAtKnown)) {
      entries[i] = known!.entry(hit);
      reusedFrom[i] = hit;
      reused++;
      continue;
    }
    if (hit !== -1) rehashed++;
    todo.push(i);
    expected.push(hit !== -1 ? known!.entry(hit).hash : null);
  }
  if (useCache) lap("stat");

  const readOptions = { checkBody, hash: useCache };
  const todoFiles = todo.map((i) => files[i]!);
  const workers = Math.max(0, Math.floor(options.workers ?? defaultWorkers(todo.length)));
  let read: (FileEntry | SameFile)[];
  let parallel: LoadResult["parallel"];
  let workerChunks: WorkerChunk[] = [];
  if (workers > 0 && todo.length > 0) {
    const done = await readEntriesInWorkers(todoFiles, expected, readOptions, workers, IO_CONCURRENCY);
    read = done.entries;
    workerChunks = done.chunks;
    parallel = { workers, filesInWorkers: done.filesInWorkers };
  } else {
    read = await mapLimit(todoFiles, IO_CONCURRENCY, (file, k) =>
      readEntry(file, readOptions, expected[k] ?? null),
    );
  }
  read.forEach((entry, k) => {
    const i = todo[k]!;
    if ("same" in entry) {
      reused++;
      entries[i] = known!.entry(known!.find(entry.file));
    } else entries[i] = entry;
  });
  lap("read");

  const guides: Guide[] = [];
  const firstFileById = new Map<string, string>();
  const overdueMessages = new Map<string, string>();
  for (const entry of entries) {
    pushProblemsWithOverdue(problems, entry, today, overdueMessages);
    const guide = entry.guide;
    if (!guide) continue;
    const first = firstFileById.get(guide.id);
    if (first !== undefined) {
      problems.push({
        severity: "error",
        code: "duplicate",
        file: guide.file,
        path: "",
        message: `duplicate guide ${guide.id}: ${guide.file} repeats ${first}; keeping ${first}`,
      });
      continue;
    }
    firstFileById.set(guide.id, guide.file);
    guides.push(guide);
  }

  lap("assemble");
  const result: LoadResult = { guides, problems, files: files.length, timings };
  if (parallel) result.parallel = parallel;
  if (scan) result.folders = scan.folders;
  if (cacheFile && cached) {
    const parsed = files.length - reused;
    const unchanged = cached.ok && parsed === 0 && rehashed === 0 && cached.entries.size === reused;
    const items = unchanged
      ? []
      : cacheItems(entries, stats, todo, read, workerChunks, known ? { from: known, reusedFrom } : null);
    const report: CacheReport = {
      file: cacheFile,
      status: !cached.ok ? "rebuilt" : parsed === 0 && cached.entries.size === reused ? "hit" : "partial",
      reason: cached.ok ? null : cached.reason,
      reused,
      parsed,
      rehashed,
      written: false,
      writeError: null,
      early: helper?.early ?? false,
    };
    result.cache = report;
    const write = (options: WriteCacheOptions) => writeCache(cacheFile, key, items, scannedAtMs, options);
    if (options.deferCacheWrite) result.cacheWrite = unchanged ? null : new PendingCacheWrite(write, report);
    else if (!unchanged) {
      report.writeError = await write({});
      report.written = report.writeError === null;
    }
    lap("cache-write");
  }
  return result;
}
