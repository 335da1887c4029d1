/**
 * A guide with 30 regions through the real Bolt app (HTTP): the band keeps "Negotiation script" and "All regions"
 * as buttons with the other regions in one select, and the all-regions answer is one table (Slack: at most 100
 * rows, 20 cells a row, one table a message).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../support/fake-slack.ts";
import { makeGuidesDir } from "../support/make-guide.ts";
import { slashCommand } from "../support/signing.ts";
import {
  allText,
  buttonsOf,
  type Harness,
  startHttpHarness,
  violationsInCalls,
} from "../support/slack-harness.ts";
import { optionsResponseProblems, surfaceBlockProblems } from "../support/surface-limits.ts";
import { blockSuggestionPayload, viewState } from "../support/surface-payloads.ts";

const REGIONS = Array.from({ length: 30 }, (_, i) => `Region ${String.fromCharCode(65 + (i % 26))}${i}`);

let h: Harness;
beforeAll(async () => {
  const dir = makeGuidesDir([
    {
      company: "acme",
      companyDisplay: "Acme",
      role: "widget-engineer",
      roleDisplay: "Widget Engineer",
      bands: REGIONS.map((region, i) => ({ region, base: [100_000 + i * 1000, 150_000 + i * 1000] })),
    },
    // 150 more companies: more than one options response may hold.
    ...Array.from({ length: 150 }, (_, i) => ({
      company: `firm-${i}`,
      companyDisplay: `Firm ${i}`,
      role: "analyst",
      roleDisplay: "Analyst",
    })),
  ]);
  h = await startHttpHarness({ guidesDir: dir });
});
afterAll(async () => {
  await h?.close();
});

async function comp(text: string): Promise<Json> {
  const res = await h.send(slashCommand({ text, response_url: h.fake.responseUrl("many") }));
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

describe("the Home company picker over 151 companies", () => {
  it("answers a block_suggestion with at most 100 options, and narrows as the user types", async () => {
    const ask = async (value: string): Promise<Json> => {
      const res = await h.send({
        body: new URLSearchParams({
          payload: JSON.stringify(blockSuggestionPayload("home_pick_company", value, viewState("home"))),
        }).toString(),
        contentType: "application/x-www-form-urlencoded",
      });
      expect(res.status).toBe(200);
      return (await res.json()) as Json;
    };
    const all = await ask("");
    expect(optionsResponseProblems(all)).toEqual([]);
    expect(all.options).toHaveLength(100);
    const typed = await ask("firm 14");
    expect((typed.options as Json[]).map((o) => o.value)).toEqual([
      "firm-14",
      ...Array.from({ length: 10 }, (_, i) => `firm-14${i}`),
    ]);
  });
});

describe("a guide with 30 regions", () => {
  it("a band: Script and All regions are buttons, the other 29 regions one select, nothing 'not shown'", async () => {
    const ack = await comp("acme widget-engineer region-c2");
    expect(allText(ack)).toContain("Region C2");
    const buttons = buttonsOf(ack).map((b) => b.text);
    expect(buttons).toContain("Negotiation script");
    expect(buttons).toContain("All regions");
    expect(buttons.filter((b) => b.startsWith("Region "))).toEqual([]);
    const selects = (ack.blocks as Json[])
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements as Json[])
      .filter((e) => e.type === "static_select");
    expect(selects).toHaveLength(1);
    const options = selects[0]?.options as Json[];
    expect(options).toHaveLength(29);
    expect(options[0]).toEqual({
      text: { type: "plain_text", text: "Region A0", emoji: true },
      value: "acme widget-engineer region-a0",
    });
    expect(allText(ack)).not.toContain("not shown");
    expect(surfaceBlockProblems(ack.blocks)).toEqual([]);
  });

  it("all regions: one table with a header row and a row per region", async () => {
    const ack = await comp("acme widget-engineer");
    const tables = (ack.blocks as Json[]).filter((b) => b.type === "table");
    expect(tables).toHaveLength(1);
    const rows = tables[0]?.rows as Json[][];
    expect(rows).toHaveLength(31);
    expect(rows[0]?.map((c) => c.text)).toEqual([
      "Region",
      "Base",
      "Stock (RSU over 4 yrs)",
      "Bonus",
      "Total comp",
    ]);
    expect(rows[30]?.map((c) => c.text)).toEqual([
      "Region D29 (USD)",
      "$129K–$179K",
      "$100K–$200K",
      "10% of base",
      "$200K–$300K",
    ]);
    expect(surfaceBlockProblems(ack.blocks)).toEqual([]);
    expect(violationsInCalls([{ method: "respond", body: ack, token: null, seq: 0 }])).toEqual([]);
  });
});
