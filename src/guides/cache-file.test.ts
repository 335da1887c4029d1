/**
 * The index cache file on its own: it is used only when everything about it matches, and every reason it is
 * not used is named (the loader reports it as the "rebuilt" reason); which files count as racily clean.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import {
  CACHE_CHUNK_ENTRIES,
  CACHE_FORMAT,
  CACHE_PAYLOAD_AT,
  cacheFileFor,
  defaultCacheDir,
  ENCODE_SLICE_STEPS,
  isRacyTime,
  parserFingerprint,
  RACY_WINDOW_MS,
  readCache,
  STALE_TEMP_MS,
  writeCache,
} from "./cache.ts";
import { encodeEntries, type StatEntry } from "./compact.ts";
import { loadGuides } from "./load.ts";
import { fixtureDir, guideText, REPO_ROOT } from "./test-fixtures.ts";

const KEY = { dir: "/srv/guides", checkBody: false };
const STAT = { size: 10, mtimeMs: 1000, ctimeMs: 2000, ino: 7 };

function item(file: string, hash: string | null): StatEntry {
  return {
    entry: {
      file,
      hash,
      guide: null,
      problems: [{ severity: "error", code: "yaml", file, path: "", message: "bad" }],
      overdueAt: 1,
    },
    stat: STAT,
  };
}

/**
 * A record's value as documented (cache-record.ts), written here on its own: v8 serializer output, each typed
 * array a host object of a type code (0 Uint8Array, 1 Uint32Array, 2 Float32Array, 3 Float64Array), its byte
 * length, then its bytes.
 */
class DocumentedRecordWriter extends v8.Serializer {
  constructor() {
    super();
    (
      this as unknown as { _setTreatArrayBufferViewsAsHostObjects(on: boolean): void }
    )._setTreatArrayBufferViewsAsHostObjects(true);
  }
  _writeHostObject(view: Uint8Array | Uint32Array | Float32Array | Float64Array | Int32Array): void {
    const code = [Uint8Array, Uint32Array, Float32Array, Float64Array].findIndex(
      (type) => view instanceof type,
    );
    // Any other array gets code 4, which no reader knows.
    this.writeUint32(code === -1 ? 4 : code);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(view);
  }
  static bytes(value: unknown): Buffer {
    const writer = new DocumentedRecordWriter();
    writer.writeHeader();
    writer.writeValue(value);
    return writer.releaseBuffer();
  }
}

/** A record's value read as documented, on its own (see DocumentedRecordWriter). */
class DocumentedRecordReader extends v8.Deserializer {
  _readHostObject(): ArrayBufferView {
    const type = [Uint8Array, Uint32Array, Float32Array, Float64Array][this.readUint32()]!;
    const bytes = Uint8Array.from(this.readRawBytes(this.readUint32()));
    return new type(bytes.buffer);
  }
  static value(bytes: Buffer): unknown {
    const reader = new DocumentedRecordReader(bytes);
    reader.readHeader();
    return reader.readValue();
  }
}

/** One payload record as documented: a 4-byte little-endian length, then that many bytes of its value. */
function record(value: unknown): Buffer {
  const body = DocumentedRecordWriter.bytes(value);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  return Buffer.concat([length, body]);
}

