/**
 * A request from a workspace where CompBot is not installed (never installed, or uninstalled while Slack still had
 * an event in flight): Bolt's authorize fails, Bolt acknowledges the request and calls no listener. We log one
 * line for it, and silence Bolt's own generic warning so that it stays one line.
 */
import type { Logger } from "@slack/bolt";
import { NotInstalledError } from "../../store/installations.ts";
import { describeError } from "../log.ts";

/** Bolt's generic warning, replaced by our line (it says neither which workspace nor why). */
const BOLT_AUTHORIZE_WARNING =
  "Authorization of incoming event did not succeed. No listeners will be called.";

/**
 * The same logger, with Bolt's generic authorize warning moved to debug, and so are the bare Error objects that
 * @slack/oauth logs when an install fails (the failure page's callback logs one line for those instead).
 */
export function quietAuthorizeWarning(logger: Logger): Logger {
  return {
    ...logger,
    debug: (...msg: unknown[]) => logger.debug(...msg),
    info: (...msg: unknown[]) => logger.info(...msg),
    error: (...msg: unknown[]) => {
      if (msg.length === 1 && msg[0] instanceof Error) logger.debug(describeError(msg[0]));
      else logger.error(...msg);
    },
    warn: (...msg: unknown[]) => {
      if (msg.length === 1 && msg[0] === BOLT_AUTHORIZE_WARNING) logger.debug(...msg);
      else logger.warn(...msg);
    },
    setLevel: (level) => logger.setLevel(level),
    getLevel: () => logger.getLevel(),
    setName: (name) => logger.setName(name),
  };
}

/** Bolt wraps @slack/oauth's error, which wraps the store's: the innermost one says what happened. */
function innermost(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const next = (current as { original?: unknown } | null)?.original;
    if (next === undefined || next === null) break;
    current = next;
  }
  return current;
}

/** The log line for Bolt's AuthorizationError: a warning when the workspace is not installed, else an error. */
export function notInstalledLine(error: unknown): { level: "warn" | "error"; text: string } {
  const cause = innermost(error);
  if (cause instanceof NotInstalledError) {
    return { level: "warn", text: `Ignored a request: ${cause.message}` };
  }
  return {
    level: "error",
    text: `Ignored a request: its workspace's installation could not be read (${describeError(cause)})`,
  };
}
