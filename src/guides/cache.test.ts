/**
 * The index cache and the parallel loader give exactly what the plain single-threaded loader gives, and the
 * cache is never trusted: a changed, added or removed guide, or a damaged cache file, means a re-read.
 * Validation is git-style (cache.ts): unchanged stat tuple → cached entry; changed or racily clean →
 * re-hashed.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate.ts";
import { CACHE_PAYLOAD_AT, isRacyTime, RACY_WINDOW_MS, readCache } from "./cache.ts";
import { deserializeRecord } from "./cache-record.ts";
import { CachedEntries } from "./cached-entries.ts";
import { plainGuide } from "./guide.test-helpers.ts";
import { type LoadOptions, listGuideFiles, loadGuides } from "./load.ts";
import { CHUNK_SIZE } from "./parallel.ts";
import { startGuideRead } from "./scan.ts";
import { generatedCatalogue, SEED_FILE, seedText, tempGuidesDir } from "./test-fixtures.ts";
import type { Guide } from "./types.ts";

const TODAY = "2026-03-01";
const base = (dir: string, extra: LoadOptions = {}) =>
  loadGuides(dir, { today: TODAY, workers: 0, ...extra });
const plain = async (dir: string) => same(await base(dir));
/** What two loads are compared on; each guide read into a plain one (a cached or worker guide is packed). */
const same = <P>(r: { guides: readonly Guide[]; problems: P; files: number }) => ({
  guides: r.guides.map(plainGuide),
  problems: r.problems,
  files: r.files,
});

/** A generated catalogue of 40 guides for one describe block, and a cache folder beside it. */
function catalogueFor(seed: number): { guidesDir: () => string; cacheDir: () => string } {
  let t: ReturnType<typeof tempGuidesDir>;
  beforeAll(async () => {
    t = await generatedCatalogue(seed, 40);
  }, 20_000);
  afterAll(() => t.cleanup());
  return { guidesDir: () => path.join(t.dir, "guides"), cacheDir: () => path.join(t.dir, ".cache") };
}

