/** DATABASE_URL: validated at the edge, never echoed, redacted from logs. */
import { describe, expect, it } from "vitest";
import { ConfigError, databaseUrlFrom, resolveMode, secretsOf } from "../../src/slack/config.ts";
import { createLineLogger } from "../../src/slack/log.ts";

const HTTP = { SLACK_BOT_TOKEN: "xoxb-1-abc", SLACK_SIGNING_SECRET: "abcdef0123456789abcdef0123456789" };

describe("DATABASE_URL", () => {
  it("is optional; a postgres:// or postgresql:// URL is taken as it is", () => {
    expect(resolveMode(HTTP).databaseUrl).toBeUndefined();
    expect(resolveMode({ ...HTTP, DATABASE_URL: "  " }).databaseUrl).toBeUndefined();
    expect(resolveMode({ ...HTTP, DATABASE_URL: "postgres://bot:pw@db:5432/compbot" }).databaseUrl).toBe(
      "postgres://bot:pw@db:5432/compbot",
    );
    expect(databaseUrlFrom({ DATABASE_URL: "postgresql://db/compbot?sslmode=require" })).toBe(
      "postgresql://db/compbot?sslmode=require",
    );
  });

  it.each(["mysql://bot:ZQXJpw@db/compbot", "db:5432/compbot", "http://db/compbot"])(
    "%s -> one line naming DATABASE_URL, without the value",
    (value) => {
      let error: unknown;
      try {
        resolveMode({ ...HTTP, DATABASE_URL: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const { variable, message } = error as ConfigError;
      expect(variable).toBe("DATABASE_URL");
      expect(message).toBe(
        "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/compbot",
      );
      expect(message).not.toContain("ZQXJ");
    },
  );

  it("its password never reaches a log line", () => {
    const config = resolveMode({ ...HTTP, DATABASE_URL: "postgres://bot:s3cr%40tZQXJ@db:5432/compbot" });
    const lines: string[] = [];
    const logger = createLineLogger({
      level: "debug",
      secrets: secretsOf(config),
      write: (l) => lines.push(l),
    });
    logger.error("connect failed for postgres://bot:s3cr%40tZQXJ@db:5432/compbot");
    logger.warn("password s3cr@tZQXJ rejected");
    expect(lines.join("\n")).not.toContain("ZQXJ");
  });
});
