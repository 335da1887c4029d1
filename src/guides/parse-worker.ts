/**
 * Worker thread of the parallel loader (parallel.ts): reads, hashes and parses the files it is sent,
 * blocking (this thread has nothing else to do), and posts back compact entries (never file texts).
 */
import { parentPort } from "node:worker_threads";
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
  entries: (FileEntry | SameFile)[];
}

parentPort?.on("message", (job: ParseJob) => {
  const options = { checkBody: job.checkBody, hash: job.hash };
  const entries = job.files.map((file, i) => readEntrySync(file, options, job.expected?.[i] ?? null));
  const done: ParseDone = { id: job.id, entries };
  parentPort!.postMessage(done);
});
