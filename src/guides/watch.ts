/**
 * Hot reload: watches the guides folder and hands a new, complete guide list to `onUpdate` after each
 * burst of changes (debounced). The caller swaps its index in one assignment, so a question is answered
 * either entirely before or entirely after a reload.
 */
import { basename } from "node:path";
import { watch } from "chokidar";
import { changedAnything, type GuideLibrary, type RefreshReport } from "./library.ts";
import type { Guide } from "./types.ts";

export interface WatchOptions {
  dir: string;
  library: GuideLibrary;
  today: () => string;
  onUpdate: (guides: Guide[], report: RefreshReport) => void;
  /** One line per event worth telling an operator. */
  log: (level: "info" | "warn", line: string) => void;
  /** Quiet time after the last change before reloading (editors write files in several steps). */
  debounceMs?: number;
}

export interface GuideWatcher {
  /** Resolves when the watcher has scanned the folder and is listening. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const isGuideFile = (path: string) => path.endsWith(".md") && basename(path).toLowerCase() !== "readme.md";

export function watchGuides(options: WatchOptions): GuideWatcher {
  const { dir, library, today, onUpdate, log } = options;
  const debounceMs = options.debounceMs ?? 150;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const flush = () => {
    timer = null;
    const files = [...pending];
    pending.clear();
    running = running.then(async () => {
      if (closed || files.length === 0) return;
      const report = await library.refresh(files, today());
      for (const p of report.problems.filter((x) => x.severity === "error")) {
        log("warn", `guide reload: ${p.file}: ${p.path ? `${p.path}: ` : ""}${p.message}`);
      }
      if (report.kept.length > 0) {
        log("warn", `guide reload: still serving the last good version of ${report.kept.join(", ")}`);
      }
      if (changedAnything(report)) {
        onUpdate(library.guides, report);
        const counts = `${report.added.length} added, ${report.updated.length} updated, ${report.removed.length} removed`;
        log("info", `guides reloaded: ${counts}; serving ${library.size}`);
      }
    });
  };
  const schedule = (path: string) => {
    if (closed) return;
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watcher = watch(dir, {
    ignoreInitial: true,
    ignored: (path, stats) =>
      basename(path).startsWith(".") || Boolean(stats?.isFile() && !isGuideFile(path)),
    followSymlinks: false,
  });
  watcher.on("add", schedule);
  watcher.on("change", schedule);
  watcher.on("unlink", schedule);
  watcher.on("unlinkDir", (path) => {
    for (const file of library.filesUnder(path)) schedule(file);
  });
  watcher.on("error", (error) =>
    log("warn", `guide watcher: ${error instanceof Error ? error.message : String(error)}`),
  );

  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
