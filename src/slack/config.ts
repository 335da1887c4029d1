/**
 * Environment -> validated configuration, and which mode to run in.
 *
 * - SLACK_BOT_TOKEN + SLACK_APP_TOKEN                      -> Socket Mode
 * - SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (no app token)  -> HTTP mode on PORT
 * - none of the three                                      -> the local console
 * - SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_STATE_SECRET + SLACK_SIGNING_SECRET (no bot or app token)
 *                                                          -> OAuth mode: HTTP on PORT, many workspaces, each
 *                                                             installed from /slack/install (needs DATABASE_URL
 *                                                             and INSTALL_ENCRYPTION_KEY)
 * DATABASE_URL (optional, Slack modes; required in OAuth mode): the shared PostgreSQL store; without it, state
 * stays in memory.
 * Anything in between, or a malformed value, is a ConfigError whose message is ONE line naming the variable and
 * what it should hold. Secret values are never echoed.
 */
import { config as loadDotenv } from "dotenv";
import { z } from "../runtime/zod.ts";
import { guidesDirSetting } from "../settings.ts";

export type LogLevelName = "debug" | "info" | "warn" | "error";

export interface CommonConfig {
  /** Port of the HTTP server (HTTP mode: events + /healthz; Socket Mode: /healthz only). 0 = any free port. */
  port: number;
  /** Web API base URL ending with "/", or undefined for Slack's default (https://slack.com/api/). */
  slackApiUrl: string | undefined;
  guidesDir: string;
  logLevel: LogLevelName;
  /** PostgreSQL connection URL for the shared store (DATABASE_URL), or undefined for the in-memory store. */
  databaseUrl?: string | undefined;
  /** Channel ID where negative feedback and outdated-figure reports go; unset: they are logged at info. */
  feedbackChannel?: string;
}

export interface SocketConfig extends CommonConfig {
  mode: "socket";
  botToken: string;
  appToken: string;
}

export interface HttpConfig extends CommonConfig {
  mode: "http";
  botToken: string;
  signingSecret: string;
}

export interface ConsoleConfig extends CommonConfig {
  mode: "console";
}

/** An AES-256 key for the installations' tokens: the 32 bytes and the variable it came from (for redaction). */
export interface EncryptionKey {
  bytes: Buffer;
  /** The base64 text as configured, so that logs can redact it. */
  text: string;
}

export interface OAuthConfig extends CommonConfig {
  mode: "oauth";
  signingSecret: string;
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** The full redirect URL registered with Slack (https://host/slack/oauth_redirect), or Slack's default. */
  redirectUri: string | undefined;
  databaseUrl: string;
  /** Encrypts and decrypts; `previousKey` (rotation) only decrypts. */
  encryptionKey: EncryptionKey;
  previousKey: EncryptionKey | undefined;
}

export type SlackConfig = SocketConfig | HttpConfig | OAuthConfig;
export type Config = SlackConfig | ConsoleConfig;

/** A missing or malformed variable. `message` is one line, safe to print (never holds a secret). */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_PORT = 3000;
export { DEFAULT_GUIDES_DIR } from "../settings.ts";
export const DEFAULT_LOG_LEVEL: LogLevelName = "info";
/** Where Slack sends the browser back after "Add to Slack" (Bolt's default path). */
export const OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";
/** The page with the "Add to Slack" link (Bolt's default path). */
export const OAUTH_INSTALL_PATH = "/slack/install";
/** Any of these set means the operator wants OAuth mode (many workspaces). */
const OAUTH_VARIABLES = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

/** Empty or blank values count as unset (a `.env` line like `SLACK_APP_TOKEN=`). */
function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === "" ? undefined : trimmed;
}

const noSpaces = /^\S+$/;

const botToken = z
  .string()
  .regex(/^xoxb-/, { error: "must be a bot token starting with xoxb- (OAuth & Permissions page)" })
  .regex(noSpaces, { error: "must be a single token with no spaces" });
const appToken = z
  .string()
  .regex(/^xapp-/, {
    error: "must be an app-level token starting with xapp- (Basic Information > App-Level Tokens)",
  })
  .regex(noSpaces, { error: "must be a single token with no spaces" });
const signingSecret = z.string().regex(/^[A-Za-z0-9]{16,}$/, {
  error: "must be the app's signing secret (Basic Information > App Credentials): 16+ letters or digits",
});
const port = z
  .string()
  .regex(/^\d{1,5}$/, { error: "must be a whole number from 0 to 65535" })
  .transform(Number)
  .refine((n) => n <= 65535, { error: "must be a whole number from 0 to 65535" });
const slackApiUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://slack.com/api/" })
  .transform((u) => (u.endsWith("/") ? u : `${u}/`));
const databaseUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: "must be a PostgreSQL URL such as postgres://user:password@host:5432/compbot",
});
const logLevel = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(["debug", "info", "warn", "error"], { error: "must be one of debug, info, warn, error" }));

const feedbackChannel = z.string().regex(/^[CG][A-Z0-9]{6,}$/, {
  error: "must be a channel ID such as C0123ABCDEF (channel details > About, at the bottom), not a #name",
});
const clientId = z.string().regex(/^\d+\.\d+$/, {
  error:
    "must be the app's Client ID (Basic Information > App Credentials), digits like 1234567890.1234567890123",
});
const clientSecret = z.string().regex(/^[A-Za-z0-9]{16,}$/, {
  error: "must be the app's Client Secret (Basic Information > App Credentials): 16+ letters or digits",
});
const stateSecret = z.string().regex(/^\S{32,}$/, {
  error: "must be a random string of at least 32 characters with no spaces (e.g. from: openssl rand -hex 32)",
});
const redirectUri = z
  .url({
    protocol: /^https?$/,
    error: "must be the full redirect URL, like https://compbot.example.com/slack/oauth_redirect",
  })
  .refine((u) => new URL(u).pathname === OAUTH_REDIRECT_PATH, {
    error: `must end with ${OAUTH_REDIRECT_PATH}, the path CompBot serves (like https://compbot.example.com/slack/oauth_redirect)`,
  });
const KEY_HELP = "32 random bytes in base64 (generate one with: openssl rand -base64 32)";
const encryptionKey = z
  .base64({ error: `must be ${KEY_HELP}` })
  .transform((text) => ({ text, bytes: Buffer.from(text, "base64") }))
  .refine((key) => key.bytes.length === 32, { error: `must be ${KEY_HELP}; this one is not 32 bytes long` });

/** Validate one variable; the error names it and never includes its value. */
function check<T>(name: string, schema: z.ZodType<T, string>, raw: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConfigError(name, `${name} ${issue?.message ?? "is not valid"}`);
}

function optional<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T, string>): T | undefined {
  const raw = value(env, name);
  return raw === undefined ? undefined : check(name, schema, raw);
}

/** Decide the mode from the environment and validate what that mode needs. Throws ConfigError. */
export function resolveMode(env: NodeJS.ProcessEnv = process.env): Config {
  const common: CommonConfig = {
    port: optional(env, "PORT", port) ?? DEFAULT_PORT,
    slackApiUrl: optional(env, "SLACK_API_URL", slackApiUrl),
    guidesDir: guidesDirSetting(env),
    logLevel: optional(env, "LOG_LEVEL", logLevel) ?? DEFAULT_LOG_LEVEL,
    databaseUrl: optional(env, "DATABASE_URL", databaseUrl),
  };
  const feedback = optional(env, "FEEDBACK_CHANNEL", feedbackChannel);
  if (feedback !== undefined) common.feedbackChannel = feedback;
  const bot = value(env, "SLACK_BOT_TOKEN");
  const app = value(env, "SLACK_APP_TOKEN");
  const secret = value(env, "SLACK_SIGNING_SECRET");

  if (OAUTH_VARIABLES.some((name) => value(env, name) !== undefined)) return resolveOAuth(env, common);
  if (bot === undefined && app === undefined && secret === undefined) return { mode: "console", ...common };

  if (bot === undefined) {
    const other = app !== undefined ? "SLACK_APP_TOKEN (Socket Mode)" : "SLACK_SIGNING_SECRET (HTTP mode)";
    throw new ConfigError(
      "SLACK_BOT_TOKEN",
      `SLACK_BOT_TOKEN is missing: ${other} also needs the bot token (xoxb-…); unset all Slack variables to use the console`,
    );
  }
  const checkedBot = check("SLACK_BOT_TOKEN", botToken, bot);
  if (app !== undefined) {
    return {
      mode: "socket",
      ...common,
      botToken: checkedBot,
      appToken: check("SLACK_APP_TOKEN", appToken, app),
    };
  }
  if (secret !== undefined) {
    return {
      mode: "http",
      ...common,
      botToken: checkedBot,
      signingSecret: check("SLACK_SIGNING_SECRET", signingSecret, secret),
    };
  }
  throw new ConfigError(
    "SLACK_APP_TOKEN",
    "SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing: set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode",
  );
}

