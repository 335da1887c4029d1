/**
 * Child process of src/runtime/heap.test.ts: prints, as JSON, the largest young generation ("new_space", MB)
 * that a worker thread and then the main thread reach while allocating objects that survive a few scavenges
 * (which makes V8 grow the semi-spaces up to their limit).
 * `node --max-semi-space-size=4 --import tsx tests/support/young-space.ts set|unset|parse`: "set" calls
 * setNewThreadsSemiSpace(16) before the worker starts; "parse" first parses the seed guide in a parse worker
 * (parallel.ts), as a start does.
 */
import v8 from "node:v8";
import { Worker } from "node:worker_threads";
import { readEntriesInWorkers } from "../../src/guides/parallel.ts";
import { setNewThreadsSemiSpace } from "../../src/runtime/heap.ts";

/** Plain JavaScript (no TypeScript syntax): the worker runs its source. */
function largestNewSpace(v8module: typeof v8): number {
  let largest = 0;
  const kept = [];
  for (let round = 0; round < 200; round++) {
    const batch = [];
    for (let i = 0; i < 20_000; i++) batch.push({ n: i, s: `x${i}` });
    kept.push(batch);
    if (kept.length > 10) kept.shift();
    const space = v8module.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
    largest = Math.max(largest, space ? space.space_size : 0);
  }
  return largest;
}

const MB = 1024 * 1024;
if (process.argv[2] === "set") setNewThreadsSemiSpace(16);
if (process.argv[2] === "parse") {
  const seed = new URL("../../guides/segment/ml-ai-engineer.md", import.meta.url).pathname;
  const { entries, filesInWorkers } = await readEntriesInWorkers(
    [seed],
    null,
    { checkBody: false, hash: false },
    1,
    1,
  );
  const entry = entries[0];
  if (filesInWorkers !== 1 || !entry || !("guide" in entry) || entry.guide === null)
    throw new Error("the seed guide was not parsed in a worker");
}
const inWorker = await new Promise<number>((resolve, reject) => {
  const source = `const { parentPort } = require("node:worker_threads");
parentPort.postMessage((${largestNewSpace.toString()})(require("node:v8")));`;
  const worker = new Worker(source, { eval: true });
  worker.once("message", (largest: number) => {
    void worker.terminate();
    resolve(largest);
  });
  worker.once("error", reject);
});
const inMain = largestNewSpace(v8);
process.stdout.write(`${JSON.stringify({ workerMB: inWorker / MB, mainMB: inMain / MB })}\n`);
