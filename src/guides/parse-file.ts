/**
 * One guide file in, one `ParsedFile` out: the work the loader does per file, shared by the calling thread,
 * the parse workers (parse-worker.ts) and the index cache (cache.ts).
 *
 * A `ParsedFile` depends only on the file's path and bytes (and checkBody): the "overdue" warning, which
 * depends on today's date, is added afterwards by `withOverdue`, so a cached result stays right tomorrow.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { decodeGuideBytes, type GuideEncoding, LEGACY_ENCODING_MESSAGE } from "../text/decode.ts";
import { parseGuideBody } from "./body.ts";
import { compareBodyWithFrontmatter, compareTotalWithComponents } from "./consistency.ts";
import { splitGuideFast } from "./fast-split.ts";
import { FrontmatterLanguageError, type SplitGuide } from "./frontmatter.ts";
import { repairMojibake } from "./repair.ts";
import { validateFrontmatter } from "./schema.ts";
import type { Guide, GuideProblem } from "./types.ts";

export interface FileResult {
  guide: Guide | null;
  problems: readonly GuideProblem[];
}

/** A file's result before today's date is applied. */
export interface ParsedFile extends FileResult {
  /** Where in `problems` the overdue warning goes, if the guide is overdue. */
  overdueAt: number;
}

/** A parsed file with the hash of its bytes (sha1, hex), or null when it could not be read. */
export interface FileEntry extends ParsedFile {
  file: string;
  hash: string | null;
}

export function errorText(err: unknown): string {
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

/** Validates one guide's text (as read from `file`), without the date-dependent overdue check. Never throws. */
export function parseGuideText(
  file: string,
  raw: string,
  options: { checkBody: boolean; encoding?: GuideEncoding },
): ParsedFile {
  const problems: GuideProblem[] = [];
  const fail = (code: string, message: string, p = ""): ParsedFile => {
    problems.push({ severity: "error", code, file, path: p, message });
    return { guide: null, problems, overdueAt: problems.length };
  };
  if (options.encoding === "windows-1252") {
    problems.push({
      severity: "warning",
      code: "encoding",
      file,
      path: "",
      message: LEGACY_ENCODING_MESSAGE,
    });
  }

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
    // Same result as gray-matter with an options object (no unbounded cache, no JavaScript engine).
    parsed = splitGuideFast(text);
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
    return { guide: null, problems, overdueAt: problems.length };
  }
  const guide = result.guide;
  const overdueAt = problems.length;
  if (options.checkBody) {
    problems.push(...compareBodyWithFrontmatter(file, guide.bands, parseGuideBody(parsed.content)));
    problems.push(...compareTotalWithComponents(file, guide.bands));
  }
  return { guide, problems, overdueAt };
}

function overdueMessage(due: string, today: string): string {
  const days = daysBetween(due, today);
  // Joined, not a template literal: one flat string instead of a rope of about six.
  return [
    "review was due ",
    due,
    ", ",
    String(days),
    days === 1 ? " day before " : " days before ",
    today,
  ].join("");
}

/**
 * Appends a parsed file's problems to `into`, with today's overdue warning at its place (`overdueAt`: after the
 * frontmatter's problems, before the body's) when the guide is overdue. `messages`: the messages already made
 * for `today`, by due date, shared by the files of one load (a catalogue's guides share a few hundred due
 * dates: 43,000 overdue guides at start then share that many strings instead of one each, and each due date is
 * parsed once). Scoped to a load, so nothing keeps them once its problems are reported.
 */
export function pushProblemsWithOverdue(
  into: GuideProblem[],
  parsed: FileResult & { overdueAt: number },
  today: string,
  messages?: Map<string, string>,
): void {
  const { guide, problems } = parsed;
  if (!guide || !(guide.nextReviewDue < today)) {
    into.push(...problems);
    return;
  }
  const due = guide.nextReviewDue;
  let message = messages?.get(due);
  if (message === undefined) {
    message = overdueMessage(due, today);
    messages?.set(due, message);
  }
  for (let p = 0; p < parsed.overdueAt; p++) into.push(problems[p]!);
  into.push({ severity: "warning", code: "overdue", file: guide.file, path: "next_review_due", message });
  for (let p = parsed.overdueAt; p < problems.length; p++) into.push(problems[p]!);
}

