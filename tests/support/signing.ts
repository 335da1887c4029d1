/**
 * Slack-shaped requests for tests: v0 signatures, slash-command forms, event_callback envelopes, block_actions
 * payloads, and `sendSigned` to post them to a running app.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import { FAKE_APP_ID, FAKE_BOT_USER_ID, FAKE_TEAM_ID, type Json } from "./fake-slack.ts";

export const TEST_SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
export const TEST_BOT_TOKEN = "xoxb-test-bot-token";
export const TEST_APP_TOKEN = "xapp-test-app-token";

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`). */
export function sign(secret: string, body: string, timestamp: number): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedRequest {
  body: string;
  contentType: "application/x-www-form-urlencoded" | "application/json";
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Override the computed signature (bad-signature tests). */
  signature?: string;
  retryNum?: number;
  retryReason?: string;
}

/** POST a signed Slack request to `url` (the app's /slack/events). */
export async function sendSigned(
  url: string,
  request: SignedRequest,
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? nowSeconds();
  const headers: Record<string, string> = {
    "content-type": request.contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature":
      options.signature ?? sign(options.secret ?? TEST_SIGNING_SECRET, request.body, timestamp),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout";
  }
  return fetch(url, { method: "POST", headers, body: request.body });
}

/**
 * POST a signed Slack request over a keep-alive `agent` (node:http, much cheaper per request than fetch, for the
 * load generators). Resolves with the status and the body as text; rejects on a network error or after
 * `timeoutMs` without an answer.
 */
export function postSigned(
  agent: http.Agent,
  url: URL,
  request: SignedRequest,
  timeoutMs = 10_000,
): Promise<{ status: number; body: string }> {
  const timestamp = nowSeconds();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent,
        headers: {
          "content-type": request.contentType,
          "content-length": Buffer.byteLength(request.body),
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(TEST_SIGNING_SECRET, request.body, timestamp),
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(request.body);
  });
}

let counter = 0;
export const uniqueId = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`;

export interface SlashCommandFields {
  text: string;
  user_id?: string;
  channel_id?: string;
  response_url: string;
  command?: string;
}

/** The fields Slack sends for a slash command (also the Socket Mode `slash_commands` payload). */
export function slashCommandFields(f: SlashCommandFields): Record<string, string> {
  return {
    token: "deprecated-verification-token",
    team_id: FAKE_TEAM_ID,
    team_domain: "fake",
    channel_id: f.channel_id ?? "C0GENERAL",
    channel_name: "general",
    user_id: f.user_id ?? "U0ALICE",
    user_name: "alice",
    command: f.command ?? "/comp",
    text: f.text,
    api_app_id: FAKE_APP_ID,
    is_enterprise_install: "false",
    response_url: f.response_url,
    trigger_id: uniqueId("trigger."),
  };
}

export function slashCommand(f: SlashCommandFields): SignedRequest {
  return {
    body: new URLSearchParams(slashCommandFields(f)).toString(),
    contentType: "application/x-www-form-urlencoded",
  };
}

export interface EventOptions {
  eventId?: string;
  teamId?: string;
}

/** An Events API `event_callback` envelope around `event`. */
export function eventCallbackBody(event: Json, options: EventOptions = {}): Json {
  return {
    token: "deprecated-verification-token",
    team_id: options.teamId ?? FAKE_TEAM_ID,
    api_app_id: FAKE_APP_ID,
    event,
    type: "event_callback",
    event_id: options.eventId ?? uniqueId("Ev"),
    event_time: nowSeconds(),
    authorizations: [
      {
        team_id: options.teamId ?? FAKE_TEAM_ID,
        user_id: FAKE_BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export function eventCallback(event: Json, options: EventOptions = {}): SignedRequest & { eventId: string } {
  const body = eventCallbackBody(event, options);
  return { body: JSON.stringify(body), contentType: "application/json", eventId: String(body.event_id) };
}

export function appMentionEvent(f: {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
}): Json {
  const ts = f.ts ?? `${nowSeconds()}.${String(++counter).padStart(6, "0")}`;
  return {
    type: "app_mention",
    user: f.user ?? "U0ALICE",
    text: f.text,
    ts,
    channel: f.channel ?? "C0GENERAL",
    event_ts: ts,
    ...(f.thread_ts !== undefined ? { thread_ts: f.thread_ts } : {}),
  };
}

export function directMessageEvent(f: { text: string; user?: string; channel?: string; extra?: Json }): Json {
  const ts = `${nowSeconds()}.${String(++counter).padStart(6, "0")}`;
  return {
    type: "message",
    channel_type: "im",
    channel: f.channel ?? "D0ALICE",
    user: f.user ?? "U0ALICE",
    text: f.text,
    ts,
    event_ts: ts,
    ...f.extra,
  };
}

export interface ButtonClickFields {
  actionId: string;
  value: string;
  responseUrl?: string;
  user?: string;
  channel?: string;
  /** Default "message" (a button on a message); "ephemeral" for one on an ephemeral answer. */
  container?: "message" | "ephemeral";
  threadTs?: string;
}

/** A `block_actions` payload for one button click. */
export function blockActionsPayload(f: ButtonClickFields): Json {
  const channel = f.channel ?? "C0GENERAL";
  const messageTs = `${nowSeconds()}.000200`;
  return {
    type: "block_actions",
    user: { id: f.user ?? "U0ALICE", username: "alice", name: "alice", team_id: FAKE_TEAM_ID },
    api_app_id: FAKE_APP_ID,
    token: "deprecated-verification-token",
    container: {
      type: "message",
      message_ts: messageTs,
      channel_id: channel,
      is_ephemeral: f.container === "ephemeral",
      ...(f.threadTs !== undefined ? { thread_ts: f.threadTs } : {}),
    },
    trigger_id: uniqueId("trigger."),
    team: { id: FAKE_TEAM_ID, domain: "fake" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: "general" },
    ...(f.responseUrl !== undefined ? { response_url: f.responseUrl } : {}),
    actions: [
      {
        type: "button",
        action_id: f.actionId,
        block_id: "compbot_actions_0",
        text: { type: "plain_text", text: "Button", emoji: true },
        value: f.value,
        action_ts: `${nowSeconds()}.000300`,
      },
    ],
  };
}

export function blockActions(f: ButtonClickFields): SignedRequest {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(blockActionsPayload(f)) }).toString(),
    contentType: "application/x-www-form-urlencoded",
  };
}
