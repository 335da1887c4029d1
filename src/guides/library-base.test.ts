/**
 * GuideLibrary keeps the guides it starts with as they are when they come in file order with normal paths (the
 * loader's), and looks them up by binary search; given them in another order, or with a path normalize() would
 * change, it maps them by file instead. Either way it must serve, list and refresh the same guides: the same
 * edits are made to libraries started each way, and what they say is compared with what is written here.
 */
import { rmSync, writeFileSync } from "node:fs";
import { normalize } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GuideLibrary, isNormalPath } from "./library.ts";
import { loadGuides } from "./load.ts";
import { fixtureDir, guideText } from "./test-fixtures.ts";
import type { Guide } from "./types.ts";

const TODAY = "2026-02-01";
const spec = (company: string, role: string) => ({
  company,
  companyDisplay: company[0]!.toUpperCase() + company.slice(1),
  role,
});

/** Four guides on disk, loaded; `arrange` gives the list the library starts with. */
async function library(arrange: (guides: Guide[], dir: string) => Guide[]) {
  const t = fixtureDir();
  const files = {
    acmeBe: t.write("acme/be.md", guideText(spec("acme", "be"))),
    acmeMl: t.write("acme/ml.md", guideText(spec("acme", "ml"))),
    beta: t.write("beta/ml.md", guideText(spec("beta", "ml"))),
    delta: t.write("delta/pm.md", guideText(spec("delta", "pm"))),
  };
  const { guides } = await loadGuides(t.dir, { today: TODAY });
  return { t, files, library: new GuideLibrary(arrange(guides, t.dir)) };
}

type Arrange = (guides: Guide[], dir: string) => Guide[];
const ARRANGEMENTS: [string, Arrange][] = [
  ["in file order (the loader's)", (guides) => guides],
  ["in another order", (guides) => [guides[2]!, guides[0]!, guides[3]!, guides[1]!]],
  [
    "with a path normalize() would change",
    // Still in file order as written, so only the path check can tell.
    (guides, dir) => guides.map((g, i) => (i === 1 ? { ...g, file: `${dir}/acme/ml/../ml.md` } : g)),
  ],
];

describe.each(ARRANGEMENTS)("GuideLibrary, started with its guides %s", (_, arrange) => {
  it("serves, lists and refreshes the same guides", async () => {
    const { t, files, library: lib } = await library(arrange);
    const ids = () => lib.guides.map((g) => g.id);
    expect(lib.size).toBe(4);
    expect(ids()).toEqual(["acme/be", "acme/ml", "beta/ml", "delta/pm"]);
    expect(lib.filesUnder(`${t.dir}/acme`)).toEqual([files.acmeBe, files.acmeMl]);

    // A removal, an update, an addition between two of the first guides, one after the last.
    rmSync(files.acmeMl);
    writeFileSync(files.beta, guideText({ ...spec("beta", "ml"), roleDisplay: "ML II" }));
    const added = t.write("alpha/pm.md", guideText(spec("alpha", "pm")));
    const last = t.write("zeta/pm.md", guideText(spec("zeta", "pm")));
    const report = await lib.refresh([files.acmeMl, files.beta, added, last], TODAY);
    expect([report.removed, report.updated, report.added]).toEqual([
      [files.acmeMl],
      [files.beta],
      [added, last],
    ]);
    expect(ids()).toEqual(["acme/be", "alpha/pm", "beta/ml", "delta/pm", "zeta/pm"]);
    expect(lib.guides.find((g) => g.id === "beta/ml")!.roleDisplay).toBe("ML II");
    expect(lib.size).toBe(5);
    expect(lib.filesUnder(`${t.dir}/acme`)).toEqual([files.acmeBe]);
    expect(lib.filesUnder(t.dir)).toEqual([files.acmeBe, added, files.beta, files.delta, last]);

    // The removed guide's id is free again; a second file with a served id is refused.
    const back = t.write("acme/ml-again.md", guideText(spec("acme", "ml")));
    const copy = t.write("delta/copy.md", guideText(spec("delta", "pm")));
    const again = await lib.refresh([back, copy], TODAY);
    expect(again.added).toEqual([back]);
    expect(again.problems.map((p) => [p.file, p.code])).toEqual([[copy, "duplicate"]]);
    // An added guide removed again, and a guide the library started with removed.
    rmSync(added);
    rmSync(files.delta);
    const gone = await lib.refresh([added, files.delta], TODAY);
    expect(gone.removed.sort()).toEqual([added, files.delta].sort());
    expect(ids()).toEqual(["acme/be", "acme/ml", "beta/ml", "zeta/pm"]);
    expect(lib.size).toBe(4);
    expect(lib.filesUnder(t.dir)).toEqual([files.acmeBe, back, files.beta, last]);
  });

  it("is the same after indexing its guides in slices", async () => {
    const { t, files, library: lib } = await library(arrange);
    await lib.prepare(1);
    expect(lib.guides.map((g) => g.id)).toEqual(["acme/be", "acme/ml", "beta/ml", "delta/pm"]);
    rmSync(files.beta);
    expect((await lib.refresh([`${t.dir}/beta/../beta/ml.md`], TODAY)).removed).toEqual([files.beta]);
    expect(lib.size).toBe(3);
  });
});

describe("isNormalPath", () => {
  it("says what normalize() leaves as it is", () => {
    for (const p of ["/g/acme/be.md", "g/a.md", "/", "a", ".a/b", "a/..b", "a/b..", "a/", "/a/"]) {
      expect([p, isNormalPath(p)]).toEqual([p, true]);
    }
    for (const p of ["", ".", "./a", "a//b", "a/./b", "a/../b", "..", "a/.", "a/..", "//"]) {
      expect([p, isNormalPath(p)]).toEqual([p, false]);
    }
    // Never "normal" for a path normalize() changes (it would not be found by its normalized path). For an
    // absolute path, exactly what normalize() says; a relative one may start with ".." segments that
    // normalize() keeps, which is only mapped by file like any other path said not to be normal.
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "/", ".", ".."), { maxLength: 8 }), (parts) => {
        const p = parts.join("");
        if (isNormalPath(p)) expect(normalize(p)).toBe(p);
        expect(isNormalPath(`/${p}`)).toBe(normalize(`/${p}`) === `/${p}`);
      }),
      { numRuns: 2_000 },
    );
  });
});
