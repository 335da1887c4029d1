/**
 * Child process of src/runtime/heap.test.ts: keeps about 100 MB live, then churns through objects that live
 * just long enough to reach the old generation, and prints the peak `heapUsed` (MB) and the live size.
 * `node --import tsx tests/support/heap-churn.ts on|off`
 */
import { limitHeapGrowth } from "../../src/runtime/heap.ts";

if (process.argv[2] === "on") limitHeapGrowth();
const live: { n: number; s: string }[] = [];
for (let i = 0; i < 1_000_000; i++) live.push({ n: i, s: `live ${i}` });
const used = () => process.memoryUsage().heapUsed / 2 ** 20;
const liveMB = used();
const ring: unknown[] = new Array(100_000);
let peak = 0;
for (let i = 0; i < 5_000_000; i++) {
  ring[i % ring.length] = { i, list: [i, i + 1] };
  if (i % 50_000 === 0) peak = Math.max(peak, used());
}
process.stdout.write(
  `${JSON.stringify({ peakMB: Math.round(peak), liveMB: Math.round(liveMB), kept: live.length })}\n`,
);
