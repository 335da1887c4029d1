/**
 * Hot reload's bookkeeping (GuideLibrary.refresh), driven directly: what is added, updated, removed or kept,
 * and what an operator is told, for edits that are good, broken, duplicated or unreadable.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { turnsDuring } from "../runtime/turns.test-helpers.ts";
import { changedAnything, GuideLibrary } from "./library.ts";
import { loadGuides } from "./load.ts";
import { fixtureDir, guideText } from "./test-fixtures.ts";

const TODAY = "2026-02-01";

async function setUp() {
  const t = fixtureDir();
  const a = t.write("acme/backend-engineer.md", guideText());
  const b = t.write("beta/ml.md", guideText({ company: "beta", companyDisplay: "Beta", role: "ml" }));
  const { guides } = await loadGuides(t.dir, { today: TODAY });
  return { t, a, b, library: new GuideLibrary(guides) };
}

describe("GuideLibrary", () => {
  it("serves the loaded guides in file order, and lists the files under a folder", async () => {
    const { t, a, b, library } = await setUp();
    expect(library.size).toBe(2);
    expect(library.guides.map((g) => g.id)).toEqual(["acme/backend-engineer", "beta/ml"]);
    expect(library.filesUnder(path.join(t.dir, "acme"))).toEqual([a]);
    expect(library.filesUnder(t.dir).sort()).toEqual([a, b]);
    expect(library.filesUnder(path.join(t.dir, "ac"))).toEqual([]);
  });

  it("indexes the initial guides in slices, the event loop free between two", async () => {
    const { library } = await setUp();
    // Two guides, one a slice: one turn of the event loop between them.
    expect(await turnsDuring(() => library.prepare(1))).toBe(1);
    expect(library.guides.map((g) => g.id)).toEqual(["acme/backend-engineer", "beta/ml"]);
    const { library: whole } = await setUp();
    expect(await turnsDuring(() => whole.prepare(2))).toBe(0);
  });

  it("lists the guides served in slices (for a hot reload that rebuilds the index): the same list as at once", async () => {
    const { t, a, b, library } = await setUp();
    const c = t.write("gamma/pm.md", guideText({ company: "gamma", companyDisplay: "Gamma", role: "pm" }));
    const d = t.write("aaa/first.md", guideText({ company: "aaa", companyDisplay: "Aaa", role: "first" }));
    writeFileSync(a, guideText({ roleDisplay: "Backend Engineer II" }));
    rmSync(b);
    await library.refresh([a, b, c, d], TODAY);
    const ids = ["aaa/first", "acme/backend-engineer", "gamma/pm"];
    expect(library.guides.map((g) => g.id)).toEqual(ids);
    let listed: string[] = [];
    // The base (the two loaded guides, one removed since), a guide a slice: a turn after each.
    expect(
      await turnsDuring(async () => {
        listed = (await library.guidesInSlices(1)).map((g) => `${g.id} ${g.roleDisplay}`);
      }),
    ).toBe(2);
    expect(listed).toEqual([
      "aaa/first Backend Engineer",
      "acme/backend-engineer Backend Engineer II",
      "gamma/pm Backend Engineer",
    ]);
  });

  it("adds, updates and removes, reporting each change with the guide before and after", async () => {
    const { t, a, b, library } = await setUp();
    const c = t.write("gamma/pm.md", guideText({ company: "gamma", companyDisplay: "Gamma", role: "pm" }));
    writeFileSync(a, guideText({ roleDisplay: "Backend Engineer II" }));
    rmSync(b);
    const r = await library.refresh([c, a, b, a], TODAY);
    expect(r.added).toEqual([c]);
    expect(r.updated).toEqual([a]);
    expect(r.removed).toEqual([b]);
    expect(r.kept).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.changes.map((ch) => [ch.before?.roleDisplay ?? null, ch.after?.roleDisplay ?? null])).toEqual([
      ["Backend Engineer", null],
      [null, "Backend Engineer"],
      ["Backend Engineer", "Backend Engineer II"],
    ]);
    expect(changedAnything(r)).toBe(true);
    expect(library.guides.map((g) => g.id)).toEqual(["acme/backend-engineer", "gamma/pm"]);
  });

  it("a removed file it never served changes nothing", async () => {
    const { t, library } = await setUp();
    const r = await library.refresh([path.join(t.dir, "nope/x.md")], TODAY);
    expect(r).toEqual({ added: [], updated: [], removed: [], kept: [], problems: [], changes: [] });
    expect(changedAnything(r)).toBe(false);
  });

  it("keeps the last good version of a broken edit and says why; a broken new file is just refused", async () => {
    const { t, a, library } = await setUp();
    writeFileSync(a, guideText().replace("base_low: 80000", "base_low: lots"));
    const d = t.write("delta/x.md", "no frontmatter\n");
    const r = await library.refresh([a, d], TODAY);
    expect(r.kept).toEqual([a]);
    expect(r.added).toEqual([]);
    expect(r.updated).toEqual([]);
    expect(r.problems.map((p) => [p.file, p.code, p.path])).toEqual([
      [a, "schema", "compensation.0.base_low"],
      [d, "frontmatter", ""],
    ]);
    expect(changedAnything(r)).toBe(false);
    expect(library.guides.map((g) => g.bands[0]!.base.low)).toEqual([80000, 80000]);
  });

  it("warnings alone do not stop an update", async () => {
    const { a, library } = await setUp();
    writeFileSync(a, guideText({ nextReviewDue: "2026-01-01", roleDisplay: "Backend Engineer III" }));
    const r = await library.refresh([a], TODAY);
    expect(r.updated).toEqual([a]);
    expect(r.problems.map((p) => p.code)).toEqual(["overdue"]);
    expect(library.guides[0]!.roleDisplay).toBe("Backend Engineer III");
  });

  it("refuses a second file for a company and role already served, naming the first file", async () => {
    const { t, a, b, library } = await setUp();
    const copy = t.write("acme/copy.md", guideText());
    const r = await library.refresh([copy], TODAY);
    expect(r.added).toEqual([]);
    expect(r.problems).toEqual([
      {
        severity: "error",
        code: "duplicate",
        file: copy,
        path: "",
        message: `acme/backend-engineer is already defined in ${a}; this file was not loaded`,
      },
    ]);
    // A served file edited to clash with another keeps its last good version.
    writeFileSync(b, guideText());
    const r2 = await library.refresh([b], TODAY);
    expect(r2.kept).toEqual([b]);
    expect(r2.problems.map((p) => p.code)).toEqual(["duplicate"]);
    expect(library.guides.map((g) => g.id)).toEqual(["acme/backend-engineer", "beta/ml"]);
  });

  it("a guide that changes its id frees the old id for another file", async () => {
    const { t, a, library } = await setUp();
    writeFileSync(a, guideText({ company: "acme-two", companyDisplay: "Acme Two" }));
    expect((await library.refresh([a], TODAY)).updated).toEqual([a]);
    const copy = t.write("acme/copy.md", guideText());
    expect((await library.refresh([copy], TODAY)).added).toEqual([copy]);
    expect(library.guides.map((g) => g.id)).toEqual([
      "acme-two/backend-engineer",
      "acme/backend-engineer",
      "beta/ml",
    ]);
  });

  it("a path that cannot be read as a file is an error, and a served guide there is kept", async () => {
    const { t, a, library } = await setUp();
    const folder = path.join(t.dir, "zeta", "guide.md");
    mkdirSync(folder, { recursive: true });
    const r = await library.refresh([folder], TODAY);
    expect(r.problems).toEqual([
      {
        severity: "error",
        code: "read",
        file: folder,
        path: "",
        message: "could not read the file (EISDIR)",
      },
    ]);
    expect(r.kept).toEqual([]);
    rmSync(a);
    mkdirSync(a);
    const r2 = await library.refresh([a], TODAY);
    expect(r2.kept).toEqual([a]);
    expect(r2.removed).toEqual([]);
    expect(library.size).toBe(2);
  });
});
