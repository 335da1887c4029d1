/**
 * The guides being served, by file, for hot reload: a changed file replaces its guide only when the new
 * version is valid; a broken edit keeps the last good version (and says why); a removed file drops its guide.
 */
import { readFile } from "node:fs/promises";
import { normalize } from "node:path";
import { loadGuideText } from "./load.ts";
import type { Guide, GuideProblem } from "./types.ts";

export interface RefreshReport {
  added: string[];
  updated: string[];
  removed: string[];
  /** Files whose new version is broken: the last good version is still served. */
  kept: string[];
  problems: GuideProblem[];
  /** What changed, guide by guide: `before` null for an added guide, `after` null for a removed one. */
  changes: GuideChange[];
}

export interface GuideChange {
  before: Guide | null;
  after: Guide | null;
}

export const changedAnything = (r: RefreshReport) => r.added.length + r.updated.length + r.removed.length > 0;

export class GuideLibrary {
  private readonly byFile = new Map<string, Guide>();
  /** The file of each guide id served (for the duplicate check, without a scan of every guide). */
  private readonly fileById = new Map<string, string>();

  /** The guides given at construction, indexed by file only when first needed (not at start-up). */
  private initial: readonly Guide[] | null;

  constructor(guides: readonly Guide[]) {
    this.initial = guides;
  }

  private ensure(): void {
    if (this.initial === null) return;
    const guides = this.initial;
    this.initial = null;
    for (const guide of guides) this.set(normalize(guide.file), guide);
  }

  private set(file: string, guide: Guide): void {
    const old = this.byFile.get(file);
    if (old && this.fileById.get(old.id) === file) this.fileById.delete(old.id);
    this.byFile.set(file, guide);
    this.fileById.set(guide.id, file);
  }

  private delete(file: string): Guide | null {
    const old = this.byFile.get(file);
    if (!old) return null;
    this.byFile.delete(file);
    if (this.fileById.get(old.id) === file) this.fileById.delete(old.id);
    return old;
  }

  get size(): number {
    this.ensure();
    return this.byFile.size;
  }

  /** Every guide served, in file order (the order the loader uses). */
  get guides(): Guide[] {
    this.ensure();
    return [...this.byFile.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  }

  /** Files of guides under a folder (for a removed folder). */
  filesUnder(dir: string): string[] {
    this.ensure();
    const prefix = normalize(`${dir}/`);
    return [...this.byFile.keys()].filter((f) => f.startsWith(prefix));
  }

  /** Reads these files again. Never throws. */
  async refresh(files: Iterable<string>, today: string): Promise<RefreshReport> {
    this.ensure();
    const report: RefreshReport = {
      added: [],
      updated: [],
      removed: [],
      kept: [],
      problems: [],
      changes: [],
    };
    for (const raw of new Set([...files].map((f) => normalize(f)))) {
      let text: string;
      try {
        text = await readFile(raw, "utf8");
      } catch (error) {
        if (isMissing(error)) {
          const old = this.delete(raw);
          if (old) {
            report.removed.push(raw);
            report.changes.push({ before: old, after: null });
          }
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
      const result = loadGuideText(raw, text, { today, checkBody: false });
      const errors = result.problems.filter((p) => p.severity === "error");
      report.problems.push(...result.problems);
      if (!result.guide || errors.length > 0) {
        if (this.byFile.has(raw)) report.kept.push(raw);
        continue;
      }
      const clash = this.fileById.get(result.guide.id);
      if (clash !== undefined && clash !== raw) {
        report.problems.push({
          severity: "error",
          code: "duplicate",
          file: raw,
          path: "",
          message: `${result.guide.id} is already defined in ${clash}; this file was not loaded`,
        });
        if (this.byFile.has(raw)) report.kept.push(raw);
        continue;
      }
      const before = this.byFile.get(raw) ?? null;
      (before ? report.updated : report.added).push(raw);
      report.changes.push({ before, after: result.guide });
      this.set(raw, result.guide);
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
