/**
 * What the real Bolt app (HTTP mode, loopback) does with requests Slack would never send, or that are not from
 * Slack: missing signature headers, a timestamp in the future, an unsigned url_verification, and payloads that
 * fail src/slack/payloads.ts (each rejection path: /comp, app_mention, message.im, a button, a modal
 * submission). None of them crashes the app, answers garbage, or reaches the core; a person always gets an
 * answer (an apology) where Slack shows one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PATH } from "../../src/slack/app.ts";
import { FAKE_BOT_USER_ID, type Json } from "../support/fake-slack.ts";
import {
  appMentionEvent,
  blockActionsPayload,
  directMessageEvent,
  eventCallback,
  nowSeconds,
  type SignedRequest,
  sign,
  slashCommandFields,
  TEST_SIGNING_SECRET,
  uniqueId,
} from "../support/signing.ts";
import { allText, type Harness, startHttpHarness } from "../support/slack-harness.ts";

const APOLOGY =
  /Sorry, something went wrong while answering that\. Please try again in a moment, or ask `\/comp help`\./;

let h: Harness;
beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(async () => {
  await h?.close();
});

const form = (fields: Record<string, string>): SignedRequest => ({
  body: new URLSearchParams(fields).toString(),
  contentType: "application/x-www-form-urlencoded",
});
const commandFields = (text: string, extra: Record<string, string> = {}) => ({
  ...slashCommandFields({ text, response_url: h.fake.responseUrl(uniqueId("r")) }),
  ...extra,
});

/** POST with exactly these headers (no signing helper). */
function rawPost(body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${h.base}${EVENTS_PATH}`, { method: "POST", headers, body });
}

describe("signatures", () => {
  const body = new URLSearchParams(
    slashCommandFields({ text: "list", response_url: "http://127.0.0.1:9/r" }),
  ).toString();
  const type = { "content-type": "application/x-www-form-urlencoded" };

  it("no X-Slack-Signature: 401, nothing answered", async () => {
    const since = h.fake.mark();
    const res = await rawPost(body, { ...type, "x-slack-request-timestamp": String(nowSeconds()) });
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("");
    expect(h.fake.calls.items.filter((c) => c.seq > since)).toEqual([]);
  });

  it("no X-Slack-Request-Timestamp: 401", async () => {
    const res = await rawPost(body, {
      ...type,
      "x-slack-signature": sign(TEST_SIGNING_SECRET, body, nowSeconds()),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("");
  });

  it("a timestamp 10 minutes in the future, correctly signed: 401, with a warning about the clock", async () => {
    const from = h.logs.length;
    const res = await h.send(form(commandFields("list")), { timestamp: nowSeconds() + 10 * 60 });
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("");
    await h.nextLog(/ WARN .*stamped more than 5 minutes in the future/, { from });
  });

  it("a timestamp 1 minute in the future (clock skew Slack allows) is answered", async () => {
    const res = await h.send(form(commandFields("list")), { timestamp: nowSeconds() + 60 });
    expect(res.status).toBe(200);
  });

  it("an unsigned url_verification is refused and its challenge never echoed", async () => {
    const challenge = uniqueId("challenge-");
    const res = await rawPost(JSON.stringify({ token: "x", challenge, type: "url_verification" }), {
      "content-type": "application/json",
    });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(challenge);
  });
});

describe("payloads that fail validation (src/slack/payloads.ts)", () => {
  it("/comp without a user_id: the apology in the ack, one ERROR line, the core never asked", async () => {
    const from = h.logs.length;
    const res = await h.send(form(commandFields("segment ml-ai-engineer london", { user_id: "" })));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(APOLOGY);
    expect(text).not.toContain("£132K");
    const line = await h.nextLog(/ ERROR \[compbot\] \/comp failed: /, { from });
    expect(line).toMatch(/user_id/);
  });

  it("/comp with 8,001 characters of text: the apology, not an answer", async () => {
    const res = await h.send(form(commandFields(`segment ${"x".repeat(7993)}`)));
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(APOLOGY);
  });

  it("an app_mention without ts: acknowledged, one WARN naming the field, nothing posted", async () => {
    const since = h.fake.mark();
    const from = h.logs.length;
    const event: Json = appMentionEvent({
      text: `<@${FAKE_BOT_USER_ID}> segment`,
      channel: uniqueId("C0BAD"),
    });
    delete event.ts;
    expect((await h.send(eventCallback(event))).status).toBe(200);
    await h.nextLog(/ WARN \[compbot\] app_mention ignored: unexpected payload \(ts\)/, { from });
    expect(h.fake.callsTo("chat.postMessage", since)).toEqual([]);
  });

  it("a DM whose ts is not a Slack timestamp: acknowledged, ignored, nothing posted", async () => {
    const since = h.fake.mark();
    const from = h.logs.length;
    const event = directMessageEvent({ text: "segment ml-ai-engineer london", extra: { ts: "yesterday" } });
    expect((await h.send(eventCallback(event))).status).toBe(200);
    await h.nextLog(/ DEBUG \[compbot\] message ignored: unexpected payload \(ts\)/, { from });
    expect(h.fake.callsTo("chat.postMessage", since)).toEqual([]);
  });

  it("a follow-up button whose value is over Slack's 2,000 characters: the apology to the clicker only", async () => {
    const since = h.fake.mark();
    const from = h.logs.length;
    const responseUrl = h.fake.responseUrl(uniqueId("btn"));
    const payload = blockActionsPayload({ actionId: "compbot_run_0", value: "x".repeat(2001), responseUrl });
    const res = await h.send(form({ payload: JSON.stringify(payload) }));
    expect(res.status).toBe(200);
    await h.nextLog(/ ERROR \[compbot\] button compbot_run failed: /, { from });
    const reply = await h.fake.nextCall((c) => c.method === "respond", { since });
    expect(allText(reply.body)).toMatch(APOLOGY);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(h.fake.callsTo("chat.postMessage", since)).toEqual([]);
  });

  it("a modal submission without its state: acknowledged (the modal closes), one WARN naming the field", async () => {
    const from = h.logs.length;
    const payload = {
      type: "view_submission",
      team: { id: "T0TEAM" },
      user: { id: "U0ALICE" },
      api_app_id: "A0COMPBOT",
      view: { id: "V1", type: "modal", callback_id: "compbot_offer", private_metadata: "{}" },
    };
    const res = await h.send(form({ payload: JSON.stringify(payload) }));
    expect(res.status).toBe(200);
    await h.nextLog(/ WARN \[compbot\] view_submission ignored: unexpected payload \(view\.state\)/, {
      from,
    });
  });

  it("the app still answers afterwards", async () => {
    const res = await h.send(form(commandFields("segment ml-ai-engineer london")));
    expect(await res.text()).toContain("£132K–£165K");
  });
});
