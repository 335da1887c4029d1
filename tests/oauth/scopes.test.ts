/** The bot scopes come from manifest.yml: one list in the project. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { botScopes, botScopesFrom, ManifestError } from "../../src/slack/oauth/scopes.ts";

describe("bot scopes", () => {
  it("are the manifest's, in its order", () => {
    expect(botScopes()).toEqual([
      "commands",
      "app_mentions:read",
      "assistant:write",
      "chat:write",
      "im:history",
      "im:read",
      "im:write",
    ]);
  });

  it("a manifest without bot scopes, with a bad one, or unreadable: one line naming the file and field", () => {
    expect(() => botScopesFrom("display_information:\n  name: CompBot\n")).toThrow(
      /^manifest.yml: oauth_config is missing or not a list of scopes$/,
    );
    expect(() => botScopesFrom("oauth_config:\n  scopes:\n    bot: []\n")).toThrow(
      /^manifest.yml: oauth_config.scopes.bot lists no scope$/,
    );
    expect(() => botScopesFrom("oauth_config:\n  scopes:\n    bot: [chat:write, 'Chat Write']\n")).toThrow(
      /^manifest.yml: oauth_config.scopes.bot.1 is not a Slack scope name$/,
    );
    expect(() => botScopesFrom("oauth_config: [\n")).toThrow(ManifestError);
    const dir = mkdtempSync(join(tmpdir(), "compbot-manifest-"));
    expect(() => botScopes(join(dir, "missing.yml"))).toThrow(/missing.yml cannot be read \(ENOENT\)/);
    writeFileSync(join(dir, "ok.yml"), "oauth_config:\n  scopes:\n    bot: [chat:write]\n");
    expect(botScopes(join(dir, "ok.yml"))).toEqual(["chat:write"]);
  });
});
