/**
 * The real CompBot (guides/ loaded by loadCompBot) behind the real Bolt app in HTTP mode on 127.0.0.1:<ephemeral>,
 * talking to a FakeSlack. Tests send signed requests and read what the fake received.
 */
import { loadCompBot } from "../../src/bot.ts";
import { blockKitViolations, type SlackMessage } from "../../src/render/limits.ts";
import { createSlackApp, EVENTS_PATH, type SlackApp } from "../../src/slack/app.ts";
import type { HttpConfig, SocketConfig } from "../../src/slack/config.ts";
import { createLineLogger } from "../../src/slack/log.ts";
import { type ApiCall, FakeSlack, type Json } from "./fake-slack.ts";
import {
  type SendOptions,
  type SignedRequest,
  sendSigned,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "./signing.ts";

export const GUIDES_DIR = "guides";

export interface Harness {
  fake: FakeSlack;
  slack: SlackApp;
  /** http://127.0.0.1:<port> */
  base: string;
  logs: string[];
  send(request: SignedRequest, options?: SendOptions): Promise<Response>;
  close(): Promise<void>;
}

export async function startHttpHarness(): Promise<Harness> {
  const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN });
  const { bot } = await loadCompBot(GUIDES_DIR);
  const logs: string[] = [];
  const config: HttpConfig = {
    mode: "http",
    botToken: TEST_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    port: 0,
    slackApiUrl: fake.apiUrl,
    guidesDir: GUIDES_DIR,
    logLevel: "debug",
  };
  const logger = createLineLogger({
    level: "debug",
    secrets: [TEST_BOT_TOKEN, TEST_SIGNING_SECRET],
    write: (line) => logs.push(line),
  });
  const slack = createSlackApp({ config, bot, logger });
  await slack.start();
  const base = `http://127.0.0.1:${slack.port}`;
  return {
    fake,
    slack,
    base,
    logs,
    send: (request, options) => sendSigned(`${base}${EVENTS_PATH}`, request, options),
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}

export async function startSocketHarness(): Promise<Omit<Harness, "send" | "base">> {
  const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN });
  const { bot } = await loadCompBot(GUIDES_DIR);
  const logs: string[] = [];
  const config: SocketConfig = {
    mode: "socket",
    botToken: TEST_BOT_TOKEN,
    appToken: TEST_APP_TOKEN,
    port: 0,
    slackApiUrl: fake.apiUrl,
    guidesDir: GUIDES_DIR,
    logLevel: "debug",
  };
  const logger = createLineLogger({
    level: "debug",
    secrets: [TEST_BOT_TOKEN, TEST_APP_TOKEN],
    write: (line) => logs.push(line),
  });
  const slack = createSlackApp({ config, bot, logger });
  await slack.start();
  return {
    fake,
    slack,
    logs,
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}

/** The message (text + blocks) in a Web API call, respond() post or ack body. */
export function messageOf(body: Json): SlackMessage {
  return { text: body.text as string, blocks: (body.blocks ?? []) as SlackMessage["blocks"] };
}

/** Every Block Kit problem in every message the fake received (postMessage, postEphemeral, respond). */
export function violationsInCalls(calls: readonly ApiCall[]): string[] {
  const out: string[] = [];
  for (const call of calls) {
    if (!["chat.postMessage", "chat.postEphemeral", "respond"].includes(call.method)) continue;
    for (const v of blockKitViolations(messageOf(call.body))) out.push(`${call.method} #${call.seq}: ${v}`);
  }
  return out;
}

/** All text of a message (top-level text + every text object in its blocks), for "contains" checks. */
export function allText(body: Json): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) if (k !== "action_id" && k !== "block_id") walk(x);
    }
  };
  walk(body.text);
  walk(body.blocks);
  return parts.join("\n");
}

/** The buttons of a message: action_id, label and value. */
export function buttonsOf(body: Json): { actionId: string; text: string; value: string }[] {
  const out: { actionId: string; text: string; value: string }[] = [];
  for (const block of (body.blocks ?? []) as Json[]) {
    if (block.type !== "actions") continue;
    for (const el of (block.elements ?? []) as Json[]) {
      if (el.type !== "button") continue;
      out.push({
        actionId: String(el.action_id),
        text: String((el.text as Json | undefined)?.text ?? ""),
        value: String(el.value ?? ""),
      });
    }
  }
  return out;
}