describe("index cache", () => {
  const { guidesDir, cacheDir } = catalogueFor(7);

  it("compares stat tuples and flags racily clean files like git", () => {
    const entry = { file: "/g/a.md", hash: "h", guide: null, problems: [], overdueAt: 0 };
    const stat = [10, 1_000_000, 1_000_500, 7];
    const cached = new CachedEntries([entry], new Float64Array(stat));
    expect(cached.sameStat(0, new Float64Array(stat), 0)).toBe(true);
    for (const [field, value] of [
      [0, 11],
      [1, 1_000_001],
      [2, 1_000_501],
      [3, 8],
    ] as const) {
      const changed = [...stat];
      changed[field] = value;
      expect(cached.sameStat(0, new Float64Array(changed), 0)).toBe(false);
    }
    const changedAt = cached.changedAt(0);
    expect(isRacyTime(changedAt, 1_000_500 + RACY_WINDOW_MS + 1)).toBe(false);
    expect(isRacyTime(changedAt, 1_000_500 + RACY_WINDOW_MS)).toBe(true); // ctime within the window
    const mtimeLater = new CachedEntries([entry], new Float64Array([10, 1_000_000, 0, 7]));
    expect(isRacyTime(mtimeLater.changedAt(0), 1_000_000 + RACY_WINDOW_MS)).toBe(true); // mtime within it
    expect(isRacyTime(changedAt, 900_000)).toBe(true); // changed after the scan
  });

  it("is built on the first load, then used, with the same guides and problems as no cache", async () => {
    rmSync(cacheDir(), { recursive: true, force: true });
    const want = await plain(guidesDir());
    const first = await base(guidesDir(), { cache: cacheDir() });
    expect(first.cache).toMatchObject({ status: "rebuilt", reason: "no cache file", reused: 0, parsed: 40 });
    expect(first.cache!.written).toBe(true);
    expect(same(first)).toEqual(want);

    const written = readFileSync(first.cache!.file);
    const second = await base(guidesDir(), { cache: cacheDir() });
    expect(second.cache).toMatchObject({
      status: "hit",
      reused: 40,
      parsed: 0,
      rehashed: 0, // every stat tuple matched: no file was opened
      written: false,
    });
    expect(same(second)).toEqual(want);
    expect(readFileSync(first.cache!.file).equals(written)).toBe(true);
  });

  it("applies today's date to cached guides (overdue is not cached)", async () => {
    await base(guidesDir(), { cache: cacheDir() });
    const early = await base(guidesDir(), { cache: cacheDir(), today: "2000-01-01" });
    const late = await base(guidesDir(), { cache: cacheDir(), today: "2100-01-01" });
    expect(early.cache!.status).toBe("hit");
    expect(early.problems.filter((p) => p.code === "overdue")).toEqual([]);
    expect(late.problems.filter((p) => p.code === "overdue")).toHaveLength(late.guides.length);
  });

  it("re-reads a guide whose bytes changed even when its size and mtime did not (its ctime did)", async () => {
    await base(guidesDir(), { cache: cacheDir() });
    // Nothing is racily clean here: a change can only be seen through the stat tuple.
    expect((await base(guidesDir(), { cache: cacheDir() })).cache).toMatchObject({
      status: "hit",
      rehashed: 0,
    });
    const before = await plain(guidesDir());
    const target = before.guides[0]!;
    const info = statSync(target.file);
    const text = readFileSync(target.file, "utf8");
    const low = String(target.bands[0]!.base.low);
    const changed = String(Number(low) + 1000)
      .padStart(low.length, "1")
      .slice(0, low.length);
    expect(changed).not.toBe(low);
    writeFileSync(target.file, text.replace(`base_low: ${low}`, `base_low: ${changed}`));
    utimesSync(target.file, info.atime, info.mtime);
    expect(statSync(target.file).size).toBe(info.size);

    const after = await base(guidesDir(), { cache: cacheDir() });
    expect(after.cache).toMatchObject({
      status: "partial",
      parsed: 1,
      reused: 39,
      rehashed: 1,
      written: true,
    });
    expect(after.guides.find((g) => g.id === target.id)!.bands[0]!.base.low).toBe(Number(changed));
    expect(same(after)).toEqual(await plain(guidesDir()));
    writeFileSync(target.file, text);
  });

  it("re-hashes a rewritten but identical guide, keeps its parse, and re-hashes it while racily clean", async () => {
    await base(guidesDir(), { cache: cacheDir() });
    const want = await plain(guidesDir());
    const target = want.guides[2]!.file;
    writeFileSync(target, readFileSync(target)); // same bytes, new ctime (and mtime)
    const touched = await base(guidesDir(), { cache: cacheDir() });
    // (A file the previous test rewrote may still be racily clean too: at least this one is re-hashed.)
    expect(touched.cache).toMatchObject({ status: "hit", parsed: 0, reused: 40, written: true });
    expect(touched.cache!.rehashed).toBeGreaterThanOrEqual(1);
    expect(same(touched)).toEqual(want);
    // The cache now records the new stat tuple, but the file changed less than RACY_WINDOW_MS before it
    // was taken: it could still change unseen within the same timestamp tick, so it is hashed again.
    const racy = await base(guidesDir(), { cache: cacheDir() });
    expect(racy.cache).toMatchObject({ status: "hit", parsed: 0, reused: 40 });
    expect(racy.cache!.rehashed).toBeGreaterThanOrEqual(1);
    expect(same(racy)).toEqual(want);
  });

  it("notices removed and added guides", async () => {
    await base(guidesDir(), { cache: cacheDir() });
    const before = await plain(guidesDir());
    const gone = before.guides[1]!;
    const text = readFileSync(gone.file);
    rmSync(gone.file);
    const removed = await base(guidesDir(), { cache: cacheDir() });
    expect(removed.cache).toMatchObject({ status: "partial", parsed: 0, reused: 39, written: true });
    expect(removed.guides.map((g) => g.id)).not.toContain(gone.id);
    expect(same(removed)).toEqual(await plain(guidesDir()));

    writeFileSync(gone.file, text);
    mkdirSync(path.join(guidesDir(), "segment"), { recursive: true });
    writeFileSync(path.join(guidesDir(), "segment", "ml-ai-engineer.md"), seedText());
    const added = await base(guidesDir(), { cache: cacheDir() });
    expect(added.cache).toMatchObject({ status: "partial", parsed: 2, reused: 39 });
    expect(added.guides.map((g) => g.id)).toEqual(
      expect.arrayContaining([gone.id, "segment/ml-ai-engineer"]),
    );
    expect(same(added)).toEqual(await plain(guidesDir()));
    rmSync(path.join(guidesDir(), "segment"), { recursive: true });
  });

  it("ignores a corrupt, truncated or foreign cache file and rebuilds it", async () => {
    const want = await plain(guidesDir());
    const { cache: report } = await base(guidesDir(), { cache: cacheDir() });
    const file = report!.file;
    const good = readFileSync(file);
    const damaged: Array<[string, Buffer, string]> = [
      ["flipped byte", Buffer.from(good.map((b, i) => (i === good.length - 10 ? b ^ 1 : b))), "corrupt"],
      ["truncated", good.subarray(0, Math.floor(good.length / 2)), "corrupt"],
      ["garbage", Buffer.from("not a cache at all"), "not a cache file"],
      ["empty", Buffer.alloc(0), "not a cache file"],
    ];
    for (const [, bytes, reason] of damaged) {
      writeFileSync(file, bytes);
      const r = await base(guidesDir(), { cache: cacheDir() });
      expect(r.cache!.status).toBe("rebuilt");
      expect(r.cache!.reason).toContain(reason);
      expect(r.cache!.written).toBe(true);
      expect(same(r)).toEqual(want);
      expect((await base(guidesDir(), { cache: cacheDir() })).cache!.status).toBe("hit");
    }
  });

  it("is keyed by the directory and options", async () => {
    const a = await base(guidesDir(), { cache: cacheDir() });
    const b = await base(guidesDir(), { cache: cacheDir(), checkBody: true });
    expect(b.cache!.file).not.toBe(a.cache!.file);
    expect(same(b)).toEqual(same(await base(guidesDir(), { checkBody: true })));
  });
});

