/**
 * Reads and parses guide files in worker threads (parse-worker.ts; parse-worker.js when compiled), in chunks
 * handed out as workers free up, so a slow chunk never leaves a core idle. Results keep the input order. If a
 * worker cannot start or dies, its unfinished chunks (and everything after a failure) are done on the calling
 * thread: the result is the same, only slower.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { setNewThreadsSemiSpace, WORKER_SEMI_SPACE_MB } from "../runtime/heap.ts";
import { decodeColumns, Interner } from "./compact.ts";
import { type FileEntry, type ReadOptions, readEntry, type SameFile } from "./parse-file.ts";
import type { ParseDone, ParseJob } from "./parse-worker.ts";

/** Files per message: large enough to amortise messaging, small enough to balance the workers. */
export const CHUNK_SIZE = 250;
/** Chunks queued per worker, so a worker never waits for its next message. */
const IN_FLIGHT = 2;
/**
 * Old-generation limit of a parse worker (MB): it holds a chunk at a time, so a small heap is plenty and keeps
 * the process's peak RSS down. A worker that runs out dies, and its chunks are parsed on the calling thread.
 * Its young generation is set by `setNewThreadsSemiSpace` (runtime/heap.ts), which V8 lets override
 * `resourceLimits`.
 */
const WORKER_OLD_SPACE_MB = 96;

/**
 * Run from source (tsx), this module is `parallel.ts` and the worker is `parse-worker.ts`; compiled
 * (`npm run build`, dist/), they are `.js` files that Node runs as they are.
 */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./parse-worker.ts" : "./parse-worker.js", import.meta.url);

/**
 * From source, the worker is TypeScript. A worker does not inherit the tsx loader hooks of its parent (nor
 * do `--import tsx` execArgv apply to its entry module on Node 20), so a small bootstrap registers tsx's ESM
 * hooks in the worker, then imports the worker module. Compiled, the worker starts on its `.js` file.
 */
function startWorker(options: WorkerOptions): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, options);
  return new Worker(bootstrap(), { ...options, eval: true });
}

function bootstrap(): string {
  // The ESM entry of "tsx/esm/api", as its package.json maps it (its CommonJS twin cannot register hooks).
  const pkgFile = createRequire(import.meta.url).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = pkg.exports["./esm/api"]?.import?.default ?? "./dist/esm/api/index.mjs";
  const tsxApi = pathToFileURL(path.join(path.dirname(pkgFile), entry)).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
}

/**
 * A worker's chunk as it sent it: files `start` to `end` (positions in the files given), the ones at `start +
 * at[k]` encoded in `encoded` (entry k; the others were unchanged or do not encode). Its stat tuples are
 * NO_STAT. A cache write can put it in the file as it is once they are filled in (load.ts).
 */
export interface WorkerChunk {
  start: number;
  end: number;
  at: readonly number[];
  encoded: ParseDone["encoded"];
}

export async function readEntriesInWorkers(
  files: readonly string[],
  expected: readonly (string | null)[] | null,
  options: ReadOptions,
  workerCount: number,
  fallbackConcurrency: number,
): Promise<{ entries: (FileEntry | SameFile)[]; filesInWorkers: number; chunks: WorkerChunk[] }> {
  const results = new Array<FileEntry | SameFile>(files.length);
  const encodedChunks: WorkerChunk[] = [];
  const chunks: { start: number; end: number }[] = [];
  for (let start = 0; start < files.length; start += CHUNK_SIZE) {
    chunks.push({ start, end: Math.min(files.length, start + CHUNK_SIZE) });
  }
  let nextChunk = 0;
  let filesInWorkers = 0;
  const leftOver: number[] = [];
  const interner = new Interner();

  const runWorker = () =>
    new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        worker = startWorker({ resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB } });
      } catch {
        resolve();
        return;
      }
      const pending = new Set<number>();
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        leftOver.push(...pending);
        pending.clear();
        void worker.terminate();
        resolve();
      };
      const send = () => {
        while (pending.size < IN_FLIGHT && nextChunk < chunks.length) {
          const id = nextChunk++;
          const { start, end } = chunks[id]!;
          const job: ParseJob = {
            id,
            files: files.slice(start, end),
            expected: expected ? expected.slice(start, end) : null,
            checkBody: options.checkBody,
            hash: options.hash,
          };
          pending.add(id);
          worker.postMessage(job);
        }
        if (pending.size === 0) finish();
      };
      worker.on("message", (done: ParseDone) => {
        const { start, end } = chunks[done.id]!;
        // The workers send no stat tuples: only the entries are read.
        decodeColumns(done.encoded, interner).entries.forEach((entry, k) => {
          results[start + done.encodedAt[k]!] = entry;
        });
        for (const [i, entry] of done.others) results[start + i] = entry;
        encodedChunks.push({ start, end, at: done.encodedAt, encoded: done.encoded });
        filesInWorkers += end - start;
        pending.delete(done.id);
        send();
      });
      worker.on("error", finish);
      worker.on("exit", finish);
      send();
    });

  setNewThreadsSemiSpace(WORKER_SEMI_SPACE_MB);
  await Promise.all(Array.from({ length: workerCount }, runWorker));

  // Chunks no worker finished (a worker failed to start or died), and chunks never handed out.
  const todo = [...leftOver];
  while (nextChunk < chunks.length) todo.push(nextChunk++);
  const indexes = todo.flatMap((id) => {
    const { start, end } = chunks[id]!;
    return Array.from({ length: end - start }, (_, k) => start + k);
  });
  let next = 0;
  const worker = async () => {
    while (next < indexes.length) {
      const i = indexes[next++]!;
      results[i] = await readEntry(files[i]!, options, expected?.[i] ?? null);
    }
  };
  await Promise.all(Array.from({ length: Math.min(fallbackConcurrency, indexes.length) }, worker));
  encodedChunks.sort((a, b) => a.start - b.start);
  return { entries: results, filesInWorkers, chunks: encodedChunks };
}