/** A cache file in the documented layout (magic line, sha256 of the payload, payload) with this payload. */
/** The values of a payload's records, read as documented: each a 4-byte length (little-endian), then the record. */
function recordValues(payload: Buffer): unknown[] {
  const values: unknown[] = [];
  for (let at = 0; at < payload.length; ) {
    const length = payload.readUInt32LE(at);
    values.push(DocumentedRecordReader.value(payload.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
  }
  return values;
}

function writePayload(file: string, payload: Buffer): void {
  const sum = createHash("sha256").update(payload).digest("hex");
  writeFileSync(file, Buffer.concat([Buffer.from(`compbot-guide-cache\n${sum}\n`, "latin1"), payload]));
}

/** A cache file holding these records (the header, then the chunks). */
function writeRaw(file: string, records: unknown[]): void {
  writePayload(file, Buffer.concat(records.map(record)));
}

function header(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: CACHE_FORMAT,
    fingerprint: parserFingerprint(),
    dir: KEY.dir,
    checkBody: KEY.checkBody,
    scannedAtMs: 5000,
    ...over,
  };
}

function chunk(over: Record<string, unknown> = {}, file = "/srv/guides/a.md"): Record<string, unknown> {
  const encoded = encodeEntries([item(file, "a".repeat(40))]);
  const { skipped: _skipped, ...written } = encoded;
  return { ...written, ...over };
}

const reasonOf = (file: string, key = KEY) => {
  const r = readCache(file, key);
  return r.ok ? "used" : r.reason;
};

describe("writeCache / readCache", () => {
  it("reads back what was written, leaving out entries without a hash", async () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "cache", "guides.bin");
    expect(
      await writeCache(
        file,
        KEY,
        [item("/srv/guides/a.md", "a".repeat(40)), item("/srv/guides/b.md", null)],
        5000,
      ),
    ).toBeNull();
    const r = readCache(file, KEY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scannedAtMs).toBe(5000);
    expect(r.entries.toArray().map((e) => e.entry.file)).toEqual(["/srv/guides/a.md"]);
    expect(r.entries.get("/srv/guides/a.md")).toEqual(item("/srv/guides/a.md", "a".repeat(40)));
    // Written through a temp file renamed into place: nothing else is left in the folder.
    expect(readdirSync(path.dirname(file))).toEqual(["guides.bin"]);
  });

  it("writes a chunk given encoded as it is, in its place among entries encoded here", async () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    const name = (i: number) => `/srv/guides/c${i}.md`;
    const hash = (i: number) => String(i).repeat(40).slice(0, 40);
    const before = [1, 2].map((i) => item(name(i), hash(i)));
    const given = [3, 4, 5].map((i) => ({ ...item(name(i), hash(i)), stat: { ...STAT, ino: i } }));
    const { skipped: _, ...chunk } = encodeEntries(given);
    const after = [item(name(6), null), item(name(7), hash(7))];
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    expect(await writeCache(file, KEY, [...before, { chunk }, ...after], 5000, { pause })).toBeNull();
    const values = recordValues(readFileSync(file).subarray(CACHE_PAYLOAD_AT));
    // Header, the two entries before, the chunk as given, the one entry after that has a hash.
    expect(values).toHaveLength(4);
    expect(pauses).toBe(3);
    expect(values[2]).toEqual(chunk);
    const r = readCache(file, KEY);
    expect(r.ok && r.entries.toArray()).toEqual([...before, ...given, after[1]]);
  });

  it("names why a cache file is not used", () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    expect(reasonOf(file)).toBe("no cache file");
    writeFileSync(file, "");
    expect(reasonOf(file)).toBe("not a cache file");
    writeFileSync(file, `compbot-guide-cache\n${"0".repeat(64)}`);
    expect(reasonOf(file)).toBe("not a cache file");
    writeFileSync(file, `compbot-guide-cachE\n${"0".repeat(64)}\nxx`);
    expect(reasonOf(file)).toBe("not a cache file");
    writeFileSync(file, `compbot-guide-cache\n${"0".repeat(64)}\nxx`);
    expect(reasonOf(file)).toBe("corrupt (checksum mismatch)");
    const junk = Buffer.from("not v8");
    const sum = createHash("sha256").update(junk).digest("hex");
    writeFileSync(file, Buffer.concat([Buffer.from(`compbot-guide-cache\n${sum}\n`), junk]));
    expect(reasonOf(file)).toBe("corrupt (cannot deserialize)");

    writeRaw(file, [header(), chunk()]);
    expect(reasonOf(file)).toBe("used");
    writeRaw(file, [5]);
    expect(reasonOf(file)).toBe("corrupt (not a payload)");
    writeRaw(file, [null]);
    expect(reasonOf(file)).toBe("corrupt (not a payload)");
    writeRaw(file, [header({ format: CACHE_FORMAT - 1 }), chunk()]);
    expect(reasonOf(file)).toBe("other cache format");
    // Format 4 and before: the payload was one v8.serialize value, not records.
    writePayload(file, v8.serialize({ ...header({ format: 4 }), ...chunk() }));
    expect(reasonOf(file)).toBe("other cache format");
    writeRaw(file, [header({ fingerprint: "0".repeat(40) }), chunk()]);
    expect(reasonOf(file)).toBe("parser code changed");
    writeRaw(file, [header({ dir: "/srv/other" }), chunk()]);
    expect(reasonOf(file)).toBe("other directory or options");
    writeRaw(file, [header(), chunk()]);
    expect(reasonOf(file, { dir: KEY.dir, checkBody: true })).toBe("other directory or options");
    writeRaw(file, [header({ scannedAtMs: undefined }), chunk()]);
    expect(reasonOf(file)).toBe("corrupt (no time)");
    writeRaw(file, [header({ scannedAtMs: Number.POSITIVE_INFINITY }), chunk()]);
    expect(reasonOf(file)).toBe("corrupt (no time)");
    writeRaw(file, [header(), chunk({ numbers: new Float64Array(3) })]);
    expect(reasonOf(file)).toBe("corrupt (bad entry)");
    writeRaw(file, [header(), chunk({ stats: undefined })]);
    expect(reasonOf(file)).toBe("corrupt (bad entry)");
    writeRaw(file, [header(), 7]);
    expect(reasonOf(file)).toBe("corrupt (bad entry)");
    writeRaw(file, [header(), null]);
    expect(reasonOf(file)).toBe("corrupt (bad entry)");
    const noHash = encodeEntries([item("/srv/guides/a.md", null)]);
    writeRaw(file, [
      header(),
      chunk({ strings: noHash.strings, numbers: noHash.numbers, stats: noHash.stats }),
    ]);
    expect(reasonOf(file)).toBe("corrupt (bad entry)");
  });

  it("needs records that fill the payload exactly, each one a record value", () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    const good = Buffer.concat([record(header()), record(chunk())]);
    writePayload(file, good);
    expect(reasonOf(file)).toBe("used");
    // Cut inside the last record, inside a length, or with bytes left over after the last record.
    writePayload(file, good.subarray(0, good.length - 1));
    expect(reasonOf(file)).toBe("corrupt (cannot deserialize)");
    writePayload(file, Buffer.concat([good, Buffer.from([1, 0])]));
    expect(reasonOf(file)).toBe("corrupt (cannot deserialize)");
    writePayload(file, Buffer.concat([good, Buffer.from([0, 0, 0, 0])]));
    expect(reasonOf(file)).toBe("corrupt (cannot deserialize)");
    // No records at all; a header, or a chunk, that is not v8 serializer output.
    writePayload(file, Buffer.alloc(0));
    expect(reasonOf(file)).toBe("corrupt (cannot deserialize)");
    const junk = Buffer.from([6, 0, 0, 0, ...Buffer.from("not v8")]);
    writePayload(file, junk);
    expect(reasonOf(file)).toBe("corrupt (cannot deserialize)");
    writePayload(file, Buffer.concat([record(header()), junk]));
    expect(reasonOf(file)).toBe("corrupt (cannot deserialize)");
  });

  it("reads a record bigger than its read buffer, and refuses a length past the end", () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    // One problem message of 300,000 characters: a record well past the reader's first 64 KB buffer.
    const long = "m".repeat(300_000);
    const big = item("/srv/guides/a.md", "a".repeat(40));
    big.entry.problems = [{ ...big.entry.problems[0]!, message: long }];
    const { skipped: _skipped, ...written } = encodeEntries([big]);
    writeRaw(file, [header(), chunk({}, "/srv/guides/0.md"), written]);
    const r = readCache(file, KEY);
    expect(r.ok && r.entries.get("/srv/guides/a.md")!.entry.problems[0]!.message).toBe(long);
    // A length field of 4 GB - 1 after the header: malformed, whatever its checksum.
    writePayload(file, Buffer.concat([record(header()), Buffer.from([0xff, 0xff, 0xff, 0xff, 1, 2, 3])]));
    expect(reasonOf(file)).toBe("corrupt (cannot deserialize)");
  });

  it("reads a file it gives up on to the end: a damaged layout after a refused header is still named", () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    const good = Buffer.concat([record(header({ dir: "/srv/other" })), record(chunk())]);
    writePayload(file, good);
    expect(reasonOf(file)).toBe("other directory or options");
    writePayload(file, Buffer.concat([good, Buffer.from([9, 0])]));
    expect(reasonOf(file)).toBe("corrupt (cannot deserialize)");
  });

  it("says a cache path it cannot read is unreadable, and closes every file it opens", () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    mkdirSync(file);
    expect(reasonOf(file)).toBe("unreadable");
    const good = path.join(t.dir, "good.bin");
    writeRaw(good, [header(), chunk()]);
    const damaged = path.join(t.dir, "damaged.bin");
    writeRaw(damaged, [header({ dir: "/srv/other" }), chunk()]);
    const open = () => readdirSync("/proc/self/fd").length;
    const before = open();
    for (let i = 0; i < 20; i++) for (const f of [file, good, damaged]) reasonOf(f);
    expect(open()).toBe(before);
  });

  it("reads every chunk: entries of all of them, in order", () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    writeRaw(file, [header(), chunk({}, "/srv/guides/b.md"), chunk({}, "/srv/guides/a.md")]);
    const r = readCache(file, KEY);
    expect(r.ok && r.entries.toArray().map((e) => e.entry.file)).toEqual([
      "/srv/guides/b.md",
      "/srv/guides/a.md",
    ]);
    expect(r.ok && r.entries.get("/srv/guides/a.md")).toEqual(item("/srv/guides/a.md", "a".repeat(40)));
  });

  it("keeps each chunk's stat tuples once later chunks are read (records share one read buffer)", () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    // Chunks of one size, so that each is read into the buffer that held the one before; names of every
    // length modulo 8, so that the stat column lands at each alignment (an aligned one is a view of the record).
    const files = Array.from({ length: 24 }, (_, i) => `/srv/guides/${"x".repeat(i + 1)}.md`);
    const stats = files.map((_, i) => ({
      size: 100 + i,
      mtimeMs: 1000 + i,
      ctimeMs: 2000 + i,
      ino: 300 + i,
    }));
    const chunks = files.map((name, i) => {
      const { skipped: _skipped, ...written } = encodeEntries([
        { ...item(name, "a".repeat(40)), stat: stats[i]! },
      ]);
      return written;
    });
    writeRaw(file, [header(), ...chunks]);
    const r = readCache(file, KEY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    files.forEach((name, i) => {
      const at = r.entries.find(name);
      expect(r.entries.entry(at).file).toBe(name);
      expect(r.entries.stat(at)).toEqual(stats[i]);
    });
  });

  it("writes chunks of 500 entries, pausing before each and between slices of its encoding, and reads them all back", async () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    const items = Array.from({ length: 3001 }, (_, i) =>
      item(`/srv/guides/c${String(i).padStart(4, "0")}.md`, i.toString(16).padStart(40, "0")),
    );
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    expect(await writeCache(file, KEY, items, 5000, { pause })).toBeNull();
    // The file itself, read as documented: magic line, sha256, then the header and the chunk records.
    const bytes = readFileSync(file);
    const payload = bytes.subarray(CACHE_PAYLOAD_AT);
    expect(bytes.toString("latin1", 0, CACHE_PAYLOAD_AT)).toBe(
      `compbot-guide-cache\n${createHash("sha256").update(payload).digest("hex")}\n`,
    );
    const values = recordValues(payload);
    expect(values[0]).toEqual({
      format: CACHE_FORMAT,
      fingerprint: parserFingerprint(),
      dir: KEY.dir,
      checkBody: false,
      scannedAtMs: 5000,
    });
    const sizes = values.slice(1).map((v) => (v as { stats: Float64Array }).stats.length / 4);
    expect(CACHE_CHUNK_ENTRIES).toBe(500);
    expect(sizes).toEqual([500, 500, 500, 500, 500, 500, 1]);
    // Two encoder steps an entry, a slice of 64 at most: a chunk of 500 has 15 pauses in it at least (more
    // when a slice runs out of time first), after the one before each of the 7 chunks.
    expect(ENCODE_SLICE_STEPS).toBe(64);
    expect(pauses).toBeGreaterThanOrEqual(7 + 6 * 15);
    const r = readCache(file, KEY);
    expect(r.ok && r.entries.toArray()).toEqual(items);
  });

  it("writes the same bytes in slices (a write after start-up) as in one go", async () => {
    const t = fixtureDir();
    const items = Array.from({ length: 1200 }, (_, i) =>
      item(`/srv/guides/e${String(i).padStart(4, "0")}.md`, "c".repeat(40)),
    );
    const inSlices = path.join(t.dir, "sliced.bin");
    const inOneGo = path.join(t.dir, "whole.bin");
    let pauses = 0;
    expect(await writeCache(inSlices, KEY, items, 5000, { pause: async () => void pauses++ })).toBeNull();
    expect(await writeCache(inOneGo, KEY, items, 5000)).toBeNull();
    expect(pauses).toBeGreaterThan(3);
    expect(readFileSync(inSlices).equals(readFileSync(inOneGo))).toBe(true);
  });

  it("a write stopped between two slices of a chunk's encoding leaves no temp file", async () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    writeRaw(file, [header(), chunk()]);
    const stop = new AbortController();
    const items = Array.from({ length: 600 }, (_, i) => item(`/srv/guides/d${i}.md`, "b".repeat(40)));
    let pauses = 0;
    const error = await writeCache(file, KEY, items, 9000, {
      signal: stop.signal,
      // The first pause is before the first chunk; the third is inside its encoding.
      pause: async () => {
        if (++pauses === 3) stop.abort();
      },
    });
    expect(error).toBe("cache write stopped");
    expect(pauses).toBe(3);
    expect(readdirSync(t.dir)).toEqual(["guides.bin"]);
    expect(readCache(file, KEY)).toMatchObject({ ok: true, scannedAtMs: 5000 });
  });

  it("a write stopped at a pause leaves the cache it would have replaced, and no temp file", async () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    writeRaw(file, [header(), chunk()]);
    const stop = new AbortController();
    const items = Array.from({ length: 600 }, (_, i) => item(`/srv/guides/d${i}.md`, "b".repeat(40)));
    const error = await writeCache(file, KEY, items, 9000, {
      signal: stop.signal,
      pause: async () => stop.abort(),
    });
    expect(error).toBe("cache write stopped");
    expect(readdirSync(t.dir)).toEqual(["guides.bin"]);
    expect(readCache(file, KEY)).toMatchObject({ ok: true, scannedAtMs: 5000 });
  });

  it("removes temp files that interrupted writes left over an hour ago, and only those", async () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    const old = t.write("guides.bin.123.1000.tmp", "left by a killed process");
    const notTemp = t.write("guides.bin.123.1000.bak", "a copy someone made: not a temp file");
    const recent = t.write("guides.bin.124.2000.tmp", "another process writing now");
    const other = t.write("other.bin.125.1000.tmp", "another cache's");
    const hourAgo = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    for (const f of [old, other, notTemp]) utimesSync(f, hourAgo, hourAgo);
    utimesSync(
      recent,
      (Date.now() - STALE_TEMP_MS + 60_000) / 1000,
      (Date.now() - STALE_TEMP_MS + 60_000) / 1000,
    );
    expect(await writeCache(file, KEY, [], 0)).toBeNull();
    expect(readdirSync(t.dir).sort()).toEqual([
      "guides.bin",
      "guides.bin.123.1000.bak",
      "guides.bin.124.2000.tmp",
      "other.bin.125.1000.tmp",
    ]);
  });

  it("says why it could not write, leaving no temp file", async () => {
    const t = fixtureDir();
    const blocker = t.write("blocker", "a file, not a folder");
    const error = await writeCache(path.join(blocker, "guides.bin"), KEY, [], 0);
    expect(error).toMatch(/EEXIST|ENOTDIR/);
    expect(readdirSync(t.dir)).toEqual(["blocker"]);
    expect(readFileSync(blocker, "utf8")).toBe("a file, not a folder");
  });
});