describe("index cache written later (deferCacheWrite)", () => {
  const { guidesDir, cacheDir } = catalogueFor(11);

  it("with deferCacheWrite, leaves the write to the caller: nothing written until it runs, then the same cache", async () => {
    rmSync(cacheDir(), { recursive: true, force: true });
    const want = await plain(guidesDir());
    const first = await base(guidesDir(), { cache: cacheDir(), deferCacheWrite: true });
    expect(same(first)).toEqual(want);
    expect(first.cache).toMatchObject({ status: "rebuilt", parsed: 40, written: false, writeError: null });
    expect(existsSync(first.cache!.file)).toBe(false);
    let pauses = 0;
    const written = first.cacheWrite!.run({
      pause: async () => {
        pauses++;
      },
    });
    // A second call does not write again: it gives the first call's result.
    expect(first.cacheWrite!.run()).toBe(written);
    expect(await written).toBeNull();
    expect(pauses).toBeGreaterThan(0);
    expect(first.cache).toMatchObject({ written: true, writeError: null });
    const again = await base(guidesDir(), { cache: cacheDir(), deferCacheWrite: true });
    expect(again.cache).toMatchObject({ status: "hit", reused: 40, parsed: 0, written: false });
    // Nothing changed: nothing to write.
    expect(again.cacheWrite).toBeNull();
    expect(same(again)).toEqual(want);
  });

  it("a deferred write stopped before it ends keeps the cache there was, and says so", async () => {
    rmSync(cacheDir(), { recursive: true, force: true });
    const first = await base(guidesDir(), { cache: cacheDir() });
    const before = readFileSync(first.cache!.file);
    const other = path.join(guidesDir(), "zz-added", "guide.md");
    mkdirSync(path.dirname(other), { recursive: true });
    writeFileSync(other, seedText());
    try {
      const partial = await base(guidesDir(), { cache: cacheDir(), deferCacheWrite: true });
      expect(partial.cache).toMatchObject({ status: "partial", parsed: 1 });
      const stop = new AbortController();
      stop.abort();
      expect(await partial.cacheWrite!.run({ signal: stop.signal })).toBe("cache write stopped");
      expect(partial.cache).toMatchObject({ written: false, writeError: "cache write stopped" });
      expect(readFileSync(first.cache!.file)).toEqual(before);
      expect(readdirSync(cacheDir())).toEqual([path.basename(first.cache!.file)]);
    } finally {
      rmSync(path.dirname(other), { recursive: true, force: true });
    }
  });
});

