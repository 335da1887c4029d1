/**
 * How far the JavaScript heap may grow past what is live before V8 collects it.
 *
 * V8 lets the old generation grow to up to four times what survived the last full collection before it
 * collects again. A 50,000-guide catalogue keeps about 100 MB live, and a serving process peaked at 531 MB
 * of RSS over 10 s of sequential /comp after a cached start; with the growth capped at half of what is live,
 * 383 MB (same build, README's Performance section). The cost is more frequent full collections.
 *
 * V8 reads this setting at every full collection, so setting it at start-up takes effect for the whole
 * life of the process. An operator's own `--heap-growing-percent` on the node command line wins: it is left
 * alone (Node does not take this flag in NODE_OPTIONS).
 */
import v8 from "node:v8";

/** Old-generation growth allowed over the live size, in percent. */
export const HEAP_GROWING_PERCENT = 50;

const FLAG = "--heap-growing-percent";

/** Whether the process was started with the flag on its command line. */
function setByOperator(): boolean {
  return process.execArgv.some((arg) => arg.startsWith(FLAG) || arg.startsWith("--heap_growing_percent"));
}

/** Caps heap growth for this process (once, at start); returns the percent in force, or null when left to the operator. */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): number | null {
  if (setByOperator()) return null;
  v8.setFlagsFromString(`${FLAG}=${percent}`);
  return percent;
}

/** Semi-space size (MB) of the worker threads that parse guides: their young generation is three times this. */
export const WORKER_SEMI_SPACE_MB = 16;

/**
 * Gives the threads started from now on semi-spaces of `mb` MB (V8's `--max-semi-space-size`), whatever the
 * process was started with.
 *
 * `npm start` runs node with `--max-semi-space-size=4`, which keeps the serving thread's memory down; but V8
 * flags are the whole process's, and this one also overrides a Worker's `resourceLimits.maxYoungGenerationSizeMb`.
 * The parse workers allocate fast and keep little, so small semi-spaces only mean more scavenges: parsing
 * 50,000 guides, each of the two workers ran about 430 scavenges (0.8-0.9 s) with 4 MB and about 115
 * (0.5-0.6 s) with 16 MB. V8 reads the flag when a thread's heap is set up: threads already running, the main
 * one included, keep theirs.
 */
export function setNewThreadsSemiSpace(mb: number): void {
  v8.setFlagsFromString(`--max-semi-space-size=${mb}`);
}
