/** OAuth mode's variables: what turns it on, what it needs, and one clear line for everything that can't work. */
import { describe, expect, it } from "vitest";
import { ConfigError, resolveMode, secretsOf } from "../../src/slack/config.ts";

const CLIENT_ID = "1234567890.1234567890123";
const CLIENT_SECRET = "0123456789abcdef0123456789abcdef";
const STATE_SECRET = "state-secret-of-at-least-32-characters-zz";
const SIGNING = "abcdef0123456789abcdef0123456789";
const DATABASE_URL = "postgres://compbot:ZQXJpw@db:5432/compbot";
const KEY = Buffer.alloc(32, 9).toString("base64");
const OLD_KEY = Buffer.alloc(32, 8).toString("base64");

const OAUTH: NodeJS.ProcessEnv = {
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: STATE_SECRET,
  SLACK_SIGNING_SECRET: SIGNING,
  DATABASE_URL,
  INSTALL_ENCRYPTION_KEY: KEY,
};

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    resolveMode(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("OAuth mode", () => {
  it("client id + client secret + state secret + signing secret + database + key -> OAuth mode", () => {
    const config = resolveMode({ ...OAUTH, PORT: "8080" });
    expect(config).toMatchObject({
      mode: "oauth",
      port: 8080,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      stateSecret: STATE_SECRET,
      signingSecret: SIGNING,
      databaseUrl: DATABASE_URL,
      redirectUri: undefined,
      previousKey: undefined,
    });
    if (config.mode !== "oauth") throw new Error("not OAuth mode");
    expect(config.encryptionKey.bytes).toEqual(Buffer.alloc(32, 9));
  });

  it("reads SLACK_REDIRECT_URI and INSTALL_ENCRYPTION_KEY_PREVIOUS", () => {
    const config = resolveMode({
      ...OAUTH,
      SLACK_REDIRECT_URI: "https://compbot.example.com/slack/oauth_redirect",
      INSTALL_ENCRYPTION_KEY_PREVIOUS: OLD_KEY,
    });
    if (config.mode !== "oauth") throw new Error("not OAuth mode");
    expect(config.redirectUri).toBe("https://compbot.example.com/slack/oauth_redirect");
    expect(config.previousKey?.bytes).toEqual(Buffer.alloc(32, 8));
  });

  it("the single-workspace modes are unchanged when no OAuth variable is set", () => {
    expect(resolveMode({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SIGNING }).mode).toBe("http");
    expect(resolveMode({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).mode).toBe("socket");
    expect(resolveMode({ INSTALL_ENCRYPTION_KEY: KEY }).mode).toBe("console");
  });

  const without = (name: string): NodeJS.ProcessEnv => ({ ...OAUTH, [name]: "" });

  it.each([
    [
      "SLACK_CLIENT_SECRET",
      without("SLACK_CLIENT_SECRET"),
      /^SLACK_CLIENT_SECRET is missing: OAuth mode needs it/,
    ],
    ["SLACK_CLIENT_ID", without("SLACK_CLIENT_ID"), /^SLACK_CLIENT_ID is missing/],
    ["SLACK_STATE_SECRET", without("SLACK_STATE_SECRET"), /^SLACK_STATE_SECRET is missing/],
    ["SLACK_SIGNING_SECRET", without("SLACK_SIGNING_SECRET"), /^SLACK_SIGNING_SECRET is missing/],
    [
      "DATABASE_URL",
      without("DATABASE_URL"),
      /^DATABASE_URL is missing: OAuth mode keeps each workspace's installation in PostgreSQL/,
    ],
    [
      "INSTALL_ENCRYPTION_KEY",
      without("INSTALL_ENCRYPTION_KEY"),
      /^INSTALL_ENCRYPTION_KEY is missing: .*openssl rand -base64 32/,
    ],
    [
      "SLACK_APP_TOKEN",
      { ...OAUTH, SLACK_APP_TOKEN: "xapp-1-x" },
      /^SLACK_APP_TOKEN must be empty in OAuth mode: .*HTTP only/,
    ],
    [
      "SLACK_BOT_TOKEN",
      { ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1-x" },
      /^SLACK_BOT_TOKEN must be empty in OAuth mode: each workspace's token/,
    ],
    [
      "INSTALL_ENCRYPTION_KEY",
      { ...OAUTH, INSTALL_ENCRYPTION_KEY: Buffer.alloc(16, 1).toString("base64") },
      /not 32 bytes long/,
    ],
    [
      "INSTALL_ENCRYPTION_KEY",
      { ...OAUTH, INSTALL_ENCRYPTION_KEY: "not base64 at all!" },
      /must be 32 random bytes in base64/,
    ],
    [
      "INSTALL_ENCRYPTION_KEY_PREVIOUS",
      { ...OAUTH, INSTALL_ENCRYPTION_KEY_PREVIOUS: "AAAA" },
      /not 32 bytes long/,
    ],
    ["SLACK_CLIENT_ID", { ...OAUTH, SLACK_CLIENT_ID: "abc" }, /^SLACK_CLIENT_ID must be the app's Client ID/],
    ["SLACK_CLIENT_SECRET", { ...OAUTH, SLACK_CLIENT_SECRET: "short" }, /^SLACK_CLIENT_SECRET must/],
    ["SLACK_STATE_SECRET", { ...OAUTH, SLACK_STATE_SECRET: "too-short" }, /at least 32 characters/],
    [
      "DATABASE_URL",
      { ...OAUTH, DATABASE_URL: "mysql://db/compbot" },
      /^DATABASE_URL must be a PostgreSQL URL/,
    ],
    [
      "SLACK_REDIRECT_URI",
      { ...OAUTH, SLACK_REDIRECT_URI: "https://compbot.example.com/callback" },
      /must end with \/slack\/oauth_redirect/,
    ],
  ])("%s: one line naming it", (variable, env, message) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
    expect(error.message.startsWith(variable)).toBe(true);
  });

  it("never echoes a secret; every secret is listed for log redaction", () => {
    const bad = errorOf({ ...OAUTH, SLACK_CLIENT_SECRET: "ZQXJ!!" });
    expect(bad.message).not.toContain("ZQXJ");
    const config = resolveMode(OAUTH);
    const secrets = secretsOf(config);
    for (const secret of [CLIENT_SECRET, STATE_SECRET, SIGNING, KEY, "ZQXJpw"])
      expect(secrets).toContain(secret);
    expect(secrets).not.toContain(CLIENT_ID);
  });
});
