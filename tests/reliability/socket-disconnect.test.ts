/**
 * Slack's `disconnect` frames over Socket Mode: `refresh_requested` (Slack is recycling the connection) makes the
 * client fetch a new URL and reconnect; `link_disabled` (Socket Mode was turned off for the app) stops CompBot
 * reconnecting, with one ERROR line saying what to do. Every ack along the way is checked by the fake (shape,
 * 3 s deadline). The reconnect delay (the client's ping timeout) is shortened for the test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_BOT_USER_ID } from "../support/fake-slack.ts";
import { appMentionEvent, eventCallbackBody, uniqueId } from "../support/signing.ts";
import { allText, type Harness, startSocketHarness } from "../support/slack-harness.ts";

const RECONNECT_DELAY_MS = 500;
let h: Omit<Harness, "send" | "base">;

beforeAll(async () => {
  h = await startSocketHarness({ tuning: { socketPingTimeoutMs: RECONNECT_DELAY_MS } });
});
afterAll(async () => {
  await h?.close();
});

async function answersAMention(): Promise<void> {
  const since = h.fake.mark();
  const channel = uniqueId("C0DIS");
  const event = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`, channel });
  const id = uniqueId("env-");
  h.fake.sendToSockets({
    envelope_id: id,
    type: "events_api",
    payload: eventCallbackBody(event),
    accepts_response_payload: false,
  });
  const post = await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === channel, {
    since,
  });
  expect(allText(post.body)).toContain("£132K–£165K");
}

describe("Socket Mode disconnect frames", () => {
  it("refresh_requested: a new URL is fetched, the client reconnects with its new ticket and keeps answering", async () => {
    await answersAMention();
    const opensBefore = h.fake.callsTo("apps.connections.open").length;
    const since = h.fake.connections.mark();
    h.fake.sendDisconnect("refresh_requested");
    const connection = await h.fake.nextConnection({ since, timeoutMs: 10_000 });
    expect(connection.url).toBe(`/socket?ticket=${opensBefore + 1}`);
    await answersAMention();
    expect(h.fake.socketCount).toBe(1);
    expect(h.fake.refusedConnections).toEqual([]);
  });

  it("link_disabled: one ERROR line saying what to do, the socket closes, and CompBot does not reconnect", async () => {
    const opensBefore = h.fake.callsTo("apps.connections.open").length;
    const since = h.fake.connections.mark();
    const from = h.logs.length;
    h.fake.sendDisconnect("link_disabled");
    const line = await h.nextLog(/ ERROR /, { from });
    expect(line).toMatch(
      /Socket Mode off for this app \(link_disabled\): not reconnecting\. Turn Socket Mode back on/,
    );
    await h.fake.allSocketsClosed();
    // A reconnect would come within a few reconnect delays: watch for it over that window.
    await expect(h.fake.nextConnection({ since, timeoutMs: 6 * RECONNECT_DELAY_MS })).rejects.toThrow(
      /no Socket Mode connection/,
    );
    expect(h.fake.callsTo("apps.connections.open")).toHaveLength(opensBefore);
  });

  it("every envelope was acknowledged well-formed and within 3 s", () => {
    expect(h.fake.socketProblems()).toEqual([]);
  });
});
