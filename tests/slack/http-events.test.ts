/** Mentions, DMs, retries and ignored messages through the real Bolt app in HTTP mode. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, type Json } from "../support/fake-slack.ts";
import { appMentionEvent, directMessageEvent, eventCallback } from "../support/signing.ts";
import { allText, type Harness, startHttpHarness, violationsInCalls } from "../support/slack-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(async () => {
  await h?.close();
});

const BOT = `<@${FAKE_BOT_USER_ID}>`;

async function deliver(event: Json, options: { eventId?: string; retryNum?: number } = {}): Promise<string> {
  const request = eventCallback(event, { eventId: options.eventId });
  const res = await h.send(request, { retryNum: options.retryNum });
  expect(res.status).toBe(200);
  return request.eventId;
}

const posted = (channel: string, since: number) =>
  h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === channel, { since });

describe("app_mention", () => {
  it("top-level mention -> answer in a new thread under it (thread_ts = ts)", async () => {
    const since = h.fake.mark();
    const event = appMentionEvent({ text: `${BOT} segment ml-ai-engineer london`, channel: "C0MENTION1" });
    await deliver(event);
    const call = await posted("C0MENTION1", since);
    expect(call.body.thread_ts).toBe(event.ts);
    expect(call.token).toBe("xoxb-test-bot-token");
    expect(allText(call.body)).toContain("£132K–£165K");
  });

  it("mention inside a thread -> answer in that thread (thread_ts = the thread's)", async () => {
    const since = h.fake.mark();
    const event = appMentionEvent({
      text: `${BOT} segment ml-ai-engineer new york`,
      channel: "C0MENTION2",
      thread_ts: "1700000000.000001",
    });
    await deliver(event);
    const call = await posted("C0MENTION2", since);
    expect(call.body.thread_ts).toBe("1700000000.000001");
    expect(allText(call.body)).toContain("New York");
  });

  it("a follow-up in the same thread reuses its company and role ('and new york?')", async () => {
    const thread = "1700000100.000001";
    let since = h.fake.mark();
    await deliver(
      appMentionEvent({ text: `${BOT} segment ml-ai-engineer london`, channel: "C0FOLLOW", ts: thread }),
    );
    await posted("C0FOLLOW", since);

    since = h.fake.mark();
    await deliver(appMentionEvent({ text: `${BOT} and new york?`, channel: "C0FOLLOW", thread_ts: thread }));
    const call = await posted("C0FOLLOW", since);
    expect(call.body.thread_ts).toBe(thread);
    const text = allText(call.body);
    expect(text).toContain("New York");
    expect(text).toContain("$182K–$222K");
  });

  it("the same follow-up in another thread has no context (not found)", async () => {
    const since = h.fake.mark();
    await deliver(
      appMentionEvent({ text: `${BOT} and new york?`, channel: "C0FOLLOW", thread_ts: "1700000200.1" }),
    );
    const call = await posted("C0FOLLOW", since);
    expect(allText(call.body)).not.toContain("$182K–$222K");
  });

  it("a script asked in a channel goes by DM, with an ephemeral note in the thread; nothing public", async () => {
    const since = h.fake.mark();
    const event = appMentionEvent({
      text: `${BOT} script segment ml-ai-engineer`,
      channel: "C0SCRIPT",
      user: "U0BOB",
    });
    await deliver(event);
    const open = await h.fake.nextCall((c) => c.method === "conversations.open", { since });
    expect(open.body.users).toBe("U0BOB");
    const dm = await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === "D0BOB", {
      since,
    });
    expect(allText(dm.body)).toContain("Negotiation script");
    const note = await h.fake.nextCall(
      (c) => c.method === "chat.postEphemeral" && c.body.channel === "C0SCRIPT",
      {
        since,
      },
    );
    expect(note.body.user).toBe("U0BOB");
    expect(note.body.thread_ts).toBe(event.ts);
    expect(allText(note.body)).toMatch(/direct message/);
    expect(h.fake.callsTo("chat.postMessage", since).filter((c) => c.body.channel === "C0SCRIPT")).toEqual(
      [],
    );
  });

  it.each([
    ["an offer", "I was offered 150k base at segment ml-ai-engineer", "Which region is the offer for?"],
    ["pay now", "I currently make 150k base at segment ml-ai-engineer", "Which region are you paid in?"],
  ])(
    "%s without a region, asked in a channel: the region question and its buttons go by DM, nothing public",
    async (_what, words, question) => {
      const since = h.fake.mark();
      const event = appMentionEvent({ text: `${BOT} ${words}`, channel: "C0OFFERQ", user: "U0CAROL" });
      await deliver(event);
      const dm = await h.fake.nextCall(
        (c) => c.method === "chat.postMessage" && c.body.channel === "D0CAROL",
        { since },
      );
      expect(allText(dm.body)).toContain(question);
      // The buttons carry the figures: they are only in the DM.
      expect(JSON.stringify(dm.body.blocks)).toContain("base 150000");
      await h.fake.nextCall((c) => c.method === "chat.postEphemeral" && c.body.channel === "C0OFFERQ", {
        since,
      });
      const everythingSaid = JSON.stringify(
        h.fake.calls.items
          .slice(since)
          .filter((c) => c.method !== "chat.postEphemeral" && c.body.channel !== "D0CAROL"),
      );
      expect(everythingSaid).not.toContain("150000");
      expect(everythingSaid).not.toContain("150K");
    },
  );

  it("if the DM cannot be opened, the script is shown ephemerally in the thread instead (still private)", async () => {
    const since = h.fake.mark();
    h.fake.failNext("conversations.open", "cannot_dm_bot");
    const event = appMentionEvent({
      text: `${BOT} script segment ml-ai-engineer`,
      channel: "C0NODM",
      user: "U0DAN",
    });
    await deliver(event);
    const eph = await h.fake.nextCall(
      (c) => c.method === "chat.postEphemeral" && c.body.channel === "C0NODM",
      {
        since,
      },
    );
    expect(eph.body.user).toBe("U0DAN");
    expect(eph.body.thread_ts).toBe(event.ts);
    expect(allText(eph.body)).toContain("Negotiation script");
    expect(h.fake.callsTo("chat.postMessage", since)).toEqual([]);
    expect(h.logs.some((l) => / WARN .*could not DM the script.*cannot_dm_bot/.test(l))).toBe(true);
  });

  it("mentions from other bots are ignored", async () => {
    const since = h.fake.mark();
    await deliver({ ...appMentionEvent({ text: `${BOT} segment`, channel: "C0BOTS" }), bot_id: "B0OTHER" });
    // A sentinel afterwards: once it is answered, the bot's mention would have been too.
    await deliver(appMentionEvent({ text: `${BOT} list`, channel: "C0BOTS2" }));
    await posted("C0BOTS2", since);
    expect(h.fake.callsTo("chat.postMessage", since).filter((c) => c.body.channel === "C0BOTS")).toEqual([]);
  });
});

describe("message.im", () => {
  it("'hi' -> help in the thread of the user's message (agent messaging experience)", async () => {
    const since = h.fake.mark();
    const event = directMessageEvent({ text: "hi", channel: "D0HELLO" });
    await deliver(event);
    const call = await posted("D0HELLO", since);
    expect(allText(call.body)).toContain("/comp segment ml-ai-engineer london");
    expect(call.body.thread_ts).toBe(event.ts);
  });

  it("a DM is a conversation: the channel remembers company and role; scripts come in full", async () => {
    let since = h.fake.mark();
    await deliver(directMessageEvent({ text: "segment ml-ai-engineer london", channel: "D0CONVO" }));
    expect(allText((await posted("D0CONVO", since)).body)).toContain("£132K–£165K");

    since = h.fake.mark();
    await deliver(directMessageEvent({ text: "and new york?", channel: "D0CONVO" }));
    expect(allText((await posted("D0CONVO", since)).body)).toContain("$182K–$222K");

    since = h.fake.mark();
    await deliver(directMessageEvent({ text: "script segment ml-ai-engineer", channel: "D0CONVO" }));
    const script = await posted("D0CONVO", since);
    const text = allText(script.body);
    expect(text).toContain("Negotiation script");
    expect(text).toContain("Levers");
  });

  it("a DM remembers the region too: an offer's figures alone are checked against the band last shown", async () => {
    let since = h.fake.mark();
    await deliver(directMessageEvent({ text: "segment ml-ai-engineer london", channel: "D0REGION" }));
    expect(allText((await posted("D0REGION", since)).body)).toContain("£132K–£165K");

    since = h.fake.mark();
    await deliver(directMessageEvent({ text: "offer base 150k stock 50k a year", channel: "D0REGION" }));
    const offer = allText((await posted("D0REGION", since)).body);
    expect(offer).toContain("Where your offer sits in the London band");
    expect(offer).toContain("read as a grant of £200K");

    since = h.fake.mark();
    await deliver(directMessageEvent({ text: "and new york?", channel: "D0REGION" }));
    expect(allText((await posted("D0REGION", since)).body)).toContain("$182K–$222K");
    since = h.fake.mark();
    await deliver(directMessageEvent({ text: "script please", channel: "D0REGION" }));
    expect(allText((await posted("D0REGION", since)).body)).toContain("*New York* · all figures in *USD*");
  });

  it("ignores bot messages, edits, deletions, other subtypes and non-DM messages", async () => {
    const since = h.fake.mark();
    const ignored: Json[] = [
      directMessageEvent({ text: "segment", channel: "D0IGNORE", extra: { bot_id: "B0OTHER" } }),
      directMessageEvent({
        text: "segment",
        channel: "D0IGNORE",
        extra: { subtype: "bot_message", bot_id: "B0X" },
      }),
      directMessageEvent({
        text: "segment",
        channel: "D0IGNORE",
        extra: { subtype: "message_changed", message: { text: "segment ml-ai-engineer" } },
      }),
      directMessageEvent({ text: "", channel: "D0IGNORE", extra: { subtype: "message_deleted" } }),
      directMessageEvent({ text: "segment", channel: "D0IGNORE", extra: { subtype: "channel_join" } }),
      directMessageEvent({ text: "segment", channel: "D0IGNORE", extra: { channel_type: "channel" } }),
      // The app's own message (Bolt's ignoreSelf, plus our bot_id check).
      directMessageEvent({
        text: "segment",
        channel: "D0IGNORE",
        user: FAKE_BOT_USER_ID,
        extra: { bot_id: FAKE_BOT_ID },
      }),
    ];
    for (const event of ignored) await deliver(event);
    await deliver(directMessageEvent({ text: "list", channel: "D0SENTINEL" }));
    await posted("D0SENTINEL", since);
    expect(h.fake.callsTo("chat.postMessage", since).filter((c) => c.body.channel === "D0IGNORE")).toEqual(
      [],
    );
  });
});

describe("Slack retries", () => {
  it("a retried event (same event_id, X-Slack-Retry-Num: 1) is answered once", async () => {
    const since = h.fake.mark();
    const event = appMentionEvent({ text: `${BOT} segment ml-ai-engineer london`, channel: "C0RETRY" });
    const eventId = await deliver(event);
    await posted("C0RETRY", since);
    await deliver(event, { eventId, retryNum: 1 });
    await deliver(event, { eventId, retryNum: 2 });
    // Sentinel: a new event in the same channel is answered, the retries were not.
    const sentinel = appMentionEvent({ text: `${BOT} list`, channel: "C0RETRY" });
    await deliver(sentinel);
    await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.thread_ts === sentinel.ts, {
      since,
    });
    const answers = h.fake.callsTo("chat.postMessage", since).filter((c) => c.body.thread_ts === event.ts);
    expect(answers).toHaveLength(1);
    expect(h.logs.filter((l) => l.includes(`Skipping event ${eventId}`))).toHaveLength(2);
  });
});

describe("Slack retries of events the app's middleware claims", () => {
  it("a retried DM (same event_id, X-Slack-Retry-Num: 1) is answered once", async () => {
    const since = h.fake.mark();
    const event = directMessageEvent({ text: "segment ml-ai-engineer london", channel: "D0RETRY" });
    const eventId = await deliver(event);
    await posted("D0RETRY", since);
    await deliver(event, { eventId, retryNum: 1 });
    await deliver(event, { eventId, retryNum: 2 });
    // Sentinel: a new DM in the same channel is answered, the retries were not.
    const sentinel = directMessageEvent({ text: "list", channel: "D0RETRY" });
    await deliver(sentinel);
    await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.thread_ts === sentinel.ts, {
      since,
    });
    const answers = h.fake.callsTo("chat.postMessage", since).filter((c) => c.body.thread_ts === event.ts);
    expect(answers).toHaveLength(1);
    expect(h.logs.filter((l) => l.includes(`Skipping event ${eventId}`))).toHaveLength(2);
  });
});

describe("Slack retries while the first delivery is still being answered", () => {
  it("a retry (X-Slack-Retry-Reason: http_timeout) arriving while the answer is held is acked and dropped", async () => {
    const since = h.fake.mark();
    const channel = "C0RETRYSLOW";
    // The first delivery's answer is held by the fake (a slow Slack), so the handler is still running.
    h.fake.fault("chat.postMessage", { kind: "hold" }, { when: (c) => c.body.channel === channel });
    const event = appMentionEvent({ text: `${BOT} segment ml-ai-engineer london`, channel });
    const eventId = await deliver(event);
    const first = await posted(channel, since);
    expect(first.outcome).toBeUndefined(); // still in flight
    await deliver(event, { eventId, retryNum: 1 });
    await deliver(event, { eventId, retryNum: 2 });
    expect(h.fake.callsTo("chat.postMessage", since).filter((c) => c.body.channel === channel)).toHaveLength(
      1,
    );
    h.fake.releaseHeld();
    await h.fake.nextCall((c) => c.seq === first.seq && c.outcome === "ok");
    // Sentinel: a new event in the same channel is answered; the retries never were.
    const sentinel = appMentionEvent({ text: `${BOT} list`, channel });
    await deliver(sentinel);
    await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.thread_ts === sentinel.ts, {
      since,
    });
    const answers = h.fake.callsTo("chat.postMessage", since).filter((c) => c.body.thread_ts === event.ts);
    expect(answers).toHaveLength(1);
    expect(h.logs.filter((l) => l.includes(`Skipping event ${eventId}`))).toHaveLength(2);
  });
});

describe("all messages", () => {
  it("every message the fake received respects Block Kit limits and no error was logged", () => {
    expect(violationsInCalls(h.fake.calls.items)).toEqual([]);
    expect(h.logs.filter((l) => / ERROR /.test(l))).toEqual([]);
  });
});
