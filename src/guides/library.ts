/**
 * The guides being served, by file, for hot reload: a changed file replaces its guide only when the new
 * version is valid; a broken edit keeps the last good version (and says why); a removed file drops its guide.
 */
import { readFile } from "node:fs/promises";
import { normalize } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Slice } from "../runtime/slices.ts";
import { ShardedMap } from "../text/sharded-map.ts";
import { IO_CONCURRENCY, mapLimit } from "./load.ts";
import { loadGuideBytes } from "./parse-file.ts";
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
  /**
   * Sharded (text/sharded-map.ts): built a slice at a time while questions are answered, where one Map of
   * 50,000 files grew past 32,768 in a single step of several ms.
   */
  private readonly byFile = new ShardedMap<Guide>();
  /** The file of each guide id served (for the duplicate check, without a scan of every guide). */
  private readonly fileById = new ShardedMap<string>();

  /**
   * The guides given at construction, not yet indexed by file (from `indexed` on): that is done by
   * `prepare` in slices after start-up, or at once when first needed.
   */
  private initial: readonly Guide[] | null;
  private indexed = 0;

  constructor(guides: readonly Guide[]) {
    this.initial = guides;
  }

  /** Indexes more of the initial guides, until `slice` is full (all of them without one); true when all are. */
  private indexSome(slice: Slice | null): boolean {
    const guides = this.initial;
    if (guides === null) return true;
    while (this.indexed < guides.length) {
      const guide = guides[this.indexed++]!;
      const file = guide.file;
      // normalize() builds a new string even for a path it leaves as it was, as a rope of its pieces (about
      // 180 bytes a path, kept by both maps): the guide's own string, when equal, is kept instead.
      const key = normalize(file);
      this.set(key === file ? file : key, guide);
      if (slice?.full()) break;
    }
    if (this.indexed < guides.length) return false;
    this.initial = null;
    return true;
  }

  private ensure(): void {
    this.indexSome(null);
  }

  /**
   * Indexes the initial guides in slices of at most `slice` guides (runtime/slices.ts), the event loop free in
   * between (50,000 take ~0.2 s in all).
   */
  async prepare(slice = 2_000): Promise<void> {
    const clock = new Slice(slice);
    while (!this.indexSome(clock)) await clock.next();
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
    // The default sort compares by UTF-16 code units, as `<` does (the loader's order).
    return [...this.byFile.keys()].sort().map((file) => this.byFile.get(file)!);
  }

  /** Files of guides under a folder (for a removed folder). */
  filesUnder(dir: string): string[] {
    this.ensure();
    const prefix = normalize(`${dir}/`);
    return [...this.byFile.keys()].filter((f) => f.startsWith(prefix)).sort();
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
    const paths = [...new Set([...files].map((f) => normalize(f)))];
    // Read together (a burst of 1,000 files read one after another waits 1,000 times on the disk), then
    // parsed in order, the event loop free between two files (parsing takes ~0.25 ms a file).
    const texts = await mapLimit(paths, IO_CONCURRENCY, (file) =>
      readFile(file).then(
        (bytes) => ({ raw: file, bytes, error: null as unknown }),
        (error: unknown) => ({ raw: file, bytes: Buffer.alloc(0), error }),
      ),
    );
    // Removals first: a rename arrives as "add new" and "unlink old" in one batch, and the new file must not be
    // refused as a duplicate of the old one.
    texts.sort((x, y) => Number(!isMissing(x.error)) - Number(!isMissing(y.error)));
    for (const [i, { raw, bytes, error }] of texts.entries()) {
      if (i > 0) await nextTurn();
      if (error !== null) {
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
      const result = loadGuideBytes(raw, bytes, { today, checkBody: false });
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
