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
 * otherwise it is ignored and rebuilt. The payload is a run of records, each a 4-byte length (unsigned,
 * little-endian) and that many bytes of a record value (cache-record.ts: v8 serializer output): first a
 * header (format, fingerprint, directory, options, scan time), then the chunks, each the compact encoding of
 * up to CACHE_CHUNK_ENTRIES entries (a string table and typed arrays, the guides' already in the columns
 * packed guides read: fast to decode, no repeated property names). Chunks let the cache be written a piece
 * at a time after start-up without holding the thread. The overdue warning (it depends on today's date) is
 * not cached: the loader adds it.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import { type FileHandle, open, rename } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runStepsInSlices, Slice } from "../runtime/slices.ts";
import {
  CACHE_PAYLOAD_AT,
  type CopiedRecord,
  HASH_HEX,
  LENGTH_BYTES,
  MAGIC,
  PayloadReader,
  RecordCopier,
  writeAll,
} from "./cache-io.ts";
import { deserializeRecord, serializeRecord } from "./cache-record.ts";
import { CachedEntries, type CacheSource } from "./cached-entries.ts";
import { decodeColumns, encodeEntries, encodeInSteps, Interner, type StatEntry } from "./compact.ts";
import type { FileEntry } from "./parse-file.ts";

/** Bump when the cache layout changes. */
export const CACHE_FORMAT = 7;
/**
 * Entries per chunk record, at most. A write spread over the event loop after start-up (with a `pause`)
 * encodes a chunk in slices (runtime/slices.ts: ENCODE_SLICE_STEPS steps or SLICE_BUDGET_MS, whichever comes
 * first), then serializes, hashes and writes it in one step: about 0.5 ms for 400 entries on the 2-core
 * machine, where encoding them took 3-6 ms.
 */
export const CACHE_CHUNK_ENTRIES = 500;
/** Encoder steps (two per entry: compact.ts, encodeInSteps) in one slice of a write with a `pause`, at most. */
export const ENCODE_SLICE_STEPS = 64;
/** Files changed this close to (or after) the cache's writing are re-hashed (see above). */
export const RACY_WINDOW_MS = 2_000;
export { CACHE_PAYLOAD_AT, type CopiedRecord };

/**
 * Modules whose code decides what a guide file parses to, or the bytes it is cached as (their `.js` twins in the
 * compiled build): every module parse-file.ts and the encoders load, as cache-fingerprint.test.ts checks.
 */
export const PARSER_SOURCES = [
  "./parse-file.ts",
  "./compact.ts",
  "./packed.ts",
  "./cache-record.ts",
  "./fast-split.ts",
  "./simple-yaml.ts",
  "./yaml-libraries.ts",
  "./frontmatter.ts",
  "./repair.ts",
  "./schema.ts",
  "./field-rules.ts",
  "./usual-frontmatter.ts",
  "./levels.ts",
  "./body.ts",
  "./consistency.ts",
  "./types.ts",
  "../text/normalize.ts",
  "../text/decode.ts",
  "../text/recent.ts",
  "../text/string-table.ts",
  "../money/read.ts",
  "../money/currency.ts",
  "../runtime/zod.ts",
  "../runtime/require-on-use.ts",
];
const PARSER_MODULES = import.meta.url.endsWith(".ts")
  ? PARSER_SOURCES
  : PARSER_SOURCES.map((module) => module.replace(/\.ts$/, ".js"));
/**
 * Whether a file could have changed after being read without its stat tuple showing it (see above): it last
 * changed (the later of its mtimeMs and ctimeMs) at `changedAtMs`, and `scannedAtMs` is when the stat tuples
 * in the cache were taken. A file whose stat tuple is unchanged is reused only when this is false.
 */
