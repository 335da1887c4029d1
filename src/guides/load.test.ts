import { mkdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EncodedChunk } from "./cache.ts";
import { encodeEntries, NO_STAT } from "./compact.ts";
import { cacheItems, loadGuides, mapLimit, statsOf } from "./load.ts";
import type { WorkerChunk } from "./parallel.ts";
import type { FileEntry, SameFile } from "./parse-file.ts";
import { hasMojibake } from "./repair.ts";
import { fixtureDir, guideText, REPO_ROOT, SEED_FILE, seedText } from "./test-fixtures.ts";
import type { GuideProblem } from "./types.ts";

const TODAY = "2026-03-01";

/** Loads one file's text from a temp dir and returns its problems and guides. */
async function loadOne(text: string, options: { checkBody?: boolean } = {}) {
  const t = fixtureDir();
  const file = t.write("acme/backend-engineer.md", text);
  const result = await loadGuides(t.dir, { today: TODAY, ...options });
  return { ...result, file };
}

const errors = (problems: GuideProblem[]) => problems.filter((p) => p.severity === "error");

describe("loadGuides on the seed", () => {
  it("loads the seed with exact figures", async () => {
    const { guides, problems, files } = await loadGuides(path.join(REPO_ROOT, "guides"), { today: TODAY });
    expect(files).toBe(1);
    expect(errors(problems)).toEqual([]);
    expect(guides).toHaveLength(1);
    const g = guides[0]!;
    expect(g.id).toBe("segment/ml-ai-engineer");
    expect(g.file).toBe(SEED_FILE);
    expect(g.companyDisplay).toBe("Segment");
    expect(g.roleDisplay).toBe("ML/AI Engineer");
    expect(g.lastUpdated).toBe("2026-02-23");
    expect(g.nextReviewDue).toBe("2026-05-23");
    expect(g.salaryDataQuarter).toBe("2025-Q4");
    expect(g.bands.map((b) => [b.region, b.regionSlug, b.currency])).toEqual([
      ["San Francisco", "san-francisco", "USD"],
      ["New York", "new-york", "USD"],
      ["London", "london", "GBP"],
    ]);
    expect(g.bands[0]).toEqual({
      region: "San Francisco",
      regionSlug: "san-francisco",
      currency: "USD",
      base: { low: 188000, high: 228000 },
      stock: { low: 145000, high: 270000 },
      bonusPct: { low: 10, high: 10 },
      totalComp: { low: 262000, high: 355000 },
    });
    expect(g.bands[2]!.base).toEqual({ low: 132000, high: 165000 });
    expect(g.levelMapping).toEqual({
      internal: null,
      raw: "Segment ML/AI = Google L4-L5 ML = Meta ML E5 = Salesforce Einstein ML = mParticle AI Lead",
      equivalences: [
        { company: "Google", level: "L4-L5 ML" },
        { company: "Meta", level: "ML E5" },
        { company: "Salesforce", level: "Einstein ML" },
        { company: "mParticle", level: "AI Lead" },
      ],
    });
    expect(g.dataSources).toEqual(["Levels.fyi"]);
    expect(g.negotiationDnaSummary).toBe(
      "Top-Tier Twilio RSU + Signing Bonus | AI-Native Customer Data Intelligence 2026",
    );
    expect(g.extra).toEqual({});
    expect(hasMojibake(JSON.stringify(g))).toBe(false);
  });

  it("warns about the seed's mojibake, and about nothing else with checkBody off", async () => {
    const { problems } = await loadGuides(path.join(REPO_ROOT, "guides"), { today: TODAY });
    expect(problems).toEqual([
      {
        severity: "warning",
        code: "mojibake",
        file: SEED_FILE,
        path: "",
        message:
          "repaired 28 mojibake sequences (2 characters dropped); run guides:check --fix to rewrite the file",
      },
    ]);
  });

  it("warns where the seed's body table disagrees with its frontmatter (bonus, all 3 regions)", async () => {
    const { problems } = await loadGuides(path.join(REPO_ROOT, "guides"), { today: TODAY, checkBody: true });
    const mismatches = problems.filter((p) => p.code === "body-mismatch");
    expect(mismatches.map((p) => [p.path, p.message])).toEqual([
      ["compensation.0.bonus_pct", "San Francisco: body table says bonus 10–15%, frontmatter says 10%"],
      ["compensation.1.bonus_pct", "New York: body table says bonus 10–15%, frontmatter says 10%"],
      ["compensation.2.bonus_pct", "London: body table says bonus 10–15%, frontmatter says 10%"],
    ]);
    expect(mismatches.every((p) => p.severity === "warning")).toBe(true);
  });

  it("warns when the review is overdue", async () => {
    const late = await loadGuides(path.join(REPO_ROOT, "guides"), { today: "2026-06-01" });
    const overdue = late.problems.filter((p) => p.code === "overdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ severity: "warning", path: "next_review_due" });
    expect(overdue[0]!.message).toBe("review was due 2026-05-23, 9 days before 2026-06-01");
    const onTime = await loadGuides(path.join(REPO_ROOT, "guides"), { today: "2026-05-23" });
    expect(onTime.problems.filter((p) => p.code === "overdue")).toEqual([]);
  });

  it("puts the overdue warning after the frontmatter's warnings and before the body's", async () => {
    const late = await loadGuides(path.join(REPO_ROOT, "guides"), { today: "2026-06-01", checkBody: true });
    expect(late.problems.map((p) => p.code)).toEqual([
      "mojibake",
      "overdue",
      "body-mismatch",
      "body-mismatch",
      "body-mismatch",
      "total-mismatch",
      "total-mismatch",
      "total-mismatch",
    ]);
  });
});

describe("loadGuides error paths", () => {
  it("loads a valid fixture without problems", async () => {
    const { guides, problems } = await loadOne(guideText());
    expect(problems).toEqual([]);
    expect(guides[0]!.bands[0]!.bonusPct).toEqual({ low: 10, high: 15 });
    expect(guides[0]!.levelMapping.equivalences).toEqual([
      { company: "Google", level: "L5" },
      { company: "Meta", level: "E5" },
    ]);
  });

  const cases: Array<[string, (t: string) => string, string, RegExp]> = [
    [
      "missing field",
      (t) => t.replace("role_display: Backend Engineer\n", ""),
      "role_display",
      /found nothing$/,
    ],
    [
      "wrong type",
      (t) => t.replace("base_low: 80000", "base_low: abc"),
      "compensation.0.base_low",
      /^expected a positive number, found "abc"$/,
    ],
    [
      "negative",
      (t) => t.replace("base_high: 100000", "base_high: -5"),
      "compensation.0.base_high",
      /^expected a positive number, found -5$/,
    ],
    [
      "low > high",
      (t) => t.replace("stock_high: 20000", "stock_high: 5000"),
      "compensation.0.stock_high",
      /^expected stock_high to be at least stock_low \(10000\), found 5000$/,
    ],
    [
      "bad date",
      (t) => t.replace("last_updated: 2026-01-10", "last_updated: 2026-02-30"),
      "last_updated",
      /^expected a real date written YYYY-MM-DD, found "2026-02-30"$/,
    ],
    [
      "bad quoted date",
      (t) => t.replace("last_updated: 2026-01-10", "last_updated: 'Jan 10'"),
      "last_updated",
      /found "Jan 10"$/,
    ],
    [
      "bad quarter",
      (t) => t.replace("2025-Q4", "2025-Q5"),
      "salary_data_quarter",
      /^expected a quarter such as "2025-Q4", found "2025-Q5"$/,
    ],
    [
      "bad currency",
      (t) => t.replace("currency: EUR", "currency: EURO"),
      "compensation.0.currency",
      /ISO 4217.*found "EURO"$/,
    ],
    [
      "unknown currency",
      (t) => t.replace("currency: EUR", "currency: ZZZ"),
      "compensation.0.currency",
      /found "ZZZ"$/,
    ],
    [
      "bad slug",
      (t) => t.replace("company: acme", "company: Acme Corp"),
      "company",
      /lower-case-kebab.*found "Acme Corp"$/,
    ],
    [
      "bad bonus",
      (t) => t.replace('bonus_pct: "10-15"', "bonus_pct: lots"),
      "compensation.0.bonus_pct",
      /found "lots"$/,
    ],
    [
      "no compensation",
      (t) => t.replace(/compensation:\n(?: {2,}.*\n)+/, "compensation: []\n"),
      "compensation",
      /^expected at least one compensation entry, found \[\]$/,
    ],
    [
      "repeated region",
      (t) => t.replace(/(compensation:\n)((?: {2,}.*\n)+)/, "$1$2$2"),
      "compensation.1.region",
      /^expected each region once per guide \(already at compensation\.0\), found "Berlin"$/,
    ],
  ];
  it.each(cases)(
    "%s gives a schema error naming the field, what was expected and what was found",
    async (_name, edit, fieldPath, message) => {
      const { guides, problems, file } = await loadOne(edit(guideText()));
      expect(guides).toEqual([]);
      const errs = errors(problems);
      expect(errs.length).toBeGreaterThan(0);
      const match = errs.find((p) => p.path === fieldPath);
      expect(match, JSON.stringify(errs)).toBeDefined();
      expect(match).toMatchObject({ code: "schema", file });
      expect(match!.message).toMatch(message);
      expect(match!.message).toMatch(/^expected .*, found /);
    },
  );

  it("reports every problem of a file at once", async () => {
    const { problems } = await loadOne(
      guideText()
        .replace("base_low: 80000", "base_low: abc")
        .replace("stock_high: 20000", "stock_high: 5000")
        .replace("2025-Q4", "2025-Q5"),
    );
    expect(
      errors(problems)
        .map((p) => p.path)
        .sort(),
    ).toEqual(["compensation.0.base_low", "compensation.0.stock_high", "salary_data_quarter"]);
  });

  it("cuts long found values", async () => {
    const { problems } = await loadOne(guideText().replace("2025-Q4", "x".repeat(500)));
    const p = errors(problems).find((e) => e.path === "salary_data_quarter")!;
    expect(p.message.length).toBeLessThan(140);
    expect(p.message).toMatch(/…$/);
  });

  it("reports broken YAML", async () => {
    const { guides, problems } = await loadOne(guideText().replace("data_sources:\n", "data_sources: [\n"));
    expect(guides).toEqual([]);
    expect(errors(problems)).toHaveLength(1);
    expect(errors(problems)[0]).toMatchObject({ code: "yaml", path: "" });
    expect(errors(problems)[0]!.message).toMatch(
      /^expected valid YAML frontmatter, found a syntax error: .*line \d+/,
    );
  });

  it("reports an empty file and a file without frontmatter", async () => {
    const empty = await loadOne("");
    expect(errors(empty.problems)).toEqual([
      {
        severity: "error",
        code: "frontmatter",
        file: empty.file,
        path: "",
        message: "expected YAML frontmatter between --- lines, found an empty file",
      },
    ]);
    const none = await loadOne("# Just a heading\n\nSome text.\n");
    expect(errors(none.problems)[0]).toMatchObject({ code: "frontmatter" });
    expect(errors(none.problems)[0]!.message).toMatch(/found none$/);
    const list = await loadOne("---\n- a\n- b\n---\n");
    expect(errors(list.problems)[0]).toMatchObject({ code: "schema", path: "" });
    expect(errors(list.problems)[0]!.message).toBe('expected a YAML mapping of fields, found ["a","b"]');
  });

  it("keeps unknown fields in extra", async () => {
    const { guides, problems } = await loadOne(
      guideText({ extraYaml: "hiring_freeze: true\nnotes:\n  - Ask about refreshers\n" }),
    );
    expect(problems).toEqual([]);
    expect(guides[0]!.extra).toEqual({ hiring_freeze: true, notes: ["Ask about refreshers"] });
  });

  it("accepts quoted dates and bonus given as {low, high} or an en-dash text", async () => {
    const { guides, problems } = await loadOne(
      guideText({ nextReviewDue: "'2026-04-10'" }).replace(
        'bonus_pct: "10-15"',
        "bonus_pct: {low: 5, high: 8}",
      ),
    );
    expect(problems).toEqual([]);
    expect(guides[0]!.nextReviewDue).toBe("2026-04-10");
    expect(guides[0]!.bands[0]!.bonusPct).toEqual({ low: 5, high: 8 });
    const dash = await loadOne(guideText().replace('bonus_pct: "10-15"', 'bonus_pct: "10–15%"'));
    expect(dash.guides[0]!.bands[0]!.bonusPct).toEqual({ low: 10, high: 15 });
  });
});

describe("loadGuides over a catalogue", () => {
  it("one bad guide does not stop the others; files are in path order", async () => {
    const t = fixtureDir();
    t.write("zeta/engineer.md", guideText({ company: "zeta", role: "engineer" }));
    t.write("acme/engineer.md", guideText({ company: "acme", role: "engineer" }));
    t.write(
      "broken/engineer.md",
      guideText({ company: "broken", role: "engineer" }).replace("base_low: 80000", "base_low: x"),
    );
    t.write("yaml/engineer.md", "---\ncompany: [\n---\n");
    t.write("README.md", "# not a guide");
    t.write("acme/README.md", "# not a guide either");
    t.write("acme/notes.txt", "ignored");
    const { guides, problems, files } = await loadGuides(t.dir, { today: TODAY });
    expect(files).toBe(4);
    expect(guides.map((g) => g.id)).toEqual(["acme/engineer", "zeta/engineer"]);
    expect(errors(problems).map((p) => path.relative(t.dir, p.file))).toEqual([
      "broken/engineer.md",
      "yaml/engineer.md",
    ]);
  });

  it("keeps the first of two guides with the same id and names both files", async () => {
    const t = fixtureDir();
    const second = t.write("acme/engineer.md", guideText({ company: "acme", role: "engineer" }));
    const first = t.write("acme/engineer-copy.md", guideText({ company: "acme", role: "engineer" })); // "-" sorts before "."
    const { guides, problems } = await loadGuides(t.dir, { today: TODAY });
    expect(guides.map((g) => g.file)).toEqual([first]);
    const dup = errors(problems);
    expect(dup).toHaveLength(1);
    expect(dup[0]).toEqual({
      severity: "error",
      code: "duplicate",
      file: second,
      path: "",
      message: `duplicate guide acme/engineer: ${second} repeats ${first}; keeping ${first}`,
    });
  });

  it("walks nested folders, skips hidden entries and does not follow symlinked folders", async () => {
    const t = fixtureDir();
    t.write("acme/engineer.md", guideText({ company: "acme", role: "engineer" }));
    t.write("acme/deeper/more/pm.md", guideText({ company: "acme", role: "pm" }));
    t.write(".git/x.md", "not a guide");
    mkdirSync(path.join(t.dir, "loops"));
    symlinkSync(t.dir, path.join(t.dir, "loops", "back-to-root"), "dir");
    const { guides, problems, files } = await loadGuides(t.dir, { today: TODAY });
    expect(files).toBe(2);
    expect(problems).toEqual([]);
    expect(guides.map((g) => g.id)).toEqual(["acme/pm", "acme/engineer"]); // "acme/deeper/…" < "acme/engineer.md"
  });

  it("returns an error problem, not a throw, for a missing directory", async () => {
    const missing = path.join(fixtureDir().dir, "nope");
    const result = await loadGuides(missing);
    expect(result.guides).toEqual([]);
    expect(result.files).toBe(0);
    expect(result.problems).toEqual([
      {
        severity: "error",
        code: "read",
        file: missing,
        path: "",
        message: "cannot read the guides directory: it does not exist",
      },
    ]);
  });

  it("loads 300 guides in 30 folders, every one, in file order", async () => {
    const t = fixtureDir();
    for (let i = 0; i < 300; i++) {
      t.write(`c${i % 30}/r${i}.md`, guideText({ company: `c${i % 30}`, role: `r${i}` }));
    }
    const { guides, problems, files } = await loadGuides(t.dir, { today: TODAY });
    expect(files).toBe(300);
    expect(problems).toEqual([]);
    expect(guides).toHaveLength(300);
    const ids = guides.map((g) => g.file);
    expect([...ids].sort()).toEqual(ids);
  });

  it("repairs mojibake in a copy of the seed and warns", async () => {
    const t = fixtureDir();
    const file = t.write("segment/ml-ai-engineer.md", seedText());
    const { guides, problems } = await loadGuides(t.dir, { today: TODAY });
    expect(guides).toHaveLength(1);
    expect(problems.map((p) => [p.code, p.file])).toEqual([["mojibake", file]]);
  });
});

describe("statsOf (the stat tuples when the helper thread could not scan)", () => {
  it("gives each file's size, mtimeMs, ctimeMs and inode in order, and -1s for one that cannot be stat'ed", () => {
    const t = fixtureDir();
    // Modified an hour before it changed (utimes changes ctime to now): mtimeMs and ctimeMs differ.
    const aged = path.join(t.dir, "aged.md");
    writeFileSync(aged, "aged");
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(aged, hourAgo, hourAgo);
    const missing = path.join(REPO_ROOT, "guides", "no-such-company", "no-such-role.md");
    const stats = statsOf([SEED_FILE, missing, aged]);
    expect(stats).toHaveLength(12);
    const tuple = (file: string) => {
      const info = statSync(file);
      return [info.size, info.mtimeMs, info.ctimeMs, info.ino];
    };
    expect([...stats.subarray(0, 4)]).toEqual(tuple(SEED_FILE));
    expect([...stats.subarray(4, 8)]).toEqual([-1, -1, -1, -1]);
    expect([...stats.subarray(8, 12)]).toEqual(tuple(aged));
    // mtimeMs comes from nanoseconds: within a millisecond of the time set.
    expect(Math.abs(stats[9]! - hourAgo.getTime())).toBeLessThan(1);
    expect(stats[10]).toBeGreaterThan(stats[9]!);
    expect(statsOf([])).toHaveLength(0);
  });
});

describe("mapLimit (the loader's bounded concurrency)", () => {
  /** Runs mapLimit over `n` items whose calls finish in reverse order; records how many were in flight. */
  async function run(n: number, limit: number) {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const release: (() => void)[] = [];
    const results = mapLimit(
      Array.from({ length: n }, (_, i) => i),
      limit,
      async (item, index) => {
        expect(index).toBe(item);
        started.push(item);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => release.push(resolve));
        inFlight--;
        return `r${item}`;
      },
    );
    // Let the first wave start, then release calls last-started first until all are done.
    for (let done = 0; done < n; done++) {
      await new Promise((resolve) => setImmediate(resolve));
      release.pop()?.();
    }
    return { results: await results, most, started };
  }

  it("never has more than `limit` calls in flight, and uses all of them", async () => {
    const { most, started } = await run(200, 64);
    expect(most).toBe(64);
    expect(started).toHaveLength(200);
  });

  it("keeps the input order in its results whatever order the calls finish in", async () => {
    const { results } = await run(10, 3);
    expect(results).toEqual(["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"]);
  });

  it("with fewer items than the limit, runs them all at once", async () => {
    const { most, results } = await run(5, 64);
    expect(most).toBe(5);
    expect(results).toEqual(["r0", "r1", "r2", "r3", "r4"]);
  });

  it("with no items, calls nothing and returns []", async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});

describe("cacheItems (what a cache write is given after a load)", () => {
  const entry = (i: number, hash: string | null = `h${i}`): FileEntry => ({
    file: `/g/${i}.md`,
    hash,
    guide: null,
    problems: [],
    overdueAt: 0,
  });
  // Stat tuple of file i: [i, 10i, 20i, 30i].
  const stats = (n: number) =>
    new Float64Array(Array.from({ length: n }, (_, i) => [i, 10 * i, 20 * i, 30 * i]).flat());
  /** A worker's chunk of todo positions [start, end), holding the entries at `at` (job positions). */
  const chunkOf = (read: readonly FileEntry[], start: number, end: number, at: number[]): WorkerChunk => {
    const { skipped: _, ...encoded } = encodeEntries(
      at.map((k) => ({ entry: read[start + k]!, stat: NO_STAT })),
    );
    return { start, end, at, encoded };
  };
  const shape = (items: ReturnType<typeof cacheItems>) =>
    items.map((item) =>
      "chunk" in item ? `chunk ${item.chunk.stats.length / 4}` : "copy" in item ? "copy" : item.entry.file,
    );

  it("takes a chunk whose files follow one another, all parsed and hashed, with each file's stat tuple", () => {
    const entries = [0, 1, 2, 3, 4].map((i) => entry(i));
    const todo = [0, 1, 2, 3, 4];
    // Job positions 0, 1 and 3 encoded; 2 did not encode (it is left out, as the encoder would).
    const items = cacheItems(entries, stats(5), todo, entries, [chunkOf(entries, 1, 5, [0, 1, 3])]);
    expect(shape(items)).toEqual(["/g/0.md", "chunk 3"]);
    const chunk = (items[1] as EncodedChunk).chunk;
    expect([...chunk.stats]).toEqual([1, 10, 20, 30, 2, 20, 40, 60, 4, 40, 80, 120]);
    expect(items[0]).toEqual({ entry: entries[0], stat: { size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0 } });
  });

  it("goes on after each chunk with the file that follows it", () => {
    const entries = [0, 1, 2, 3, 4, 5, 6].map((i) => entry(i));
    const todo = [0, 1, 2, 3, 4, 5, 6];
    const chunks = [chunkOf(entries, 0, 2, [0, 1]), chunkOf(entries, 2, 5, [0, 1, 2])];
    expect(shape(cacheItems(entries, stats(7), todo, entries, chunks))).toEqual([
      "chunk 2",
      "chunk 3",
      "/g/5.md",
      "/g/6.md",
    ]);
  });

  it("takes entries one by one where a chunk's files are not consecutive, one was unchanged, or one has no hash", () => {
    const entries = [0, 1, 2, 3, 4, 5].map((i) => entry(i));
    const all = ["/g/0.md", "/g/1.md", "/g/2.md", "/g/3.md", "/g/4.md", "/g/5.md"];
    // Files 0, 2 and 4 re-read (the others from the cache): the chunk's files are not consecutive.
    const gaps = [entries[0]!, entries[2]!, entries[4]!];
    expect(shape(cacheItems(entries, stats(6), [0, 2, 4], gaps, [chunkOf(gaps, 0, 3, [0, 1, 2])]))).toEqual(
      all,
    );
    // One file of the chunk unchanged (its entry is the cache's).
    const read: (FileEntry | SameFile)[] = [...entries];
    read[3] = { same: true, file: "/g/3.md", hash: "h3" };
    const todo = [0, 1, 2, 3, 4, 5];
    expect(
      shape(cacheItems(entries, stats(6), todo, read, [chunkOf(entries, 0, 6, [0, 1, 2, 4, 5])])),
    ).toEqual(all);
    // One entry without a hash (its file could not be read): the reader refuses such a chunk.
    const unhashed = entries.map((e, i) => (i === 4 ? entry(4, null) : e));
    expect(
      shape(cacheItems(unhashed, stats(6), todo, unhashed, [chunkOf(unhashed, 0, 6, [0, 1, 2, 3, 4, 5])])),
    ).toEqual(all);
    // The same chunk with every entry hashed is taken whole.
    expect(
      shape(cacheItems(entries, stats(6), todo, entries, [chunkOf(entries, 0, 6, [0, 1, 2, 3, 4, 5])])),
    ).toEqual(["chunk 6"]);
  });
});
