/**
 * The real CompBot process (`node --import tsx src/main.ts`, or `node dist/main.js`) for process-level tests:
 * spawned with a given environment, its stdout and stderr collected, with waiters for a line to appear and for the exit.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./signing.ts";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Variables that must not leak in from the test's own environment (or a developer's .env). */
const SLACK_VARIABLES = [
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_API_URL",
  "PORT",
  "LOG_LEVEL",
  "GUIDES_DIR",
  "SLACK_CLIENT_ID",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "SLACK_REDIRECT_URI",
  "DATABASE_URL",
  "INSTALL_ENCRYPTION_KEY",
  "INSTALL_ENCRYPTION_KEY_PREVIOUS",
];

export interface CompBotProcess {
  child: ChildProcess;
  /** Everything written so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves with the first match of `pattern` in stdout+stderr (rejects after timeoutMs or on exit). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** Rejects if the process has not exited within `ms`. */
  exitWithin(ms: number): Promise<number | string>;
  kill(): void;
}

/** How CompBot is started: from source through tsx (the default), or the compiled build (`npm run build`). */
export const FROM_SOURCE = ["--import", "tsx", "src/main.ts"];
export const COMPILED = ["dist/main.js"];

/**
 * CompBot in HTTP mode on a free port against the fake Slack Web API at `apiUrl`, with the tests' token and
 * signing secret (and `env` besides); `base` is its URL once it says it listens.
 */
export async function spawnHttpCompBot(
  apiUrl: string,
  env: Record<string, string>,
): Promise<{ process: CompBotProcess; base: string }> {
  const started = spawnCompBot({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    PORT: "0",
    SLACK_API_URL: apiUrl,
    ...env,
  });
  const port = (await started.waitFor(/listening for Slack on port (\d+)/))[1];
  return { process: started, base: `http://127.0.0.1:${port}` };
}

export function spawnCompBot(env: Record<string, string>, nodeArgs: string[] = FROM_SOURCE): CompBotProcess {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SLACK_VARIABLES) base[name] = "";
  const child = spawn(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    env: { ...base, COMPBOT_CACHE_DIR: "off", NODE_OPTIONS: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let listeners: (() => void)[] = [];
  const changed = () => {
    for (const l of [...listeners]) l();
  };
  child.stdout?.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
    changed();
  });
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
    changed();
  });
  let exitCode: number | string | undefined;
  const exited = new Promise<number | string>((resolve) => {
    child.on("close", (code, signal) => {
      exitCode = code ?? signal ?? "unknown";
      changed();
      resolve(exitCode);
    });
  });

  const waitFor = (pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const match = (stdout + stderr).match(pattern);
        if (match) {
          done();
          resolve(match);
          return true;
        }
        if (exitCode !== undefined) {
          done();
          reject(new Error(`CompBot exited (${exitCode}) before printing ${pattern}:\n${stderr}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`CompBot did not print ${pattern} within ${timeoutMs} ms:\n${stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners = listeners.filter((l) => l !== listener);
      };
      const listener = () => {
        check();
      };
      if (!check()) listeners.push(listener);
    });

  const exitWithin = (ms: number): Promise<number | string> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`CompBot still running after ${ms} ms:\n${stderr}`)), ms);
    });
    return Promise.race([exited, late]).finally(() => clearTimeout(timer));
  };

  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    waitFor,
    exited,
    exitWithin,
    kill: () => {
      if (exitCode === undefined) child.kill("SIGKILL");
    },
  };
}
