/**
 * The file system half of a start with the index cache, on a helper thread: every guide file listed and
 * stat'ed while the calling thread reads and decodes the cache (cache.ts). main.ts starts it before the rest
 * of the app's modules load (early-read.ts), so that it overlaps that loading too.
 *
 * The helper runs plain JavaScript (no TypeScript loader: it starts in a few tens of milliseconds) and lists
 * by listGuideFiles' rules: *.md except README.md, hidden entries and symlinked directories skipped, symlinked
 * files followed, sorted by path. It gives up on any error (an unreadable directory…): the caller then lists
 * with listGuideFiles, which reports the problem, and stats on its own thread. Tested equal to listGuideFiles.
 */
import { Worker } from "node:worker_threads";
export interface Scan {
  files: string[];
  /** size, mtimeMs, ctimeMs, ino of each file, in order (all -1: it could not be stat'ed). */
  stats: Float64Array;
  /** The folders listed on the way: the guide watcher starts from them (watch.ts). */
  folders: ScannedFolders;
}

/**
 * Every folder a scan listed, the root first and each folder after its parent (hidden and symlinked ones
 * skipped, as the listing skips them), with what its stat said just before it was listed. A folder whose inode
 * and mtime are still those has had no entry added, removed or renamed since (POSIX updates a directory's
 * mtime on each), unless its mtime is racily close to the scan (see isRacyTime in cache.ts).
 */
export interface ScannedFolders {
  /** Paths as path.join writes them; the root's as path.normalize writes it. */
  paths: string[];
  /** Per folder: its parent's index (-1 for the root), inode, mtimeMs. */
  info: Float64Array;
  /** Date.now() before the helper's first stat. */
  startedAtMs: number;
  /** The guide files it listed (Scan's `files`: sorted, as path.join writes them). */
  files: readonly string[];
}

/** A helper's work in progress. */
export interface GuideRead {
  dir: string;
  scan: Promise<Scan | null>;
  /** Stops the helper; a scan it has not given yet is null. */
  cancel(): void;
}

/** Young generation of the helper's heap (MB). */
const SCAN_YOUNG_SPACE_MB = 4;

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const isGuide = (name) => name.toLowerCase().endsWith(".md") && name.toLowerCase() !== "readme.md";
try {
  const startedAtMs = Date.now();
  const root = workerData.dir;
  const rootStat = fs.statSync(root);
  if (!rootStat.isDirectory()) throw new Error("not a directory");
  const files = [];
  // Each folder with its parent's index, inode and mtime, stat'ed before it is listed (watch.ts relies on it).
  const dirs = [path.normalize(root)];
  const dirInfo = [-1, rootStat.ino, rootStat.mtimeMs];
  // Paths as path.join makes them: the root's own entries through it (it normalises the root as given), then
  // each directory's path (normalised already) + separator + name, as joining would give, at a fraction of
  // its cost (50,000 joins: about 75 ms of a 2-core machine's listing).
  const join = (d, name) => (d === root ? path.join(d, name) : d + path.sep + name);
  let level = [root];
  let index = [0];
  while (level.length > 0) {
    const next = [];
    const nextIndex = [];
    for (let i = 0; i < level.length; i++) {
      const d = level[i];
      if (d !== root) {
        const s = fs.statSync(d);
        dirInfo[index[i] * 3 + 1] = s.ino;
        dirInfo[index[i] * 3 + 2] = s.mtimeMs;
      }
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        if (entry.name.startsWith(".")) continue;
        const full = join(d, entry.name);
        if (entry.isDirectory()) {
          next.push(full);
          nextIndex.push(dirs.length);
          dirs.push(full);
          dirInfo.push(index[i], -1, -1);
        } else if (isGuide(entry.name)) {
          if (entry.isFile()) files.push(full);
          else if (entry.isSymbolicLink()) {
            const target = fs.statSync(full, { throwIfNoEntry: false });
            if (target && target.isFile()) files.push(full);
          }
        }
      }
    }
    level = next;
    index = nextIndex;
  }
  // The default order of strings is the order of < (UTF-16 code units), without a comparator's calls.
  files.sort();
  const stats = new Float64Array(files.length * 4).fill(-1);
  files.forEach((file, i) => {
    try {
      const s = fs.statSync(file, { throwIfNoEntry: false });
      if (s) {
        const k = i * 4;
        stats[k] = s.size;
        stats[k + 1] = s.mtimeMs;
        stats[k + 2] = s.ctimeMs;
        stats[k + 3] = s.ino;
      }
    } catch {}
  });
  // One string, not an array of 50,000: cloning it is a copy of its bytes, and splitting it on the calling
  // thread took about 11 ms where receiving the array took about 43 (no path holds a NUL).
  const folders = Float64Array.from(dirInfo);
  parentPort.postMessage(
    { joined: files.join("\\0"), count: files.length, stats, dirs: dirs.join("\\0"), folders, startedAtMs },
    [stats.buffer, folders.buffer],
  );
} catch (err) {
  parentPort.postMessage({ error: String(err) });
}
// Then, with the list given, ICU's number data: loaded once for every thread of the process, here rather than
// on the main thread by the first answer's money figures (money/format.ts; 25-50 ms the first time).
new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact" }).format(1);
`;

/** Starts a helper that lists and stats the guide files under `dir` (`scan`: null if anything went wrong). */
export function startGuideRead(dir: string): GuideRead {
  let giveScan: (value: Scan | null) => void = () => {};
  const scan = new Promise<Scan | null>((resolve) => {
    giveScan = resolve;
  });
  let worker: Worker | null = null;
  const stop = () => {
    giveScan(null);
    void worker?.terminate();
  };
  const read: GuideRead = { dir, scan, cancel: stop };
  try {
    worker = new Worker(SOURCE, {
      eval: true,
      workerData: { dir },
      execArgv: [],
      // It runs beside the cache decode, the peak of a cached start's memory: a small young generation
      // (its file list survives anyway) keeps its heap to a few MB instead of tens.
      resourceLimits: { maxYoungGenerationSizeMb: SCAN_YOUNG_SPACE_MB },
    });
  } catch {
    stop();
    return read;
  }
  worker.on("message", (msg: Record<string, unknown>) => {
    const { joined, count, stats, dirs, folders, startedAtMs } = msg;
    if (typeof joined !== "string" || typeof count !== "number" || typeof dirs !== "string") return stop();
    const files = count === 0 ? [] : joined.split("\0");
    if (files.length !== count || !(stats instanceof Float64Array) || stats.length !== 4 * count)
      return stop();
    const paths = dirs.split("\0");
    if (!(folders instanceof Float64Array) || folders.length !== 3 * paths.length) return stop();
    if (typeof startedAtMs !== "number") return stop();
    giveScan({ files, stats, folders: { paths, info: folders, startedAtMs, files } });
    // It ends on its own once it has loaded ICU's number data (above).
  });
  worker.on("error", stop);
  worker.on("exit", stop);
  return read;
}

let early: GuideRead | null = null;

/** Starts the scan of a start-up (startGuideRead) ahead of time, for `takeGuideRead` to use; see early-read.ts. */
export function startEarlyGuideRead(dir: string): void {
  early?.cancel();
  early = startGuideRead(dir);
}

/**
 * The scan started early for this `dir`, if there is one (once), else a new one. An early scan of another
 * directory is stopped. `early` says which it is.
 */
export function takeGuideRead(dir: string): GuideRead & { early: boolean } {
  const waiting = early;
  early = null;
  if (waiting && waiting.dir === dir) return { ...waiting, early: true };
  waiting?.cancel();
  return { ...startGuideRead(dir), early: false };
}
