/**
 * Lists the guide files under a directory and stats each one, on a helper thread, so that the index cache
 * (cache.ts) can be decoded on the calling thread at the same time. The helper runs plain JavaScript
 * (no TypeScript loader: it starts in a few tens of milliseconds) and follows listGuideFiles' rules:
 * *.md except README.md, hidden entries and symlinked directories skipped, symlinked files followed,
 * sorted by path. It gives up on any error (an unreadable directory…): the caller then lists with
 * listGuideFiles, which reports the problem, and stats on its own thread. Tested equal to listGuideFiles.
 */
import { Worker } from "node:worker_threads";
import type { FileStat } from "./compact.ts";

export interface Scan {
  files: string[];
  stats: FileStat[];
}

/** Young generation of the helper's heap (MB). */
const SCAN_YOUNG_SPACE_MB = 4;

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const isGuide = (name) => name.toLowerCase().endsWith(".md") && name.toLowerCase() !== "readme.md";
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

/** Lists and stats the guide files under `dir` on a helper thread; null if anything went wrong. */
export function scanGuideFiles(dir: string): Promise<Scan | null> {
  return new Promise((resolve) => {
    let worker: Worker;
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
      resolve(null);
      return;
    }
    let done = false;
    const finish = (value: Scan | null) => {
      if (done) return;
      done = true;
      resolve(value);
      void worker.terminate();
    };
    worker.on("message", (msg: { files?: string[]; stats?: Float64Array }) => {
      const { files, stats } = msg;
      if (!Array.isArray(files) || !(stats instanceof Float64Array)) return finish(null);
      const tuples: FileStat[] = files.map((_, i) => ({
        size: stats[i * 4]!,
        mtimeMs: stats[i * 4 + 1]!,
        ctimeMs: stats[i * 4 + 2]!,
        ino: stats[i * 4 + 3]!,
      }));
      finish({ files, stats: tuples });
    });
    worker.on("error", () => finish(null));
    worker.on("exit", () => finish(null));
  });
}
