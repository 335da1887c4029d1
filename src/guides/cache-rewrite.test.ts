/**
 * A cache written again after some guides changed copies the old file's records whose guides did not change
 * (cache.ts, RecordCopier; load.ts, cacheItems) and encodes the rest: the file it writes holds what a cache
 * written from scratch over the same guides holds.
 */
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CacheRead, readCache } from "./cache.ts";
import { plainGuide } from "./guide.test-helpers.ts";
import { type LoadOptions, listGuideFiles, loadGuides } from "./load.ts";
import { generatedCatalogue } from "./test-fixtures.ts";

const TODAY = "2026-03-01";
const load = (dir: string, extra: LoadOptions = {}) =>
  loadGuides(dir, { today: TODAY, workers: 0, ...extra });

/** A cache file's entries, each with its stat tuple, its guide read into a plain one. */
function contents(read: CacheRead) {
  if (!read.ok) throw new Error(`cache not read: ${read.reason}`);
  return read.entries.toArray().map(({ entry, stat }) => ({
    file: entry.file,
    hash: entry.hash,
    problems: entry.problems,
    overdueAt: entry.overdueAt,
    guide: entry.guide && plainGuide(entry.guide),
    stat,
  }));
}

describe("index cache written again after some guides changed", () => {
  let t: Awaited<ReturnType<typeof generatedCatalogue>>;
  beforeAll(async () => {
    // Over two chunks of CACHE_CHUNK_ENTRIES (500): three records.
    t = await generatedCatalogue(13, 1100);
  }, 20_000);
  afterAll(() => t.cleanup());
  const guidesDir = () => path.join(t.dir, "guides");
  const key = () => ({ dir: guidesDir(), checkBody: false });

  it("copies the records whose guides did not change, and the file reads as one written from scratch", async () => {
    const cacheDir = path.join(t.dir, "cache-a");
    const first = await load(guidesDir(), { cache: cacheDir });
    expect(first.cache).toMatchObject({ status: "rebuilt", written: true });
    const before = readCache(first.cache!.file, key());
    const records = before.ok ? before.entries.source!.records.length / 4 : 0;
    expect(records).toBe(3);

    // One guide changes (the last in path order): one record holds it.
    const changed = first.guides
      .map((g) => g.file)
      .sort()
      .at(-1)!;
    writeFileSync(
      changed,
      readFileSync(changed, "utf8").replace(/^role_display: (.*)$/m, "role_display: $1 II"),
    );
    const partial = await load(guidesDir(), { cache: cacheDir, deferCacheWrite: true });
    expect(partial.cache).toMatchObject({ status: "partial", parsed: 1 });
    const tally = { copied: 0, serialized: 0 };
    expect(await partial.cacheWrite!.run({ tally })).toBeNull();
    expect(tally.copied).toBe(records - 1);
    expect(tally.serialized).toBeGreaterThanOrEqual(1);

    const rewritten = contents(readCache(first.cache!.file, key()));
    expect(rewritten.find((e) => e.file === changed)?.guide?.roleDisplay).toMatch(/ II$/);
    const fresh = await load(guidesDir(), { cache: path.join(t.dir, "cache-b") });
    expect(rewritten).toEqual(contents(readCache(fresh.cache!.file, key())));
  });

  it("copies nothing from a cache file replaced since it was read: the write fails and leaves that file", async () => {
    const cacheDir = path.join(t.dir, "cache-c");
    const first = await load(guidesDir(), { cache: cacheDir });
    const { files } = await listGuideFiles(guidesDir());
    writeFileSync(files[0]!, `${readFileSync(files[0]!, "utf8")}\n`);
    const partial = await load(guidesDir(), { cache: cacheDir, deferCacheWrite: true });
    expect(partial.cache).toMatchObject({ status: "partial" });
    // Another process replaced the file meanwhile (same bytes, another inode).
    const file = first.cache!.file;
    cpSync(file, `${file}.other`);
    renameSync(`${file}.other`, file);
    const replaced = readFileSync(file);
    expect(await partial.cacheWrite!.run()).toMatch(/changed since it was read/);
    expect(readFileSync(file)).toEqual(replaced);
    rmSync(cacheDir, { recursive: true, force: true });
  });
});
