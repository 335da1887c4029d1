/**
 * The guide loader against hostile guide folders: broken YAML, wrong types, a 5 MB file, binary data, a symlink
 * loop, an unreadable file, and fast-check generated frontmatters. Each bad file is reported with its file name
 * and skipped; the good guides still load; loadGuides never throws.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadGuides } from "../../src/guides/load.ts";
import type { Guide, MoneyRange } from "../../src/guides/types.ts";
import { guideText } from "../support/make-guide.ts";

const TODAY = "2026-11-01";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every way a loaded guide is not well-formed (empty = well-formed): what the rest of CompBot relies on. */
function malformed(g: Guide, file: string): string[] {
  const out: string[] = [];
  const bad = (what: string) => out.push(`${file}: ${what}`);
  if (g.file !== file) bad(`file is ${g.file}`);
  if (!SLUG.test(g.company) || !SLUG.test(g.role)) bad(`slugs ${g.company} / ${g.role}`);
  if (g.id !== `${g.company}/${g.role}`) bad(`id ${g.id}`);
  for (const [k, v] of Object.entries({ companyDisplay: g.companyDisplay, roleDisplay: g.roleDisplay }))
    if (typeof v !== "string" || v.trim() === "") bad(`${k} empty`);
  for (const d of [g.lastUpdated, g.nextReviewDue])
    if (!ISO_DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) bad(`date ${d}`);
  if (g.bands.length === 0) bad("no bands");
  const slugs = g.bands.map((b) => b.regionSlug);
  if (new Set(slugs).size !== slugs.length) bad(`duplicate regions ${slugs.join(",")}`);
  const range = (r: MoneyRange, what: string) => {
    if (!Number.isFinite(r.low) || !Number.isFinite(r.high) || r.low < 0 || r.low > r.high)
      bad(`${what} ${r.low}–${r.high}`);
  };
  for (const b of g.bands) {
    if (!SLUG.test(b.regionSlug) || b.region.trim() === "") bad(`region ${b.region} / ${b.regionSlug}`);
    if (!/^[A-Z]{3}$/.test(b.currency)) bad(`currency ${b.currency}`);
    range(b.base, "base");
    range(b.stock, "stock");
    range(b.totalComp, "total comp");
    range(b.bonusPct, "bonus %");
  }
  if (!Array.isArray(g.levelMapping.equivalences) || !Array.isArray(g.dataSources)) bad("lists");
  return out;
}
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    chmodAll(d);
    rmSync(d, { recursive: true, force: true });
  }
});

function chmodAll(dir: string): void {
  try {
    chmodSync(path.join(dir, "acme", "locked.md"), 0o644);
  } catch {
    // not there
  }
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "compbot-fuzz-"));
  dirs.push(dir);
  return dir;
}

