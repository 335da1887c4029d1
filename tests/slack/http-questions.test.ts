/** The questions of issue 10 over /comp through the real Bolt app in HTTP mode, buttons included. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockKitViolations } from "../../src/render/violations.ts";
import { FAKE_BOT_USER_ID, type Json } from "../support/fake-slack.ts";
import {
  appMentionEvent,
  blockActions,
  directMessageEvent,
  eventCallback,
  slashCommand,
  uniqueId,
} from "../support/signing.ts";
import { allText, buttonsOf, type Harness, messageOf, startHttpHarness } from "../support/slack-harness.ts";

let h: Harness;
const acks: Json[] = [];

beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(async () => {
  await h?.close();
});

async function comp(text: string): Promise<Json> {
  const res = await h.send(slashCommand({ text, response_url: h.fake.responseUrl(uniqueId("cmd")) }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as Json;
  acks.push(body);
  return body;
}

async function click(actionId: string, value: string): Promise<Json> {
  const id = uniqueId("click");
  const since = h.fake.mark();
  const res = await h.send(
    blockActions({ actionId, value, user: "U0ALICE", responseUrl: h.fake.responseUrl(id) }),
  );
  expect(res.status).toBe(200);
  const call = await h.fake.nextCall((c) => c.method === "respond" && c.respondId === id, { since });
  acks.push(call.body);
  return call.body;
}

async function event(payload: Json): Promise<void> {
  const res = await h.send(eventCallback(payload));
  expect(res.status).toBe(200);
}

async function posted(channel: string, since: number) {
  const call = await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === channel, {
    since,
  });
  acks.push(call.body);
  return call;
}

describe("/comp questions", () => {
  it("bare /comp level asks which guide with a button, and the button answers the mapping", async () => {
    const body = await comp("level");
    expect(allText(body)).toContain("Which guide's level mapping?");
    expect(allText(body)).not.toContain("I don't have a guide for level");
    const button = buttonsOf(body).find((b) => b.value === "level segment ml-ai-engineer");
    expect(button?.text).toBe("ML/AI Engineer · Segment");
    const reply = await click(button!.actionId, button!.value);
    expect(allText(reply)).toContain("Einstein ML");
    expect(allText(reply)).toContain("mParticle");
  });

  it("when was segment ml engineer updated -> the dates and the salary quarter", async () => {
    const text = allText(await comp("when was segment ml engineer updated"));
    expect(text).toContain("Salary data from 2025-Q4");
    expect(text).toContain("Guide updated 23 Feb 2026");
  });

  it("how much should I ask for at segment -> a button per region, and the London button gives the band", async () => {
    const body = await comp("how much should I ask for at segment");
    expect(buttonsOf(body).map((b) => b.value)).toEqual([
      "targets segment ml-ai-engineer san-francisco",
      "targets segment ml-ai-engineer new-york",
      "targets segment ml-ai-engineer london",
    ]);
    const reply = await click("compbot_run_2", "targets segment ml-ai-engineer london");
    expect(reply.response_type).toBe("ephemeral");
    expect(allText(reply)).toContain("What to ask for");
    expect(allText(reply)).toContain("£132K–£165K");
  });

  it("level salesforce einstein ml -> the seed guide", async () => {
    const text = allText(await comp("level salesforce einstein ml"));
    expect(text).toContain("Salesforce Einstein ML");
    expect(text).toContain("ML/AI Engineer · Segment");
  });

  it("a mention in a thread: 'how old is this data' after a band answers for that guide", async () => {
    const thread = "1700000900.000001";
    const bot = `<@${FAKE_BOT_USER_ID}>`;
    let since = h.fake.mark();
    await event(
      appMentionEvent({ text: `${bot} segment ml-ai-engineer london`, channel: "C0FRESH", ts: thread }),
    );
    await posted("C0FRESH", since);
    since = h.fake.mark();
    await event(
      appMentionEvent({ text: `${bot} how old is this data?`, channel: "C0FRESH", thread_ts: thread }),
    );
    const call = await posted("C0FRESH", since);
    expect(call.body.thread_ts).toBe(thread);
    expect(allText(call.body)).toContain("Salary data from 2025-Q4");
  });

  it("a DM: 'script for london segment ml' gives the London script", async () => {
    const since = h.fake.mark();
    await event(directMessageEvent({ text: "script for london segment ml", channel: "D0QSCRIPT" }));
    const text = allText((await posted("D0QSCRIPT", since)).body);
    expect(text).toContain("Negotiation script");
    expect(text).toContain("£132K–£165K");
  });

  it("every message stays within Block Kit's limits", () => {
    for (const ack of acks) expect(blockKitViolations(messageOf(ack))).toEqual([]);
  });
});