export function isRacyTime(changedAtMs: number, scannedAtMs: number): boolean {
  return changedAtMs >= scannedAtMs - RACY_WINDOW_MS;
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

/** The first record of the payload: what the cache is for. (The payload's sha256 says nothing is missing.) */
interface CacheHeader {
  format: number;
  fingerprint: string;
  dir: string;
  checkBody: boolean;
  /** Date.now() just before the files whose stat tuples it holds were stat'ed. */
  scannedAtMs: number;
}

/** One chunk record: the compact.ts encoding of up to CACHE_CHUNK_ENTRIES entries. */
export interface CacheChunk {
  strings: string[];
  texts: Uint8Array;
  textEnds: Uint32Array;
  numbers: Float32Array | Float64Array;
  guideNumbers: Float32Array | Float64Array;
  guideRefs: Uint32Array;
  guideStrings: string[];
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
  | { ok: true; scannedAtMs: number; entries: CachedEntries }
  | { ok: false; reason: string };

function deserialized(record: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: deserializeRecord(record) };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads a cache file; anything unexpected (missing, truncated, corrupt, other key or code) is a miss. Its
 * records are read, deserialized and decoded one at a time (PayloadReader), sharing one copy of each short
 * repeated string, and the payload's sha256 is checked once all are read: a file that fails the check is a
 * miss whatever it decoded to, and a miss for any other reason still reads the file to the end, so that a
 * damaged file is always reported as one.
 */
export function readCache(file: string, key: CacheKey): CacheRead {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return { ok: false, reason: "no cache file" };
  }
  try {
    return readOpenCache(fd, file, key);
  } catch {
    // An I/O error part way (the disk…): the cache is only an optimisation.
    return { ok: false, reason: "unreadable" };
  } finally {
    closeSync(fd);
  }
}

function readOpenCache(fd: number, file: string, key: CacheKey): CacheRead {
  const head = Buffer.alloc(CACHE_PAYLOAD_AT);
  const read = readSync(fd, head, 0, CACHE_PAYLOAD_AT, 0);
  if (read !== CACHE_PAYLOAD_AT || head.toString("latin1", 0, MAGIC.length) !== MAGIC) {
    return { ok: false, reason: "not a cache file" };
  }
  const sum = head.toString("latin1", MAGIC.length, MAGIC.length + HASH_HEX);
  const info = fstatSync(fd);
  const reader = new PayloadReader(fd, info.size);
  const miss = (reason: string): CacheRead => ({ ok: false, reason: reader.verdict(sum) ?? reason });

  const headerRecord = reader.next();
  if (headerRecord === null) return miss("corrupt (cannot deserialize)");
  const first = deserialized(headerRecord);
  if (!first.ok) return miss("corrupt (cannot deserialize)");
  const header = first.value as Partial<CacheHeader> | null;
  if (header === null || typeof header !== "object") return miss("corrupt (not a payload)");
  if (header.format !== CACHE_FORMAT) return miss("other cache format");
  if (header.fingerprint !== parserFingerprint()) return miss("parser code changed");
  if (header.dir !== key.dir || header.checkBody !== key.checkBody) return miss("other directory or options");
  const scannedAtMs = header.scannedAtMs;
  if (typeof scannedAtMs !== "number" || !Number.isFinite(scannedAtMs)) return miss("corrupt (no time)");
  const entries: FileEntry[] = [];
  const statColumns: Float64Array[] = [];
  const records: number[] = [];
  const interner = new Interner();
  for (
    let at = reader.position, record = reader.next();
    record !== null;
    at = reader.position, record = reader.next()
  ) {
    const chunk = deserialized(record);
    if (!chunk.ok) return miss("corrupt (cannot deserialize)");
    // Anything but a chunk (null, a number…) reads as one without its arrays, which decodeEntries refuses.
    const value = Object(chunk.value ?? {}) as Partial<CacheChunk>;
    try {
      // Its typed arrays are its own (cache-record.ts): the guides keep their columns and texts as they are.
      const decoded = decodeColumns(value as CacheChunk, interner);
      records.push(at, reader.position - at, entries.length, decoded.entries.length);
      for (const entry of decoded.entries) {
        if (entry.hash === null) throw new TypeError("no hash");
        entries.push(entry);
      }
      statColumns.push(decoded.stats);
    } catch {
      return miss("corrupt (bad entry)");
    }
  }
  const wrong = reader.verdict(sum);
  if (wrong !== null) return { ok: false, reason: wrong };
  const stats = new Float64Array(4 * entries.length);
  let at = 0;
  for (const column of statColumns) {
    stats.set(column, at);
    at += column.length;
  }
  const source: CacheSource = {
    file,
    ino: info.ino,
    size: info.size,
    mtimeMs: info.mtimeMs,
    ctimeMs: info.ctimeMs,
    records: Float64Array.from(records),
  };
  return { ok: true, scannedAtMs, entries: new CachedEntries(entries, stats, source) };
}

/**
 * Entries encoded already, with their stat tuples (a parse worker's chunk, parallel.ts): a cache write puts
 * them in the file as they are, where entries given one by one are encoded first. Every entry in it must have
 * a hash (the cache's reader refuses a chunk with one that has none).
 */
export interface EncodedChunk {
  chunk: CacheChunk;
}

/** How a cache write may be spread out and stopped (see writeCache). */
export interface WriteCacheOptions {
  /**
   * Awaited before each record and between the slices of a chunk's encoding: lets other work run in between
   * (a write after start-up).
   */
  pause?: () => Promise<void>;
  /** Stops the write at its next record or slice; the temp file is removed and nothing replaces the cache. */
  signal?: AbortSignal;
  /** Counted as the write goes: records copied from the file it replaces, and records serialized here. */
  tally?: { copied: number; serialized: number };
}

/** Temp files of an interrupted write (a killed process) older than this are removed by the next write. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** Removes temp files of `file` left by writes interrupted long ago (a process killed while writing). */
function removeStaleTemps(file: string, nowMs: number): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const full = path.join(dir, name);
    try {
      if (nowMs - statSync(full).mtimeMs > STALE_TEMP_MS) rmSync(full, { force: true });
    } catch {
      // Gone already, or not ours to remove: the write goes on.
    }
  }
}

