/**
 * CachedEntries: a cache's entries found by path, whatever order they are asked for in (and whatever order
 * they were read in), with each entry's stat tuple compared in place.
 */
import { describe, expect, it } from "vitest";
import { CachedEntries } from "./cached-entries.ts";
import type { FileEntry } from "./parse-file.ts";

const entry = (file: string): FileEntry => ({
  file,
  hash: `hash of ${file}`,
  guide: null,
  problems: [],
  overdueAt: 0,
});

/** Entries for `files`, entry k with the stat tuple (10k+1, 10k+2, 10k+3, 10k+4). */
function entriesOf(files: string[]): CachedEntries {
  const stats = new Float64Array(4 * files.length);
  for (let k = 0; k < files.length; k++) stats.set([10 * k + 1, 10 * k + 2, 10 * k + 3, 10 * k + 4], 4 * k);
  return new CachedEntries(files.map(entry), stats);
}

const SORTED = ["/g/a/x.md", "/g/b/x.md", "/g/b/y.md", "/g/c/x.md", "/g/d/x.md", "/g/e/x.md"];

describe("CachedEntries.find", () => {
  it("finds every file asked for in path order, and says -1 for files it does not hold", () => {
    const cached = entriesOf(SORTED);
    const asked = ["/g/0.md", ...SORTED.slice(0, 3), "/g/b/z.md", ...SORTED.slice(3), "/g/f.md"];
    expect(asked.map((file) => cached.find(file))).toEqual([-1, 0, 1, 2, -1, 3, 4, 5, -1]);
  });

  it("finds them in any other order too: backwards, skipping, and the same file twice", () => {
    const cached = entriesOf(SORTED);
    const backwards = [...SORTED].reverse();
    expect(backwards.map((file) => cached.find(file))).toEqual([5, 4, 3, 2, 1, 0]);
    expect(
      ["/g/c/x.md", "/g/a/x.md", "/g/e/x.md", "/g/e/x.md", "/g/b/y.md"].map((f) => cached.find(f)),
    ).toEqual([3, 0, 5, 5, 2]);
    for (const file of SORTED) expect(cached.entry(cached.find(file)).file).toBe(file);
  });

  it("finds every entry of a cache read out of path order (not written by writeCache)", () => {
    const shuffled = ["/g/c/x.md", "/g/a/x.md", "/g/e/x.md", "/g/b/x.md"];
    const cached = entriesOf(shuffled);
    expect([...SORTED].map((file) => cached.find(file))).toEqual([1, 3, -1, 0, -1, 2]);
    expect(cached.get("/g/e/x.md")).toEqual({
      entry: entry("/g/e/x.md"),
      stat: { size: 21, mtimeMs: 22, ctimeMs: 23, ino: 24 },
    });
  });

  it("an empty cache holds nothing", () => {
    const cached = new CachedEntries([], new Float64Array(0));
    expect(cached.size).toBe(0);
    expect(cached.find("/g/a/x.md")).toBe(-1);
    expect(cached.get("/g/a/x.md")).toBeUndefined();
  });
});

describe("CachedEntries: stat tuples in one column", () => {
  it("compares an entry's tuple with a file's in another column, all four numbers", () => {
    const cached = entriesOf(SORTED);
    // The scan's column: file 0 is entry 2's tuple exactly; files 1-4 each differ in one number.
    const scan = new Float64Array([
      21, 22, 23, 24, 22, 22, 23, 24, 21, 20, 23, 24, 21, 22, 20, 24, 21, 22, 23, 20,
    ]);
    expect([0, 1, 2, 3, 4].map((i) => cached.sameStat(2, scan, i))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(cached.sameStat(1, scan, 0)).toBe(false);
  });

  it("changedAt is the later of mtimeMs and ctimeMs", () => {
    const stats = new Float64Array([1, 500, 300, 9, 1, 300, 500, 9]);
    const cached = new CachedEntries([entry("/a.md"), entry("/b.md")], stats);
    expect([cached.changedAt(0), cached.changedAt(1)]).toEqual([500, 500]);
    expect(cached.stat(1)).toEqual({ size: 1, mtimeMs: 300, ctimeMs: 500, ino: 9 });
  });

  it("gives every entry back with its tuple, in the order read", () => {
    expect(entriesOf(["/b.md", "/a.md"]).toArray()).toEqual([
      { entry: entry("/b.md"), stat: { size: 1, mtimeMs: 2, ctimeMs: 3, ino: 4 } },
      { entry: entry("/a.md"), stat: { size: 11, mtimeMs: 12, ctimeMs: 13, ino: 14 } },
    ]);
  });

  it("refuses a column that is not four numbers an entry", () => {
    expect(() => new CachedEntries([entry("/a.md")], new Float64Array(3))).toThrow(RangeError);
  });
});