describe("a cache folder that cannot be used", () => {
  it("the guides still load; the report says the cache was not written and why", async () => {
    const t = fixtureDir();
    t.write("guides/acme/backend-engineer.md", guideText());
    const blocker = t.write("blocker", "a file, not a folder");
    const r = await loadGuides(path.join(t.dir, "guides"), {
      today: "2026-02-01",
      cache: path.join(blocker, "cache"),
    });
    expect(r.guides.map((g) => g.id)).toEqual(["acme/backend-engineer"]);
    expect(r.problems).toEqual([]);
    expect(r.cache).toMatchObject({ status: "rebuilt", reason: "no cache file", written: false });
    expect(r.cache!.writeError).toMatch(/ENOTDIR|EEXIST/);
  });
});

describe("cacheFileFor", () => {
  it("one file per directory and options, inside the cache folder", () => {
    const a = cacheFileFor("/c", KEY);
    expect(a).toMatch(/^\/c\/guides-[0-9a-f]{16}\.bin$/);
    expect(cacheFileFor("/c", KEY)).toBe(a);
    expect(cacheFileFor("/c", { ...KEY, checkBody: true })).not.toBe(a);
    expect(cacheFileFor("/c", { ...KEY, dir: "/srv/other" })).not.toBe(a);
    expect(existsSync(a)).toBe(false);
  });
});

describe("racily clean files", () => {
  it("a file changed within 2 s before the scan (or after it) is racily clean", () => {
    expect(RACY_WINDOW_MS).toBe(2000);
    const scan = 10_000;
    expect(isRacyTime(8000, scan)).toBe(true);
    expect(isRacyTime(7999, scan)).toBe(false);
    expect(isRacyTime(12_000, scan)).toBe(true);
  });
});

describe("defaultCacheDir", () => {
  it("is COMPBOT_CACHE_DIR, none when it is off or empty, else .compbot-cache/ in the project", () => {
    expect(defaultCacheDir({ COMPBOT_CACHE_DIR: "/var/cache/compbot" })).toBe("/var/cache/compbot");
    expect(defaultCacheDir({ COMPBOT_CACHE_DIR: "off" })).toBe(false);
    expect(defaultCacheDir({ COMPBOT_CACHE_DIR: "" })).toBe(false);
    expect(defaultCacheDir({})).toBe(path.join(REPO_ROOT, ".compbot-cache/"));
  });
});
