/**
 * Loads every guide under a directory (guides/<company>/<role>.md). Built for large catalogues: files are
 * read with bounded concurrency, bodies are never kept, and one bad file only costs that file.
 */
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseGuideBody } from "./body.ts";
import { compareBodyWithFrontmatter } from "./consistency.ts";
import { FrontmatterLanguageError, type SplitGuide, splitGuide } from "./frontmatter.ts";
import { repairMojibake } from "./repair.ts";
import { validateFrontmatter } from "./schema.ts";
import type { Guide, GuideProblem } from "./types.ts";

export interface LoadOptions {
  /** "YYYY-MM-DD" for the overdue check; defaults to today's UTC date. */
  today?: string;
  /** Also parse each body and warn where its comp table disagrees with the frontmatter. */
  checkBody?: boolean;
}

export interface LoadResult {
  guides: Guide[];
  problems: GuideProblem[];
  /** Guide files found (loaded or not). */
  files: number;
}

/** How many files or directories are read at once. */
export const IO_CONCURRENCY = 64;

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function errorText(err: unknown): string {
  if (err && typeof err === "object" && "code" in err) {
    const code = String((err as { code: unknown }).code);
    if (code === "ENOENT") return "it does not exist";
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    if (code === "ENOTDIR") return "it is not a directory";
    if (code === "EISDIR") return "it is a directory";
    return code;
  }
  return err instanceof Error ? err.message : String(err);
}

const isGuideFileName = (name: string) =>
  name.toLowerCase().endsWith(".md") && name.toLowerCase() !== "readme.md";

/**
 * Lists guide files (*.md, not README.md) under `dir`, sorted by path. Hidden entries (".git") and
 * symlinked directories are skipped, so symlink loops cannot trap the walk; symlinked files are followed.
 * A missing or unreadable root gives a "read" error problem, never a throw.
 */
export async function listGuideFiles(dir: string): Promise<{ files: string[]; problems: GuideProblem[] }> {
  const problems: GuideProblem[] = [];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      return {
        files: [],
        problems: [
          {
            severity: "error",
            code: "read",
            file: dir,
            path: "",
            message: "expected a guides directory, found a file",
          },
        ],
      };
    }
  } catch (err) {
    return {
      files: [],
      problems: [
        {
          severity: "error",
          code: "read",
          file: dir,
          path: "",
          message: `cannot read the guides directory: ${errorText(err)}`,
        },
      ],
    };
  }

  const files: string[] = [];
  let level = [dir];
  while (level.length > 0) {
    const next: string[][] = await mapLimit(level, IO_CONCURRENCY, async (d) => {
      let entries: Dirent[];
      try {
        entries = await readdir(d, { withFileTypes: true });
      } catch (err) {
        problems.push({
          severity: "error",
          code: "read",
          file: d,
          path: "",
          message: `cannot read directory: ${errorText(err)}`,
        });
        return [];
      }
      const subdirs: string[] = [];
      for (const entry of entries) {
        if (entry.name.startsWith(".")) continue;
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) subdirs.push(full);
        else if (isGuideFileName(entry.name)) {
          if (entry.isFile()) files.push(full);
          else if (entry.isSymbolicLink()) {
            const target = await stat(full).catch(() => null);
            if (target?.isFile()) files.push(full);
          }
        }
      }
      return subdirs;
    });
    level = next.flat();
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, problems };
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function yamlErrorText(err: unknown): string {
  const e = err as { reason?: unknown; mark?: { line?: unknown; column?: unknown } };
  if (typeof e?.reason === "string") {
    const line = typeof e.mark?.line === "number" ? e.mark.line + 1 : null;
    const column = typeof e.mark?.column === "number" ? e.mark.column + 1 : null;
    return line === null
      ? e.reason
      : `${e.reason} (line ${line}${column === null ? "" : `, column ${column}`})`;
  }
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}

export interface FileResult {
  guide: Guide | null;
  problems: GuideProblem[];
}

