/**
 * Hot reload: watches the guides folder and, after each burst of changes (debounced), reads the changed
 * files again and hands what changed to `onUpdate` (the bot then updates its index; see CompBot.updateGuides).
 *
 * Only directories are watched (`fs.watch` on each folder, one inotify watch apiece: about 2,000 for 50,000
 * guides in 2,000 company folders), never each file: a folder's watch reports every file created, written,
 * renamed or removed in it, by name. Nothing is stat'ed or held per file, so starting the watcher costs one
 * `readdir` per folder. An event names a path; at the flush each path is looked at once:
 * - a guide file (*.md, not README.md, not hidden) → read again (GuideLibrary.refresh: a broken edit keeps
 *   the last good version, a missing file drops its guide);
 * - a new folder (or one replaced by another of the same name) → watched, and every guide file in it read;
 * - a watched folder gone → its watches closed and its guides dropped.
 * An event without a name, or a folder watch that fails, re-reads that folder's whole listing. Hidden
 * entries and symlinked folders are skipped, as the loader skips them.
 *
 * Starting from the folders the loader's helper thread listed (`folders`, scan.ts), the watcher lists none of
 * them again: it watches each, then stats it, and a folder whose inode and mtime are still those of the scan
 * (and not racily recent) has the same entries. A folder that changed since the scan is listed: a guide file
 * or folder added meanwhile is read, one removed is dropped. So what changed while the process started (between
 * the scan and the watch) is not missed, bar a file edited in place (its folder's mtime does not change).
 * Without it, every folder is listed: for the bench's 2,002 folders, 336-382 ms of the main thread's time
 * (between the first questions) against 48-62 ms from the scan, and 389-410 ms when every folder changed
 * racily close to the scan (a fresh copy of the catalogue).
 */
import { type FSWatcher, type Stats, statSync, watch } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join, normalize, sep } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Slice } from "../runtime/slices.ts";
import { lowerBound } from "../text/sorted.ts";
import { isRacyTime } from "./cache.ts";
import { changedAnything, type GuideLibrary, type RefreshReport } from "./library.ts";
import { IO_CONCURRENCY, mapLimit } from "./load.ts";
import type { ScannedFolders } from "./scan.ts";
import type { Guide } from "./types.ts";

export interface WatchOptions {
  dir: string;
  library: GuideLibrary;
  today: () => string;
  /**
   * Called after each reload that changed something; the next reload waits for the promise it returns.
   * `guides` lists every guide served, a slice at a time (GuideLibrary.guidesInSlices).
   */
  onUpdate: (report: RefreshReport, guides: () => Promise<Guide[]>) => void | Promise<void>;
  /** One line per event worth telling an operator. */
  log: (level: "info" | "warn", line: string) => void;
  /** Quiet time after the last change before reloading (editors write files in several steps). */
  debounceMs?: number;
  /** The folders listed at load (scan.ts), to start from instead of listing every folder again. */
  folders?: ScannedFolders;
}

export interface GuideWatcher {
  /** Resolves when every folder is watched. */
  ready: Promise<void>;
  /** Folders watched now, and whether the watcher started from the loader's scan (`folders`). */
  status(): { folders: number; fromScan: boolean };
  close(): Promise<void>;
}

const isHidden = (path: string) => basename(path).startsWith(".");
export const isGuideFile = (path: string) =>
  path.toLowerCase().endsWith(".md") && basename(path).toLowerCase() !== "readme.md" && !isHidden(path);

/** Folders listed at once while the watcher starts (see watchTree). */
const START_CONCURRENCY = 4;
/** Scanned folders watched and stat'ed per turn of the event loop (each about 20 µs). */
const SCANNED_SLICE = 64;

interface Watched {
  watcher: FSWatcher;
  ino: number;
}

