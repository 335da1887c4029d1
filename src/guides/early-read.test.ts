/**
 * The start-up helper (scan.ts) lists and stats the guide files on its own thread, and main.ts starts it
 * before the app's modules load (early-read.ts). A load that takes an early scan gives exactly what a load
 * without one gives, and an early scan of another directory is not used.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync, symlinkSync, utimesSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listGuideFiles, loadGuides } from "./load.ts";
import { startEarlyGuideRead, startGuideRead, takeGuideRead } from "./scan.ts";
import { generatedCatalogue, type tempGuidesDir } from "./test-fixtures.ts";

const TODAY = "2026-03-01";
const REPO = path.resolve(import.meta.dirname, "../..");

let t: ReturnType<typeof tempGuidesDir>;
let guidesDir: string;
let cacheDir: string;
/** How many guides the catalogue has, as a load without any cache finds them. */
let guideCount: number;

beforeAll(async () => {
  t = await generatedCatalogue(11, 30);
  guidesDir = path.join(t.dir, "guides");
  cacheDir = path.join(t.dir, ".cache");
  // A first load writes the cache file.
  await loadGuides(guidesDir, { today: TODAY, workers: 0, cache: cacheDir });
  guideCount = (await loadGuides(guidesDir, { today: TODAY, workers: 0 })).guides.length;
}, 30_000);
afterAll(() => t.cleanup());

describe("startGuideRead", () => {
  it("lists the guides with their stat tuples, once; settles with nothing once cancelled", async () => {
    const read = startGuideRead(guidesDir);
    const scan = await read.scan;
    expect(scan!.files).toHaveLength(30);
    expect(scan!.stats).toHaveLength(120);
    const cancelled = startGuideRead(guidesDir);
    cancelled.cancel();
    expect(await cancelled.scan).toBeNull();
  });

  it("lists an empty directory as no files (not as no scan)", async () => {
    const empty = path.join(t.dir, "empty");
    mkdirSync(empty, { recursive: true });
    const scan = await startGuideRead(empty).scan;
    expect(scan).not.toBeNull();
    expect(scan!.files).toEqual([]);
    expect(scan!.stats).toHaveLength(0);
  });

  it("gives every folder it listed, parents first, with the inode and mtime each had when listed", async () => {
    const root = path.join(t.dir, "tree");
    for (const rel of ["a/b/c", "a/d", "e", ".hidden/f"])
      mkdirSync(path.join(root, rel), { recursive: true });
    symlinkSync(path.join(root, "a"), path.join(root, "linked"));
    // An mtime apart from the ctime (which the scan must not give instead).
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(root, "a", "d"), hourAgo, hourAgo);
    const before = Date.now();
    const folders = (await startGuideRead(`${root}/`).scan)!.folders;
    // Written out: hidden and symlinked folders are skipped, as the listing skips them.
    expect([...folders.paths].sort()).toEqual(
      [`${root}/`, ...["a", "a/b", "a/b/c", "a/d", "e"].map((rel) => path.join(root, rel))].sort(),
    );
    expect(folders.paths[0]).toBe(`${root}/`);
    expect(folders.info).toHaveLength(3 * folders.paths.length);
    folders.paths.forEach((folder, i) => {
      const parent = folders.info[3 * i]!;
      if (i === 0) expect(parent).toBe(-1);
      else {
        expect(parent).toBeLessThan(i);
        expect(path.resolve(folders.paths[parent]!)).toBe(path.dirname(folder));
      }
      const info = statSync(folder);
      expect([folders.info[3 * i + 1], folders.info[3 * i + 2]]).toEqual([info.ino, info.mtimeMs]);
    });
    expect(folders.startedAtMs).toBeGreaterThanOrEqual(before);
    expect(folders.startedAtMs).toBeLessThanOrEqual(Date.now());
  });

  it("lists paths as path.join writes them, whatever the directory's spelling", async () => {
    const want = (await startGuideRead(guidesDir).scan)!.files;
    const relative = path.relative(process.cwd(), guidesDir);
    for (const spelling of [
      `${guidesDir}/`,
      `${guidesDir}//`,
      `${path.dirname(guidesDir)}/./guides`,
      relative,
      `./${relative}/`,
    ]) {
      const files = (await startGuideRead(spelling).scan)!.files;
      expect(files).toEqual((await listGuideFiles(spelling)).files);
      expect(files.map((file) => path.resolve(file))).toEqual(want);
    }
  });
});

describe("an early read", () => {
  it("is taken by the load of its directory and cache, which gives what a load without it gives", async () => {
    const without = await loadGuides(guidesDir, { today: TODAY, workers: 0, cache: cacheDir });
    expect(without.cache!.early).toBe(false);
    startEarlyGuideRead(guidesDir);
    const early = await loadGuides(guidesDir, { today: TODAY, workers: 0, cache: cacheDir });
    expect(early.cache).toMatchObject({ status: "hit", early: true, reused: 30 });
    expect(early.guides).toEqual(without.guides);
    expect(early.problems).toEqual(without.problems);
    // Taken once: the next load reads on its own.
    const after = await loadGuides(guidesDir, { today: TODAY, workers: 0, cache: cacheDir });
    expect(after.cache!.early).toBe(false);
  });

  it("of another directory is not used, and is stopped", async () => {
    startEarlyGuideRead(path.join(t.dir, "elsewhere"));
    const taken = takeGuideRead(guidesDir);
    expect(taken.early).toBe(false);
    taken.cancel();
    startEarlyGuideRead(path.join(t.dir, "elsewhere"));
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
