/**
 * Event deduplication under a burst: 1,000 distinct app_mention events over HTTP, then Slack's retries of every one
 * (same event_id, X-Slack-Retry-Num: 1): each is answered exactly once. And the deduper's memory stays bounded when
 * flooded with more ids than its capacity.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventDeduper } from "../../src/slack/dedupe.ts";
import { FAKE_BOT_USER_ID } from "../support/fake-slack.ts";
import { appMentionEvent, eventCallback, type SignedRequest } from "../support/signing.ts";
import { type Harness, startHttpHarness } from "../support/slack-harness.ts";

const BURST = 1_000;
const CONCURRENCY = 25;

/** Run `fn` over `items`, at most `limit` at a time. */
async function eachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

function burst(n: number, channel: string): (SignedRequest & { eventId: string; ts: string })[] {
  return Array.from({ length: n }, () => {
    const event = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> list`, channel });
    return { ...eventCallback(event), ts: String(event.ts) };
  });
}

describe("a burst of 1,000 events, then their retries", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers each event exactly once", async () => {
    const events = burst(BURST, "C0BURST");
    const since = h.fake.mark();
    const statuses: number[] = [];
    await eachLimit(events, CONCURRENCY, async (e) => {
      statuses.push((await h.send(e)).status);
    });
    // Every first delivery answered.
    await Promise.all(
      events.map((e) =>
        h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.thread_ts === e.ts, {
          since,
          timeoutMs: 15_000,
        }),
      ),
    );
    // Slack retries every one of them.
    const from = h.logs.length;
    await eachLimit(events, CONCURRENCY, async (e) => {
      statuses.push((await h.send(e, { retryNum: 1, retryReason: "http_timeout" })).status);
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Each retry is acknowledged and skipped by the deduper (it logs each skip at debug level)...
    for (const e of events) await h.nextLog(new RegExp(`Skipping event ${e.eventId}:`), { from });
    // ...so each thread got exactly one answer.
    const posts = h.fake.callsTo("chat.postMessage", since);
    const perThread = new Map<string, number>();
    for (const p of posts)
      perThread.set(String(p.body.thread_ts), (perThread.get(String(p.body.thread_ts)) ?? 0) + 1);
    expect(perThread.size).toBe(BURST);
    expect([...perThread.values()].every((n) => n === 1)).toBe(true);
    expect(posts).toHaveLength(BURST);
    expect(h.slack.dedupeSize).toBe(BURST);
    expect(h.logs.filter((l) => / (ERROR|WARN) /.test(l))).toEqual([]);
  }, 60_000);
});

describe("bounded memory", () => {
  it("the app's deduper never holds more than its capacity, however many events arrive", async () => {
    const h = await startHttpHarness({ limits: { dedupeCapacity: 200 } });
    try {
      const since = h.fake.mark();
      const events = burst(600, "C0FLOOD");
      const sizes: number[] = [];
      await eachLimit(events, CONCURRENCY, async (e) => {
        await h.send(e);
        sizes.push(h.slack.dedupeSize);
      });
      await Promise.all(
        events.map((e) =>
          h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.thread_ts === e.ts, { since }),
        ),
      );
      expect(Math.max(...sizes)).toBeLessThanOrEqual(200);
      expect(h.slack.dedupeSize).toBe(200);
      // The most recent ids are still remembered: their retries are skipped.
      const last = events.at(-1);
      if (last === undefined) throw new Error("no events");
      const from = h.logs.length;
      await h.send(last, { retryNum: 1 });
      await h.nextLog(new RegExp(`Skipping event ${last.eventId}:`), { from });
    } finally {
      await h.close();
    }
  }, 60_000);

  it("EventDeduper: 100,000 distinct ids through a capacity of 1,000 -> size never above 1,000; ttl forgets", () => {
    let now = 0;
    const d = new EventDeduper(1_000, 60_000, () => now);
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      expect(d.firstTime(`Ev${i}`)).toBe(true);
      max = Math.max(max, d.size);
    }
    expect(max).toBe(1_000);
    // The newest 1,000 are repeats; older ones were evicted.
    expect(d.firstTime("Ev99999")).toBe(false);
    expect(d.firstTime("Ev99000")).toBe(false);
    expect(d.firstTime("Ev0")).toBe(true);
    // After the ttl everything is forgotten on the next offer.
    now = 60_001;
    expect(d.firstTime("fresh")).toBe(true);
    expect(d.size).toBe(1);
  });
});
