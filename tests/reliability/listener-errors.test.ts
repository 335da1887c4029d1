/**
 * An error thrown inside a listener (here: the core itself throws for one question) answers that user with the
 * short apology and one ERROR line; the process stays up and the next question is answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompBotApi } from "../../src/bot.ts";
import { APOLOGY } from "../../src/slack/messages.ts";
import { FAKE_BOT_USER_ID } from "../support/fake-slack.ts";
import {
  appMentionEvent,
  directMessageEvent,
  eventCallback,
  slashCommand,
  uniqueId,
} from "../support/signing.ts";
import { allText, type Harness, startHttpHarness } from "../support/slack-harness.ts";

const BOOM = "kaboom";

/** The real core, except that any question containing BOOM throws (a bug in the core). */
function explosive(bot: CompBotApi): CompBotApi {
  return {
    get guideCount() {
      return bot.guideCount;
    },
    get guides() {
      return bot.guides;
    },
    ask(text, options) {
      if (text.includes(BOOM)) throw new RangeError("the core blew up");
      return bot.ask(text, options);
    },
    replaceGuides: (guides) => bot.replaceGuides(guides),
  };
}

let h: Harness;
beforeAll(async () => {
  h = await startHttpHarness({ wrapBot: explosive });
});
afterAll(async () => {
  await h?.close();
});

describe("an error thrown inside a listener", () => {
  it("/comp: the apology in the ack, one ERROR line, then the next /comp is answered", async () => {
    const from = h.logs.length;
    const res = await h.send(slashCommand({ text: BOOM, response_url: h.fake.responseUrl("boom") }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(APOLOGY.slice(0, 40));
    const line = await h.nextLog(/ ERROR /, { from });
    expect(line).toMatch(/\/comp failed: RangeError: the core blew up/);
    const next = await h.send(
      slashCommand({ text: "segment ml-ai-engineer london", response_url: h.fake.responseUrl("ok") }),
    );
    expect(await next.text()).toContain("£132K–£165K");
    expect(h.logs.slice(from).filter((l) => / ERROR /.test(l))).toHaveLength(1);
  });

  it("mention and DM: the apology in the thread / the DM; the app keeps answering", async () => {
    const from = h.logs.length;
    const since = h.fake.mark();
    const channel = uniqueId("C0BOOM");
    const mention = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> ${BOOM}`, channel });
    await h.send(eventCallback(mention));
    const apology = await h.fake.nextCall(
      (c) => c.method === "chat.postMessage" && c.body.channel === channel,
      {
        since,
      },
    );
    expect(apology.body.thread_ts).toBe(mention.ts);
    expect(allText(apology.body)).toContain(APOLOGY);

    const dm = directMessageEvent({ text: BOOM, channel: "D0BOOM" });
    await h.send(eventCallback(dm));
    const dmApology = await h.fake.nextCall(
      (c) => c.method === "chat.postMessage" && c.body.channel === "D0BOOM",
      {
        since,
      },
    );
    expect(allText(dmApology.body)).toContain(APOLOGY);

    const fine = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`, channel });
    await h.send(eventCallback(fine));
    const answer = await h.fake.nextCall(
      (c) => c.method === "chat.postMessage" && c.body.thread_ts === fine.ts,
      { since },
    );
    expect(allText(answer.body)).toContain("£132K–£165K");
    const errors = h.logs.slice(from).filter((l) => / ERROR /.test(l));
    expect(errors).toHaveLength(2);
    expect(errors.every((l) => /failed: RangeError: the core blew up$/.test(l))).toBe(true);
  });

  it("a mention that failed is apologised for once: Slack's retry of it is skipped", async () => {
    const since = h.fake.mark();
    const from = h.logs.length;
    const channel = uniqueId("C0BOOMRETRY");
    const event = eventCallback(appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> ${BOOM}`, channel }));
    await h.send(event);
    await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === channel, { since });
    expect((await h.send(event, { retryNum: 1, retryReason: "http_timeout" })).status).toBe(200);
    await h.nextLog(new RegExp(`Skipping event ${event.eventId}:`), { from });
    // The retry's apology would have been posted by now, before the next mention's answer.
    const fine = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`, channel });
    await h.send(eventCallback(fine));
    await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.thread_ts === fine.ts, { since });
    const apologies = h.fake.calls.items.filter(
      (c) => c.seq > since && c.method === "chat.postMessage" && allText(c.body).includes(APOLOGY),
    );
    expect(apologies).toHaveLength(1);
    // A mention is claimed once its answer is built (with the thread's context), so the retry hit the bug too:
    // logged again, but not apologised for again.
    expect(h.logs.slice(from).filter((l) => / ERROR /.test(l))).toHaveLength(2);
  });
});
