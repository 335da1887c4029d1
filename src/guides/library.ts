/**
 * The guides being served, by file, for hot reload: a changed file replaces its guide only when the new
 * version is valid; a broken edit keeps the last good version (and says why); a removed file drops its guide.
 */
import { readFile } from "node:fs/promises";
import { normalize } from "node:path";
import { loadGuideBytes } from "./parse-file.ts";
import type { Guide, GuideProblem } from "./types.ts";

export interface RefreshReport {
  added: string[];
  updated: string[];
  removed: string[];
  /** Files whose new version is broken: the last good version is still served. */
  kept: string[];
  problems: GuideProblem[];
}

export const changedAnything = (r: RefreshReport) => r.added.length + r.updated.length + r.removed.length > 0;

export class GuideLibrary {
  private readonly byFile = new Map<string, Guide>();

  constructor(guides: readonly Guide[]) {
    for (const guide of guides) this.byFile.set(normalize(guide.file), guide);
  }

  get size(): number {
    return this.byFile.size;
  }

  /** Every guide served, in file order (the order the loader uses). */
  get guides(): Guide[] {
    return [...this.byFile.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  }

  /** Files of guides under a folder (for a removed folder). */
  filesUnder(dir: string): string[] {
    const prefix = normalize(`${dir}/`);
    return [...this.byFile.keys()].filter((f) => f.startsWith(prefix));
  }

  /** Reads these files again. Never throws. */
  async refresh(files: Iterable<string>, today: string): Promise<RefreshReport> {
    const report: RefreshReport = { added: [], updated: [], removed: [], kept: [], problems: [] };
    for (const raw of new Set([...files].map((f) => normalize(f)))) {
      let bytes: Buffer;
      try {
        bytes = await readFile(raw);
      } catch (error) {
        if (isMissing(error)) {
          if (this.byFile.delete(raw)) report.removed.push(raw);
          continue;
        }
        report.problems.push({
          severity: "error",
          code: "read",
          file: raw,
          path: "",
          message: errorMessage(error),
        });
        if (this.byFile.has(raw)) report.kept.push(raw);
        continue;
      }
      const result = loadGuideBytes(raw, bytes, { today, checkBody: false });
      const errors = result.problems.filter((p) => p.severity === "error");
      report.problems.push(...result.problems);
      if (!result.guide || errors.length > 0) {
        if (this.byFile.has(raw)) report.kept.push(raw);
        continue;
      }
      const clash = [...this.byFile.entries()].find(([f, g]) => f !== raw && g.id === result.guide!.id);
      if (clash) {
        report.problems.push({
          severity: "error",
          code: "duplicate",
          file: raw,
          path: "",
          message: `${result.guide.id} is already defined in ${clash[0]}; this file was not loaded`,
        });
        if (this.byFile.has(raw)) report.kept.push(raw);
        continue;
      }
      (this.byFile.has(raw) ? report.updated : report.added).push(raw);
      this.byFile.set(raw, result.guide);
    }
    return report;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function errorMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? `could not read the file (${code})` : "could not read the file";
}
