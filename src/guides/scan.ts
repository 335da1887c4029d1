/**
 * The I/O of a start with the index cache, on a helper thread: first the cache file's bytes (read, and the
 * sha256 of its payload computed, for cache.ts to check; handed over without a copy), then every guide file
 * listed and stat'ed, while the calling thread decodes the cache. main.ts starts it before the rest of the
 * app's modules load (early-read.ts), so that reading the cache overlaps that loading too.
 *
 * The helper runs plain JavaScript (no TypeScript loader: it starts in a few tens of milliseconds) and lists
 * by listGuideFiles' rules: *.md except README.md, hidden entries and symlinked directories skipped, symlinked
 * files followed, sorted by path. It gives up on any error (an unreadable directory…): the caller then lists
 * with listGuideFiles, which reports the problem, and stats on its own thread. A cache file it cannot read
 * gives null (cache.ts then reads it itself, and says why it cannot). Tested equal to listGuideFiles and
 * readFileSync.
 */
import { Worker } from "node:worker_threads";
export interface Scan {
  files: string[];
  /** size, mtimeMs, ctimeMs, ino of each file, in order (all -1: it could not be stat'ed). */
  stats: Float64Array;
}

/** A cache file's bytes, and the sha256 (hex) of those from `payloadAt` on. */
export interface CacheBytes {
  bytes: Buffer;
  payloadSha256: string;
}

/** Where a cache file's bytes come from: taken once, so that nothing else keeps them (tens of MB). */
export interface CacheBytesSource {
  takeCacheBytes(): CacheBytes | null;
}

/** A helper's work in progress. */
export interface GuideRead extends CacheBytesSource {
  dir: string;
  cacheFile: string | null;
  /** Settles when the cache file is read (or cannot be); `takeCacheBytes` then gives its bytes, or null. */
  cacheRead: Promise<void>;
  scan: Promise<Scan | null>;
  /** Stops the helper; what it has not given yet is null. */
  cancel(): void;
}

/** Young generation of the helper's heap (MB). */
const SCAN_YOUNG_SPACE_MB = 4;

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const isGuide = (name) => name.toLowerCase().endsWith(".md") && name.toLowerCase() !== "readme.md";
if (workerData.cacheFile !== null) {
  let cache = null;
  try {
    const read = fs.readFileSync(workerData.cacheFile);
    const payloadSha256 = require("node:crypto")
      .createHash("sha256")
      .update(read.subarray(Math.min(workerData.payloadAt, read.length)))
      .digest("hex");
    // An ArrayBuffer holding exactly the file, which moves to the calling thread without a copy. A big file's
    // read has one of its own; a small one's is a slice of Node's shared pool, so it is copied into one.
    const whole = read.byteOffset === 0 && read.buffer.byteLength === read.length;
    cache = { bytes: whole ? read.buffer : new Uint8Array(read).buffer, payloadSha256 };
  } catch {}
  parentPort.postMessage({ cache }, cache ? [cache.bytes] : []);
}
try {
  const root = workerData.dir;
  if (!fs.statSync(root).isDirectory()) throw new Error("not a directory");
  const files = [];
  let level = [root];
  while (level.length > 0) {
    const next = [];
    for (const d of level) {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        if (entry.name.startsWith(".")) continue;
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) next.push(full);
        else if (isGuide(entry.name)) {
          if (entry.isFile()) files.push(full);
          else if (entry.isSymbolicLink()) {
            const target = fs.statSync(full, { throwIfNoEntry: false });
            if (target && target.isFile()) files.push(full);
          }
        }
      }
    }
    level = next;
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const stats = new Float64Array(files.length * 4).fill(-1);
  files.forEach((file, i) => {
    try {
      const s = fs.statSync(file, { throwIfNoEntry: false });
      if (s) stats.set([s.size, s.mtimeMs, s.ctimeMs, s.ino], i * 4);
    } catch {}
  });
  parentPort.postMessage({ files, stats }, [stats.buffer]);
} catch (err) {
  parentPort.postMessage({ error: String(err) });
}
`;

/**
 * Starts a helper that reads `cacheFile` (when not null; `payloadAt`: where its payload starts), then lists
 * and stats the guide files under `dir` (`scan`: null if anything went wrong).
 */
export function startGuideRead(dir: string, cacheFile: string | null, payloadAt: number): GuideRead {
  // The bytes wait in `kept`, not in a promise (which would hold them for as long as it is referenced).
  let kept: CacheBytes | null = null;
  let cacheDone: () => void = () => {};
  const cacheRead = new Promise<void>((resolve) => {
    cacheDone = resolve;
  });
  if (cacheFile === null) cacheDone();
  let giveScan: (value: Scan | null) => void = () => {};
  const scan = new Promise<Scan | null>((resolve) => {
    giveScan = resolve;
  });
  let worker: Worker | null = null;
  const stop = () => {
    cacheDone();
    giveScan(null);
    void worker?.terminate();
  };
  const read: GuideRead = {
    dir,
    cacheFile,
    cacheRead,
    takeCacheBytes() {
      const bytes = kept;
      kept = null;
      return bytes;
    },
    scan,
    cancel: stop,
  };
  try {
    worker = new Worker(SOURCE, {
      eval: true,
      workerData: { dir, cacheFile, payloadAt },
      execArgv: [],
      // It runs beside the cache decode, the peak of a cached start's memory: a small young generation
      // (its file list survives anyway) keeps its heap to a few MB instead of tens.
      resourceLimits: { maxYoungGenerationSizeMb: SCAN_YOUNG_SPACE_MB },
    });
  } catch {
    stop();
    return read;
  }
  worker.on("message", (msg: { cache?: unknown; files?: string[]; stats?: Float64Array }) => {
    if ("cache" in msg) {
      const found = msg.cache as { bytes?: unknown; payloadSha256?: unknown } | null;
      if (found && found.bytes instanceof ArrayBuffer && typeof found.payloadSha256 === "string") {
        kept = { bytes: Buffer.from(found.bytes), payloadSha256: found.payloadSha256 };
      }
      cacheDone();
      return;
    }
    const { files, stats } = msg;
    if (!Array.isArray(files) || !(stats instanceof Float64Array) || stats.length !== 4 * files.length) {
      return stop();
    }
    giveScan({ files, stats });
    void worker!.terminate();
  });
  worker.on("error", stop);
  worker.on("exit", stop);
  return read;
}

let early: GuideRead | null = null;

/** Starts the read of a start-up (startGuideRead) ahead of time, for `takeGuideRead` to use; see early-read.ts. */
export function startEarlyGuideRead(dir: string, cacheFile: string | null, payloadAt: number): void {
  early?.cancel();
  early = startGuideRead(dir, cacheFile, payloadAt);
}

/**
 * The read started early for this `dir` and `cacheFile`, if there is one (once), else a new one. An early read
 * of another directory or cache file is stopped. `early` says which it is.
 */
export function takeGuideRead(
  dir: string,
  cacheFile: string | null,
  payloadAt: number,
): GuideRead & { early: boolean } {
  const waiting = early;
  early = null;
  if (waiting && waiting.dir === dir && waiting.cacheFile === cacheFile) {
    return { ...waiting, early: true };
  }
  waiting?.cancel();
  return { ...startGuideRead(dir, cacheFile, payloadAt), early: false };
}
