/**
 * `guides:check`: validates a guides directory and reports every problem at once; `--fix` first rewrites
 * files that have mojibake with the repaired text (every other byte unchanged). The CLI is a thin wrapper.
 */
import { readFile, writeFile } from "node:fs/promises";
import { decodeGuideBytes } from "../text/decode.ts";
import { IO_CONCURRENCY, listGuideFiles, loadGuides, mapLimit } from "./load.ts";
import { repairMojibake } from "./repair.ts";
import type { GuideProblem } from "./types.ts";

export interface CheckOptions {
  /** Rewrite files that have mojibake before checking. */
  fix?: boolean;
  /** "YYYY-MM-DD" for the overdue check; defaults to today's UTC date. */
  today?: string;
}

export interface FixedFile {
  file: string;
  repaired: number;
  dropped: number;
  /** The file was Windows-1252 (not UTF-8) and was rewritten as UTF-8. */
  reencoded: boolean;
}

export interface CheckReport {
  /** Lines to print, in order: fixes, problems, summary. Empty when `fatal` is set. */
  lines: string[];
  /** Set when the directory itself cannot be checked: a one-line message to print instead. */
  fatal: string | null;
  fixed: FixedFile[];
  problems: GuideProblem[];
  files: number;
  errors: number;
  warnings: number;
  exitCode: 0 | 1;
}

/** `error   guides/x.md: compensation.0.base_low: expected …, found …` */
export function formatProblem(p: GuideProblem): string {
  return `${p.severity.padEnd(7)} ${p.file}: ${p.path === "" ? "" : `${p.path}: `}${p.message}`;
}

/** Rewrites every guide file under `dir` that has mojibake with its repaired text. */
export async function fixMojibakeFiles(
  dir: string,
): Promise<{ fixed: FixedFile[]; problems: GuideProblem[] }> {
  const listing = await listGuideFiles(dir);
  const problems: GuideProblem[] = [...listing.problems];
  const outcomes = await mapLimit(listing.files, IO_CONCURRENCY, async (file): Promise<FixedFile | null> => {
    try {
      const bytes = await readFile(file);
      const decoded = decodeGuideBytes(bytes);
      const repair = repairMojibake(decoded.text);
      // A legacy-encoded file is rewritten as UTF-8 even when its text needed no repair.
      if (repair.text === decoded.text && decoded.encoding === "utf-8") return null;
      await writeFile(file, repair.text, "utf8");
      const reencoded = decoded.encoding === "windows-1252";
      return { file, repaired: repair.repaired, dropped: repair.dropped, reencoded };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      problems.push({
        severity: "error",
        code: "fix",
        file,
        path: "",
        message: `cannot fix the file: ${message}`,
      });
      return null;
    }
  });
  return { fixed: outcomes.filter((o): o is FixedFile => o !== null), problems };
}

function isRootProblem(p: GuideProblem, dir: string): boolean {
  return p.code === "read" && p.file === dir;
}

/** Checks (and with `fix`, repairs) the guides under `dir`. Never throws for bad files or a missing dir. */
export async function checkGuides(dir: string, options: CheckOptions = {}): Promise<CheckReport> {
  const lines: string[] = [];
  let fixed: FixedFile[] = [];
  const fixProblems: GuideProblem[] = [];
  if (options.fix) {
    const result = await fixMojibakeFiles(dir);
    fixed = result.fixed;
    fixProblems.push(...result.problems.filter((p) => p.code === "fix"));
    for (const f of fixed) {
      const encoding = f.reencoded ? "rewritten as UTF-8 (was Windows-1252); " : "";
      lines.push(
        `fixed   ${f.file}: ${encoding}repaired ${f.repaired} mojibake sequences (${f.dropped} characters dropped)`,
      );
    }
  }

  const loaded = await loadGuides(dir, {
    checkBody: true,
    ...(options.today ? { today: options.today } : {}),
  });
  const root = loaded.problems.find((p) => isRootProblem(p, dir));
  if (root) {
    return {
      lines: [],
      fatal: `error: ${dir}: ${root.message}`,
      fixed,
      problems: loaded.problems,
      files: 0,
      errors: 1,
      warnings: 0,
      exitCode: 1,
    };
  }

  const problems = [...fixProblems, ...loaded.problems];
  for (const p of problems) lines.push(formatProblem(p));
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    `${count(loaded.files, "guide")} checked: ${count(errors, "error")}, ${count(warnings, "warning")}`,
  );
  return {
    lines,
    fatal: null,
    fixed,
    problems,
    files: loaded.files,
    errors,
    warnings,
    exitCode: errors > 0 ? 1 : 0,
  };
}
