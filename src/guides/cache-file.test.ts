/**
 * The index cache file on its own: it is used only when everything about it matches, and every reason it is
 * not used is named (the loader reports it as the "rebuilt" reason); which files count as racily clean.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import {
  CACHE_FORMAT,
  CACHE_PAYLOAD_AT,
  cacheFileFor,
  defaultCacheDir,
  isRacy,
  parserFingerprint,
  RACY_WINDOW_MS,
  readCache,
  sameStat,
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

/** A cache file in the documented layout (magic line, sha256 of the payload, payload) holding `payload`. */
function writeRaw(file: string, payload: unknown): void {
  const body = v8.serialize(payload);
  const sum = createHash("sha256").update(body).digest("hex");
  writeFileSync(file, Buffer.concat([Buffer.from(`compbot-guide-cache\n${sum}\n`, "latin1"), body]));
}

function payload(over: Record<string, unknown> = {}): Record<string, unknown> {
  const encoded = encodeEntries([item("/srv/guides/a.md", "a".repeat(40))]);
  return {
    format: CACHE_FORMAT,
    fingerprint: parserFingerprint(),
    dir: KEY.dir,
    checkBody: KEY.checkBody,
    scannedAtMs: 5000,
    strings: encoded.strings,
    numbers: encoded.numbers,
    stats: encoded.stats,
    extras: encoded.extras,
    ...over,
  };
}

const reasonOf = (file: string, key = KEY) => {
  const r = readCache(file, key);
  return r.ok ? "used" : r.reason;
};

describe("writeCache / readCache", () => {
  it("reads back what was written, leaving out entries without a hash", () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "cache", "guides.bin");
    expect(
      writeCache(file, KEY, [item("/srv/guides/a.md", "a".repeat(40)), item("/srv/guides/b.md", null)], 5000),
    ).toBeNull();
    const r = readCache(file, KEY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scannedAtMs).toBe(5000);
    expect([...r.entries.keys()]).toEqual(["/srv/guides/a.md"]);
    expect(r.entries.get("/srv/guides/a.md")).toEqual(item("/srv/guides/a.md", "a".repeat(40)));
    // Written through a temp file renamed into place: nothing else is left in the folder.
    expect(readdirSync(path.dirname(file))).toEqual(["guides.bin"]);
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

    writeRaw(file, payload());
    expect(reasonOf(file)).toBe("used");
    writeRaw(file, 5);
    expect(reasonOf(file)).toBe("corrupt (not a payload)");
    writeRaw(file, null);
    expect(reasonOf(file)).toBe("corrupt (not a payload)");
    writeRaw(file, payload({ format: CACHE_FORMAT - 1 }));
    expect(reasonOf(file)).toBe("other cache format");
    writeRaw(file, payload({ fingerprint: "0".repeat(40) }));
    expect(reasonOf(file)).toBe("parser code changed");
    writeRaw(file, payload({ dir: "/srv/other" }));
    expect(reasonOf(file)).toBe("other directory or options");
    writeRaw(file, payload());
    expect(reasonOf(file, { dir: KEY.dir, checkBody: true })).toBe("other directory or options");
    writeRaw(file, payload({ scannedAtMs: undefined }));
    expect(reasonOf(file)).toBe("corrupt (no time)");
    writeRaw(file, payload({ scannedAtMs: Number.POSITIVE_INFINITY }));
    expect(reasonOf(file)).toBe("corrupt (no time)");
    writeRaw(file, payload({ numbers: new Float64Array(3) }));
    expect(reasonOf(file)).toBe("corrupt (bad entry)");
    writeRaw(file, payload({ stats: undefined }));
    expect(reasonOf(file)).toBe("corrupt (bad entry)");
    const noHash = encodeEntries([item("/srv/guides/a.md", null)]);
    writeRaw(file, payload({ strings: noHash.strings, numbers: noHash.numbers, stats: noHash.stats }));
    expect(reasonOf(file)).toBe("corrupt (bad entry)");
  });

  it("says why it could not write, leaving no temp file", () => {
    const t = fixtureDir();
    const blocker = t.write("blocker", "a file, not a folder");
    const error = writeCache(path.join(blocker, "guides.bin"), KEY, [], 0);
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

describe("stat tuples", () => {
  it("are the same only when size, mtime, ctime and inode all are", () => {
    expect(sameStat(STAT, { ...STAT })).toBe(true);
    expect(sameStat(STAT, { ...STAT, size: 11 })).toBe(false);
    expect(sameStat(STAT, { ...STAT, mtimeMs: 1001 })).toBe(false);
    expect(sameStat(STAT, { ...STAT, ctimeMs: 2001 })).toBe(false);
    expect(sameStat(STAT, { ...STAT, ino: 8 })).toBe(false);
  });

  it("a file changed within 2 s before the scan (or after it) is racily clean, by mtime or ctime", () => {
    expect(RACY_WINDOW_MS).toBe(2000);
    const scan = 10_000;
    expect(isRacy({ ...STAT, mtimeMs: 8000, ctimeMs: 0 }, scan)).toBe(true);
    expect(isRacy({ ...STAT, mtimeMs: 7999, ctimeMs: 0 }, scan)).toBe(false);
    expect(isRacy({ ...STAT, mtimeMs: 0, ctimeMs: 8000 }, scan)).toBe(true);
    expect(isRacy({ ...STAT, mtimeMs: 0, ctimeMs: 7999 }, scan)).toBe(false);
    expect(isRacy({ ...STAT, mtimeMs: 12_000, ctimeMs: 0 }, scan)).toBe(true);
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

describe("readCache with bytes read elsewhere (the start-up helper)", () => {
  it("decodes the bytes it is given, not the file's", () => {
    const t = fixtureDir();
    const file = path.join(t.dir, "guides.bin");
    const other = path.join(t.dir, "other.bin");
    writeRaw(file, payload());
    writeRaw(other, payload({ scannedAtMs: 7000 }));
    const bytes = readFileSync(other);
    const sum = createHash("sha256").update(bytes.subarray(CACHE_PAYLOAD_AT)).digest("hex");
    const given = readCache(file, KEY, { takeCacheBytes: () => ({ bytes, payloadSha256: sum }) });
    expect(given).toMatchObject({ ok: true, scannedAtMs: 7000 });
    expect(readCache(file, KEY)).toMatchObject({ ok: true, scannedAtMs: 5000 });
  });
});
