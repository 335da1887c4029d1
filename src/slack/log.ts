/**
 * A Bolt-compatible logger that writes one line per message and redacts secrets, plus `describeError` for the
 * one-line error reports the listeners log.
 */
import { inspect } from "node:util";
import type { Logger } from "@slack/bolt";
import { LogLevel } from "./bolt.ts";
import type { LogLevelName } from "./config.ts";

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

export const REDACTED = "[redacted]";

/** `http request body: {…}` / `http request result: {…}` lines of @slack/web-api. */
const BODY_DUMP = /^(http request (?:body|result|headers)): (.*)$/s;

/** Slack token shapes, redacted even when we were not told the value (a token pasted into a guide, say). */
const TOKEN_PATTERN = /\bxox[abposer]-[A-Za-z0-9-]+|\bxapp-[A-Za-z0-9-]+/g;

export function toBoltLevel(level: LogLevelName): LogLevel {
  switch (level) {
    case "debug":
      return LogLevel.DEBUG;
    case "info":
      return LogLevel.INFO;
    case "warn":
      return LogLevel.WARN;
    case "error":
      return LogLevel.ERROR;
  }
}

function piece(part: unknown): string {
  if (typeof part === "string") return part;
  if (part instanceof Error) return describeError(part);
  return inspect(part, { depth: 4, breakLength: Number.POSITIVE_INFINITY, compact: true });
}

export interface LineLoggerOptions {
  level?: LogLevelName;
  /** Values never to print (tokens, signing secret). */
  secrets?: readonly string[];
  /** Where lines go; default stderr. */
  write?: (line: string) => void;
  name?: string;
}

/** One line per call: `2026-01-01T00:00:00.000Z WARN [compbot] message`, secrets replaced by [redacted]. */
export function createLineLogger(options: LineLoggerOptions = {}): Logger {
  let level = toBoltLevel(options.level ?? "info");
  let name = options.name ?? "compbot";
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (at: LogLevel, parts: unknown[]): void => {
    if (ORDER[at] < ORDER[level]) return;
    let text = parts
      .map(piece)
      .join(" ")
      .replace(/\s*\n\s*/g, " ")
      // The Web API client dumps whole request and response bodies at debug level: those hold what users
      // asked and were told (offer figures among them), which is theirs, not the log's.
      .replace(BODY_DUMP, (_m, what: string, json: string) => `${what}: [${json.length} characters omitted]`);
    for (const secret of secrets) text = text.split(secret).join(REDACTED);
    text = text.replace(TOKEN_PATTERN, REDACTED);
    write(`${new Date().toISOString()} ${at.toUpperCase()} [${name}] ${text}`);
  };
  return {
    debug: (...msg: unknown[]) => emit(LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => emit(LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => emit(LogLevel.WARN, msg),
    error: (...msg: unknown[]) => emit(LogLevel.ERROR, msg),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}

/** `Name: message` plus the Slack error code when there is one; never a stack, never a request body. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error))
    return `non-error thrown: ${inspect(error, { depth: 1, breakLength: Infinity })}`;
  const data: unknown = (error as Error & { data?: unknown }).data;
  const code =
    typeof data === "object" && data !== null && "error" in data && typeof data.error === "string"
      ? ` (${data.error})`
      : "";
  const message = error.message.replace(/\s*\n\s*/g, " ");
  return `${error.name}: ${message}${code && !message.includes(code.slice(2, -1)) ? code : ""}`;
}
