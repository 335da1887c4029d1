/**
 * Socket Mode connection drops: the fake closes the WebSocket (a close frame, then an abrupt TCP drop); the client
 * asks apps.connections.open for a new URL, reconnects, and keeps answering. The reconnect delay (the client's
 * ping timeout, 5 s by default) is shortened for the test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_BOT_USER_ID, type Json } from "../support/fake-slack.ts";
import { appMentionEvent, eventCallbackBody, slashCommandFields, uniqueId } from "../support/signing.ts";
import { allText, type Harness, startSocketHarness } from "../support/slack-harness.ts";

let h: Omit<Harness, "send" | "base">;
/** The client's reconnect delay (its ping timeout) in this file. */
const RECONNECT_DELAY_MS = 500;
/** The slowest drop → new connection seen in this file (the drop tests record it). */
let slowestReconnectMs = 0;

beforeAll(async () => {
  h = await startSocketHarness({ tuning: { socketPingTimeoutMs: RECONNECT_DELAY_MS } });
});
afterAll(async () => {
  await h?.close();
});

function envelope(type: string, payload: Json): { id: string; frame: Json } {
  const id = uniqueId("env-");
  return { id, frame: { envelope_id: id, type, payload, accepts_response_payload: type !== "events_api" } };
}

/** A mention over the current socket is acked and answered in its thread. */
async function answersAMention(): Promise<void> {
  const sinceSocket = h.fake.markSocket();
  const since = h.fake.mark();
  const channel = uniqueId("C0SM");
  const event = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`, channel });
  const { id, frame } = envelope("events_api", eventCallbackBody(event));
  h.fake.sendToSockets(frame);
  await h.fake.nextSocketMessage((m) => m.envelope_id === id, { since: sinceSocket });
  const post = await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === channel, {
    since,
  });
  expect(post.body.thread_ts).toBe(event.ts);
  expect(allText(post.body)).toContain("£132K–£165K");
}

async function answersACommand(): Promise<void> {
  const sinceSocket = h.fake.markSocket();
  const { id, frame } = envelope(
    "slash_commands",
    slashCommandFields({ text: "segment ml-ai-engineer london", response_url: h.fake.responseUrl("sm") }),
  );
  h.fake.sendToSockets(frame);
  const ack = await h.fake.nextSocketMessage((m) => m.envelope_id === id, { since: sinceSocket });
  expect(allText(ack.data.payload as Json)).toContain("£132K–£165K");
}

describe("Socket Mode connection drops", () => {
  it("answers before any drop", async () => {
    expect(h.fake.socketCount).toBe(1);
    expect(h.fake.connections.items.map((c) => c.url)).toEqual(["/socket?ticket=1"]);
    await answersAMention();
  });

  it.each(["close", "terminate"] as const)(
    "Slack drops the connection (%s): a new URL is fetched, the client reconnects and keeps answering",
    async (how) => {
      const opensBefore = h.fake.callsTo("apps.connections.open").length;
      const since = h.fake.connections.mark();
      const dropped = performance.now();
      h.fake.dropSockets(how);
      const connection = await h.fake.nextConnection({ since, timeoutMs: 10_000 });
      slowestReconnectMs = Math.max(slowestReconnectMs, performance.now() - dropped);
      expect(connection.url).toBe(`/socket?ticket=${opensBefore + 1}`);
      expect(h.fake.callsTo("apps.connections.open")).toHaveLength(opensBefore + 1);
      await answersAMention();
      await answersACommand();
      expect(h.fake.socketCount).toBe(1);
    },
  );

  it("stop() closes the socket and does not reconnect", async () => {
    const since = h.fake.connections.mark();
    const opensBefore = h.fake.callsTo("apps.connections.open").length;
    await h.slack.stop();
    await h.fake.allSocketsClosed();
    // A reconnect would come within the client's reconnect delay, or as late as the slowest reconnect this file
    // saw after a drop: watch for twice the longer of the two (a few seconds at most), not just this instant.
    const windowMs = 2 * Math.max(3 * RECONNECT_DELAY_MS, slowestReconnectMs);
    await expect(h.fake.nextConnection({ since, timeoutMs: windowMs })).rejects.toThrow(
      /no Socket Mode connection/,
    );
    expect(h.fake.callsTo("apps.connections.open")).toHaveLength(opensBefore);
    // The abrupt drop makes @slack/socket-mode log its own "WebSocket error" lines; nothing else failed.
    expect(h.logs.filter((l) => / ERROR /.test(l) && !/WebSocket error/.test(l))).toEqual([]);
  });
});