/** Validates one guide's text (as read from `file`). Never throws. */
export function loadGuideText(
  file: string,
  raw: string,
  options: { today: string; checkBody: boolean },
): FileResult {
  const problems: GuideProblem[] = [];
  const fail = (code: string, message: string, p = ""): FileResult => {
    problems.push({ severity: "error", code, file, path: p, message });
    return { guide: null, problems };
  };

  const repair = repairMojibake(raw);
  if (repair.repaired + repair.dropped > 0) {
    problems.push({
      severity: "warning",
      code: "mojibake",
      file,
      path: "",
      message: `repaired ${repair.repaired} mojibake sequences (${repair.dropped} characters dropped); run guides:check --fix to rewrite the file`,
    });
  }
  const text = repair.text;
  if (text.trim() === "")
    return fail("frontmatter", "expected YAML frontmatter between --- lines, found an empty file");

  let parsed: SplitGuide;
  try {
    // gray-matter with an options object (no unbounded cache) and no JavaScript engine.
    parsed = splitGuide(text);
  } catch (err) {
    if (err instanceof FrontmatterLanguageError) return fail("frontmatter", err.message);
    return fail("yaml", `expected valid YAML frontmatter, found a syntax error: ${yamlErrorText(err)}`);
  }
  const data = parsed.data;
  if (
    parsed.matter.trim() === "" &&
    (data === null || typeof data !== "object" || Object.keys(data).length === 0)
  ) {
    return fail(
      "frontmatter",
      "expected YAML frontmatter between --- lines at the top of the file, found none",
    );
  }

  const result = validateFrontmatter(data, file, parsed.matter);
  if (!result.ok) {
    problems.push(...result.problems);
    return { guide: null, problems };
  }
  const guide = result.guide;

  if (guide.nextReviewDue < options.today) {
    const days = daysBetween(guide.nextReviewDue, options.today);
    problems.push({
      severity: "warning",
      code: "overdue",
      file,
      path: "next_review_due",
      message: `review was due ${guide.nextReviewDue}, ${days} day${days === 1 ? "" : "s"} before ${options.today}`,
    });
  }
  if (options.checkBody) {
    problems.push(...compareBodyWithFrontmatter(file, guide.bands, parseGuideBody(parsed.content)));
  }
  return { guide, problems };
}

async function loadFile(file: string, options: { today: string; checkBody: boolean }): Promise<FileResult> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (err) {
    return {
      guide: null,
      problems: [
        { severity: "error", code: "read", file, path: "", message: `cannot read file: ${errorText(err)}` },
      ],
    };
  }
  try {
    return loadGuideText(file, raw, options);
  } catch (err) {
    // Defensive: loadGuideText is written not to throw; a bug must still cost only this file.
    return {
      guide: null,
      problems: [
        { severity: "error", code: "read", file, path: "", message: `cannot load file: ${errorText(err)}` },
      ],
    };
  }
}

/**
 * Loads all guides under `dir`. Bad files give error problems and are skipped; the rest load. Two guides
 * with the same company/role: the first by path wins and the other is reported naming both. Never throws.
 */
export async function loadGuides(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const today = options.today ?? todayUtc();
  const checkBody = options.checkBody ?? false;
  const listing = await listGuideFiles(dir);
  const problems: GuideProblem[] = [...listing.problems];
  const results = await mapLimit(listing.files, IO_CONCURRENCY, (file) =>
    loadFile(file, { today, checkBody }),
  );

  const guides: Guide[] = [];
  const firstFileById = new Map<string, string>();
  for (const result of results) {
    problems.push(...result.problems);
    const guide = result.guide;
    if (!guide) continue;
    const first = firstFileById.get(guide.id);
    if (first !== undefined) {
      problems.push({
        severity: "error",
        code: "duplicate",
        file: guide.file,
        path: "",
        message: `duplicate guide ${guide.id}: ${guide.file} repeats ${first}; keeping ${first}`,
      });
      continue;
    }
    firstFileById.set(guide.id, guide.file);
    guides.push(guide);
  }
  return { guides, problems, files: listing.files.length };
}
