/**
 * Worker thread of the parallel loader (parallel.ts): reads, hashes and parses the files it is sent,
 * blocking (this thread has nothing else to do), and posts back the results in the compact encoding
 * (compact.ts: a string table and a transferred Float64Array, cheap to send and decode), never file texts.
 */
import { parentPort } from "node:worker_threads";
import { type Encoded, encodeEntries, isEncodable, NO_STAT, type StatEntry } from "./compact.ts";
import { type FileEntry, readEntrySync, type SameFile } from "./parse-file.ts";

export interface ParseJob {
  id: number;
  files: string[];
  /** The cache's hash for each file (null: unknown), or null when there is no cache. */
  expected: (string | null)[] | null;
  checkBody: boolean;
  hash: boolean;
}

export interface ParseDone {
  id: number;
  /** The parsed entries that encode exactly, and their positions in the job. */
  encoded: Omit<Encoded, "skipped">;
  encodedAt: number[];
  /** Everything else (unchanged files, entries that do not encode), as is. */
  others: Array<[number, FileEntry | SameFile]>;
}

parentPort?.on("message", (job: ParseJob) => {
  const options = { checkBody: job.checkBody, hash: job.hash };
  const items: StatEntry[] = [];
  const encodedAt: number[] = [];
  const others: ParseDone["others"] = [];
  job.files.forEach((file, i) => {
    const entry = readEntrySync(file, options, job.expected?.[i] ?? null);
    if (!("same" in entry) && isEncodable(entry)) {
      items.push({ entry, stat: NO_STAT });
      encodedAt.push(i);
    } else others.push([i, entry]);
  });
  const { skipped: _, ...encoded } = encodeEntries(items);
  const done: ParseDone = { id: job.id, encoded, encodedAt, others };
  const { texts, textEnds, numbers, guideNumbers, guideRefs, stats } = encoded;
  const moved = [texts, textEnds, numbers, guideNumbers, guideRefs, stats].map(
    (a) => a.buffer as ArrayBuffer,
  );
  parentPort!.postMessage(done, moved);
});
