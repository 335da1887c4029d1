import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkGuides, formatProblem } from "./check.ts";
import { hasMojibake } from "./repair.ts";
import { fixtureDir, guideText, REPO_ROOT, seedText } from "./test-fixtures.ts";

/** SHA-256 of the seed guide after `--fix`, as LF without a BOM (as delivered) and as BOM + CRLF. */
const FIXED_SEED_SHA256 = "63ccf847cf89c25e4d63d0c462bbd019e7616ab8b6cbe1f7290c148af4dd5f4e";
const FIXED_SEED_BOM_CRLF_SHA256 = "79dc5f11f5518ec9959a92b104f03511a5069b6350dfc01bdac4b052d7aa913c";

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

/** Runs the real CLI the way `npm run guides:check` does, from the repo root. */
function runCli(args: string[], env: Record<string, string> = {}) {
  const { GUIDES_DIR: _ignored, ...baseEnv } = process.env;
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/guides/check-cli.ts", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...baseEnv, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.trimEnd().split("\n") };
}

describe("formatProblem", () => {
  it("aligns severities and joins file, path and message", () => {
    expect(
      formatProblem({
        severity: "error",
        code: "schema",
        file: "guides/x.md",
        path: "a.b",
        message: "expected y, found z",
      }),
    ).toBe("error   guides/x.md: a.b: expected y, found z");
    expect(
      formatProblem({ severity: "warning", code: "overdue", file: "guides/x.md", path: "", message: "m" }),
    ).toBe("warning guides/x.md: m");
  });
});

describe("checkGuides", () => {
  it("reports every problem and a summary", async () => {
    const t = fixtureDir();
    t.write(
      "acme/a.md",
      guideText({ company: "acme", role: "a" }).replace("base_low: 80000", "base_low: abc"),
    );
    t.write("acme/b.md", guideText({ company: "acme", role: "b" }).replace("2025-Q4", "Q4"));
    t.write("acme/c.md", guideText({ company: "acme", role: "c", nextReviewDue: "2026-01-01" }));
    const report = await checkGuides(t.dir, { today: "2026-02-01" });
    expect(report.fatal).toBeNull();
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual([
      `error   ${path.join(t.dir, "acme/a.md")}: compensation.0.base_low: expected a positive number, found "abc"`,
      `error   ${path.join(t.dir, "acme/b.md")}: salary_data_quarter: expected a quarter such as "2025-Q4", found "Q4"`,
      `warning ${path.join(t.dir, "acme/c.md")}: next_review_due: review was due 2026-01-01, 31 days before 2026-02-01`,
      "3 guides checked: 2 errors, 1 warning",
    ]);
  });

  it("exits 0 with warnings only", async () => {
    const t = fixtureDir();
    t.write("acme/c.md", guideText({ company: "acme", role: "c", nextReviewDue: "2026-01-01" }));
    const report = await checkGuides(t.dir, { today: "2026-02-01" });
    expect(report.exitCode).toBe(0);
    expect(report.lines.at(-1)).toBe("1 guide checked: 0 errors, 1 warning");
  });

  it("gives a single fatal line for a missing directory", async () => {
    const missing = path.join(fixtureDir().dir, "nope");
    const report = await checkGuides(missing);
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual([]);
    expect(report.fatal).toBe(`error: ${missing}: cannot read the guides directory: it does not exist`);
  });
});

describe("guides:check CLI", () => {
  it("checks the real guides folder: warnings only, exit 0", () => {
    const r = runCli(["guides"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = path.join("guides", "segment", "ml-ai-engineer.md");
    expect(r.lines).toContain(
      `warning ${file}: repaired 28 mojibake sequences (2 characters dropped); run guides:check --fix to rewrite the file`,
    );
    expect(r.lines).toContain(
      `warning ${file}: compensation.0.bonus_pct: San Francisco: body table says bonus 10–15%, frontmatter says 10%`,
    );
    expect(r.lines.filter((l) => l.includes("body-mismatch") || l.includes("body table says"))).toHaveLength(
      3,
    );
    expect(r.lines.at(-1)).toMatch(/^1 guide checked: 0 errors, \d+ warnings?$/);
  });

  it("uses GUIDES_DIR when no directory is given", () => {
    const t = fixtureDir();
    t.write("acme/a.md", guideText({ company: "acme", role: "a", nextReviewDue: "2999-01-01" }));
    const r = runCli([], { GUIDES_DIR: t.dir });
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(["1 guide checked: 0 errors, 0 warnings"]);
  });

  it("exits 1 and prints one line per problem when a guide is bad", () => {
    const t = fixtureDir();
    t.write("acme/a.md", guideText({ company: "acme", role: "a", nextReviewDue: "2999-01-01" }));
    const bad = t.write(
      "acme/b.md",
      guideText({ company: "acme", role: "b", nextReviewDue: "2999-01-01" }).replace(
        "currency: EUR",
        "currency: eur",
      ),
    );
    const r = runCli([t.dir]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `error   ${bad}: compensation.0.currency: expected an ISO 4217 currency code such as "USD" (upper case), found "eur"`,
      "2 guides checked: 1 error, 0 warnings",
    ]);
  });

  it("exits 1 with a clear one-line error for a missing directory", () => {
    const missing = path.join(fixtureDir().dir, "does-not-exist");
    const r = runCli([missing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`error: ${missing}: cannot read the guides directory: it does not exist\n`);
  });

  it("rejects unknown options", () => {
    const r = runCli(["--frobnicate"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: unknown option --frobnicate\n/);
  });

  it("--fix rewrites a copy of the seed with exactly the repaired text", () => {
    const t = fixtureDir();
    const original = seedText();
    const file = t.write("segment/ml-ai-engineer.md", original);
    const fixed = runCli([t.dir, "--fix"]);
    expect(fixed.code).toBe(0);
    expect(fixed.lines[0]).toBe(`fixed   ${file}: repaired 28 mojibake sequences (2 characters dropped)`);
    expect(fixed.stdout).not.toContain("mojibake sequences (2 characters dropped); run guides:check --fix");

    const after = readFileSync(file, "utf8");
    // The exact repaired bytes, pinned (computed once from a reviewed --fix run, never by the code under test).
    expect(sha256(readFileSync(file))).toBe(FIXED_SEED_SHA256);
    expect(after).toContain("AI customer intelligence engine — the core product differentiator");
    expect(hasMojibake(after)).toBe(false);
    expect(after).toContain("### AI Customer Intelligence Engine Lever\n");

    const again = runCli([t.dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain("mojibake");
    const fixAgain = runCli([t.dir, "--fix"]);
    expect(fixAgain.stdout).not.toContain("fixed");
    expect(readFileSync(file, "utf8")).toBe(after);
  });

  it("--fix keeps a byte-order mark and CRLF line endings, and repairs only the mojibake", () => {
    const t = fixtureDir();
    const crlf = `\uFEFF${seedText().replace(/\r?\n/g, "\r\n")}`;
    const file = t.write("segment/ml-ai-engineer.md", crlf);
    const fixed = runCli([t.dir, "--fix"]);
    expect(fixed.code).toBe(0);
    expect(fixed.lines[0]).toBe(`fixed   ${file}: repaired 28 mojibake sequences (2 characters dropped)`);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.match(/\r\n/g)).toHaveLength(83);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(sha256(bytes)).toBe(FIXED_SEED_BOM_CRLF_SHA256);
  });
});
