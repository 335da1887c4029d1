/**
 * The real CompBot (guides/ loaded by loadCompBot) behind the real Bolt app in HTTP mode on 127.0.0.1:<ephemeral>,
 * talking to a FakeSlack. Tests send signed requests and read what the fake received.
 */
import { type CompBotApi, loadCompBot } from "../../src/bot.ts";
import { blockKitViolations, type SlackMessage } from "../../src/render/limits.ts";
import {
  type CreateSlackAppOptions,
  createSlackApp,
  EVENTS_PATH,
  type SlackApp,
} from "../../src/slack/app.ts";
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
  /** Resolves with the first log line at index >= `from` matching `pattern` (rejects after timeoutMs). */
  nextLog(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
  send(request: SignedRequest, options?: SendOptions): Promise<Response>;
  close(): Promise<void>;
}

/** Extra createSlackApp options (bounds, faster retry/timeout/reconnect timings). */
export type HarnessOptions = Pick<CreateSlackAppOptions, "limits" | "tuning" | "store"> & {
  /** Replace or wrap the real core (e.g. a bot whose ask() throws). */
  wrapBot?: (bot: CompBotApi) => CompBotApi;
};

/** Collected log lines, with waiters for a line to appear (no polling). */
export function logSink(): Pick<Harness, "logs" | "nextLog"> & { write: (line: string) => void } {
  const logs: string[] = [];
  let waiters: { pattern: RegExp; from: number; resolve: (line: string) => void }[] = [];
  const write = (line: string): void => {
    const index = logs.push(line) - 1;
    for (const w of [...waiters]) {
      if (index >= w.from && w.pattern.test(line)) {
        waiters = waiters.filter((x) => x !== w);
        w.resolve(line);
      }
    }
  };
  const nextLog = (pattern: RegExp, { from = 0, timeoutMs = 5000 } = {}): Promise<string> => {
    const found = logs.slice(from).find((l) => pattern.test(l));
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<string>((resolve, reject) => {
      const waiter = {
        pattern,
        from,
        resolve: (line: string) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        waiters = waiters.filter((x) => x !== waiter);
        reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  };
  return { logs, write, nextLog };
}

/** The fake Slack, the real core and the real Bolt app in the given mode, started. */
async function startApp(mode: "http" | "socket", { wrapBot, ...options }: HarnessOptions) {
  const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN });
  const loaded = await loadCompBot(GUIDES_DIR);
  const bot = wrapBot ? wrapBot(loaded.bot) : loaded.bot;
  const { logs, write, nextLog } = logSink();
  const common = {
    botToken: TEST_BOT_TOKEN,
    port: 0,
    slackApiUrl: fake.apiUrl,
    guidesDir: GUIDES_DIR,
  } as const;
  const config: HttpConfig | SocketConfig =
    mode === "http"
      ? { ...common, mode, signingSecret: TEST_SIGNING_SECRET, logLevel: "debug" }
      : { ...common, mode, appToken: TEST_APP_TOKEN, logLevel: "debug" };
  const secrets = mode === "http" ? [TEST_BOT_TOKEN, TEST_SIGNING_SECRET] : [TEST_BOT_TOKEN, TEST_APP_TOKEN];
  const logger = createLineLogger({ level: "debug", secrets, write });
  const slack = createSlackApp({ config, bot, logger, ...options });
  await slack.start();
  return {
    fake,
    slack,
    logs,
    nextLog,
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}

export async function startHttpHarness(options: HarnessOptions = {}): Promise<Harness> {
  const app = await startApp("http", options);
  const base = `http://127.0.0.1:${app.slack.port}`;
  return {
    ...app,
    base,
    send: (request, sendOptions) => sendSigned(`${base}${EVENTS_PATH}`, request, sendOptions),
  };
}

export function startSocketHarness(options: HarnessOptions = {}): Promise<Omit<Harness, "send" | "base">> {
  return startApp("socket", options);
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
