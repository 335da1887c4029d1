/**
 * The start-up helper (scan.ts) reads the index cache file and hashes its payload on its own thread, and
 * main.ts starts it before the app's modules load (early-read.ts). What it hands over must be exactly the
 * file's bytes and the payload's sha256; a load that takes an early read gives exactly what a load without
 * one gives; and an early read of another directory is not used.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE_PAYLOAD_AT, cacheFileFor, readCache } from "./cache.ts";
import { loadGuides } from "./load.ts";
import { startEarlyGuideRead, startGuideRead, takeGuideRead } from "./scan.ts";
import { generatedCatalogue, type tempGuidesDir } from "./test-fixtures.ts";

const TODAY = "2026-03-01";
const REPO = path.resolve(import.meta.dirname, "../..");

let t: ReturnType<typeof tempGuidesDir>;
let guidesDir: string;
let cacheDir: string;
let cacheFile: string;
/** How many guides the catalogue has, as a load without any cache finds them. */
let guideCount: number;

beforeAll(async () => {
  t = await generatedCatalogue(11, 30);
  guidesDir = path.join(t.dir, "guides");
  cacheDir = path.join(t.dir, ".cache");
  // A first load writes the cache file.
  await loadGuides(guidesDir, { today: TODAY, workers: 0, cache: cacheDir });
  cacheFile = cacheFileFor(cacheDir, { dir: guidesDir, checkBody: false });
  guideCount = (await loadGuides(guidesDir, { today: TODAY, workers: 0 })).guides.length;
}, 30_000);
afterAll(() => t.cleanup());

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("startGuideRead", () => {
  it("hands over the cache file's bytes and its payload's sha256, once, and lists the guides", async () => {
    const read = startGuideRead(guidesDir, cacheFile, CACHE_PAYLOAD_AT);
    await read.cacheRead;
    const onDisk = readFileSync(cacheFile);
    const taken = read.takeCacheBytes();
    expect(taken!.bytes.equals(onDisk)).toBe(true);
    expect(taken!.payloadSha256).toBe(sha256(onDisk.subarray(CACHE_PAYLOAD_AT)));
    // The header line holds the same sum.
    expect(onDisk.toString("latin1", 0, CACHE_PAYLOAD_AT)).toContain(taken!.payloadSha256);
    expect(read.takeCacheBytes()).toBeNull();
    const scan = await read.scan;
    expect(scan!.files).toHaveLength(30);
  });

  it("hands over a small file exactly too (Node reads those into a slice of a shared buffer)", async () => {
    const small = path.join(t.dir, "small.bin");
    writeFileSync(small, "compbot-guide-cache\nnot really a cache, a few bytes\n");
    const read = startGuideRead(guidesDir, small, CACHE_PAYLOAD_AT);
    await read.cacheRead;
    const taken = read.takeCacheBytes();
    expect(taken!.bytes.equals(readFileSync(small))).toBe(true);
    expect(taken!.bytes.buffer.byteLength).toBe(taken!.bytes.length);
  });

  it("gives no bytes for a missing cache file or none asked for, and still lists", async () => {
    for (const file of [path.join(cacheDir, "missing.bin"), null]) {
      const read = startGuideRead(guidesDir, file, CACHE_PAYLOAD_AT);
      await read.cacheRead;
      expect(read.takeCacheBytes()).toBeNull();
      expect((await read.scan)!.files).toHaveLength(30);
    }
  });

  it("settles with nothing once cancelled", async () => {
    const read = startGuideRead(guidesDir, cacheFile, CACHE_PAYLOAD_AT);
    read.cancel();
    await read.cacheRead;
    expect(await read.scan).toBeNull();
  });
});