/**
 * Writes the cache atomically (temp file + rename): `items` in path order, each an entry, a chunk encoded
 * already, or a record of the cache file being replaced. Entries are kept when they have a hash and can be
 * encoded exactly, and encoded a chunk (CACHE_CHUNK_ENTRIES entries at most) at a time; each chunk, encoded
 * here or given, is serialized, hashed and written in one step, and each record is copied, hashed and written
 * in one step. A record is copied only from the very file it was read from (same inode, size, mtime and
 * ctime): a file replaced since makes the write fail, and the next start writes it. Copying spares this thread the encoding of every unchanged guide, and the garbage: after
 * one guide changed, rewriting 50,000 entries held up questions for 20-50 ms at a time (README, Performance).
 * With `pause`, other work runs between steps and between slices of a chunk's encoding, so a write after
 * start-up never holds the thread for long: encoding 1,000 edited guides' chunks in one step each held up
 * questions for 20-30 ms (README, Performance).
 * Resolves to an error text, or null when written; never rejects.
 */
export async function writeCache(
  file: string,
  key: CacheKey,
  items: readonly (StatEntry | EncodedChunk | CopiedRecord)[],
  scannedAtMs: number,
  options: WriteCacheOptions = {},
): Promise<string | null> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  let handle: FileHandle | null = null;
  const copier = new RecordCopier();
  try {
    const kept = items.filter((item) => !("entry" in item) || item.entry.hash !== null);
    mkdirSync(path.dirname(file), { recursive: true });
    removeStaleTemps(file, Date.now());
    handle = await open(tmp, "w");
    const out = handle;
    const hash = createHash("sha256");
    let at = CACHE_PAYLOAD_AT;
    const put = async (record: Buffer) => {
      const length = Buffer.alloc(LENGTH_BYTES);
      length.writeUInt32LE(record.length);
      hash.update(length).update(record);
      const position = at;
      at += LENGTH_BYTES + record.length;
      await writeAll(out, length, position);
      await writeAll(out, record, position + LENGTH_BYTES);
    };
    const header: CacheHeader = {
      format: CACHE_FORMAT,
      fingerprint: parserFingerprint(),
      dir: key.dir,
      checkBody: key.checkBody,
      scannedAtMs,
    };
    await put(serializeRecord(header));
    const { pause, signal } = options;
    const goOn = () => {
      if (signal?.aborted) throw new Error("cache write stopped");
    };
    for (let start = 0; start < kept.length; ) {
      if (pause) await pause();
      goOn();
      const first = kept[start]!;
      if ("chunk" in first) {
        await put(serializeRecord(first.chunk));
        if (options.tally) options.tally.serialized++;
        start++;
        continue;
      }
      if ("copy" in first) {
        const bytes = await copier.read(first.copy);
        hash.update(bytes);
        const position = at;
        at += bytes.length;
        await writeAll(out, bytes, position);
        if (options.tally) options.tally.copied++;
        start++;
        continue;
      }
      // Entries up to the next chunk or record, CACHE_CHUNK_ENTRIES at most.
      const run: StatEntry[] = [];
      for (let k = start; k < kept.length && run.length < CACHE_CHUNK_ENTRIES; k++) {
        const item = kept[k]!;
        if (!("entry" in item)) break;
        run.push(item);
      }
      const { skipped: _, ...chunk } = (
        pause
          ? await runStepsInSlices(encodeInSteps(run), new Slice(ENCODE_SLICE_STEPS, pause), goOn)
          : encodeEntries(run)
      ) satisfies CacheChunk & { skipped: number };
      await put(serializeRecord(chunk));
      if (options.tally) options.tally.serialized++;
      start += run.length;
    }
    await writeAll(out, Buffer.from(`${MAGIC}${hash.digest("hex")}\n`, "latin1"), 0);
    handle = null;
    await out.close();
    await copier.close();
    await rename(tmp, file);
    return null;
  } catch (err) {
    try {
      await copier.close();
    } catch {
      // Closing the old file: the error below says what went wrong first.
    }
    try {
      await handle?.close();
    } catch {
      // Closing a file we could not write to: the error below says what went wrong first.
    }
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The folder itself is unusable (a file in its place…): there is no temp file to remove.
    }
    return err instanceof Error ? err.message : String(err);
  }
}