function required(env: NodeJS.ProcessEnv, name: string, why: string): string {
  const raw = value(env, name);
  if (raw === undefined) throw new ConfigError(name, `${name} is missing: ${why}`);
  return raw;
}

/** OAuth mode: HTTP only, no fixed token, and the store it needs. Throws ConfigError. */
function resolveOAuth(env: NodeJS.ProcessEnv, common: CommonConfig): OAuthConfig {
  const also = "(set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET)";
  for (const name of OAUTH_VARIABLES) required(env, name, `OAuth mode needs it ${also}`);
  if (value(env, "SLACK_APP_TOKEN") !== undefined) {
    throw new ConfigError(
      "SLACK_APP_TOKEN",
      "SLACK_APP_TOKEN must be empty in OAuth mode: installing in many workspaces works over HTTP only (Slack's Marketplace refuses Socket Mode apps); unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to run in one workspace over Socket Mode",
    );
  }
  if (value(env, "SLACK_BOT_TOKEN") !== undefined) {
    throw new ConfigError(
      "SLACK_BOT_TOKEN",
      "SLACK_BOT_TOKEN must be empty in OAuth mode: each workspace's token comes from its installation; unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to run in one workspace with this token",
    );
  }
  const signing = required(env, "SLACK_SIGNING_SECRET", `OAuth mode needs it ${also}`);
  // Validated with the common variables; here it is required.
  const database = common.databaseUrl;
  if (database === undefined) {
    throw new ConfigError(
      "DATABASE_URL",
      "DATABASE_URL is missing: OAuth mode keeps each workspace's installation in PostgreSQL (postgres://user:password@host:5432/compbot)",
    );
  }
  const key = required(
    env,
    "INSTALL_ENCRYPTION_KEY",
    `OAuth mode encrypts the workspaces' tokens with it: ${KEY_HELP}`,
  );
  return {
    mode: "oauth",
    ...common,
    signingSecret: check("SLACK_SIGNING_SECRET", signingSecret, signing),
    clientId: check("SLACK_CLIENT_ID", clientId, required(env, "SLACK_CLIENT_ID", also)),
    clientSecret: check("SLACK_CLIENT_SECRET", clientSecret, required(env, "SLACK_CLIENT_SECRET", also)),
    stateSecret: check("SLACK_STATE_SECRET", stateSecret, required(env, "SLACK_STATE_SECRET", also)),
    redirectUri: optional(env, "SLACK_REDIRECT_URI", redirectUri),
    databaseUrl: database,
    encryptionKey: check("INSTALL_ENCRYPTION_KEY", encryptionKey, key),
    previousKey: optional(env, "INSTALL_ENCRYPTION_KEY_PREVIOUS", encryptionKey),
  };
}

/** Read `.env` (quietly; real environment variables win) and resolve the mode. Throws ConfigError. */
export function loadConfig(options: { path?: string; env?: NodeJS.ProcessEnv } = {}): Config {
  const env = options.env ?? process.env;
  loadDotenv({ quiet: true, processEnv: env, ...(options.path ? { path: options.path } : {}) });
  return resolveMode(env);
}

/** DATABASE_URL alone (the report command), validated like resolveMode does. Throws ConfigError. */
export function databaseUrlFrom(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return optional(env, "DATABASE_URL", databaseUrl);
}

/** The URL and its password (as written and decoded): never printed. */
export function databaseSecrets(url: string | undefined): string[] {
  if (url === undefined) return [];
  const out = [url];
  try {
    const password = new URL(url).password;
    if (password !== "") out.push(password, decodeURIComponent(password));
  } catch {
    // not a URL: the whole value is redacted already
  }
  return out;
}

/** The secret values of a config, for log redaction. */
export function secretsOf(config: Config): string[] {
  const database = databaseSecrets(config.databaseUrl);
  if (config.mode === "socket") return [config.botToken, config.appToken, ...database];
  if (config.mode === "http") return [config.botToken, config.signingSecret, ...database];
  if (config.mode === "oauth") {
    return [
      config.signingSecret,
      config.clientSecret,
      config.stateSecret,
      config.encryptionKey.text,
      ...(config.previousKey ? [config.previousKey.text] : []),
      ...database,
    ];
  }
  return database;
}
