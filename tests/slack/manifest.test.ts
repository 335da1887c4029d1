/** manifest.yml: valid against Slack's app-manifest JSON Schema, and declares what CompBot needs. */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = resolve(import.meta.dirname, "../..");
const SCHEMA_DIR = resolve(ROOT, "../shared/slack-manifest-schema");
const SCHEMA_FILE = join(SCHEMA_DIR, "manifest.schema.1.0.0.json");
const schemaMissing = !existsSync(SCHEMA_FILE);

interface Manifest {
  display_information: { name: string };
  features: {
    bot_user?: { display_name: string };
    app_home?: {
      home_tab_enabled?: boolean;
      messages_tab_enabled?: boolean;
      messages_tab_read_only_enabled?: boolean;
    };
    agent_view?: { agent_description?: string; suggested_prompts?: { title: string; message: string }[] };
    shortcuts?: { name: string; type: string; callback_id: string; description: string }[];
    slash_commands?: { command: string; description: string; usage_hint?: string; url?: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifestText = readFileSync(join(ROOT, "manifest.yml"), "utf8");
const manifest = parse(manifestText) as Manifest;

describe("manifest.yml", () => {
  it.skipIf(schemaMissing)(
    `is valid against the app-manifest schema (skipped when ${SCHEMA_FILE} is absent)`,
    () => {
      const schema: unknown = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
      // Non-standard keywords in Slack's schema: "regex" (enforced here like "pattern"), "_note" and "requires"
      // (annotations). The "uri" format gets a minimal check (ajv-formats is not installed). Unknown keywords are
      // errors (strictSchema); the schema's own loose typing (strictTypes) is tolerated.
      const ajv = new Ajv({ allErrors: true, strictSchema: true, strictTypes: false, strictTuples: false });
      ajv.addKeyword({
        keyword: "regex",
        type: "string",
        schemaType: "string",
        validate: (re: string, data: string) => new RegExp(re).test(data),
      });
      ajv.addKeyword("_note");
      ajv.addKeyword("requires");
      ajv.addFormat("uri", (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s));
      const validate = ajv.compile(schema as object);
      const ok = validate(manifest);
      expect(ok ? [] : validate.errors).toEqual([]);
      // The validator does reject a broken manifest.
      const broken = structuredClone(manifest) as unknown as Record<string, Record<string, unknown>>;
      broken.display_information = { name: "x".repeat(36), background_color: "blue" };
      expect(validate(broken)).toBe(false);
      expect(validate.errors?.map((e) => e.keyword).sort()).toEqual(["maxLength", "regex"]);
    },
  );

  it("names the app and its bot user CompBot, with /comp described and hinted", () => {
    expect(manifest.display_information.name).toBe("CompBot");
    expect(manifest.features.bot_user?.display_name).toBe("CompBot");
    const comp = manifest.features.slash_commands?.find((c) => c.command === "/comp");
    expect(comp?.description).toBeTruthy();
    expect(comp?.usage_hint).toBeTruthy();
  });

  it("has exactly the bot scopes and events CompBot uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        "app_mentions:read",
        "assistant:write",
        "chat:write",
        "commands",
        "im:history",
        "im:read",
        "im:write",
      ].sort(),
    );
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      "app_home_opened",
      "app_mention",
      "message.im",
    ]);
  });

  it("turns on interactivity, Socket Mode and the App Home messages tab (so DMs work)", () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home?.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home?.messages_tab_read_only_enabled).toBe(false);
  });

  it("hints every /comp form: script, level, offer, list and help", () => {
    const hint = manifest.features.slash_commands?.find((c) => c.command === "/comp")?.usage_hint ?? "";
    for (const word of ["script", "level", "offer", "list", "help"]) expect(hint).toContain(word);
  });

  it("has the agent view (description, up to 4 prompts), the Home tab and both offer shortcuts", () => {
    expect(manifest.features.agent_view?.agent_description).toBeTruthy();
    const prompts = manifest.features.agent_view?.suggested_prompts ?? [];
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(4);
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
    const shortcuts = (manifest.features.shortcuts ?? []).map((s) => [s.type, s.callback_id, s.name]);
    expect(shortcuts).toEqual([
      ["global", "compbot_check_offer", "Check an offer"],
      ["message", "compbot_check_this_offer", "Check this offer"],
    ]);
  });

  it("explains what to change for HTTP mode (request URLs on /slack/events)", () => {
    expect(manifestText).toMatch(/HTTP mode/);
    expect(manifestText).toMatch(/#\s*request_url: https:\/\/\S+\/slack\/events/);
    expect(manifestText).toMatch(/#\s*url: https:\/\/\S+\/slack\/events/);
    expect(manifestText).toMatch(/#\s*message_menu_options_url: https:\/\/\S+\/slack\/events/);
  });
});
