/** /comp through the real Bolt app in HTTP mode: every grammar form answered ephemerally in the ack. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockKitViolations } from "../../src/render/violations.ts";
import type { Json } from "../support/fake-slack.ts";
import { slashCommand, uniqueId } from "../support/signing.ts";
import {
  allText,
  buttonsOf,
  type Harness,
  messageOf,
  startHttpHarness,
  violationsInCalls,
} from "../support/slack-harness.ts";

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
  expect(body.response_type).toBe("ephemeral");
  expect(typeof body.text).toBe("string");
  expect(Array.isArray(body.blocks)).toBe(true);
  return body;
}

describe("/comp over HTTP", () => {
  it("band: segment ml-ai-engineer london -> London figures in GBP, region/script buttons and Share", async () => {
    const body = await comp("segment ml-ai-engineer london");
    const text = allText(body);
    expect(text).toContain("£132K–£165K");
    expect(text).toContain("London");
    const buttons = buttonsOf(body);
    expect(buttons.map((b) => b.value)).toEqual(
      expect.arrayContaining([
        "segment ml-ai-engineer san-francisco",
        "segment ml-ai-engineer new-york",
        "script segment ml-ai-engineer",
      ]),
    );
    expect(buttons.filter((b) => b.actionId.startsWith("compbot_run_")).length).toBeGreaterThanOrEqual(3);
    expect(buttons.find((b) => b.actionId === "compbot_share")?.value).toBe("segment ml-ai-engineer london");
  });

  it("all regions: segment ml-ai-engineer -> one row per region", async () => {
    const text = allText(await comp("segment ml-ai-engineer"));
    for (const region of ["San Francisco", "New York", "London"]) expect(text).toContain(region);
    expect(text).toContain("£182K–£248K");
  });

  it("two regions: segment ml-ai-engineer london vs new york -> both, not converted; Share asks both again", async () => {
    const body = await comp("segment ml-ai-engineer london vs new york");
    const text = allText(body);
    for (const figure of ["£182K–£248K", "$252K–$342K"]) expect(text).toContain(figure);
    expect(text).not.toContain("San Francisco (USD)");
    expect(text).toContain(
      "Each region in its own currency (GBP, USD): figures are not converted between them.",
    );
    const share = buttonsOf(body).find((b) => b.actionId === "compbot_share")?.value;
    expect(share).toBe("segment ml-ai-engineer london new-york");
    // The shared words ask the same question.
    expect(allText(await comp(share!))).toContain("$252K–$342K");
  });

  it("a band asked for in another currency: the guide's figures, and a sentence saying why", async () => {
    const text = allText(await comp("segment ml-ai-engineer london in dollars"));
    expect(text).toContain("£132K–£165K");
    expect(text).toContain(
      "You asked for USD: the guide gives London in GBP, so that is how it is shown; I use no exchange rates (the guide has none). Its USD bands: San Francisco, New York.",
    );
    const euros = allText(await comp("segment ml-ai-engineer in euros"));
    expect(euros).toContain(
      "You asked for EUR: the guide gives San Francisco in USD, New York in USD, London in GBP, so that is how it is shown; I use no exchange rates (the guide has none). This guide has no band in EUR.",
    );
    // The script's figures are the London band's, in GBP (carried from the guide's USD by its own bands).
    const script = allText(await comp("script segment ml-ai-engineer london in dollars"));
    expect(script).toContain("You asked for USD: the guide gives London in GBP, so that is how it is shown;");
    expect(script).toContain("I'd like £181K in Twilio RSUs");
    // Asked in the band's own currency: nothing to say.
    expect(allText(await comp("segment ml-ai-engineer london in gbp"))).not.toContain("You asked for");
  });

  it("an offer in two currencies: not compared, each figure shown in the currency it was written in", async () => {
    const text = allText(
      await comp("offer segment ml-ai-engineer london base £150k stock $200k signing 20k"),
    );
    expect(text).toContain("Your offer mixes GBP and USD");
    // The signing bonus was written without a currency: shown without one, never as GBP or USD.
    expect(text).toContain("Base: £150K\nStock grant (over 4 yrs): $200K\nSigning bonus: 20K");
  });

  it("company: segment -> its roles", async () => {
    expect(allText(await comp("segment"))).toContain("ML/AI Engineer");
  });

  it("role: ml engineer -> the companies with that role", async () => {
    expect(allText(await comp("ml engineer"))).toContain("Segment");
  });

  it("list -> the catalogue", async () => {
    expect(allText(await comp("list"))).toMatch(/1 guide/);
  });

  it.each(["help", ""])("help (%j) -> usage with examples, no share button", async (text) => {
    const body = await comp(text);
    expect(allText(body)).toContain("/comp segment ml-ai-engineer london");
    expect(buttonsOf(body).find((b) => b.actionId === "compbot_share")).toBeUndefined();
  });

  it("script segment ml-ai-engineer -> ephemeral, never in_channel, no share button", async () => {
    const body = await comp("script segment ml-ai-engineer");
    expect(body.response_type).toBe("ephemeral");
    expect(allText(body)).toContain("Negotiation script");
    expect(buttonsOf(body).find((b) => b.actionId === "compbot_share")).toBeUndefined();
  });

  it("level segment ml-ai-engineer -> the level mapping", async () => {
    expect(allText(await comp("level segment ml-ai-engineer"))).toContain("Google L4-L5");
  });

  it("level google l5 -> the guides mapped to that level", async () => {
    const text = allText(await comp("level google l5"));
    expect(text).toContain("Google L5");
    expect(text).toContain("Segment");
  });

  it("acme widget-engineer paris -> not found, with a did-you-mean button", async () => {
    const body = await comp("acme widget-engineer paris");
    expect(allText(body)).toMatch(/don't have/);
    expect(buttonsOf(body).map((b) => b.value)).toContain("segment ml-ai-engineer");
  });

  it("echoed user text cannot ping anyone", async () => {
    const body = await comp("<!channel> acme <!here>");
    expect(JSON.stringify(body)).not.toContain("<!");
  });

  it("answers in the ack itself: no Web API call, no respond()", () => {
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
    expect(h.fake.callsTo("respond")).toEqual([]);
  });

  it("every ack and every message the fake received respects Block Kit limits", () => {
    expect(acks.length).toBeGreaterThanOrEqual(12);
    for (const ack of acks) expect(blockKitViolations(messageOf(ack))).toEqual([]);
    expect(violationsInCalls(h.fake.calls.items)).toEqual([]);
  });
});
