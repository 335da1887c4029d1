/** Environment -> mode, and one clear line for every broken combination (never echoing a secret). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, resolveMode } from "../../src/slack/config.ts";

const BOT = "xoxb-1-abc";
const APP = "xapp-1-def";
const SECRET = "abcdef0123456789abcdef0123456789";

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    resolveMode(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("resolveMode", () => {
  it("no Slack credentials -> console, with defaults", () => {
    expect(resolveMode({})).toEqual({
      mode: "console",
      port: 3000,
      slackApiUrl: undefined,
      guidesDir: "./guides",
      logLevel: "info",
    });
  });

  it("FEEDBACK_CHANNEL: a channel ID is kept; a #name or a user ID is refused, naming the variable", () => {
    expect(
      resolveMode({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, FEEDBACK_CHANNEL: "C0123ABCDEF" }),
    ).toMatchObject({
      mode: "socket",
      feedbackChannel: "C0123ABCDEF",
    });
    expect(resolveMode({ FEEDBACK_CHANNEL: "" })).not.toHaveProperty("feedbackChannel");
    for (const bad of ["#comp-guides", "U0123ABCDEF", "c0123abcdef"]) {
      const error = errorOf({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, FEEDBACK_CHANNEL: bad });
      expect(error.variable).toBe("FEEDBACK_CHANNEL");
      expect(error.message).toBe(
        "FEEDBACK_CHANNEL must be a channel ID such as C0123ABCDEF (channel details > About, at the bottom), not a #name",
      );
    }
  });

  it("blank values count as unset (a copied .env.example)", () => {
    expect(resolveMode({ SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "  ", SLACK_SIGNING_SECRET: "" }).mode).toBe(
      "console",
    );
  });

  it("bot + app token -> Socket Mode", () => {
    expect(resolveMode({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toMatchObject({
      mode: "socket",
      botToken: BOT,
      appToken: APP,
    });
  });

  it("bot token + signing secret, no app token -> HTTP mode", () => {
    expect(resolveMode({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: "8080" })).toMatchObject({
      mode: "http",
      botToken: BOT,
      signingSecret: SECRET,
      port: 8080,
    });
  });

  it("all three -> Socket Mode (the app token wins)", () => {
    expect(
      resolveMode({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET }).mode,
    ).toBe("socket");
  });

  it("reads PORT (0 allowed), SLACK_API_URL (a trailing / added), GUIDES_DIR, LOG_LEVEL (any case)", () => {
    expect(
      resolveMode({
        PORT: "0",
        SLACK_API_URL: "http://127.0.0.1:9999/api",
        GUIDES_DIR: "/srv/guides",
        LOG_LEVEL: "DEBUG",
      }),
    ).toEqual({
      mode: "console",
      port: 0,
      slackApiUrl: "http://127.0.0.1:9999/api/",
      guidesDir: "/srv/guides",
      logLevel: "debug",
    });
    expect(resolveMode({ SLACK_API_URL: "https://slack-gov.com/api/" }).slackApiUrl).toBe(
      "https://slack-gov.com/api/",
    );
  });

  it.each([
    [{ SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN", /SLACK_BOT_TOKEN is missing/],
    [{ SLACK_SIGNING_SECRET: SECRET }, "SLACK_BOT_TOKEN", /SLACK_BOT_TOKEN is missing/],
    [{ SLACK_BOT_TOKEN: BOT }, "SLACK_APP_TOKEN", /SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing/],
    [{ SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN", /SLACK_BOT_TOKEN must .*xoxb-/],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN", /xoxb-/],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT }, "SLACK_APP_TOKEN", /SLACK_APP_TOKEN must .*xapp-/],
    [{ SLACK_BOT_TOKEN: "xoxb-a b", SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN", /no spaces/],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: "short" },
      "SLACK_SIGNING_SECRET",
      /SLACK_SIGNING_SECRET must/,
    ],
    [{ PORT: "http" }, "PORT", /PORT must be a whole number from 0 to 65535/],
    [{ PORT: "70000" }, "PORT", /PORT must be a whole number/],
    [{ PORT: "-1" }, "PORT", /PORT must be a whole number/],
    [{ SLACK_API_URL: "slack.com/api" }, "SLACK_API_URL", /SLACK_API_URL must be an http\(s\) URL/],
    [{ SLACK_API_URL: "ftp://example.com/api/" }, "SLACK_API_URL", /SLACK_API_URL must be an http\(s\) URL/],
    [{ LOG_LEVEL: "verbose" }, "LOG_LEVEL", /LOG_LEVEL must be one of debug, info, warn, error/],
  ])("%j -> ConfigError naming %s", (env, variable, message) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
    expect(error.message.startsWith(variable)).toBe(true);
  });

  it("never echoes a token or secret value", () => {
    const secrets = ["xoxp-ZQXJVALUE123", "xoxb-ZQXJ VALUE", "zzZQXJVALUEzz!"];
    const envs: NodeJS.ProcessEnv[] = [
      { SLACK_BOT_TOKEN: secrets[0], SLACK_APP_TOKEN: APP },
      { SLACK_BOT_TOKEN: secrets[1], SLACK_APP_TOKEN: APP },
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: secrets[2] },
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: secrets[0] },
    ];
    for (const env of envs) expect(errorOf(env).message).not.toMatch(/ZQXJ/);
  });
});

describe("loadConfig", () => {
  it("reads a .env file quietly; real environment variables win", () => {
    const dir = mkdtempSync(join(tmpdir(), "compbot-env-"));
    const path = join(dir, ".env");
    writeFileSync(path, `SLACK_BOT_TOKEN=${BOT}\nSLACK_SIGNING_SECRET=${SECRET}\nPORT=4000\n`);
    const env: NodeJS.ProcessEnv = { PORT: "5000" };
    expect(loadConfig({ path, env })).toMatchObject({ mode: "http", port: 5000, botToken: BOT });
  });
});
