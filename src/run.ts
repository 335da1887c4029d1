/**
 * The start sequence, run by main.ts once the index cache's helper thread has started: reads config, loads
 * guides, then starts Slack (Socket Mode or HTTP) or the local console.
 * - bot token + app token -> Socket Mode; bot token + signing secret -> HTTP on PORT; no Slack credentials
 *   -> the local console over GUIDES_DIR. A bad variable is one clear line and exit code 2.
 * - Guides are watched and reloaded while running (not for piped console input, which exits at its end).
 * - DATABASE_URL (Slack modes): shared state in PostgreSQL, migrated at start (src/store).
 * - OAuth mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET): HTTP for many workspaces, installed from
 *   /slack/install, their installations (tokens sealed) in PostgreSQL.
 * - SIGTERM/SIGINT: stop taking requests, finish those in flight, close Socket Mode, exit 0 within 5 s.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { type CompBotApi, loadCompBot } from "./bot.ts";
import { summariseProblems } from "./console/guides-dir.ts";
import { runShell } from "./console/shell.ts";
import { GuideLibrary } from "./guides/library.ts";
import type { PendingCacheWrite } from "./guides/load.ts";
import type { ScannedFolders } from "./guides/scan.ts";
import { type GuideWatcher, watchGuides } from "./guides/watch.ts";
import { limitHeapGrowth } from "./runtime/heap.ts";
import { ConfigError, createLineLogger, createSlackApp, loadConfig, secretsOf } from "./slack/index.ts";
import { describeError } from "./slack/log.ts";
import { openStore } from "./store/index.ts";

/** SIGTERM must end the process within 5 s, whatever is still running. */
const SHUTDOWN_DEADLINE_MS = 4_500;

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return badSetting(error.message);
    throw error;
  }
  // OAuth mode asks each installing workspace for the bot scopes in manifest.yml. The manifest's reader (and the
  // YAML library under it) is imported only in that mode.
  let scopes: string[] = [];
  if (config.mode === "oauth") {
    const manifest = await import("./slack/oauth/scopes.ts");
    try {
      scopes = manifest.botScopes();
    } catch (error) {
      if (error instanceof manifest.ManifestError) return badSetting(error.message);
      throw error;
    }
  }

  limitHeapGrowth();
  const loaded = await loadAndReport(config.guidesDir);
  const { bot, cacheWrite } = loaded;
  /** The folders listed at load, for the watcher to start from; given once (and not kept by main's locals). */
  const takeFolders = () => {
    const folders = loaded.folders;
    loaded.folders = null;
    return folders;
  };
  // The index cache is written once the bot answers, a chunk at a time (a new or changed catalogue); stopped
  // at shutdown, when the next start writes it again.
  const stopCacheWrite = new AbortController();
  let cacheWritten: Promise<unknown> = Promise.resolve();
  const writeCache = (log: (line: string) => void, pause = true) => {
    if (!cacheWrite || stopCacheWrite.signal.aborted) return;
    cacheWritten = cacheWrite
      .run({ signal: stopCacheWrite.signal, ...(pause ? { pause: nextTurn } : {}) })
      .then((error) => {
        if (error !== null && !stopCacheWrite.signal.aborted)
          log(`The index cache could not be written (${error}); the next start reads every guide again`);
      });
  };

  if (config.mode === "console") {
    const interactive = Boolean(process.stdin.isTTY);
    const watcher = interactive
      ? startWatcher(bot, config.guidesDir, takeFolders(), (_level, line) =>
          process.stderr.write(`${line}\n`),
        )
      : null;
    const warn = (line: string) => process.stderr.write(`${line}\n`);
    // Typed questions are answered while the cache is written (stopped at exit: the next start writes it);
    // piped ones first, then it is written.
    if (watcher) void watcher.settled.then(() => writeCache(warn));
    await runShell({
      bot,
      input: process.stdin,
      output: process.stdout,
      interactive,
      guidesDir: config.guidesDir,
    });
    if (interactive) stopCacheWrite.abort();
    await watcher?.close();
    if (!interactive) writeCache(warn, false);
    await cacheWritten;
    return 0;
  }

  const logger = createLineLogger({ level: config.logLevel, secrets: secretsOf(config) });
  // A promise nobody awaited (a library's reconnect, say) is logged, not fatal: the bot keeps answering.
  process.on("unhandledRejection", (reason) => logger.error(`Unhandled rejection: ${describeError(reason)}`));
  // DATABASE_URL: shared state in PostgreSQL (migrated now); without it, in memory. Never throws: PostgreSQL down
  // at start is one WARN line, and CompBot answers from memory until it is back.
  const store = await openStore({ databaseUrl: config.databaseUrl, logger });
  // Imported only in OAuth mode: it loads the PostgreSQL client, which a single-workspace start does without.
  const oauth =
    config.mode === "oauth"
      ? (await import("./slack/oauth/index.ts")).oauthOptions(config, store, logger, scopes)
      : undefined;
  const slack = createSlackApp({ config, bot, logger, store, ...(oauth ? { oauth } : {}) });
  // The signal handlers before Slack starts: a SIGTERM that comes while it starts, or just after the
  // "listening" line, is handled once it has started, never by the default action (killed, no exit code).
  let watcher: GuideWatcher | null = null;
  let stopping = false;
  let stopped: () => void = () => {};
  const untilStopped = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  let started = false;
  let pending: string | null = null;
  const shutdown = (signal: string) => {
    if (!started) {
      pending ??= signal;
      return;
    }
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing requests in flight, then stopping`);
    const hardStop = setTimeout(() => {
      logger.warn("Shutdown took too long; exiting now");
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS);
    hardStop.unref();
    stopCacheWrite.abort();
    Promise.allSettled([slack.stop().then(() => store.close()), watcher?.close(), cacheWritten]).then(() => {
      logger.info("CompBot stopped");
      stopped();
    });
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  // What the first questions would wait for, in steps while auth.test is in flight; Slack's start listens once
  // they are done, so that no question meets them (4-12 ms a step on a 2-core machine, answers/warm-up.ts).
  const warmedUp = bot.warmUpFirstQuestions?.();
  try {
    await slack.start(warmedUp);
  } catch (error) {
    await store.close();
    throw error;
  }
  started = true;
  if (pending !== null) {
    shutdown(pending);
    await untilStopped;
    return 0;
  }
  const watching = startWatcher(bot, config.guidesDir, takeFolders(), (level, line) => logger[level](line));
  watcher = watching;
  // After the watcher's own start-up slices: one piece of background work at a time between questions.
  void watching.settled.then(() => writeCache((line) => logger.warn(line)));
  await untilStopped;
  return 0;
}

/** A setting that stops the start: one line, exit code 2. */
function badSetting(message: string): number {
  process.stderr.write(`compbot: ${message}\n`);
  return 2;
}

/**
 * Loads the guides and prints the summary of their problems; returns the bot and the index cache write left for
 * later, not the problems. A function of its own because main() awaits until shutdown, and V8 keeps an async
 * function's locals alive across its awaits: the problem list (one entry per overdue or broken guide, tens of
 * thousands in a large catalogue) would otherwise stay in memory for the life of the process, for every garbage
 * collection to walk.
 */
async function loadAndReport(
  guidesDir: string,
): Promise<{ bot: CompBotApi; cacheWrite: PendingCacheWrite | null; folders: ScannedFolders | null }> {
  const { bot, problems, cacheWrite, folders } = await loadCompBot(guidesDir, {
    deferCacheWrite: true,
    deferSuggestions: true,
  });
  const summary = summariseProblems(guidesDir, bot.guideCount, problems);
  if (summary) process.stderr.write(`${summary}\n`);
  return { bot, cacheWrite: cacheWrite ?? null, folders: folders ?? null };
}

/**
 * Watches the guides. `settled`: when the watcher's start-up work (listing every folder, then indexing the
 * guides by file) and then the bot's "did you mean" (`warmUp`) are done, whether or not they went well. Each
 * runs in slices between questions, one after the other.
 */
function startWatcher(
  bot: CompBotApi,
  dir: string,
  folders: ScannedFolders | null,
  log: (level: "info" | "warn", line: string) => void,
): GuideWatcher & { settled: Promise<unknown> } {
  const watcher = watchGuides({
    dir,
    library: new GuideLibrary(bot.guides),
    today: () => new Date().toISOString().slice(0, 10),
    onUpdate: async (report, guides) =>
      bot.updateGuides ? bot.updateGuides(report.changes, guides) : bot.replaceGuides(await guides()),
    log,
    ...(folders ? { folders } : {}),
  });
  const settled = watcher.ready
    .then(() => {
      const { folders: count, fromScan } = watcher.status();
      const how = fromScan ? "as listed at start-up" : "listed by the watcher";
      if (count > 0) log("info", `guide watcher: watching ${count.toLocaleString("en-US")} folders (${how})`);
    })
    .catch(() => {})
    .then(() => bot.warmUp?.())
    .catch(() => {});
  return { ...watcher, settled };
}

main().then(
  (code) => {
    process.exitCode = code;
    // Nothing should keep the process alive after main() returns (sockets, watchers, timers).
    setTimeout(() => process.exit(code), 200).unref();
  },
  (error: unknown) => {
    process.stderr.write(`compbot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
