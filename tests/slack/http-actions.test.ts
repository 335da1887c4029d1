/** Buttons (block_actions) through the real Bolt app in HTTP mode: follow-ups run privately, Share posts visibly. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../support/fake-slack.ts";
import { blockActions, slashCommand, uniqueId } from "../support/signing.ts";
import {
  allText,
  buttonsOf,
  type Harness,
  startHttpHarness,
  violationsInCalls,
} from "../support/slack-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(async () => {
  await h?.close();
});

async function comp(text: string): Promise<Json> {
  const res = await h.send(slashCommand({ text, response_url: h.fake.responseUrl(uniqueId("cmd")) }));
  return (await res.json()) as Json;
}

/** Click a button and return the respond() post it caused. */
async function click(actionId: string, value: string, user = "U0ALICE"): Promise<Json> {
  const id = uniqueId("click");
  const since = h.fake.mark();
  const res = await h.send(blockActions({ actionId, value, user, responseUrl: h.fake.responseUrl(id) }));
  expect(res.status).toBe(200);
  const call = await h.fake.nextCall((c) => c.method === "respond" && c.respondId === id, { since });
  return call.body;
}

describe("block_actions", () => {
  it("every follow-up button of a band answer runs privately (ephemeral, original kept)", async () => {
    const buttons = buttonsOf(await comp("segment ml-ai-engineer london")).filter((b) =>
      b.actionId.startsWith("compbot_run_"),
    );
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    for (const b of buttons) {
      const reply = await click(b.actionId, b.value);
      expect(reply.response_type).toBe("ephemeral");
      expect(reply.replace_original).toBe(false);
      expect(allText(reply).length).toBeGreaterThan(0);
    }
  });

  it("a region button answers that region", async () => {
    const reply = await click("compbot_run_1", "segment ml-ai-engineer new-york");
    expect(allText(reply)).toContain("$182K–$222K");
  });

  it("the script button answers privately with the script and no share button", async () => {
    const reply = await click("compbot_run_2", "script segment ml-ai-engineer");
    expect(reply.response_type).toBe("ephemeral");
    expect(allText(reply)).toContain("Negotiation script");
    expect(buttonsOf(reply).find((b) => b.actionId === "compbot_share")).toBeUndefined();
  });

  it("a did-you-mean button answers the suggestion", async () => {
    const [suggestion] = buttonsOf(await comp("acme widget-engineer paris"));
    expect(suggestion).toBeDefined();
    const reply = await click(suggestion!.actionId, suggestion!.value);
    expect(allText(reply)).toContain("San Francisco");
  });

  it("Share in channel posts the same answer visibly, saying who shared it", async () => {
    const share = buttonsOf(await comp("segment ml-ai-engineer london")).find(
      (b) => b.actionId === "compbot_share",
    );
    expect(share).toBeDefined();
    const reply = await click("compbot_share", share!.value, "U0CAROL");
    expect(reply.response_type).toBe("in_channel");
    expect(reply.replace_original).toBe(false);
    const text = allText(reply);
    expect(text).toContain("£132K–£165K");
    expect(text).toContain("Shared by <@U0CAROL>");
    expect(buttonsOf(reply).find((b) => b.actionId === "compbot_share")).toBeUndefined();
  });

  it.each([
    "segment ml-ai-engineer",
    "segment",
    "ml-ai-engineer",
    "list",
    "level segment ml-ai-engineer",
    "level google l5",
  ])("Share works for every shareable answer (%s)", async (value) => {
    const reply = await click("compbot_share", value);
    expect(reply.response_type).toBe("in_channel");
    expect(allText(reply)).toContain("Shared by <@U0ALICE>");
  });

  it("a script is never shared: answered privately with a note", async () => {
    const reply = await click("compbot_share", "script segment ml-ai-engineer");
    expect(reply.response_type).toBe("ephemeral");
    const text = allText(reply);
    expect(text).toMatch(/stay private/);
    expect(text).toContain("Negotiation script");
  });

  it("without a response_url, a follow-up falls back to chat.postEphemeral", async () => {
    const since = h.fake.mark();
    const res = await h.send(
      blockActions({ actionId: "compbot_run_0", value: "segment ml-ai-engineer london", channel: "C0NOURL" }),
    );
    expect(res.status).toBe(200);
    const call = await h.fake.nextCall(
      (c) => c.method === "chat.postEphemeral" && c.body.channel === "C0NOURL",
      {
        since,
      },
    );
    expect(call.body.user).toBe("U0ALICE");
    expect(allText(call.body)).toContain("£132K–£165K");
  });

  it("a compbot_ button CompBot does not know (an older version's) is acknowledged and logged, nothing posted", async () => {
    const id = uniqueId("old");
    const since = h.fake.mark();
    const from = h.logs.length;
    const res = await h.send(
      blockActions({ actionId: "compbot_retired", value: "x", responseUrl: h.fake.responseUrl(id) }),
    );
    expect(res.status).toBe(200);
    expect(await h.nextLog(/Button compbot_retired is not one CompBot knows/, { from })).toMatch(/ WARN /);
    // A known button clicked afterwards is answered, and is the only call since.
    await click("compbot_run_0", "segment ml-ai-engineer london");
    expect(h.fake.calls.items.filter((c) => c.seq > since && c.respondId === id)).toEqual([]);
  });

  it("every message the fake received respects Block Kit limits", () => {
    expect(violationsInCalls(h.fake.calls.items)).toEqual([]);
    expect(h.logs.filter((l) => / ERROR /.test(l))).toEqual([]);
  });
});
