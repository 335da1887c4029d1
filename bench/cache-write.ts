/**
 * `npm run bench:cache-write [-- --guides 50000 --runs 3]`: what the index cache's write costs the thread that
 * answers questions, after a start without a cache. The generated catalogue (bench/generate.ts) is loaded as
 * `npm start` loads it (parse workers, the write deferred), then written twice, each with a pause between
 * steps that times every step (the time the thread is held, garbage collection included):
 *
 * - "workers' chunks": the write the load left (load.ts, cacheItems): the chunks the parse workers encoded,
 *   put in the file as they are;
 * - "entries": the same entries given one by one (read back from that file), encoded on this thread, as
 *   every write did before the workers' chunks were kept.
 *
 * Run with `npm start`'s heap flags, since they decide how often the young generation is collected.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readCache, type WriteCacheOptions, writeCache } from "../src/guides/cache.ts";
import { loadGuides } from "../src/guides/load.ts";
import { ensureCorpus } from "./generate.ts";

interface Steps {
  totalMs: number;
  steps: number;
  heldMs: number;
  longestMs: number[];
}

/** Runs `write` with a pause that times each step: from the end of one pause to the start of the next. */
async function timed(write: (options: WriteCacheOptions) => Promise<string | null>): Promise<Steps> {
  const lengths: number[] = [];
  let resumed = 0;
  const began = performance.now();
  const error = await write({
    pause: async () => {
      if (resumed > 0) lengths.push(performance.now() - resumed);
      await new Promise((resolve) => setImmediate(resolve));
      resumed = performance.now();
    },
  });
  if (error !== null) throw new Error(`the cache write failed: ${error}`);
  lengths.push(performance.now() - resumed);
  lengths.sort((a, b) => b - a);
  const round = (ms: number) => +ms.toFixed(1);
  return {
    totalMs: Math.round(performance.now() - began),
    steps: lengths.length,
    heldMs: Math.round(lengths.reduce((a, b) => a + b, 0)),
    longestMs: lengths.slice(0, 3).map(round),
  };
}

const { values } = parseArgs({
  options: {
    guides: { type: "string", default: "50000" },
    runs: { type: "string", default: "3" },
  },
});
const corpus = await ensureCorpus(42, Number(values.guides));
const work = mkdtempSync(path.join(os.tmpdir(), "compbot-cache-write-"));
try {
  for (let run = 1; run <= Number(values.runs); run++) {
    const cacheDir = path.join(work, `run-${run}`);
    const load = await loadGuides(corpus.guidesDir, { cache: cacheDir, deferCacheWrite: true });
    if (!load.cacheWrite || !load.cache) throw new Error("the load left no cache write");
    const fromWorkers = await timed((options) => load.cacheWrite!.run(options));
    const read = readCache(load.cache.file, { dir: corpus.guidesDir, checkBody: false });
    if (!read.ok) throw new Error(`the cache just written cannot be read: ${read.reason}`);
    const items = read.entries.toArray();
    const again = path.join(cacheDir, "entries.bin");
    const entries = await timed((options) =>
      writeCache(again, { dir: corpus.guidesDir, checkBody: false }, items, Date.now(), options),
    );
    const line = (name: string, s: Steps) =>
      `${name}: ${s.heldMs} ms held in ${s.steps} steps (longest ${s.longestMs.join(", ")} ms), ${s.totalMs} ms in all`;
    console.log(
      `run ${run}, ${items.length.toLocaleString("en")} entries: ${line("workers' chunks", fromWorkers)}; ${line("entries", entries)}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
