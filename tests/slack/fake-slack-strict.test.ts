/**
 * The fake Slack is as strict as Slack: these tests call it directly (no CompBot) and check that it refuses what
 * Slack refuses (tokens, required arguments, Block Kit limits, response_url rules, Socket Mode tickets and
 * acks). A fake that accepts anything would let a broken CompBot pass every other test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { AckTracker } from "../support/fake-slack/socket.ts";
import { FakeSlack, type Json, RESPONSE_URL_MAX_USES } from "../support/fake-slack.ts";
import { TEST_APP_TOKEN, TEST_BOT_TOKEN } from "../support/signing.ts";

let fake: FakeSlack;
beforeAll(async () => {
  fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN });
});
afterAll(async () => {
  await fake?.close();
});

async function call(method: string, body: Json, token: string | null = TEST_BOT_TOKEN): Promise<Json> {
  const res = await fetch(`${fake.apiUrl}${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Json;
}

const section = (text: string): Json => ({ type: "section", text: { type: "mrkdwn", text } });
const modal = (title = "Check my offer"): Json => ({
  type: "modal",
  callback_id: "cb",
  title: { type: "plain_text", text: title },
  submit: { type: "plain_text", text: "Check" },
  blocks: [section("hello")],
});

describe("Web API: tokens", () => {
  const everyMethod: [string, Json][] = [
    ["auth.test", {}],
    ["chat.postMessage", { channel: "C1", text: "hi" }],
    ["chat.postEphemeral", { channel: "C1", user: "U1", text: "hi" }],
    ["conversations.open", { users: "U1" }],
    ["views.open", { trigger_id: "1.2.abc", view: modal() }],
  ];
  it.each(everyMethod)(
    "%s: ok with the bot token; refused without it, with another, or with the app token",
    async (method, body) => {
      expect(await call(method, body)).toMatchObject({ ok: true });
      expect(await call(method, body, null)).toEqual({ ok: false, error: "not_authed" });
      expect(await call(method, body, "xoxb-someone-else")).toEqual({ ok: false, error: "invalid_auth" });
      expect(await call(method, body, TEST_APP_TOKEN)).toEqual({
        ok: false,
        error: "not_allowed_token_type",
      });
    },
  );

  it("apps.connections.open takes the app token only", async () => {
    expect(await call("apps.connections.open", {}, TEST_APP_TOKEN)).toMatchObject({ ok: true });
    expect(await call("apps.connections.open", {}, TEST_BOT_TOKEN)).toEqual({
      ok: false,
      error: "not_allowed_token_type",
    });
    expect(await call("apps.connections.open", {}, "xapp-someone-else")).toEqual({
      ok: false,
      error: "invalid_auth",
    });
    expect(await call("apps.connections.open", {}, null)).toEqual({ ok: false, error: "not_authed" });
  });

  it("an unknown method is unknown_method", async () => {
    expect(await call("chat.frobnicate", {})).toEqual({ ok: false, error: "unknown_method" });
  });
});

describe("Web API: required arguments", () => {
  it.each([
    ["chat.postMessage", { text: "hi" }, "channel_not_found"],
    ["chat.postMessage", { channel: "C1" }, "no_text"],
    ["chat.postMessage", { channel: "C1", text: "", blocks: [] }, "no_text"],
    ["chat.postEphemeral", { channel: "C1", text: "hi" }, "user_not_in_channel"],
    ["chat.postEphemeral", { user: "U1", text: "hi" }, "channel_not_found"],
    ["chat.postEphemeral", { channel: "C1", user: "U1" }, "no_text"],
    ["conversations.open", {}, "users_list_not_supplied"],
    ["views.open", { view: modal() }, "invalid_arguments"],
    ["views.open", { trigger_id: "1.2.abc" }, "invalid_arguments"],
  ] as [string, Json, string][])("%s %j -> %s", async (method, body, error) => {
    expect(await call(method, body)).toEqual({ ok: false, error });
  });

  it("blocks alone are a message; so is text alone", async () => {
    expect(await call("chat.postMessage", { channel: "C1", blocks: [section("hi")] })).toMatchObject({
      ok: true,
    });
    expect(await call("chat.postMessage", { channel: "C1", text: "hi" })).toMatchObject({ ok: true });
  });
});

describe("Web API: Slack's Block Kit limits (judged by tests/support/slack-limits.ts)", () => {
  const post = (blocks: unknown, text = "fallback") =>
    call("chat.postMessage", { channel: "C1", text, blocks });

  it.each([
    ["51 blocks", Array.from({ length: 51 }, () => ({ type: "divider" }))],
    ["a section of 3001 characters", [section("x".repeat(3001))]],
    ["an empty section text", [section(" ")]],
    [
      "11 fields",
      [{ type: "section", fields: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "f" })) }],
    ],
    ["a header of 151 characters", [{ type: "header", text: { type: "plain_text", text: "h".repeat(151) } }]],
    ["a mrkdwn header", [{ type: "header", text: { type: "mrkdwn", text: "h" } }]],
    [
      "11 context elements",
      [{ type: "context", elements: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "c" })) }],
    ],
    [
      "26 buttons",
      [
        {
          type: "actions",
          elements: Array.from({ length: 26 }, (_, i) => ({
            type: "button",
            action_id: `a${i}`,
            text: { type: "plain_text", text: "b" },
          })),
        },
      ],
    ],
    [
      "a button label of 76 characters",
      [
        {
          type: "actions",
          elements: [{ type: "button", action_id: "a", text: { type: "plain_text", text: "b".repeat(76) } }],
        },
      ],
    ],
    [
      "a button value of 2001 characters",
      [
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "a",
              value: "v".repeat(2001),
              text: { type: "plain_text", text: "b" },
            },
          ],
        },
      ],
    ],
    [
      "duplicate action_ids",
      [
        {
          type: "actions",
          elements: [0, 1].map(() => ({
            type: "button",
            action_id: "same",
            text: { type: "plain_text", text: "b" },
          })),
        },
      ],
    ],
    [
      "duplicate block_ids",
      [
        { ...section("a"), block_id: "b" },
        { ...section("b"), block_id: "b" },
      ],
    ],
    ["a block_id of 256 characters", [{ ...section("a"), block_id: "i".repeat(256) }]],
    ["a markdown block of 12,001 characters", [{ type: "markdown", text: "m".repeat(12_001) }]],
    ["an unknown block type", [{ type: "sparkles" }]],
  ])("refuses %s with invalid_blocks", async (_name, blocks) => {
    expect(await post(blocks)).toEqual({ ok: false, error: "invalid_blocks" });
  });

  it("accepts each limit exactly", async () => {
    expect(await post(Array.from({ length: 50 }, () => ({ type: "divider" })))).toMatchObject({ ok: true });
    expect(await post([section("x".repeat(3000))])).toMatchObject({ ok: true });
    expect(
      await post([{ type: "header", text: { type: "plain_text", text: "h".repeat(150) } }]),
    ).toMatchObject({ ok: true });
    expect(await post([{ type: "markdown", text: "m".repeat(12_000) }])).toMatchObject({ ok: true });
  });

  it("refuses top-level text over 40,000 characters with msg_too_long", async () => {
    expect(await call("chat.postMessage", { channel: "C1", text: "t".repeat(40_001) })).toEqual({
      ok: false,
      error: "msg_too_long",
    });
    expect(await call("chat.postEphemeral", { channel: "C1", user: "U1", text: "t".repeat(40_001) })).toEqual(
      {
        ok: false,
        error: "msg_too_long",
      },
    );
  });

  it("views.open refuses a modal that breaks Slack's view limits", async () => {
    expect(await call("views.open", { trigger_id: "t", view: modal("A title that is 25 chars!") })).toEqual({
      ok: false,
      error: "invalid_arguments",
    });
  });
});

describe("response_url", () => {
  const respond = (id: string, body: unknown, type = "application/json") =>
    fetch(fake.responseUrl(id), {
      method: "POST",
      headers: { "content-type": type },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("accepts a message, a replacement and a deletion", async () => {
    expect((await respond("r1", { text: "hi", response_type: "ephemeral" })).status).toBe(200);
    expect((await respond("r1", { blocks: [section("hi")], replace_original: true })).status).toBe(200);
    expect((await respond("r1", { delete_original: true })).status).toBe(200);
  });

  it.each([
    ["form-encoded", "text=hi", "application/x-www-form-urlencoded", "invalid_payload"],
    ["not JSON", "{text", "application/json", "invalid_payload"],
    ["no text or blocks", { response_type: "ephemeral" }, "application/json", "no_text"],
    [
      "a bad response_type",
      { text: "hi", response_type: "everyone" },
      "application/json",
      "invalid_response_type",
    ],
    [
      "a non-boolean replace_original",
      { text: "hi", replace_original: "yes" },
      "application/json",
      "invalid_payload",
    ],
    [
      "blocks over Slack's limits",
      { text: "hi", blocks: [section("x".repeat(3001))] },
      "application/json",
      "invalid_blocks",
    ],
  ])("refuses %s (HTTP 400)", async (_name, body, type, error) => {
    const res = await respond(`bad-${error}-${type}`, body, type);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error });
  });

  it(`a response_url can be used ${RESPONSE_URL_MAX_USES} times`, async () => {
    for (let i = 0; i < 5; i++) expect((await respond("five", { text: `use ${i}` })).status).toBe(200);
    const sixth = await respond("five", { text: "one more" });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: "used_url" });
  });
});

describe("Socket Mode", () => {
  const connect = (url: string) =>
    new Promise<{ opened: boolean; status?: number; ws: WebSocket }>((resolve) => {
      const ws = new WebSocket(url);
      ws.once("open", () => resolve({ opened: true, ws }));
      ws.once("unexpected-response", (_req, res) => resolve({ opened: false, status: res.statusCode, ws }));
      ws.once("error", () => resolve({ opened: false, ws }));
    });

  it("a URL from apps.connections.open works once; no ticket, a made-up one or a reused one is refused", async () => {
    const { url } = (await call("apps.connections.open", {}, TEST_APP_TOKEN)) as { url: string };
    const first = await connect(url);
    expect(first.opened).toBe(true);
    first.ws.close();
    expect((await connect(url)).status).toBe(401);
    expect((await connect(fake.wsUrl)).status).toBe(401);
    expect((await connect(`${fake.wsUrl}?ticket=999`)).status).toBe(401);
    expect(fake.refusedConnections).toHaveLength(3);
  });

  it("acks: on time and well-formed pass; late, malformed, unknown, repeated or with a stray payload are problems", () => {
    let now = 0;
    const acks = new AckTracker(() => now);
    acks.sent({ envelope_id: "e1", type: "events_api", accepts_response_payload: false });
    acks.sent({ envelope_id: "e2", type: "slash_commands", accepts_response_payload: true });
    acks.sent({ envelope_id: "e3", type: "events_api", accepts_response_payload: false });
    acks.sent({ envelope_id: "e4", type: "events_api", accepts_response_payload: false });
    acks.sent({ envelope_id: "e5", type: "events_api", accepts_response_payload: false });
    now = 2999;
    expect(acks.received(JSON.stringify({ envelope_id: "e1", payload: {} }))).toBeNull();
    expect(acks.received(JSON.stringify({ envelope_id: "e2", payload: { text: "answer" } }))).toBeNull();
    expect(acks.received(JSON.stringify({ envelope_id: "e3", payload: { text: "no" } }))).toMatch(
      /does not accept one/,
    );
    expect(acks.received(JSON.stringify({ envelope_id: "e1" }))).toMatch(/acknowledged twice/);
    expect(acks.received(JSON.stringify({ envelope_id: "nope" }))).toMatch(/no such envelope/);
    expect(acks.received(JSON.stringify({ payload: {} }))).toMatch(/without an envelope_id/);
    expect(acks.received(JSON.stringify({ envelope_id: "e4", extra: 1 }))).toMatch(/unexpected fields extra/);
    expect(acks.received("not json")).toMatch(/not JSON/);
    now = 3001;
    expect(acks.overdue()).toEqual(["envelope e5: not acknowledged within 3000 ms"]);
    expect(acks.received(JSON.stringify({ envelope_id: "e5" }))).toMatch(/after 3001 ms/);
    expect(acks.problems).toHaveLength(7);
  });
});
