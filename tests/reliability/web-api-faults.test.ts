/**
 * Web API faults against the fake Slack: 500, 429 + Retry-After, ok:false, slow answers, dropped connections, and a
 * failing response_url. For each: retried only where safe, the answer is never sent twice, one ERROR line, and the
 * next request is answered. The retry backoff and request timeout are shortened (tuning), not the policy itself.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APOLOGY } from "../../src/slack/messages.ts";
import { type ApiCall, FAKE_BOT_USER_ID } from "../support/fake-slack.ts";
import { appMentionEvent, blockActions, eventCallback, slashCommand, uniqueId } from "../support/signing.ts";
import { allText, type Harness, startHttpHarness } from "../support/slack-harness.ts";

/** Faster backoff for every test; the default 10 s request timeout, so a loaded machine cannot time out a call. */
const RETRY = { minTimeout: 20, maxTimeout: 80 };
/** Only the slow-Slack test shortens the request timeout (its own app, started for it). */
const SHORT_REQUEST_TIMEOUT_MS = 400;
let h: Harness;

beforeAll(async () => {
  h = await startHttpHarness({ tuning: { retry: RETRY } });
});
afterAll(async () => {
  await h?.close();
});

let logMark = 0;
beforeEach(() => {
  logMark = h.logs.length;
});
const newLines = (): string[] => h.logs.slice(logMark);
const errorLines = (): string[] => newLines().filter((l) => / ERROR /.test(l));

const QUESTION = `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`;
const ANSWER_MARK = "£132K–£165K";

/** A mention in its own channel; resolves once the handler has finished (its last post or its error line). */
async function mention(channel: string): Promise<{ ts: string }> {
  const event = appMentionEvent({ text: QUESTION, channel });
  const res = await h.send(eventCallback(event));
  expect(res.status).toBe(200);
  return { ts: String(event.ts) };
}

const inChannel = (channel: string) => (c: ApiCall) =>
  c.method === "chat.postMessage" && c.body.channel === channel;
const answersIn = (channel: string, since: number) =>
  h.fake
    .callsTo("chat.postMessage", since)
    .filter((c) => c.body.channel === channel && allText(c.body).includes(ANSWER_MARK));
const apologiesIn = (channel: string, since: number) =>
  h.fake
    .callsTo("chat.postMessage", since)
    .filter((c) => c.body.channel === channel && allText(c.body).includes(APOLOGY));

/** The listener's one ERROR line is written when it is done. */
const logLine = (pattern: RegExp): Promise<string> => h.nextLog(pattern, { from: logMark });

/** The app still answers: a /comp in the ack and a mention through chat.postMessage. */
async function stillAnswering(): Promise<void> {
  const res = await h.send(
    slashCommand({ text: "segment ml-ai-engineer london", response_url: h.fake.responseUrl("x") }),
  );
  expect(res.status).toBe(200);
  expect(await res.text()).toContain(ANSWER_MARK);
  const channel = uniqueId("C0OK");
  const since = h.fake.mark();
  await mention(channel);
  const post = await h.fake.nextCall(inChannel(channel), { since });
  expect(allText(post.body)).toContain(ANSWER_MARK);
}