function write(dir: string, rel: string, content: string | Buffer): string {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const good = (company: string, role: string) =>
  guideText({
    company,
    companyDisplay: company.toUpperCase(),
    role,
    roleDisplay: role.replace(/-/g, " "),
  });

/**
 * How to make one listed guide file unreadable. chmod 000 does not stop root (these tests often run as root), so
 * as root a symlink to /proc/self/mem is used instead (it exists and is a file, but reading it fails with EIO).
 */
function unreadableFile(dir: string): { file: string; how: string } | { skip: string } {
  const file = path.join(dir, "acme", "locked.md");
  if (process.getuid?.() !== 0) {
    write(dir, "acme/locked.md", good("acme", "locked"));
    chmodSync(file, 0o000);
    return { file, how: "chmod 000" };
  }
  if (existsSync("/proc/self/mem")) {
    mkdirSync(path.dirname(file), { recursive: true });
    symlinkSync("/proc/self/mem", file);
    return { file, how: "symlink to /proc/self/mem (running as root: chmod 000 would still be readable)" };
  }
  return { skip: "running as root without /proc: no way to make a file unreadable" };
}

describe("loadGuides on a hostile folder", () => {
  it("reports each bad file by name, skips it, and loads the good ones", async () => {
    const dir = tempDir();
    const goodFiles = [
      write(dir, "acme/ml-engineer.md", good("acme", "ml-engineer")),
      write(dir, "globex/data-scientist.md", good("globex", "data-scientist")),
      // 5 MB, but a valid guide: it loads.
      write(
        dir,
        "initech/backend-engineer.md",
        `${good("initech", "backend-engineer")}\n${"Long notes about the offer. ".repeat(190_000)}\n`,
      ),
    ];
    const bad: Record<string, string> = {
      brokenYaml: write(dir, "acme/broken-yaml.md", "---\ncompany: [unclosed\nrole: : :\n  - x\n---\nbody\n"),
      wrongTypes: write(
        dir,
        "acme/wrong-types.md",
        good("acme", "wrong-types")
          .replace(/base_low: \d+/, "base_low: lots")
          .replace(/^company: .*$/m, "company: [1, 2]"),
      ),
      noFrontmatter: write(dir, "acme/no-frontmatter.md", "# Just a heading\n\nNo frontmatter here.\n"),
      emptyFile: write(dir, "acme/empty.md", ""),
      hugeGarbage: write(
        dir,
        "globex/huge-garbage.md",
        `---\n${"x: [\n".repeat(1_000)}---\n${"?".repeat(5_000_000)}`,
      ),
      binary: write(
        dir,
        "globex/binary.md",
        Buffer.concat([Buffer.from([0, 0xff, 0xfe, 0]), randomBytes(64_000)]),
      ),
      binaryAfterDashes: write(
        dir,
        "globex/nul-in-yaml.md",
        Buffer.concat([
          Buffer.from("---\ncompany: glo\u0000bex\n"),
          randomBytes(2_000),
          Buffer.from("\n---\n"),
        ]),
      ),
    };
    // A symlink loop: a directory linking back to its parent (and to the root).
    mkdirSync(path.join(dir, "loops", "inner"), { recursive: true });
    symlinkSync(path.join(dir, "loops"), path.join(dir, "loops", "inner", "parent"), "dir");
    symlinkSync(dir, path.join(dir, "loops", "root"), "dir");
    const locked = unreadableFile(dir);
    if ("file" in locked) bad.unreadable = locked.file;
    else console.warn(`loader fuzz: unreadable-file case skipped: ${locked.skip}`);

    const result = await loadGuides(dir, { today: TODAY, workers: 0 });

    expect(result.guides.map((g) => g.file).sort()).toEqual([...goodFiles].sort());
    for (const [name, file] of Object.entries(bad)) {
      const problems = result.problems.filter((p) => p.file === file && p.severity === "error");
      expect(problems.length, `${name} (${file}) reported`).toBeGreaterThan(0);
      for (const p of problems) expect(p.message.length).toBeLessThan(2_000); // a line, not the file
    }
    if ("file" in locked) {
      const problem = result.problems.find((p) => p.file === locked.file);
      expect(problem?.code, locked.how).toBe("read");
    }
    // Nothing under the loops was listed twice or followed.
    expect(result.problems.some((p) => p.file.includes(`${path.sep}loops${path.sep}`))).toBe(false);
  }, 60_000);

  it("the same folder parsed in worker threads gives the same guides and problems", async () => {
    const dir = tempDir();
    write(dir, "acme/ml-engineer.md", good("acme", "ml-engineer"));
    write(dir, "acme/broken-yaml.md", "---\ncompany: [unclosed\n---\n");
    write(dir, "acme/binary.md", randomBytes(10_000));
    const inline = await loadGuides(dir, { today: TODAY, workers: 0 });
    const threaded = await loadGuides(dir, { today: TODAY, workers: 2 });
    expect(threaded.guides.map((g) => g.id)).toEqual(inline.guides.map((g) => g.id));
    expect(threaded.problems).toEqual(inline.problems);
  });
});

describe("generated bands", () => {
  it("a valid guide whose band figures, regions and currencies are generated: loads well-formed or is reported", async () => {
    // Mostly plausible (so that many load), sometimes wild: reversed, negative, fractional, NaN, infinite.
    const wild = fc.oneof(fc.integer({ min: -1000, max: 500_000 }), fc.double());
    const sane = fc
      .tuple(fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 1, max: 400_000 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
    const pair = fc.oneof({ weight: 6, arbitrary: sane }, { weight: 1, arbitrary: fc.tuple(wild, wild) });
    const band = fc.record({
      region: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom("London", "New York", "São Paulo", "london") },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      ),
      currency: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom("USD", "GBP", "EUR") },
        { weight: 1, arbitrary: fc.oneof(fc.constantFrom("usd", "EURO", "X"), fc.string({ maxLength: 4 })) },
      ),
      base: pair,
      stock: pair,
      total: pair,
      bonus: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }) },
        { weight: 1, arbitrary: wild },
      ),
    });
    let loadedCount = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(band, { minLength: 1, maxLength: 3 }), async (bands) => {
        const dir = tempDir();
        const spec = { company: "gen", companyDisplay: "Gen", role: "role", roleDisplay: "Role" };
        const file = write(
          dir,
          "gen/role.md",
          guideText({
            ...spec,
            bands: bands.map((b) => ({
              ...b,
              region: JSON.stringify(b.region),
              currency: JSON.stringify(b.currency),
            })),
          }),
        );
        const result = await loadGuides(dir, { today: TODAY, workers: 0 });
        const loaded = result.guides.find((g) => g.file === file);
        const reported = result.problems.some((p) => p.file === file && p.severity === "error");
        expect((loaded !== undefined) !== reported, "exactly one of loaded / reported").toBe(true);
        if (loaded) {
          loadedCount++;
          expect(malformed(loaded, file)).toEqual([]);
        }
      }),
      { numRuns: 120 },
    );
    expect(loadedCount).toBeGreaterThan(0);
  }, 60_000);
});