describe("parallel loading", () => {
  let t: ReturnType<typeof tempGuidesDir>;
  beforeAll(async () => {
    t = tempGuidesDir();
    await generateCorpus({
      seed: 11,
      n: 600,
      dir: t.dir,
      broken: 0.05,
      mojibake: 0.1,
      queries: { known: 0, unknown: 0 },
    });
    const g = (rel: string, text: string | Buffer) => t.write(path.join("guides", rel), text);
    g("segment/ml-ai-engineer.md", readFileSync(SEED_FILE));
    g("segment/copy-of-seed.md", seedText()); // a duplicate id
    g("bad/empty.md", "");
    g("bad/js.md", "---js\n{ company: 'x' }\n---\nbody\n");
    g("bad/no-frontmatter.md", "# just a heading\n");
    g("bad/not-a-mapping.md", "---\n- a\n- b\n---\n");
    g("bad/comments-only.md", "---\n# nothing here\n---\nbody\n");
    g("bad/crlf.md", seedText().replace(/\n/g, "\r\n"));
    g("bad/bom.md", `\ufeff${seedText()}`);
    g("bad/unclosed.md", "---\ncompany: x\n");
    g(
      "bad/dates.md",
      seedText()
        .replace("company: segment", "company: dated")
        .replace("role_type: standard", "role_type: standard\nhistory:\n  founded: 2001-02-03"),
    );
  });
  afterAll(() => t.cleanup());

  it("lists on the helper thread exactly what listGuideFiles lists, with each file's stat tuple", async () => {
    const dir = path.join(t.dir, "guides");
    const scan = await startGuideRead(dir).scan;
    expect(scan!.files).toEqual((await listGuideFiles(dir)).files);
    expect(scan!.stats).toHaveLength(4 * scan!.files.length);
    scan!.files.forEach((file, i) => {
      const info = statSync(file);
      expect([...scan!.stats.subarray(4 * i, 4 * i + 4)]).toEqual([
        info.size,
        info.mtimeMs,
        info.ctimeMs,
        info.ino,
      ]);
    });
    expect(await startGuideRead(path.join(t.dir, "missing")).scan).toBeNull();
  });

  // Under Stryker (`npm run mutate`) the worker threads would run the instrumented sources without Stryker's
  // runtime and never answer; the mutants in what they run are covered by the single-threaded tests.
  it.skipIf(process.env.COMPBOT_MUTATION === "1")(
    "gives exactly the single-threaded guides and problems, with and without the cache",
    async () => {
      const dir = path.join(t.dir, "guides");
      const want = await plain(dir);
      expect(want.problems.some((p) => p.severity === "error")).toBe(true);
      expect(want.problems.some((p) => p.code === "mojibake")).toBe(true);
      expect(want.problems.some((p) => p.code === "duplicate")).toBe(true);
      const parallel = await base(dir, { workers: 2 });
      expect(parallel.parallel).toEqual({ workers: 2, filesInWorkers: want.files });
      expect(same(parallel)).toEqual(want);

      const cache = path.join(os.tmpdir(), `compbot-cache-test-${process.pid}`);
      try {
        const built = await base(dir, { workers: 2, cache });
        expect(same(built)).toEqual(want);
        const hit = await base(dir, { workers: 2, cache });
        // The guide with a YAML date in an unmodelled field round-trips too (v8 serialization keeps dates).
        expect(hit.cache!.parsed).toBeLessThanOrEqual(1);
        expect(same(hit)).toEqual(want);
        const dated = hit.guides.find((g) => g.company === "dated")!;
        expect(dated.extra.history).toEqual({ founded: new Date("2001-02-03T00:00:00Z") });
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(process.env.COMPBOT_MUTATION === "1")(
    "after a start without a cache, writes the workers' chunks as they sent them: one record a chunk, stat tuples filled in",
    async () => {
      const dir = path.join(t.dir, "rebuilt");
      cpSync(path.join(t.dir, "guides"), dir, { recursive: true });
      const { files } = await listGuideFiles(dir);
      const cache = path.join(t.dir, ".rebuilt-cache");
      const built = await base(dir, { workers: 2, cache, deferCacheWrite: true });
      expect(built.cache!.status).toBe("rebuilt");
      expect(await built.cacheWrite!.run()).toBeNull();

      // The payload's records (cache.ts): the header, then one chunk per worker chunk of CHUNK_SIZE files.
      const bytes = readFileSync(built.cache!.file).subarray(CACHE_PAYLOAD_AT);
      const sizes: number[] = [];
      for (let at = 0; at < bytes.length; ) {
        const length = bytes.readUInt32LE(at);
        const value = deserializeRecord(bytes.subarray(at + 4, at + 4 + length)) as { stats?: Float64Array };
        if (value.stats) sizes.push(value.stats.length / 4);
        at += 4 + length;
      }
      expect(CHUNK_SIZE).toBe(250);
      expect(files.length).toBeGreaterThan(2 * CHUNK_SIZE);
      expect(sizes).toHaveLength(Math.ceil(files.length / CHUNK_SIZE));
      // The files that do not encode (none here has a read error, so every one has a hash) are left out.
      expect(sizes[0]).toBeGreaterThan(CHUNK_SIZE - 10);

      // Each file's own stat tuple, where the workers sent none.
      const read = readCache(built.cache!.file, { dir, checkBody: false });
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.entries.size).toBe(sizes.reduce((a, b) => a + b));
      for (let at = 0; at < read.entries.size; at++) {
        const info = statSync(read.entries.entry(at).file);
        expect(read.entries.stat(at)).toEqual({
          size: info.size,
          mtimeMs: info.mtimeMs,
          ctimeMs: info.ctimeMs,
          ino: info.ino,
        });
      }
      // (Every file is racily clean here, its ctime just set: re-hashed, found unchanged, not parsed.)
      const hit = await base(dir, { workers: 2, cache });
      expect(hit.cache).toMatchObject({ status: "hit", parsed: 0, reused: files.length });
      expect(same(hit)).toEqual(await plain(dir));
    },
  );

  it.skipIf(process.env.COMPBOT_MUTATION === "1")(
    "puts every file the workers re-read back in its place: changed files between unchanged ones",
    async () => {
      const dir = path.join(t.dir, "touched");
      cpSync(path.join(t.dir, "guides"), dir, { recursive: true });
      const cache = path.join(t.dir, ".touched-cache");
      await base(dir, { workers: 2, cache });
      // Every file gets another mtime, so the workers read and hash each one. One in ten also gets a new line
      // at its end: parsed again, between files whose hash is unchanged (taken from the cache) in each chunk.
      const { files } = await listGuideFiles(dir);
      const old = new Date("2020-01-02T03:04:05Z");
      files.forEach((file, i) => {
        if (i % 10 === 5) writeFileSync(file, `${readFileSync(file, "latin1")}\n`, "latin1");
        utimesSync(file, old, old);
      });
      const changed = files.filter((_, i) => i % 10 === 5).length;
      const after = await base(dir, { workers: 2, cache });
      expect(after.parallel).toEqual({ workers: 2, filesInWorkers: files.length });
      expect(after.cache).toMatchObject({
        status: "partial",
        parsed: changed,
        reused: files.length - changed,
      });
      expect(same(after)).toEqual(await plain(dir));
    },
  );
});
