/**
 * The index cache: every guide file's parse result, keyed by the sha1 of the file's bytes.
 *
 * Why a content hash of every file on every start (and not path + size + mtime): a stat-only key trusts
 * timestamps, which tools preserve (`cp -p`, `rsync -t`, `touch -r`, archives, a same-second edit), so a
 * changed guide could be served stale. Hashing is cheap next to parsing: the loader reads each file once,
 * in the parse workers, and hashes the bytes (about 10 µs a file; a 50k-guide catalogue is read in about a
 * second). A file whose hash matches reuses its cached entry; any other file is parsed, and the cache is
 * rewritten. Added and removed files fall out of the same comparison.
 *
 * The cache file is never trusted: it starts with a magic line and the sha1 of its payload, and is used
 * only when the checksum, the format, the parser fingerprint (the source of the parsing modules and the
 * versions of their libraries), the guides directory and the options all match; otherwise it is ignored
 * and rebuilt. The overdue warning (it depends on today's date) is not cached: the loader adds it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { decodeEntry, type EncodedEntry, encodeEntry, Interner } from "./compact.ts";
import type { FileEntry } from "./parse-file.ts";

/** Bump when the cache layout changes. */
export const CACHE_FORMAT = 2;
const MAGIC = "compbot-guide-cache\n";
const HASH_HEX = 40;

/** Modules whose code decides what a guide file parses to. */
const PARSER_MODULES = [
  "./parse-file.ts",
  "./compact.ts",
  "./fast-split.ts",
  "./frontmatter.ts",
  "./repair.ts",
  "./schema.ts",
  "./levels.ts",
  "./body.ts",
  "./consistency.ts",
  "./types.ts",
];
const PARSER_LIBRARIES = ["gray-matter", "js-yaml", "zod", "marked"];

let fingerprint: string | null = null;

/** A hash of everything that decides a parse result besides the file: our parsing code and its libraries. */
export function parserFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash("sha1").update(`format ${CACHE_FORMAT}\n`);
  for (const module of PARSER_MODULES) {
    try {
      hash.update(readFileSync(new URL(module, import.meta.url)));
    } catch {
      hash.update(`missing ${module}`);
    }
  }
  const require = createRequire(import.meta.url);
  for (const library of PARSER_LIBRARIES) {
    try {
      const pkg = JSON.parse(readFileSync(require.resolve(`${library}/package.json`), "utf8")) as {
        version?: unknown;
      };
      hash.update(`${library}@${String(pkg.version)}\n`);
    } catch {
      hash.update(`${library}@?\n`);
    }
  }
  fingerprint = hash.digest("hex");
  return fingerprint;
}

/** What a cache file must match to be used. */
export interface CacheKey {
  /** The guides directory as given to the loader (guide.file paths start with it). */
  dir: string;
  checkBody: boolean;
}

interface CachePayload {
  format: number;
  fingerprint: string;
  dir: string;
  checkBody: boolean;
  /** compact.ts encoding. */
  entries: EncodedEntry[];
}

/** The cache file for a guides directory and options, inside `cacheDir`. */
export function cacheFileFor(cacheDir: string, key: CacheKey): string {
  const id = createHash("sha1")
    .update(`${path.resolve(key.dir)}\0${key.dir}\0${key.checkBody}`)
    .digest("hex")
    .slice(0, 16);
  return path.join(cacheDir, `guides-${id}.json`);
}

export type CacheRead = { ok: true; entries: Map<string, FileEntry> } | { ok: false; reason: string };

/** Reads a cache file; anything unexpected (missing, truncated, corrupt, other key or code) is a miss. */
export function readCache(file: string, key: CacheKey): CacheRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { ok: false, reason: "no cache file" };
  }
  const head = MAGIC.length;
  if (bytes.length < head + HASH_HEX + 1 || bytes.toString("latin1", 0, head) !== MAGIC) {
    return { ok: false, reason: "not a cache file" };
  }
  const sum = bytes.toString("latin1", head, head + HASH_HEX);
  const payloadBytes = bytes.subarray(head + HASH_HEX + 1);
  if (createHash("sha1").update(payloadBytes).digest("hex") !== sum) {
    return { ok: false, reason: "corrupt (checksum mismatch)" };
  }
  let payload: Partial<CachePayload>;
  try {
    payload = JSON.parse(payloadBytes.toString("utf8")) as Partial<CachePayload>;
  } catch {
    return { ok: false, reason: "corrupt (not JSON)" };
  }
  if (payload === null || typeof payload !== "object")
    return { ok: false, reason: "corrupt (not a payload)" };
  if (payload.format !== CACHE_FORMAT) return { ok: false, reason: "other cache format" };
  if (payload.fingerprint !== parserFingerprint()) return { ok: false, reason: "parser code changed" };
  if (payload.dir !== key.dir || payload.checkBody !== key.checkBody) {
    return { ok: false, reason: "other directory or options" };
  }
  if (!Array.isArray(payload.entries)) return { ok: false, reason: "corrupt (no entries)" };
  const entries = new Map<string, FileEntry>();
  const interner = new Interner();
  try {
    for (const encoded of payload.entries) {
      const entry = decodeEntry(encoded, interner);
      entries.set(entry.file, entry);
    }
  } catch {
    return { ok: false, reason: "corrupt (bad entry)" };
  }
  return { ok: true, entries };
}

/** Writes the cache atomically (temp file + rename). Returns an error text, or null when written. */
export function writeCache(file: string, key: CacheKey, entries: readonly FileEntry[]): string | null {
  const payload: CachePayload = {
    format: CACHE_FORMAT,
    fingerprint: parserFingerprint(),
    dir: key.dir,
    checkBody: key.checkBody,
    entries: entries.map(encodeEntry).filter((e): e is EncodedEntry => e !== null),
  };
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const body = Buffer.from(JSON.stringify(payload), "utf8");
    const sum = createHash("sha1").update(body).digest("hex");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC}${sum}\n`, "latin1"), body]));
    renameSync(tmp, file);
    return null;
  } catch (err) {
    rmSync(tmp, { force: true });
    return err instanceof Error ? err.message : String(err);
  }
}