/** Frontmatter values: right-ish, wrong types, odd unicode, nesting. */
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
);
const frontmatter = fc.record(
  {
    company: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), value),
    company_display: value,
    role: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), value),
    role_display: value,
    last_updated: fc.oneof(fc.constant("2026-10-01"), value),
    compensation: fc.oneof(
      fc.array(
        fc.record(
          { region: value, base_low: value, base_high: value, currency: fc.oneof(fc.constant("USD"), value) },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      value,
    ),
    extra: value,
  },
  { requiredKeys: [] },
);

describe("generated frontmatters", () => {
  it("never throws; every generated file either loads well-formed or is reported by name; the good guide always loads", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frontmatter, { minLength: 1, maxLength: 6 }), async (fronts) => {
        const dir = tempDir();
        const goodFile = write(dir, "zeta/good-role.md", good("zeta", "good-role"));
        const files = fronts.map((f, i) =>
          write(dir, `gen${run}/role-${i}.md`, `---\n${stringify(f)}---\n### Body ${i}\n\nText.\n`),
        );
        run++;
        const result = await loadGuides(dir, { today: TODAY, workers: 0 });
        expect(result.guides.some((g) => g.file === goodFile)).toBe(true);
        const loaded = new Set(result.guides.map((g) => g.file));
        for (const g of result.guides) expect(malformed(g, g.file)).toEqual([]);
        for (const file of files) {
          const reported = result.problems.some((p) => p.file === file && p.severity === "error");
          expect(loaded.has(file) || reported, `${file}: neither loaded nor reported`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
  it("a valid guide with one field replaced by a generated value: loads well-formed or is reported, never throws", async () => {
    const text = good("mutant", "some-role");
    const [, yamlText = "", body = ""] = text.split(/^---$/m);
    const base = parse(yamlText) as Record<string, unknown>;
    const keys = Object.keys(base);
    let loadedCount = 0;
    let reportedCount = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), value, fc.boolean(), async (key, replacement, drop) => {
        const mutated: Record<string, unknown> = { ...base };
        if (drop) delete mutated[key];
        else mutated[key] = replacement;
        const dir = tempDir();
        const file = write(dir, "mutant/some-role.md", `---\n${stringify(mutated)}---${body}`);
        const result = await loadGuides(dir, { today: TODAY, workers: 0 });
        const loaded = result.guides.some((g) => g.file === file);
        for (const g of result.guides) expect(malformed(g, file)).toEqual([]);
        const reported = result.problems.some((p) => p.file === file && p.severity === "error");
        expect(loaded !== reported, `${key}: exactly one of loaded / reported`).toBe(true);
        if (loaded) loadedCount++;
        else reportedCount++;
      }),
      { numRuns: 80 },
    );
    expect(reportedCount).toBeGreaterThan(0);
    expect(loadedCount + reportedCount).toBeGreaterThanOrEqual(80);
  }, 60_000);
});