describe("Web API faults", () => {
  it("HTTP 500 once: retried, the answer is delivered exactly once, nothing logged as an error", async () => {
    const channel = uniqueId("C0500");
    const since = h.fake.mark();
    h.fake.fault("chat.postMessage", { kind: "http", status: 500 }, { when: inChannel(channel) });
    await mention(channel);
    const delivered = await h.fake.nextCall((c) => inChannel(channel)(c) && c.outcome === "ok", { since });
    expect(allText(delivered.body)).toContain(ANSWER_MARK);
    expect(answersIn(channel, since).map((c) => c.outcome)).toEqual(["http 500", "ok"]);
    expect(apologiesIn(channel, since)).toEqual([]);
    await stillAnswering();
    expect(errorLines()).toEqual([]);
  });

  it("HTTP 500 every time: 3 retries, then one ERROR line; the failed apology is a warning", async () => {
    const channel = uniqueId("C0DOWN");
    const since = h.fake.mark();
    const heal = h.fake.fault(
      "chat.postMessage",
      { kind: "http", status: 500 },
      { when: inChannel(channel), times: 100 },
    );
    await mention(channel);
    const line = await logLine(/ ERROR .*app_mention failed/);
    expect(line).toMatch(/app_mention failed: WebAPIHTTPError: .*statusCode = 500/);
    expect(answersIn(channel, since)).toHaveLength(4); // 1 + 3 retries, all refused
    await logLine(/ WARN .*app_mention: the apology could not be sent either: .*500/);
    heal();
    expect(apologiesIn(channel, since)).toHaveLength(4);
    expect(answersIn(channel, since).every((c) => c.outcome === "http 500")).toBe(true);
    await stillAnswering();
    expect(errorLines()).toHaveLength(1);
  });

  it("HTTP 429 with Retry-After: 1: waits, retries once, delivers once", async () => {
    const channel = uniqueId("C0429");
    const since = h.fake.mark();
    h.fake.fault(
      "chat.postMessage",
      { kind: "http", status: 429, retryAfter: 1 },
      { when: inChannel(channel) },
    );
    await mention(channel);
    await h.fake.nextCall((c) => inChannel(channel)(c) && c.outcome === "ok", { since });
    expect(answersIn(channel, since).map((c) => c.outcome)).toEqual(["http 429", "ok"]);
    const [first, second] = answersIn(channel, since);
    expect(second?.seq).toBeGreaterThan(first?.seq ?? 0);
    expect(newLines().some((l) => /rate limit/i.test(l))).toBe(true);
    await stillAnswering();
    expect(errorLines()).toEqual([]);
  });

  it("ok:false (channel_not_found): never retried; one ERROR line naming the error", async () => {
    const channel = uniqueId("C0GONE");
    const since = h.fake.mark();
    const heal = h.fake.fault(
      "chat.postMessage",
      { kind: "ok-false", error: "channel_not_found" },
      { when: inChannel(channel), times: 100 },
    );
    await mention(channel);
    const line = await logLine(/ ERROR .*app_mention failed/);
    expect(line).toMatch(/app_mention failed: .*channel_not_found/);
    await logLine(/ WARN .*apology could not be sent either: .*channel_not_found/);
    heal();
    expect(answersIn(channel, since)).toHaveLength(1);
    expect(apologiesIn(channel, since)).toHaveLength(1);
    await stillAnswering();
    expect(errorLines()).toHaveLength(1);
  });

  it("a connection dropped after chat.postMessage was sent: not sent again", async () => {
    const channel = uniqueId("C0DROP");
    const since = h.fake.mark();
    h.fake.fault("chat.postMessage", { kind: "drop" }, { when: inChannel(channel) });
    await mention(channel);
    const line = await logLine(/ ERROR .*app_mention failed/);
    expect(line).toMatch(/chat\.postMessage may have reached Slack \(other side closed.*\); not retried/);
    await h.fake.nextCall((c) => inChannel(channel)(c) && allText(c.body).includes(APOLOGY), { since });
    expect(answersIn(channel, since)).toHaveLength(1);
    expect(answersIn(channel, since)[0]?.outcome).toBe("dropped");
    expect(apologiesIn(channel, since)).toHaveLength(1);
    await stillAnswering();
    expect(errorLines()).toHaveLength(1);
  });

  it("a dropped conversations.open (safe to repeat) is retried: the script still arrives by DM, once", async () => {
    const since = h.fake.mark();
    const user = uniqueId("U0DM");
    h.fake.fault("conversations.open", { kind: "drop" }, { when: (c) => c.body.users === user });
    const event = appMentionEvent({
      text: `<@${FAKE_BOT_USER_ID}> script segment ml-ai-engineer`,
      user,
      channel: uniqueId("C0SCRIPT"),
    });
    await h.send(eventCallback(event));
    const dmChannel = `D${user.replace(/^U/, "")}`;
    await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === dmChannel, { since });
    expect(h.fake.callsTo("conversations.open", since).map((c) => c.outcome)).toEqual(["dropped", "ok"]);
    expect(
      h.fake.callsTo("chat.postMessage", since).filter((c) => c.body.channel === dmChannel),
    ).toHaveLength(1);
    await stillAnswering();
    expect(errorLines()).toEqual([]);
  });

  it("a failed respond() (response_url answers 500) is logged in one line, not fatal, not repeated", async () => {
    const since = h.fake.mark();
    const id = uniqueId("resp500-");
    h.fake.fault("respond", { kind: "http", status: 500 }, { when: (c) => c.respondId === id, times: 100 });
    const res = await h.send(
      blockActions({
        actionId: "compbot_run_0",
        value: "segment ml-ai-engineer new-york",
        responseUrl: h.fake.responseUrl(id),
      }),
    );
    expect(res.status).toBe(200);
    const line = await logLine(/ ERROR .*failed: .*500/);
    expect(line).toMatch(/Failed to respond to the response_url: 500/);
    await logLine(/ WARN .*apology could not be sent either: .*500/);
    // The answer went once; the apology (also through the response_url) once; no retries.
    expect(h.fake.callsTo("respond", since).filter((c) => c.respondId === id)).toHaveLength(2);
    await stillAnswering();
    expect(errorLines()).toHaveLength(1);
  });

  it("no token or signing secret appeared in any line", () => {
    for (const line of h.logs) {
      expect(line).not.toContain("xoxb-test-bot-token");
      expect(line).not.toContain("0123456789abcdef0123456789abcdef");
    }
  });
});

describe("a slow Slack (the request timeout shortened to 400 ms for this test only)", () => {
  beforeAll(async () => {
    await h.close();
    h = await startHttpHarness({ tuning: { retry: RETRY, requestTimeoutMs: SHORT_REQUEST_TIMEOUT_MS } });
  });

  it("a slow chat.postMessage (past the request timeout) is not sent again; the user gets an apology", async () => {
    const channel = uniqueId("C0SLOW");
    const since = h.fake.mark();
    h.fake.fault("chat.postMessage", { kind: "hold" }, { when: inChannel(channel) });
    await mention(channel);
    const line = await logLine(/ ERROR .*app_mention failed/);
    expect(line).toMatch(/chat\.postMessage may have reached Slack \(no answer in time\); not retried/);
    await h.fake.nextCall((c) => inChannel(channel)(c) && allText(c.body).includes(APOLOGY), { since });
    expect(answersIn(channel, since)).toHaveLength(1);
    expect(apologiesIn(channel, since)).toHaveLength(1);
    h.fake.releaseHeld(); // Slack catches up late: still one answer, never a second copy.
    // Still answering: a /comp is answered in its ack (no Web API call that a 400 ms timeout could cut short).
    const res = await h.send(
      slashCommand({ text: "segment ml-ai-engineer london", response_url: h.fake.responseUrl("y") }),
    );
    expect(await res.text()).toContain(ANSWER_MARK);
    await h.fake.nextCall(
      (c) => inChannel(channel)(c) && c.outcome === "ok" && allText(c.body).includes(ANSWER_MARK),
      { since },
    );
    expect(answersIn(channel, since)).toHaveLength(1);
    expect(errorLines()).toHaveLength(1);
  });
});
