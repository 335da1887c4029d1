/** Socket Mode end to end: apps.connections.open -> ws://127.0.0.1 -> hello -> envelopes, acks and replies. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCompBot } from "../../src/bot.ts";
import { createSlackApp } from "../../src/slack/app.ts";
import { createLineLogger } from "../../src/slack/log.ts";
import { FAKE_BOT_USER_ID, FakeSlack, type Json } from "../support/fake-slack.ts";
import { modalViolations } from "../support/modal-limits.ts";
import { viewSubmissionPayload } from "../support/offer-modal.ts";
import {
  appMentionEvent,
  blockActionsPayload,
  eventCallbackBody,
  slashCommandFields,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
  uniqueId,
} from "../support/signing.ts";
import {
  allText,
  GUIDES_DIR,
  type Harness,
  startSocketHarness,
  violationsInCalls,
} from "../support/slack-harness.ts";

let h: Omit<Harness, "send" | "base">;

beforeAll(async () => {
  h = await startSocketHarness();
});
afterAll(async () => {
  await h?.close();
});

function envelope(type: string, payload: Json, extra: Json = {}): { id: string; frame: Json } {
  const id = uniqueId("env-");
  return {
    id,
    frame: { envelope_id: id, type, payload, accepts_response_payload: type !== "events_api", ...extra },
  };
}

const ackFor = (id: string, since: number) =>
  h.fake.nextSocketMessage((m) => m.envelope_id === id, { since });

describe("Socket Mode", () => {
  it("connected with the app token and verified the bot token", () => {
    const open = h.fake.callsTo("apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(TEST_APP_TOKEN);
    const auth = h.fake.callsTo("auth.test");
    expect(auth).toHaveLength(1);
    expect(auth[0]?.token).toBe(TEST_BOT_TOKEN);
    expect(h.fake.socketCount).toBe(1);
  });

  it("slash_commands envelope -> acked with the ephemeral answer as the ack payload", async () => {
    const since = h.fake.markSocket();
    const { id, frame } = envelope(
      "slash_commands",
      slashCommandFields({
        text: "segment ml-ai-engineer london",
        response_url: h.fake.responseUrl("sm-cmd"),
      }),
    );
    h.fake.sendToSockets(frame);
    const ack = await ackFor(id, since);
    const payload = ack.data.payload as Json;
    expect(payload.response_type).toBe("ephemeral");
    expect(allText(payload)).toContain("£132K–£165K");
  });

  it("events_api envelope (app_mention) -> acked by envelope_id, answered in the thread", async () => {
    const sinceSocket = h.fake.markSocket();
    const since = h.fake.mark();
    const event = appMentionEvent({
      text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer`,
      channel: "C0SOCKET",
    });
    const body = eventCallbackBody(event);
    const { id, frame } = envelope("events_api", body, { retry_attempt: 0, retry_reason: "" });
    h.fake.sendToSockets(frame);
    await ackFor(id, sinceSocket);
    const post = await h.fake.nextCall(
      (c) => c.method === "chat.postMessage" && c.body.channel === "C0SOCKET",
      {
        since,
      },
    );
    expect(post.body.thread_ts).toBe(event.ts);
    expect(post.token).toBe(TEST_BOT_TOKEN);
    expect(allText(post.body)).toContain("London");

    // A redelivery of the same event_id is acked but not answered again.
    const retry = envelope("events_api", body, { retry_attempt: 1, retry_reason: "timeout" });
    h.fake.sendToSockets(retry.frame);
    await ackFor(retry.id, sinceSocket);
    const sentinel = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> list`, channel: "C0SOCKET" });
    h.fake.sendToSockets(envelope("events_api", eventCallbackBody(sentinel)).frame);
    await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.thread_ts === sentinel.ts, {
      since,
    });
    expect(
      h.fake.callsTo("chat.postMessage", since).filter((c) => c.body.thread_ts === event.ts),
    ).toHaveLength(1);
  });

  it("interactive envelope (a follow-up button) -> acked, answered privately through response_url", async () => {
    const sinceSocket = h.fake.markSocket();
    const since = h.fake.mark();
    const { id, frame } = envelope(
      "interactive",
      blockActionsPayload({
        actionId: "compbot_run_0",
        value: "segment ml-ai-engineer new-york",
        responseUrl: h.fake.responseUrl("sm-click"),
      }),
    );
    h.fake.sendToSockets(frame);
    await ackFor(id, sinceSocket);
    const reply = await h.fake.nextCall((c) => c.method === "respond" && c.respondId === "sm-click", {
      since,
    });
    expect(reply.body.response_type).toBe("ephemeral");
    expect(allText(reply.body)).toContain("$182K–$222K");
  });

  it("the offer modal: views.open on the click, field errors in the ack payload, the answer ephemeral", async () => {
    const sinceSocket = h.fake.markSocket();
    const since = h.fake.mark();
    const click = blockActionsPayload({
      actionId: "compbot_offer_open",
      value: "segment ml-ai-engineer london",
      channel: "C0SOCKET",
    });
    h.fake.sendToSockets(envelope("interactive", click).frame);
    const opened = await h.fake.nextCall((c) => c.method === "views.open", { since });
    expect(opened.body.trigger_id).toBe(click.trigger_id);
    const view = opened.body.view as Json;
    expect(modalViolations(view)).toEqual([]);

    const bad = envelope("interactive", viewSubmissionPayload(view, { base: "abc", vest: "0" }));
    h.fake.sendToSockets(bad.frame);
    const badAck = (await ackFor(bad.id, sinceSocket)).data.payload as Json;
    expect(badAck.response_action).toBe("errors");
    expect(Object.keys(badAck.errors as Json).sort()).toEqual(["offer_base", "offer_vest"]);

    const good = envelope("interactive", viewSubmissionPayload(view, { base: "150k" }));
    h.fake.sendToSockets(good.frame);
    await ackFor(good.id, sinceSocket);
    const eph = await h.fake.nextCall((c) => c.method === "chat.postEphemeral", { since });
    expect(eph.body.channel).toBe("C0SOCKET");
    expect(allText(eph.body)).toContain("`▕■■■■■□□□□□▏`");
    expect(h.fake.callsTo("chat.postMessage", since)).toEqual([]);
  });

  it("serves GET /healthz on its own port", async () => {
    expect(h.slack.port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${h.slack.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, guides: 1 });
  });

  it("every message respects Block Kit limits; every ack was well-formed and within 3 s; no secret in the logs", () => {
    expect(violationsInCalls(h.fake.calls.items)).toEqual([]);
    expect(h.fake.socketProblems()).toEqual([]);
    expect(h.fake.refusedConnections).toEqual([]);
    for (const line of h.logs) {
      expect(line).not.toContain(TEST_APP_TOKEN);
      expect(line).not.toContain(TEST_BOT_TOKEN);
    }
    expect(h.logs.filter((l) => / ERROR /.test(l))).toEqual([]);
  });

  it("stop() closes the WebSocket", async () => {
    await h.slack.stop();
    await h.fake.allSocketsClosed(3000);
    expect(h.fake.socketCount).toBe(0);
    expect(h.slack.port).toBeUndefined();
  });
});

describe("Socket Mode start-up", () => {
  it("an app token Slack rejects fails start() with one clear line and leaves nothing running", async () => {
    const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: "xapp-the-real-one" });
    const { bot } = await loadCompBot(GUIDES_DIR);
    const logs: string[] = [];
    const slack = createSlackApp({
      config: {
        mode: "socket",
        botToken: TEST_BOT_TOKEN,
        appToken: TEST_APP_TOKEN,
        port: 0,
        slackApiUrl: fake.apiUrl,
        guidesDir: GUIDES_DIR,
        logLevel: "debug",
      },
      bot,
      logger: createLineLogger({ level: "debug", write: (l) => logs.push(l) }),
    });
    try {
      const error = await slack.start().then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as Error).message).toBe(
        "Slack rejected SLACK_APP_TOKEN at start-up (apps.connections.open: invalid_auth)",
      );
      expect(slack.port).toBeUndefined();
      expect(fake.socketCount).toBe(0);
      expect(logs.join("\n")).not.toContain(TEST_APP_TOKEN);
    } finally {
      await slack.stop();
      await fake.close();
    }
  });
});