/** The parsed file with today's overdue warning in place. Never changes `parsed`. */
export function withOverdue(
  parsed: FileResult & { overdueAt: number },
  today: string,
  messages?: Map<string, string>,
): FileResult {
  const problems: GuideProblem[] = [];
  pushProblemsWithOverdue(problems, parsed, today, messages);
  return { guide: parsed.guide, problems };
}

/** Validates one guide's text (as read from `file`). Never throws. */
export function loadGuideText(
  file: string,
  raw: string,
  options: { today: string; checkBody: boolean; encoding?: GuideEncoding },
): FileResult {
  return withOverdue(parseGuideText(file, raw, options), options.today);
}

const readProblem = (file: string, err: unknown): GuideProblem => ({
  severity: "error",
  code: "read",
  file,
  path: "",
  message: `cannot read file: ${errorText(err)}`,
});

/** Validates one guide file's bytes: UTF-8, or Windows-1252 with a warning (see text/decode.ts). Never throws. */
export function parseGuideBytes(
  file: string,
  bytes: Uint8Array,
  options: { checkBody: boolean },
): ParsedFile {
  const { text, encoding } = decodeGuideBytes(bytes);
  return parseGuideText(file, text, { checkBody: options.checkBody, encoding });
}

/** Like loadGuideText, from the file's bytes. Never throws. */
export function loadGuideBytes(
  file: string,
  bytes: Uint8Array,
  options: { today: string; checkBody: boolean },
): FileResult {
  return withOverdue(parseGuideBytes(file, bytes, options), options.today);
}

/** A file whose bytes still have the hash the cache knows: its cached entry stands. */
export interface SameFile {
  file: string;
  hash: string;
  same: true;
}

export interface ReadOptions {
  checkBody: boolean;
  /** Hash the bytes (for the cache). */
  hash: boolean;
}

export function hashBytes(bytes: Buffer): string {
  return createHash("sha1").update(bytes).digest("hex");
}

/**
 * Bytes in, entry out: `same` when they hash to `expected` (the cache's hash for this file), else parsed.
 * Never throws.
 */
export function entryOfBytes(
  file: string,
  bytes: Buffer,
  options: ReadOptions,
  expected: string | null = null,
): FileEntry | SameFile {
  const hash = options.hash || expected !== null ? hashBytes(bytes) : null;
  if (hash !== null && hash === expected) return { file, hash, same: true };
  try {
    return { file, hash, ...parseGuideBytes(file, bytes, options) };
  } catch (err) {
    // Defensive: parseGuideText is written not to throw; a bug must still cost only this file.
    const problem: GuideProblem = {
      severity: "error",
      code: "read",
      file,
      path: "",
      message: `cannot load file: ${errorText(err)}`,
    };
    return { file, hash, guide: null, problems: [problem], overdueAt: 1 };
  }
}

/** An unreadable file: an error entry, never cached (no hash). */
export function unreadable(file: string, err: unknown): FileEntry {
  return { file, hash: null, guide: null, problems: [readProblem(file, err)], overdueAt: 1 };
}

/** Reads and parses one file, blocking the thread (for the parse workers). Never throws. */
export function readEntrySync(
  file: string,
  options: ReadOptions,
  expected: string | null = null,
): FileEntry | SameFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return unreadable(file, err);
  }
  return entryOfBytes(file, bytes, options, expected);
}

/** Reads and parses one file without blocking the thread. Never throws. */
export async function readEntry(
  file: string,
  options: ReadOptions,
  expected: string | null = null,
): Promise<FileEntry | SameFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return unreadable(file, err);
  }
  return entryOfBytes(file, bytes, options, expected);
}