describe("readCache with the helper's bytes", () => {
  it("uses them as it would the file, and refuses them when the sum does not match the header", async () => {
    const key = { dir: guidesDir, checkBody: false };
    const own = readCache(cacheFile, key);
    const read = startGuideRead(guidesDir, cacheFile, CACHE_PAYLOAD_AT);
    await read.cacheRead;
    const viaHelper = readCache(cacheFile, key, read);
    expect(viaHelper.ok).toBe(true);
    expect(viaHelper).toEqual(own);

    const bytes = readFileSync(cacheFile);
    const wrongSum = { takeCacheBytes: () => ({ bytes, payloadSha256: "0".repeat(64) }) };
    expect(readCache(cacheFile, key, wrongSum)).toEqual({ ok: false, reason: "corrupt (checksum mismatch)" });
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 10]! ^= 0xff;
    const damagedBytes = {
      takeCacheBytes: () => ({ bytes: damaged, payloadSha256: sha256(damaged.subarray(CACHE_PAYLOAD_AT)) }),
    };
    expect(readCache(cacheFile, key, damagedBytes)).toEqual({
      ok: false,
      reason: "corrupt (checksum mismatch)",
    });
    // No bytes from the helper: the file is read here.
    expect(readCache(cacheFile, key, { takeCacheBytes: () => null })).toEqual(own);
  });
});

describe("an early read", () => {
  it("is taken by the load of its directory and cache, which gives what a load without it gives", async () => {
    const without = await loadGuides(guidesDir, { today: TODAY, workers: 0, cache: cacheDir });
    expect(without.cache!.early).toBe(false);
    startEarlyGuideRead(guidesDir, cacheFile, CACHE_PAYLOAD_AT);
    const early = await loadGuides(guidesDir, { today: TODAY, workers: 0, cache: cacheDir });
    expect(early.cache).toMatchObject({ status: "hit", early: true, reused: 30 });
    expect(early.guides).toEqual(without.guides);
    expect(early.problems).toEqual(without.problems);
    // Taken once: the next load reads on its own.
    const after = await loadGuides(guidesDir, { today: TODAY, workers: 0, cache: cacheDir });
    expect(after.cache!.early).toBe(false);
  });

  it("of another directory or cache file is not used, and is stopped", async () => {
    startEarlyGuideRead(path.join(t.dir, "elsewhere"), cacheFile, CACHE_PAYLOAD_AT);
    const taken = takeGuideRead(guidesDir, cacheFile, CACHE_PAYLOAD_AT);
    expect(taken.early).toBe(false);
    taken.cancel();
    startEarlyGuideRead(guidesDir, path.join(cacheDir, "other.bin"), CACHE_PAYLOAD_AT);
    const load = await loadGuides(guidesDir, { today: TODAY, workers: 0, cache: cacheDir });
    expect(load.cache).toMatchObject({ status: "hit", early: false });
  });
});

// Under Stryker (`npm run mutate`) the spawned processes would run the instrumented sources without Stryker's
// runtime; early-read.ts is left out of its runs, and what it calls is covered above.
describe.skipIf(process.env.COMPBOT_MUTATION === "1")("early-read.ts (imported first by main.ts)", () => {
  /** A process that imports early-read.ts, then loads as main.ts does (default options), printing the cache report. */
  function run(env: Record<string, string>, loadDir: string) {
    const script = [
      'await import("./src/guides/early-read.ts");',
      'const { loadGuides } = await import("./src/guides/load.ts");',
      `const r = await loadGuides(${JSON.stringify(loadDir)}, { cache: process.env.COMPBOT_CACHE_DIR === "off" ? false : process.env.COMPBOT_CACHE_DIR, workers: 0 });`,
      "console.log(JSON.stringify({ early: r.cache?.early ?? null, status: r.cache?.status ?? null, guides: r.guides.length }));",
    ].join("\n");
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "", ...env },
      timeout: 60_000,
    });
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as { early: boolean | null; status: string | null; guides: number };
  }

  it("reads ahead for GUIDES_DIR and COMPBOT_CACHE_DIR as main.ts will load them", () => {
    expect(run({ GUIDES_DIR: ` ${guidesDir} `, COMPBOT_CACHE_DIR: cacheDir }, guidesDir)).toEqual({
      early: true,
      status: "hit",
      guides: guideCount,
    });
    // Another directory than GUIDES_DIR: not used; COMPBOT_CACHE_DIR=off: nothing read ahead, no cache.
    expect(
      run({ GUIDES_DIR: path.join(t.dir, "elsewhere"), COMPBOT_CACHE_DIR: cacheDir }, guidesDir),
    ).toMatchObject({
      early: false,
      status: "hit",
    });
    expect(run({ GUIDES_DIR: guidesDir, COMPBOT_CACHE_DIR: "off" }, guidesDir)).toEqual({
      early: null,
      status: null,
      guides: guideCount,
    });
  }, 60_000);
});
