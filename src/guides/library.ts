/**
 * The guides being served, by file, for hot reload: a changed file replaces its guide only when the new
 * version is valid; a broken edit keeps the last good version (and says why); a removed file drops its guide.
 */
import { readFile } from "node:fs/promises";
import { normalize, sep } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { runSteps, runStepsInSlices, Slice, type Steps } from "../runtime/slices.ts";
import { ShardedMap } from "../text/sharded-map.ts";
import { lowerBound } from "../text/sorted.ts";
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
   * The guides given at construction, when they are in file order with normal paths (as the loader gives
   * them): found by binary search, never changed. Building a map of them by file was about 0.2 s of CPU in the
   * first second of serving at 50,000 guides, and a map of 50,000 more entries for every collection to walk.
   * Empty when they were not in that order: they are all in `changed` then.
   */
  private base: readonly Guide[];
  /** Files whose guide changed since (or every file, without a base): its guide now, or null where removed. */
  private readonly changed = new Map<string, Guide | null>();
  private count: number;
  /**
   * The file of each guide id served (for the duplicate check, without a scan of every guide). Sharded
   * (text/sharded-map.ts): built a slice at a time while questions are answered, where one Map of 50,000 ids
   * grew past 32,768 in a single step of several ms.
   */
  private fileById = new ShardedMap<string>();

  /**
   * The guides given at construction, from `indexed` on, not yet checked for file order nor in `fileById`:
   * done by `prepare` in slices after start-up, or at once when first needed.
   */
  private initial: readonly Guide[] | null;
  private indexed = 0;

  constructor(guides: readonly Guide[]) {
    this.initial = guides;
    this.base = guides;
    this.count = guides.length;
  }

  /** Indexes more of the initial guides, until `slice` is full (all of them without one); true when all are. */
  private indexSome(slice: Slice | null): boolean {
    const guides = this.initial;
    if (guides === null) return true;
    while (this.indexed < guides.length) {
      const at = this.indexed++;
      const guide = guides[at]!;
      const file = guide.file;
      if (this.base.length > 0) {
        if (isNormalPath(file) && (at === 0 || guides[at - 1]!.file < file)) {
          this.fileById.set(guide.id, file);
        } else {
          // Not in file order (or a path normalize() would change): every guide goes in the map, from the first.
          this.base = [];
          this.count = 0;
          this.fileById = new ShardedMap();
          this.indexed = 0;
        }
      } else {
        // normalize() builds a new string even for a path it leaves as it was, as a rope of its pieces (about
        // 180 bytes a path, kept by both maps): the guide's own string, when equal, is kept instead.
        const key = normalize(file);
        this.set(key === file ? file : key, guide);
      }
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
   * between (50,000 take about 50 ms in all).
   */
  async prepare(slice = 2_000): Promise<void> {
    const clock = new Slice(slice);
    while (!this.indexSome(clock)) await clock.next();
  }

  /** The base's guide of a file, if any. */
  private inBase(file: string): Guide | undefined {
    const guide = this.base[lowerBound(this.base, file, fileOf)];
    return guide?.file === file ? guide : undefined;
  }

  /** The guide served for a file (a normal path), if any. */
  private get(file: string): Guide | undefined {
    const changed = this.changed.get(file);
    if (changed !== undefined) return changed ?? undefined;
    return this.inBase(file);
  }

  private has(file: string): boolean {
    return this.get(file) !== undefined;
  }

  private set(file: string, guide: Guide): void {
    const old = this.get(file);
    if (old && this.fileById.get(old.id) === file) this.fileById.delete(old.id);
    if (!old) this.count++;
    this.changed.set(file, guide);
    this.fileById.set(guide.id, file);
  }

  private delete(file: string): Guide | null {
    const old = this.get(file);
    if (!old) return null;
    if (this.inBase(file)) this.changed.set(file, null);
    else this.changed.delete(file);
    this.count--;
    if (this.fileById.get(old.id) === file) this.fileById.delete(old.id);
    return old;
  }

  get size(): number {
    this.ensure();
    return this.count;
  }

  /** Every guide served, in file order (the order the loader uses). */
  get guides(): Guide[] {
    return runSteps(this.guidesInSteps());
  }

  /**
   * `guides`, with the event loop free between slices (runtime/slices.ts) of at most `slice` guides: at
   * 50,000 guides the whole list took about 12 ms, held while a hot reload that rebuilds the index began.
   * The guides are those served when it is called: the watcher changes none before its update is done.
   */
  guidesInSlices(slice = 2_000): Promise<Guide[]> {
    return runStepsInSlices(this.guidesInSteps(), new Slice(slice));
  }

  /** `guides`, stopping after each guide of the base. */
  private *guidesInSteps(): Steps<Guide[]> {
    this.ensure();
    // The default sort compares by UTF-16 code units, as `<` does (the loader's order).
    // The changed files' guides merged into the base's (both in file order); a removed file's is null.
    const changed = [...this.changed].filter(([, guide]) => guide !== null) as [string, Guide][];
    changed.sort(([a], [b]) => (a < b ? -1 : 1));
    const all: Guide[] = [];
    let c = 0;
    for (const guide of this.base) {
      for (; c < changed.length && changed[c]![0] < guide.file; c++) all.push(changed[c]![1]);
      if (!this.changed.has(guide.file)) all.push(guide);
      yield;
    }
    for (; c < changed.length; c++) all.push(changed[c]![1]);
    return all;
  }

  /** Files of guides under a folder (for a removed folder). */
  filesUnder(dir: string): string[] {
    this.ensure();
    const prefix = normalize(`${dir}/`);
    const files: string[] = [];
    for (let i = lowerBound(this.base, prefix, fileOf); i < this.base.length; i++) {
      const file = this.base[i]!.file;
      if (!file.startsWith(prefix)) break;
      if (!this.changed.has(file)) files.push(file);
    }
    for (const [file, guide] of this.changed) if (guide && file.startsWith(prefix)) files.push(file);
    return files.sort();
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
        if (this.has(raw)) report.kept.push(raw);
        continue;
      }
      const result = loadGuideBytes(raw, bytes, { today, checkBody: false });
      const errors = result.problems.filter((p) => p.severity === "error");
      report.problems.push(...result.problems);
      if (!result.guide || errors.length > 0) {
        if (this.has(raw)) report.kept.push(raw);
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
        if (this.has(raw)) report.kept.push(raw);
        continue;
      }
      const before = this.get(raw) ?? null;
      (before ? report.updated : report.added).push(raw);
      report.changes.push({ before, after: result.guide });
      this.set(raw, result.guide);
    }
    return report;
  }
}

const fileOf = (guide: Guide): string => guide.file;

/**
 * Whether normalize() leaves a path as it is (POSIX: not empty, no empty, "." or ".." segment). Never true for
 * one it changes; false also for a relative path that starts with "..", which normalize() keeps (such guides
 * are only mapped by file, not kept as a base).
 */
const ABNORMAL = /\/\/|(?:^|\/)\.\.?(?:\/|$)/;
export function isNormalPath(file: string): boolean {
  return sep === "/" ? file !== "" && !ABNORMAL.test(file) : normalize(file) === file;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function errorMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? `could not read the file (${code})` : "could not read the file";
}
