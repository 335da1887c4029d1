/** Shared helpers for the src/guides tests: the seed guide and temp-dir fixtures. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";
import { generateCorpus } from "../../bench/generate.ts";
import { RACY_WINDOW_MS } from "./cache.ts";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SEED_FILE = path.join(REPO_ROOT, "guides/segment/ml-ai-engineer.md");

/** The seed guide exactly as stored (with its mojibake). */
export function seedText(): string {
  return readFileSync(SEED_FILE, "utf8");
}

/** What a file would look like after UTF-8 bytes were read as Windows-1252 (WHATWG: undefined bytes → C1). */
export function toMojibake(text: string): string {
  return new TextDecoder("windows-1252").decode(new TextEncoder().encode(text));
}

/** The bytes cp1252 has no character for: they vanish from mojibake written back as cp1252 text. */
export const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function hasUndefinedCp1252Byte(text: string): boolean {
  for (const b of new TextEncoder().encode(text)) if (CP1252_UNDEFINED.has(b)) return true;
  return false;
}

export interface GuideFields {
  company?: string;
  companyDisplay?: string;
  role?: string;
  roleDisplay?: string;
  nextReviewDue?: string;
  /** Lines appended to the frontmatter (e.g. an unknown field). */
  extraYaml?: string;
  body?: string;
}

/** A small valid guide file (frontmatter in the seed's style), with the given fields. */
export function guideText(f: GuideFields = {}): string {
  const company = f.company ?? "acme";
  const role = f.role ?? "backend-engineer";
  return `---
company: ${company}
company_display: ${f.companyDisplay ?? "Acme"}
role: ${role}
role_display: ${f.roleDisplay ?? "Backend Engineer"}
role_type: standard
last_updated: 2026-01-10
data_quality: medium
salary_data_quarter: 2025-Q4
next_review_due: ${f.nextReviewDue ?? "2026-04-10"}
compensation:
  - region: Berlin
    base_low: 80000
    base_high: 100000
    stock_low: 10000
    stock_high: 20000
    bonus_pct: "10-15"
    total_comp_low: 92000
    total_comp_high: 124000
    currency: EUR
level_mapping:
  internal: Senior
  raw: Acme Senior = Google L5 = Meta E5
data_sources:
  - Levels.fyi
negotiation_dna_summary: "Cash-heavy | Stable"
${f.extraYaml ?? ""}---
${f.body ?? "**Negotiation DNA:** Cash-heavy | Stable\n"}`;
}

/** A temp directory; `write` puts files at relative paths; `cleanup` removes it. */
export function tempGuidesDir(): {
  dir: string;
  write: (rel: string, text: string | Buffer) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), "compbot-guides-"));
  return {
    dir,
    write(rel, text) {
      const full = path.join(dir, rel);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A temp directory holding a generated catalogue of `n` guides under guides/ (a tenth broken, a fifth with
 * mojibake), made old enough that a cache written now trusts the files' stat tuples: a later change must then
 * be noticed through the stat tuple itself.
 */
export async function generatedCatalogue(seed: number, n: number): Promise<ReturnType<typeof tempGuidesDir>> {
  const t = tempGuidesDir();
  await generateCorpus({
    seed,
    n,
    dir: t.dir,
    broken: 0.1,
    mojibake: 0.2,
    queries: { known: 0, unknown: 0 },
  });
  await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 200));
  return t;
}

/** A temp guides dir removed when the current test finishes. */
export function fixtureDir(): ReturnType<typeof tempGuidesDir> {
  const t = tempGuidesDir();
  onTestFinished(t.cleanup);
  return t;
}