export function watchGuides(options: WatchOptions): GuideWatcher {
  const { library, today, onUpdate, log } = options;
  const root = normalize(options.dir);
  const debounceMs = options.debounceMs ?? 150;
  const folders = new Map<string, Watched>();
  const pending = new Set<string>();
  /** Folders whose whole listing is to be read again (a name-less event, a failed watch). */
  const relist = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  let warnedLimit = false;
  let fromScan = false;
  let scanned: ScannedFolders | null = options.folders ?? null;

  const schedule = (path: string, wholeFolder = false) => {
    if (closed) return;
    (wholeFolder ? relist : pending).add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  /** Watches `dir` (not yet watched); returns false when it cannot be watched. */
  const watchFolder = (dir: string, ino: number): boolean => {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: true }, (_event, name) => {
        if (name === null || name === undefined) schedule(dir, true);
        else if (!name.startsWith(".")) schedule(join(dir, name.toString()));
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === "ENOSPC" || code === "EMFILE") {
        if (!warnedLimit) {
          warnedLimit = true;
          log(
            "warn",
            `guide watcher: cannot watch ${dir} (${code}: the system's limit of watches is reached); changes in it are not seen until a restart`,
          );
        }
      } else if (code !== "ENOENT" && code !== "ENOTDIR") {
        log("warn", `guide watcher: cannot watch ${dir}: ${describe(error)}`);
      }
      return false;
    }
    watcher.on("error", (error) => {
      log("warn", `guide watcher: ${dir}: ${describe(error)}`);
      unwatch(dir);
      schedule(dir, true);
    });
    folders.set(dir, { watcher, ino });
    return true;
  };

  const unwatch = (dir: string) => {
    const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
    for (const [path, { watcher }] of folders) {
      if (path === dir || path.startsWith(prefix)) {
        watcher.close();
        folders.delete(path);
      }
    }
  };

  /**
   * Watches `dir` and every folder under it not yet watched (watch first, then list, so nothing created
   * in between is missed); `files` gets the guide files found in the folders newly watched.
   */
  const watchTree = async (dir: string, info: Stats, files: string[] | null): Promise<void> => {
    const known = folders.get(dir);
    const fresh = !known || known.ino !== info.ino;
    if (known && fresh) unwatch(dir);
    if (fresh && !watchFolder(dir, info.ino)) return;
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      // Paths only where they are used: at start (no `files`) that is the folders alone, not 50,000 files.
      if (entry.isDirectory()) subfolders.push(join(dir, entry.name));
      else if (fresh && files) {
        const path = join(dir, entry.name);
        if (isGuideFile(path)) files.push(path);
      }
    }
    // Sibling folders side by side (2,000 company folders one after another wait 4,000 times on the disk).
    // At start (`files` null) only a few at a time, the event loop free after each: the watcher's start-up
    // then never holds up a question for long (64 at a time held some for 20-40 ms just after start).
    const initial = files === null;
    await mapLimit(subfolders, initial ? START_CONCURRENCY : IO_CONCURRENCY, async (path) => {
      if (initial) await nextTurn();
      const sub = await stat(path).catch(() => null);
      if (sub && !closed) await watchTree(path, sub, files);
    });
  };

  /**
   * Watches the scanned folders, parents first, the event loop free after each slice; then lists those that
   * changed since the scan, and has what changed in them, or in folders gone since, read (the next flush).
   */
  const watchScanned = async ({ paths, info, startedAtMs, files }: ScannedFolders): Promise<void> => {
    const changed: number[] = [];
    const gone: string[] = [];
    const slice = new Slice(SCANNED_SLICE);
    for (let i = 0; i < paths.length; i++) {
      if (i > 0 && slice.full()) await slice.next();
      if (closed) break;
      const dir = paths[i]!;
      const parent = info[i * 3]!;
      // Below a folder not watched (gone, or past the limit of watches): as watchTree, not watched either.
      if (parent >= 0 && !folders.has(paths[parent]!)) continue;
      // Watched first, then stat'ed: a change after the stat is reported by the watch.
      const watched = watchFolder(dir, -1);
      let now: Stats | undefined;
      try {
        now = statSync(dir, { throwIfNoEntry: false });
      } catch {
        now = undefined;
      }
      if (!now?.isDirectory()) {
        if (watched) unwatch(dir);
        gone.push(dir);
        continue;
      }
      if (!watched) continue;
      folders.get(dir)!.ino = now.ino;
      const mtimeMs = info[i * 3 + 2]!;
      if (now.ino !== info[i * 3 + 1] || now.mtimeMs !== mtimeMs || isRacyTime(mtimeMs, startedAtMs))
        changed.push(i);
    }
    // Files as the scan found them: a guide file it did not see is new, one it saw and is gone is removed.
    for (const dir of gone) for (const file of scannedFilesUnder(files, dir, false)) schedule(file);
    if (changed.length === 0) return;
    const subfolders = new Map(changed.map((i) => [i, new Set<string>()]));
    for (let j = 1; j < paths.length; j++) subfolders.get(info[j * 3]!)?.add(paths[j]!);
    // A few at a time, the event loop free between them, as the walk without a scan (watchTree).
    await mapLimit(changed, START_CONCURRENCY, async (i) => {
      await nextTurn();
      if (closed) return;
      const dir = paths[i]!;
      await scheduleChanges(dir, subfolders.get(i)!, scannedFilesUnder(files, dir, true));
    });
  };

  /**
   * Lists a folder that changed since the scan: a folder the scan did not see is scheduled (the flush watches
   * it and reads its guides), and so is a guide file added or removed since the loader read the folder.
   */
  const scheduleChanges = async (dir: string, scannedSubfolders: Set<string>, scannedFiles: string[]) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const known = new Set(scannedFiles);
    const listed = new Set<string>();
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!scannedSubfolders.has(path)) schedule(path);
      } else if (isGuideFile(path)) {
        listed.add(path);
        if (!known.has(path)) schedule(path);
      }
    }
    for (const file of scannedFiles) if (!listed.has(file)) schedule(file);
  };

  const flush = () => {
    timer = null;
    const paths = [...pending];
    const wholeFolders = [...relist];
    pending.clear();
    relist.clear();
    running = running.then(async () => {
      if (closed) return;
      const files: string[] = [];
      for (const dir of wholeFolders) {
        // Every guide it had and every guide it has: refresh tells which changed.
        files.push(...library.filesUnder(dir));
        const info = await stat(dir).catch(() => null);
        if (info?.isDirectory()) {
          const known = folders.get(dir);
          if (known && known.ino === info.ino) files.push(...(await listGuides(dir)));
          else await watchTree(dir, info, files);
        } else unwatch(dir);
      }
      // Gone or unreadable: null (refresh drops a missing guide, and says why another cannot be read).
      const infos = await mapLimit(paths, IO_CONCURRENCY, (path) => stat(path).catch(() => null));
      for (const [i, path] of paths.entries()) {
        const info = infos[i] ?? null;
        if (info?.isDirectory()) {
          const known = folders.get(path);
          // A folder already watched (its parent saw its times change): its own watch reports its files.
          if (known && known.ino === info.ino) continue;
          // A new folder, or another folder now under a watched one's name.
          if (known) files.push(...library.filesUnder(path));
          await watchTree(path, info, files);
          continue;
        }
        if (folders.has(path)) {
          // A watched folder that is gone (or is now a file).
          unwatch(path);
          files.push(...library.filesUnder(path));
        }
        if (isGuideFile(path)) files.push(path);
      }
      if (closed || files.length === 0) return;
      const report = await library.refresh(files, today());
      for (const p of report.problems.filter((x) => x.severity === "error")) {
        log("warn", `guide reload: ${p.file}: ${p.path ? `${p.path}: ` : ""}${p.message}`);
      }
      if (report.kept.length > 0) {
        log("warn", `guide reload: still serving the last good version of ${report.kept.join(", ")}`);
      }
      if (changedAnything(report)) {
        await onUpdate(report, () => library.guidesInSlices());
        const counts = `${report.added.length} added, ${report.updated.length} updated, ${report.removed.length} removed`;
        log("info", `guides reloaded: ${counts}; serving ${library.size}`);
      }
    });
    running = running.catch((error: unknown) => log("warn", `guide reload failed: ${describe(error)}`));
  };

  const ready = (async () => {
    const info = await stat(root).catch(() => null);
    if (!info?.isDirectory()) {
      log("warn", `guide watcher: ${root} is not a readable folder; changes are not watched`);
      return;
    }
    // One after the other: each runs in slices between questions, and two side by side would put a slice of
    // each in the same turn of the event loop (a question then waits for both).
    fromScan = scanned !== null && scanned.paths[0] === root;
    if (fromScan) await watchScanned(scanned!);
    else await watchTree(root, info, null);
    // Not kept for the life of the process (its list of every file).
    scanned = null;
    await library.prepare(500);
  })();

  return {
    ready,
    status: () => ({ folders: folders.size, fromScan }),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await ready.catch(() => {});
      for (const { watcher } of folders.values()) watcher.close();
      folders.clear();
      await running;
    },
  };
}

/** The files of a sorted list under `dir` (one range of it), only those directly in it when `direct`. */
function scannedFilesUnder(files: readonly string[], dir: string, direct: boolean): string[] {
  const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
  const found: string[] = [];
  for (
    let i = lowerBound(files, prefix, (file) => file);
    i < files.length && files[i]!.startsWith(prefix);
    i++
  ) {
    if (!direct || !files[i]!.includes(sep, prefix.length)) found.push(files[i]!);
  }
  return found;
}

/** The guide files directly in `dir` (a folder's own listing). */
async function listGuides(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.map((name) => join(dir, name)).filter(isGuideFile);
  } catch {
    return [];
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
