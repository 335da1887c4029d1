/**
 * The index cache: every guide file's parse result with the file's stat tuple and content hash, validated
 * git-style (like git's index) instead of re-hashing every file on every start.
 *
 * What is stored, per file: its path, its stat tuple (size, mtimeMs, ctimeMs, inode), the sha1 of its bytes
 * and its parse result (compact.ts encoding); plus, for the whole file, the wall-clock time it was written.
 *
 * On start the loader lists the guides and stats every file (cheap: no file is opened), then for each file:
 * - stat tuple equal to the cached one, and not "racily clean" → the cached parse result is used as is;
 * - stat tuple different (any write changes ctime, so a same-size edit with its mtime restored by
 *   `touch -r`, `cp -p` or `rsync -t` is still noticed; a replaced file has another inode), or racily
 *   clean → the file is read and hashed again: same sha1 → the cached parse stands (and its new stat tuple
 *   is recorded), another sha1 → it is parsed again;
 * - not in the cache → parsed. Files no longer listed simply drop out.
 * "Racily clean", as in git: a file whose mtime or ctime is within RACY_WINDOW_MS before the moment its
 * stat tuple was taken (or after it) could have been changed again within the same timestamp tick after
 * it was read, without its stat tuple showing it (coarse timestamps: 1–2 s on some filesystems), so it is
 * always re-hashed. (Git compares with the index file's mtime; the time just before the stats is earlier,
 * so it flags at least as many files.) When anything was re-hashed, re-parsed, added or removed, the cache is rewritten, which also
 * moves its time forward so racily clean files stop being racy.
 *
 * The cache file is never trusted: it starts with a magic line and the sha256 of its payload, and is used
 * only when the checksum, the format, the parser fingerprint (the source of the parsing modules and the
 * versions of their libraries), the guides directory and the options all match, and it decodes cleanly;
 * otherwise it is ignored and rebuilt. The payload is `v8.serialize` of the compact encoding (a string
 * table and a Float64Array: fast to decode, no repeated property names). The overdue warning (it depends
 * on today's date) is not cached: the loader adds it.
 */
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { decodeEntries, encodeEntries, type FileStat, type StatEntry } from "./compact.ts";
import type { CacheBytesSource } from "./scan.ts";

/** Bump when the cache layout changes. */
export const CACHE_FORMAT = 4;
/** Files changed this close to (or after) the cache's writing are re-hashed (see above). */
export const RACY_WINDOW_MS = 2_000;
const MAGIC = "compbot-guide-cache\n";
const HASH_HEX = 64;
/** Where the payload starts: after the magic line and the line holding its sha256. */
export const CACHE_PAYLOAD_AT = MAGIC.length + HASH_HEX + 1;

/** Modules whose code decides what a guide file parses to (their `.js` twins in the compiled build). */
const PARSER_SOURCES = [
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
  "../text/normalize.ts",
  "../text/decode.ts",
];
const PARSER_MODULES = import.meta.url.endsWith(".ts")
  ? PARSER_SOURCES
  : PARSER_SOURCES.map((module) => module.replace(/\.ts$/, ".js"));
/** Whether two stat tuples are the same (the file is then taken as unchanged, unless racily clean). */
export function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/**
 * Whether a file could have changed after being read without its stat tuple showing it (see above):
 * `scannedAtMs` is when the stat tuples in the cache were taken.
 */
export function isRacy(stat: FileStat, scannedAtMs: number): boolean {
  return Math.max(stat.mtimeMs, stat.ctimeMs) >= scannedAtMs - RACY_WINDOW_MS;
}

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
  /** Date.now() just before the files whose stat tuples it holds were stat'ed. */
  scannedAtMs: number;
  /** compact.ts encoding. */
  strings: string[];
  numbers: Float32Array | Float64Array;
  stats: Float64Array;
  extras: unknown[];
}

/**
 * The index cache directory used by default: $COMPBOT_CACHE_DIR ("off" or empty: none), else `.compbot-cache/`
 * in the project (git-ignored).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | false {
  const dir = env.COMPBOT_CACHE_DIR;
  if (dir !== undefined) return dir === "" || dir === "off" ? false : dir;
  return fileURLToPath(new URL("../../.compbot-cache/", import.meta.url));
}

/** The cache file for a guides directory and options, inside `cacheDir`. */
export function cacheFileFor(cacheDir: string, key: CacheKey): string {
  const id = createHash("sha1")
    .update(`${path.resolve(key.dir)}\0${key.dir}\0${key.checkBody}`)
    .digest("hex")
    .slice(0, 16);
  return path.join(cacheDir, `guides-${id}.bin`);
}

export type CacheRead =
  | { ok: true; scannedAtMs: number; entries: Map<string, StatEntry> }
  | { ok: false; reason: string };

/**
 * The checked, deserialized payload of a cache file. A function of its own so that the file's bytes (tens of
 * MB at 50,000 guides) are garbage before the payload is decoded into guides, which is the peak of memory.
 */
function readPayload(
  file: string,
  source: CacheBytesSource | null,
): { ok: true; payload: Partial<CachePayload> } | { ok: false; reason: string } {
  const read = source?.takeCacheBytes() ?? null;
  let bytes: Buffer;
  if (read) bytes = read.bytes;
  else {
    try {
      bytes = readFileSync(file);
    } catch {
      return { ok: false, reason: "no cache file" };
    }
  }
  const head = MAGIC.length;
  if (bytes.length < CACHE_PAYLOAD_AT || bytes.toString("latin1", 0, head) !== MAGIC) {
    return { ok: false, reason: "not a cache file" };
  }
  const sum = bytes.toString("latin1", head, head + HASH_HEX);
  const payloadBytes = bytes.subarray(CACHE_PAYLOAD_AT);
  const actual = read ? read.payloadSha256 : createHash("sha256").update(payloadBytes).digest("hex");
  if (actual !== sum) return { ok: false, reason: "corrupt (checksum mismatch)" };
  try {
    return { ok: true, payload: v8.deserialize(payloadBytes) as Partial<CachePayload> };
  } catch {
    return { ok: false, reason: "corrupt (cannot deserialize)" };
  }
}

/**
 * Reads a cache file; anything unexpected (missing, truncated, corrupt, other key or code) is a miss. `source`:
 * the helper thread that read its bytes and payload hash (scan.ts), or null (or no bytes) to read it here.
 * The bytes are taken from it inside readPayload, so that they are garbage before the payload is decoded.
 */
export function readCache(file: string, key: CacheKey, source: CacheBytesSource | null = null): CacheRead {
  const found = readPayload(file, source);
  if (!found.ok) return found;
  const payload = found.payload;
  if (payload === null || typeof payload !== "object")
    return { ok: false, reason: "corrupt (not a payload)" };
  if (payload.format !== CACHE_FORMAT) return { ok: false, reason: "other cache format" };
  if (payload.fingerprint !== parserFingerprint()) return { ok: false, reason: "parser code changed" };
  if (payload.dir !== key.dir || payload.checkBody !== key.checkBody) {
    return { ok: false, reason: "other directory or options" };
  }
  const scannedAtMs = payload.scannedAtMs;
  if (typeof scannedAtMs !== "number" || !Number.isFinite(scannedAtMs))
    return { ok: false, reason: "corrupt (no time)" };
  const entries = new Map<string, StatEntry>();
  try {
    const decoded = decodeEntries({
      strings: payload.strings as string[],
      numbers: payload.numbers as Float32Array | Float64Array,
      stats: payload.stats as Float64Array,
      extras: payload.extras as unknown[],
    });
    for (const item of decoded) {
      if (item.entry.hash === null) throw new TypeError("no hash");
      entries.set(item.entry.file, item);
    }
  } catch {
    return { ok: false, reason: "corrupt (bad entry)" };
  }
  return { ok: true, scannedAtMs, entries };
}

/**
 * Writes the cache atomically (temp file + rename): the entries that have a hash and can be encoded exactly.
 * Returns an error text, or null when written.
 */
export function writeCache(
  file: string,
  key: CacheKey,
  items: readonly StatEntry[],
  scannedAtMs: number,
): string | null {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const encoded = encodeEntries(items.filter((item) => item.entry.hash !== null));
    const payload: CachePayload = {
      format: CACHE_FORMAT,
      fingerprint: parserFingerprint(),
      dir: key.dir,
      checkBody: key.checkBody,
      scannedAtMs,
      strings: encoded.strings,
      numbers: encoded.numbers,
      stats: encoded.stats,
      extras: encoded.extras,
    };
    const body = v8.serialize(payload);
    const sum = createHash("sha256").update(body).digest("hex");
    mkdirSync(path.dirname(file), { recursive: true });
    const fd = openSync(tmp, "w");
    try {
      writeSync(fd, Buffer.from(`${MAGIC}${sum}\n`, "latin1"));
      writeSync(fd, body);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    return null;
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The folder itself is unusable (a file in its place…): there is no temp file to remove.
    }
    return err instanceof Error ? err.message : String(err);
  }
}
