import path from "node:path";
import type { KnownBlock } from "@slack/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, FollowUp, OfferAnswer } from "../answers/types.ts";
import { loadGuides } from "../guides/load.ts";
import { REPO_ROOT } from "../guides/test-fixtures.ts";
import type { Band } from "../guides/types.ts";
import { renderBlocks } from "./blocks.ts";
import { escapeMrkdwn } from "./escape.ts";
import {
  aboveOfferAnswer,
  bandAnswer,
  catalogAnswer,
  companyAnswer,
  everyKind,
  everyOffer,
  followUp,
  guide,
  helpAnswer,
  LEVERS,
  LONDON,
  levelAnswer,
  levelLookupAnswer,
  mismatchOfferAnswer,
  NY,
  notFoundAnswer,
  OFFER_PROVENANCE,
  offerAnswer,
  offerLine,
  partialOfferAnswer,
  regionNotFoundAnswer,
  regionsAnswer,
  roleAnswer,
  SCRIPT,
  SF,
  scriptAnswer,
  syntheticBand,
  unreadableOfferAnswer,
} from "./fixtures.test-helpers.ts";
import type { SlackMessage } from "./limits.ts";
import { blockKitViolations } from "./violations.ts";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every text object of a given type in the blocks. */
function textsOfType(message: SlackMessage, type: "mrkdwn" | "plain_text"): string[] {
  const out: string[] = [];
  const walk = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") {
      if (v.type === type && typeof v.text === "string") out.push(v.text);
      Object.values(v).forEach(walk);
    }
  };
  walk(JSON.parse(JSON.stringify(message.blocks)) as Json);
  return out;
}

/** Everything Slack parses as mrkdwn: the top-level text and every mrkdwn object. */
const mrkdwnOf = (m: SlackMessage) => [m.text, ...textsOfType(m, "mrkdwn")];

function buttons(m: SlackMessage) {
  return m.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])).filter((e) => e.type === "button");
}

function ids(m: SlackMessage) {
  const actionIds = buttons(m).map((b) => b.action_id);
  const blockIds = m.blocks.map((b) => b.block_id).filter((id) => id !== undefined);
  return { actionIds, blockIds };
}

function expectValid(m: SlackMessage) {
  expect(blockKitViolations(m)).toEqual([]);
  expect(m.text.trim().length).toBeGreaterThan(0);
  const { actionIds, blockIds } = ids(m);
  expect(new Set(actionIds).size).toBe(actionIds.length);
  expect(new Set(blockIds).size).toBe(blockIds.length);
  const json = JSON.stringify(m);
  expect(json).not.toMatch(/undefined|NaN|\[object Object\]/);
}

const OPTIONS = [{}, { shareable: true }, { shareable: true, sharedBy: "U123ABC" }, { sharedBy: "nope" }];

describe("every answer kind", () => {
  for (const answer of everyKind()) {
    for (const options of OPTIONS) {
      it(`${answer.kind} ${JSON.stringify(options)} is valid Block Kit with a text fallback`, () => {
        expectValid(renderBlocks(answer, options));
      });
    }
  }
});

describe("band", () => {
  const m = renderBlocks(bandAnswer({ band: SF, command: "segment ml-ai-engineer san-francisco" }));

  it("has the header, four figure fields, currency, level mapping and sources", () => {
    expect(m.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "ML/AI Engineer · Segment · San Francisco", emoji: true },
    });
    const section = m.blocks.find((b) => b.type === "section" && b.fields);
    expect(section?.type === "section" && section.fields?.map((f) => f.text)).toEqual([
      "*Base*\n$188K–$228K",
      "*Stock (RSU over 4 yrs)*\n$145K–$270K",
      "*Bonus*\n10% of base",
      "*Total comp*\n$262K–$355K",
    ]);
    const all = mrkdwnOf(m).join("\n");
    expect(all).toContain("All figures in *USD*");
    expect(all).toContain("Google L4-L5 ML · Meta ML E5 · Salesforce Einstein ML · mParticle AI Lead");
    expect(all).toContain("Sources: Levels.fyi · Salary data 2025-Q4 · Updated 23 Feb 2026");
    expect(all).not.toContain("overdue");
  });

  it("London in GBP, with a meaningful fallback text", () => {
    const london = renderBlocks(bandAnswer());
    expect(london.text).toBe("ML/AI Engineer at Segment, London: base £132K–£165K, total comp £182K–£248K");
    expect(mrkdwnOf(london).join("\n")).toContain("*Base*\n£132K–£165K");
  });

  it("warns when the review is overdue", () => {
    const overdue = renderBlocks(bandAnswer({ overdue: true, today: "2026-06-01" }));
    expect(mrkdwnOf(overdue).join("\n")).toContain("⚠️ Review overdue since 23 May 2026");
  });

  it("follow-up buttons run /comp words; none is primary-spammed", () => {
    const b = buttons(m);
    expect(b.map((x) => [x.action_id, x.value, x.text.text])).toEqual([
      ["compbot_run_0", "segment ml-ai-engineer san-francisco", "San Francisco"],
      ["compbot_run_1", "segment ml-ai-engineer new-york", "New York"],
      ["compbot_run_2", "script segment ml-ai-engineer london", "Negotiation script"],
      ["compbot_run_3", "segment ml-ai-engineer", "All regions"],
    ]);
    expect(b.filter((x) => x.style === "primary").length).toBeLessThanOrEqual(1);
  });
});

describe("share button and shared-by line", () => {
  const shareOf = (m: SlackMessage) => buttons(m).filter((b) => b.action_id === "compbot_share");
  const shareable: Answer[] = [
    bandAnswer(),
    regionsAnswer(),
    levelAnswer(),
    levelLookupAnswer(),
    companyAnswer(),
    roleAnswer(),
    catalogAnswer(),
  ];

  it("appears only when shareable, with the answer's command as value", () => {
    for (const a of shareable) {
      expect(shareOf(renderBlocks(a))).toHaveLength(0);
      const share = shareOf(renderBlocks(a, { shareable: true }));
      expect(share).toHaveLength(1);
      expect(share[0]?.value).toBe("command" in a ? a.command : "");
      expect(share[0]?.text.text).toBe("Share in channel");
    }
  });

  it("never appears on scripts, offer checks or on not-found / region-not-found / help", () => {
    for (const a of [
      scriptAnswer(),
      scriptAnswer({ band: null }),
      ...everyOffer(),
      notFoundAnswer(),
      regionNotFoundAnswer(),
      helpAnswer(),
    ]) {
      expect(shareOf(renderBlocks(a, { shareable: true }))).toHaveLength(0);
    }
  });

  it("adds 'Shared by <@U…>' only for a valid user id", () => {
    const shared = renderBlocks(bandAnswer(), { sharedBy: "U123" });
    expect(mrkdwnOf(shared)).toContain("Shared by <@U123>");
    for (const bad of ["<!channel>", "u123", "U12 3", "C123", "", "U123>|x"]) {
      const m = renderBlocks(bandAnswer(), { sharedBy: bad });
      expect(JSON.stringify(m)).not.toContain("Shared by");
    }
    expect(mrkdwnOf(renderBlocks(bandAnswer(), { sharedBy: "W9Z" }))).toContain("Shared by <@W9Z>");
  });
});

describe("layouts", () => {
  it("regions in a message: one table, a header row and a row per region with its four figures", () => {
    const m = renderBlocks(regionsAnswer());
    expectValid(m);
    const tables = m.blocks.filter((b) => b.type === "table");
    expect(tables).toHaveLength(1);
    const rows = tables[0]?.type === "table" ? tables[0].rows : [];
    const cells = rows.map((r) => r.map((c) => ("text" in c ? c.text : "")));
    expect(cells[0]).toEqual(["Region", "Base", "Stock (RSU over 4 yrs)", "Bonus", "Total comp"]);
    expect(cells).toHaveLength(4);
    expect(cells[3]).toEqual(["London (GBP)", "£132K–£165K", "£102K–£188K", "10% of base", "£182K–£248K"]);
    expect(m.blocks.filter((b) => b.type === "section" && b.fields)).toHaveLength(0);
  });

  it("regions a question named: the table, then what differs (currencies) and what is missing, escaped", () => {
    const m = renderBlocks(regionsAnswer({ bands: [LONDON, NY], named: { missing: ["Paris <&>"] } }));
    expectValid(m);
    const rows = m.blocks.flatMap((b) => (b.type === "table" ? b.rows : []));
    expect(rows.map((r) => ("text" in r[0]! ? r[0].text : ""))).toEqual([
      "Region",
      "London (GBP)",
      "New York (USD)",
    ]);
    expect(mrkdwnOf(m)).toEqual(
      expect.arrayContaining([
        "Each region in its own currency (GBP, USD): figures are not converted between them.",
        "No band for Paris &lt;&amp;&gt; in this guide; it has San Francisco, New York, London.",
      ]),
    );
    // One currency, nothing missing: nothing to say. Every region (not named): nothing either.
    const same = renderBlocks(regionsAnswer({ bands: [LONDON], named: { missing: [] } }));
    expect(mrkdwnOf(same).join("\n")).not.toMatch(/own currency|No band for/);
    expect(mrkdwnOf(renderBlocks(regionsAnswer())).join("\n")).not.toMatch(/own currency|No band for/);
  });

  it("regions in the Home view (no table there): one section per region", () => {
    const m = renderBlocks(regionsAnswer(), { surface: "home" });
    expect(m.blocks[0]?.type === "header" && m.blocks[0].text.text).toBe("ML/AI Engineer · Segment");
    expect(m.blocks.some((b) => b.type === "table")).toBe(false);
    const sections = m.blocks.filter((b) => b.type === "section");
    expect(sections).toHaveLength(3);
    const london = JSON.stringify(sections[2]);
    for (const s of ["*London* · GBP", "£132K–£165K", "£102K–£188K", "10% of base", "£182K–£248K"]) {
      expect(london).toContain(s);
    }
  });

  it("script: header, DNA, numbered levers, quoted script, accept line, disclaimer, band", () => {
    const m = renderBlocks(scriptAnswer());
    expect(m.blocks[0]?.type === "header" && m.blocks[0].text.text).toBe(
      "Negotiation script · ML/AI Engineer · Segment",
    );
    const all = mrkdwnOf(m).join("\n");
    expect(all).toContain("*Negotiation DNA*\nTop-Tier Twilio RSU");
    expect(all).toContain(`1. *AI Product Core* — "${LEVERS[0]?.quote}"`);
    expect(all).toContain("4. *Signing Bonus for AI Talent*");
    expect(all).toContain(`*Script*\n>I'd like $260K in Twilio RSUs`);
    expect(all).toContain("*Accept if above* $242K RSUs");
    expect(all).toContain("£132K–£165K");
    const context = m.blocks.filter((b) => b.type === "context");
    expect(JSON.stringify(context)).toContain("Not financial, tax or legal advice");
  });

  it("level: equivalences list", () => {
    const all = mrkdwnOf(renderBlocks(levelAnswer())).join("\n");
    expect(all).toContain("*Segment level:* Segment ML/AI");
    expect(all).toContain("• *Google* — L4-L5 ML");
    expect(all).toContain("• *mParticle* — AI Lead");
  });

  it("level-lookup: matches, or what would work", () => {
    expect(mrkdwnOf(renderBlocks(levelLookupAnswer())).join("\n")).toContain(
      "• *ML/AI Engineer · Segment* — Google L4-L5 ML",
    );
    const none = renderBlocks(levelLookupAnswer({ level: "L7", matches: [], followUps: [] }));
    expect(none.text).toBe("No guide maps to Google L7");
    expect(mrkdwnOf(none).join("\n")).toContain("`/comp list`");
  });

  it("not-found: names the unknown words and offers suggestions", () => {
    const m = renderBlocks(notFoundAnswer());
    const all = mrkdwnOf(m).join("\n");
    expect(all).toContain("I don't have a guide for acme widget-engineer.");
    expect(all).toContain("“acme”, “widget-engineer”");
    expect(all).toContain("Did you mean");
    expect(buttons(m).map((b) => b.value)).toEqual(["segment ml-ai-engineer"]);
    const none = renderBlocks(notFoundAnswer({ suggestions: [] }));
    expect(mrkdwnOf(none).join("\n")).toContain("`/comp list`");
    expect(buttons(none)).toHaveLength(0);
  });

  it("region-not-found: says what exists, one button per available region", () => {
    const m = renderBlocks(regionNotFoundAnswer());
    expect(m.text).toBe("No London band for ML/AI Engineer at Segment — we have: San Francisco, New York");
    expect(buttons(m).map((b) => [b.text.text, b.value])).toEqual([
      ["San Francisco", "segment ml-ai-engineer san-francisco"],
      ["New York", "segment ml-ai-engineer new-york"],
    ]);
    // The answer's own region follow-ups win over the built ones.
    const own = renderBlocks(
      regionNotFoundAnswer({ followUps: [followUp("NYC", "segment ml-ai-engineer nyc")] }),
    );
    expect(buttons(own).map((b) => b.value)).toEqual(["segment ml-ai-engineer nyc"]);
  });

  it("help: reason first, then examples", () => {
    const m = renderBlocks(helpAnswer({ reason: "I couldn't read “zzz”." }));
    const all = mrkdwnOf(m).slice(1).join("\n");
    expect(all.indexOf("I couldn't read")).toBeLessThan(all.indexOf("/comp segment ml-ai-engineer london"));
    expect(all).toContain("• `/comp segment ml-ai-engineer london` — one band");
  });

  it("company, role and catalog list their entries", () => {
    expect(mrkdwnOf(renderBlocks(companyAnswer())).join("\n")).toContain(
      "• *ML/AI Engineer* — San Francisco, New York, London",
    );
    expect(mrkdwnOf(renderBlocks(roleAnswer())).join("\n")).toContain(
      "• *Segment* — San Francisco, New York, London",
    );
    expect(mrkdwnOf(renderBlocks(catalogAnswer())).join("\n")).toContain("• *Segment* — ML/AI Engineer");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Offer check
// ---------------------------------------------------------------------------------------------------------------

const GAUGE = /[▕▏■□]/;

function sectionTexts(m: SlackMessage): string[] {
  return m.blocks.flatMap((b) =>
    b.type === "section" ? [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)] : [],
  );
}

describe("offer", () => {
  const m = renderBlocks(offerAnswer(), { shareable: true });
  const all = mrkdwnOf(m).join("\n");

  it("has the header, the currency (read as the band's) and a meaningful fallback text", () => {
    expectValid(m);
    expect(m.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Offer check · ML/AI Engineer · Segment · London", emoji: true },
    });
    expect(all).toContain("Figures in *GBP* (read as GBP, the band's currency — add £/$/€ to be explicit)");
    expect(m.text).toBe(
      "Offer check for ML/AI Engineer at Segment, London: total £195K, 20% of the way through the band",
    );
    const explicit = mrkdwnOf(renderBlocks(aboveOfferAnswer())).join("\n");
    expect(explicit).toContain("Figures in *USD*");
    expect(explicit).not.toContain("read as");
  });

  it("places each line in the band: label, offered figure, band range, gauge and position", () => {
    const section = m.blocks.find((b) => b.type === "section" && b.fields);
    expect(section?.type === "section" && section.text?.text).toContain(
      "*Where your offer sits in the London band*",
    );
    expect(section?.type === "section" && section.fields?.map((f) => f.text)).toEqual([
      "*Base*  £150K\nband £132K–£165K",
      "`▕■■■■■□□□□□▏`\n55% of the way from low to high",
      "*Stock (grant over 4 yrs)*  £120K\nband £102K–£188K",
      "`▕■■□□□□□□□□▏`\n21% of the way from low to high",
      "*Bonus*  10%\nband 10%",
      "`▕■■■■■■■■■■▏`\nat the band's figure",
      "*Total comp (annualised)*  £195K\nband £182K–£248K",
      "`▕■■□□□□□□□□▏`\n20% of the way from low to high",
    ]);
  });

  it("shows the annualised total with its formula, and the signing bonus as year-one cash", () => {
    expect(all).toContain(
      "*Annualised total* (base + stock per year + bonus)\n£150K + £120K ÷ 4 + 10% × £150K = £195K\n+ £20K signing bonus in year one",
    );
    expect(all).not.toContain("Partial");
  });

  it("counter-offer: targets, the script quoted, the accept line with how, provenance, disclaimer", () => {
    const texts = sectionTexts(m);
    const order = ["*Counter-offer*", "*Script with these figures*", "*Accept if above* £155K in stock"].map(
      (t) => texts.findIndex((x) => x.includes(t)),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(all).toContain(
      "• *Stock grant* £167K — 75th percentile of the band's stock range (your weakest figure, at 21% of the band)",
    );
    expect(all).toContain("• *Bonus* 10% — top of the band's bonus range");
    expect(all).toContain("*Script with these figures*\n>I'd like £167K in Twilio RSUs");
    const contexts = m.blocks.filter((b) => b.type === "context").map((b) => JSON.stringify(b));
    const accept = m.blocks.findIndex(
      (b) => b.type === "section" && b.text?.text.includes("Accept if above"),
    );
    expect(JSON.stringify(m.blocks[accept + 1])).toContain("the same ratio applied to the stock target");
    expect(m.blocks[accept + 1]?.type).toBe("context");
    const provenance = m.blocks.find(
      (b) => b.type === "context" && JSON.stringify(b).includes("From the guide"),
    );
    expect(provenance?.type === "context" && provenance.elements.map((x) => "text" in x && x.text)).toEqual(
      OFFER_PROVENANCE,
    );
    expect(contexts.some((c) => c.includes("Not financial, tax or legal advice"))).toBe(true);
  });

  it("partial offer: says which parts are missing and places no total, in the blocks and the text", () => {
    const p = renderBlocks(partialOfferAnswer());
    expectValid(p);
    const text = mrkdwnOf(p).join("\n");
    expect(text).toContain("No total of the components placed: stock and bonus not given");
    expect(text).not.toContain("Total comp");
    expect(text).not.toContain("(partial)");
    expect(text).not.toContain("*Annualised total*");
    expect(text).not.toContain("signing bonus in year one");
    expect(p.text).toBe(
      "Offer check for ML/AI Engineer at Segment, London: base £100K, below the band (£132K–£165K); no total placed (stock and bonus not given)",
    );
    // A bonus given as a % cannot be counted without a base.
    const pctOnly = renderBlocks(
      partialOfferAnswer({
        offer: { ...partialOfferAnswer().offer, base: null, stock: 120000, bonusPct: 12 },
        missing: ["base"],
      }),
    );
    expect(mrkdwnOf(pctOnly).join("\n")).toContain(
      "No total of the components placed: base not given; the 12% bonus needs a base,",
    );
  });

  it("below, inside and above the band", () => {
    const below = mrkdwnOf(renderBlocks(partialOfferAnswer())).join("\n");
    expect(below).toContain("`▕□□□□□□□□□□▏`\nbelow the band");
    const above = renderBlocks(aboveOfferAnswer());
    expect(mrkdwnOf(above).join("\n")).toContain("`▕■■■■■■■■■■▏`\nabove the band");
    expect(above.text).toBe(
      "Offer check for ML/AI Engineer at Segment, New York: base $300K, above the band ($182K–$222K); stock (grant over 4 yrs) $400K, above the band ($138K–$258K); no total placed (bonus not given)",
    );
    const edges = renderBlocks(
      offerAnswer({
        lines: [
          offerLine("base", "Base", 132000, LONDON.base),
          offerLine("stock", "Stock (grant over 4 yrs)", 188000, LONDON.stock),
          offerLine("bonus", "Bonus", 8, LONDON.bonusPct, "percent"),
        ],
      }),
    );
    const text = mrkdwnOf(edges).join("\n");
    expect(text).toContain("`▕□□□□□□□□□□▏`\n0% of the way from low to high");
    expect(text).toContain("`▕■■■■■■■■■■▏`\n100% of the way from low to high");
    expect(text).toContain("*Bonus*  8%\nband 10%");
    expect(text).toContain("`▕□□□□□□□□□□▏`\nbelow the band");
  });

  it("follow-ups are run buttons; never a share button, whatever the options", () => {
    const above = renderBlocks(aboveOfferAnswer(), { shareable: true, sharedBy: "U1" });
    expect(buttons(above).map((b) => [b.action_id, b.text.text, b.value])).toEqual([
      [
        "compbot_run_0",
        "San Francisco",
        "offer segment ml-ai-engineer san-francisco base USD 300000 stock USD 400000",
      ],
    ]);
    for (const a of everyOffer()) {
      for (const options of OPTIONS) {
        const r = renderBlocks(a, options);
        expect(buttons(r).map((b) => b.action_id)).not.toContain("compbot_share");
        expect(JSON.stringify(r)).not.toContain("Share in channel");
      }
    }
  });

  it("currency mismatch: says so, shows both sides labelled, offers the bands in the offer's currency", () => {
    const mm = renderBlocks(mismatchOfferAnswer(), { shareable: true });
    expectValid(mm);
    const text = mrkdwnOf(mm).join("\n");
    expect(text).toContain("Your offer is in USD but the London band is in GBP, so I haven't compared them.");
    const section = mm.blocks.find((b) => b.type === "section" && b.fields);
    expect(section?.type === "section" && section.fields?.map((f) => f.text)).toEqual([
      "*Your offer (USD)*\nBase: $150K\nStock grant (over 4 yrs): $120K\nBonus: 10% of base",
      "*London band (GBP)*\nBase: £132K–£165K\nStock (RSU over 4 yrs): £102K–£188K\nBonus: 10% of base\nTotal comp: £182K–£248K",
    ]);
    // Regions in USD once each (they are also the answer's follow-ups), as run buttons.
    expect(buttons(mm).map((b) => [b.action_id, b.text.text, b.value])).toEqual([
      ["compbot_run_0", "San Francisco", "offer segment ml-ai-engineer san-francisco base USD 150000"],
      ["compbot_run_1", "New York", "offer segment ml-ai-engineer new-york base USD 150000"],
    ]);
    // Nothing compared: no gauge, no total, no targets, no script.
    expect(JSON.stringify(mm.blocks)).not.toMatch(GAUGE);
    for (const absent of [
      "Annualised",
      "Counter-offer",
      "Script",
      "Accept if above",
      "Where your offer sits",
    ]) {
      expect(text).not.toContain(absent);
    }
    expect(text).toContain("Not financial, tax or legal advice");
    expect(mm.text).toBe(
      "Offer check for ML/AI Engineer at Segment, London: your offer is in USD but the band is in GBP, so I haven't compared them",
    );
    // Even if the answer carried comparisons, a mismatch shows none of them.
    const stray = renderBlocks({
      ...offerAnswer(),
      currencyMismatch: mismatchOfferAnswer().currencyMismatch,
    });
    expect(JSON.stringify(stray.blocks)).not.toMatch(GAUGE);
    expect(mrkdwnOf(stray).join("\n")).not.toContain("Counter-offer");
  });

  it("currency mismatch with no band in the offer's currency, or mixed currencies, says what to do", () => {
    const eur = renderBlocks(
      mismatchOfferAnswer({
        currencyMismatch: { offer: "EUR", band: "GBP", regionsInOfferCurrency: [] },
        followUps: [],
      }),
    );
    expectValid(eur);
    expect(mrkdwnOf(eur).join("\n")).toContain(
      "This guide has no band in EUR: send the figures in GBP to compare them with London.",
    );
    expect(mrkdwnOf(eur).join("\n")).toContain("Base: €150K");
    expect(buttons(eur)).toHaveLength(0);
    const mixed = renderBlocks(
      mismatchOfferAnswer({
        currencyMismatch: { offer: "GBP/USD", band: "GBP", regionsInOfferCurrency: [] },
        followUps: [],
      }),
    );
    expectValid(mixed);
    const text = mrkdwnOf(mixed).join("\n");
    expect(text).toContain("Your offer mixes GBP and USD and the London band is in GBP");
    expect(text).toContain("*Your offer (GBP/USD)*\nBase: 150K");
    expect(text).toContain("Send every figure in GBP to compare them with London.");
  });

  it("unreadable figures come first, each named back, with the suggestion when there is one", () => {
    const u = renderBlocks(unreadableOfferAnswer());
    expectValid(u);
    expect(u.blocks[1]).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        text: "I couldn't read `stock 12O` — did you mean `120k`?\nI couldn't read `bonus 1O%`.",
      },
    });
    expect(JSON.stringify(u.blocks[2])).toContain("I left them out: send the offer again to include them.");
    expect(u.text).toBe(
      "Offer check for ML/AI Engineer at Segment, London: base £100K, below the band (£132K–£165K); no total placed (stock and bonus not given); I couldn't read stock 12O, bonus 1O%",
    );
    const mm = renderBlocks(mismatchOfferAnswer({ unreadable: [{ text: "stock 12O", suggestion: "120k" }] }));
    expect(sectionTexts(mm)[0]).toBe("I couldn't read `stock 12O` — did you mean `120k`?");
    expect(JSON.stringify(mm.blocks[2])).toContain("I left it out");
    // Nothing readable at all: still a valid answer that says so.
    const none = renderBlocks(
      offerAnswer({
        lines: [],
        annual: null,
        signing: null,
        unreadable: [{ text: "base abc", suggestion: null }],
      }),
    );
    expectValid(none);
    expect(mrkdwnOf(none).join("\n")).toContain("No figures I could read to place in the band.");
    expect(none.text).toBe(
      "Offer check for ML/AI Engineer at Segment, London: no figures to place in the band; I couldn't read base abc",
    );
  });

  it("user text in a code span cannot close it or ping anyone", () => {
    const u = renderBlocks(
      unreadableOfferAnswer({
        unreadable: [{ text: "stock `12O` <!channel> & co", suggestion: "<@U1>`x" }],
      }),
    );
    expectValid(u);
    expect(sectionTexts(u)[0]).toBe(
      "I couldn't read `stock '12O' &lt;!channel&gt; &amp; co` — did you mean `&lt;@U1&gt;'x`?",
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------------------------

const EVIL = "<!channel> <@U1> <http://evil|x> & <!here>";

function evilAnswers(): Answer[] {
  const g = guide({
    companyDisplay: `Seg${EVIL}`,
    roleDisplay: `Eng${EVIL}`,
    dataSources: [EVIL],
    salaryDataQuarter: EVIL,
    levelMapping: { internal: EVIL, raw: EVIL, equivalences: [{ company: EVIL, level: EVIL }] },
  });
  const band: Band = { ...LONDON, region: EVIL, currency: EVIL };
  const fu: FollowUp[] = [followUp(EVIL, `segment ${EVIL}`)];
  const facts = { guide: g, overdue: true, today: "2026-06-01" };
  return [
    bandAnswer({ ...facts, band, followUps: fu, command: EVIL }),
    regionsAnswer({ ...facts, bands: [band, band], followUps: fu, command: EVIL }),
    companyAnswer({
      company: { key: EVIL, display: EVIL },
      roles: [{ key: EVIL, display: EVIL, regions: [EVIL] }],
      followUps: fu,
      command: EVIL,
    }),
    roleAnswer({
      role: { key: EVIL, display: EVIL },
      companies: [{ key: EVIL, display: EVIL, regions: [EVIL] }],
    }),
    catalogAnswer({ companies: [{ key: EVIL, display: EVIL, roles: [{ key: EVIL, display: EVIL }] }] }),
    scriptAnswer({
      ...facts,
      band,
      dnaSummary: EVIL,
      levers: [{ title: EVIL, quote: EVIL }],
      script: { text: `${EVIL}\n${EVIL}`, acceptThreshold: { text: EVIL, amount: null, component: null } },
      disclaimer: EVIL,
      followUps: fu,
    }),
    levelAnswer({ ...facts, internal: EVIL, equivalences: [{ company: EVIL, level: EVIL }], raw: EVIL }),
    levelAnswer({ ...facts, internal: null, equivalences: [], raw: EVIL }),
    levelLookupAnswer({
      company: EVIL,
      level: EVIL,
      matches: [{ guide: g, equivalence: { company: EVIL, level: EVIL } }],
    }),
    levelLookupAnswer({ company: EVIL, level: EVIL, matches: [] }),
    notFoundAnswer({ asked: EVIL, unknown: [EVIL, EVIL], suggestions: fu }),
    regionNotFoundAnswer({ ...facts, askedRegion: EVIL, available: [band] }),
    helpAnswer({ reason: EVIL, examples: [{ command: EVIL, description: EVIL }] }),
    evilOffer({ ...facts, band }),
    evilOffer({
      ...facts,
      band,
      currencyMismatch: { offer: EVIL, band: EVIL, regionsInOfferCurrency: fu },
      lines: [],
      annual: null,
    }),
  ];
}

/** An offer check whose every string is hostile. */
function evilOffer(overrides: Partial<OfferAnswer>): OfferAnswer {
  const base = offerAnswer();
  return offerAnswer({
    lines: base.lines.map((l) => ({ ...l, label: EVIL })),
    annual: {
      total: 195000,
      parts: [
        { label: EVIL, amount: 1, formula: EVIL },
        { label: EVIL, amount: 2, formula: EVIL },
      ],
      partial: true,
    },
    targets: base.targets.map((t) => ({ ...t, label: EVIL, how: EVIL })),
    script: `${EVIL}\n${EVIL}`,
    acceptThreshold: { amount: 1, text: EVIL, how: EVIL },
    provenance: [EVIL, EVIL],
    unreadable: [
      { text: EVIL, suggestion: EVIL },
      { text: EVIL, suggestion: null },
    ],
    disclaimer: EVIL,
    followUps: [followUp(EVIL, `offer ${EVIL}`, "offer")],
    command: EVIL,
    ...overrides,
  });
}

describe("guide and user text is escaped in mrkdwn", () => {
  for (const answer of evilAnswers()) {
    it(`${answer.kind}: no raw <!, <@U1> or <http://evil in mrkdwn or the fallback text`, () => {
      const m = renderBlocks(answer, { shareable: true });
      expectValid(m);
      for (const text of mrkdwnOf(m)) {
        expect(text).not.toContain("<!");
        expect(text).not.toContain("<@U1>");
        expect(text).not.toContain("<http://evil");
        // Every & is the start of an entity we wrote.
        expect(text.replace(/&(amp|lt|gt);/g, "")).not.toContain("&");
      }
      expect(JSON.stringify(mrkdwnOf(m))).toContain("&lt;!channel&gt;");
    });
  }

  it("plain_text (headers, button labels) carries guide text as written: Slack does not parse it", () => {
    const m = renderBlocks(evilAnswers()[0]!);
    expect(textsOfType(m, "plain_text").some((t) => t.includes(EVIL))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Extreme data
// ---------------------------------------------------------------------------------------------------------------

const LONG = `${"Very Long Name & <Co> ".repeat(14)}end`.slice(0, 300);
const LONG_CMD = `segment ${"x".repeat(292)}`;
const THIRTY: FollowUp[] = Array.from({ length: 30 }, (_, i) => followUp(`${LONG} ${i}`, `${LONG_CMD}${i}`));

function extremeAnswers(): Answer[] {
  const g = guide({
    companyDisplay: LONG,
    roleDisplay: LONG,
    dataSources: Array.from({ length: 40 }, () => LONG),
    levelMapping: {
      internal: LONG,
      raw: LONG,
      equivalences: Array.from({ length: 100 }, (_, i) => ({ company: `${LONG}${i}`, level: LONG })),
    },
  });
  const bands = Array.from({ length: 100 }, (_, i) => syntheticBand(i, `${LONG} ${i}`));
  const facts = { guide: g, overdue: true, today: "2026-06-01" };
  const companies = Array.from({ length: 200 }, (_, i) => ({
    key: `c${i}`,
    display: `${LONG} ${i}`,
    regions: Array.from({ length: 30 }, () => LONG),
    roles: Array.from({ length: 30 }, (_, j) => ({ key: `r${j}`, display: LONG })),
  }));
  const longScript = `${"I'd like more **RSUs** & a <bigger> base. ".repeat(120)}`.slice(0, 5000);
  return [
    bandAnswer({ ...facts, band: bands[0]!, followUps: THIRTY, command: LONG_CMD }),
    regionsAnswer({ ...facts, bands, followUps: THIRTY, command: LONG_CMD }),
    companyAnswer({
      company: { key: "c", display: LONG },
      roles: companies,
      followUps: THIRTY,
      command: LONG_CMD,
    }),
    roleAnswer({ role: { key: "r", display: LONG }, companies, followUps: THIRTY, command: LONG_CMD }),
    catalogAnswer({ companies, guideCount: 6000, companyCount: 250, truncated: true, command: LONG_CMD }),
    scriptAnswer({
      ...facts,
      band: bands[1]!,
      dnaSummary: longScript,
      levers: Array.from({ length: 40 }, () => ({ title: LONG, quote: longScript.slice(0, 1500) })),
      script: { text: longScript, acceptThreshold: { text: longScript, amount: null, component: null } },
      disclaimer: LONG,
      followUps: THIRTY,
      command: LONG_CMD,
    }),
    scriptAnswer({ ...facts, script: { ...SCRIPT, text: longScript }, levers: [], dnaSummary: null }),
    levelAnswer({
      ...facts,
      internal: LONG,
      equivalences: g.levelMapping.equivalences,
      followUps: THIRTY,
      command: LONG_CMD,
    }),
    levelLookupAnswer({
      company: LONG,
      level: LONG,
      matches: Array.from({ length: 200 }, () => ({ guide: g, equivalence: { company: LONG, level: LONG } })),
      followUps: THIRTY,
      command: LONG_CMD,
    }),
    notFoundAnswer({ asked: LONG, unknown: Array.from({ length: 50 }, () => LONG), suggestions: THIRTY }),
    regionNotFoundAnswer({ ...facts, askedRegion: LONG, available: bands, followUps: [] }),
    regionNotFoundAnswer({ ...facts, askedRegion: LONG, available: bands, followUps: THIRTY }),
    helpAnswer({
      reason: LONG.repeat(10),
      examples: Array.from({ length: 100 }, () => ({ command: LONG_CMD, description: LONG })),
      guideCount: 6000,
    }),
    offerAnswer({
      ...facts,
      band: bands[1]!,
      lines: Array.from({ length: 40 }, (_, i) => offerLine("base", `${LONG} ${i}`, i * 10000, LONDON.base)),
      annual: {
        total: 1e12,
        parts: Array.from({ length: 40 }, () => ({ label: LONG, amount: 1, formula: LONG })),
        partial: true,
      },
      signing: 1e15,
      targets: Array.from({ length: 40 }, (_, i) => ({
        component: "base" as const,
        label: `${LONG} ${i}`,
        amount: 1e9,
        unit: "money" as const,
        how: longScript,
      })),
      script: longScript,
      acceptThreshold: { amount: 1, text: longScript, how: longScript },
      provenance: Array.from({ length: 200 }, () => longScript.slice(0, 900)),
      unreadable: Array.from({ length: 60 }, () => ({ text: longScript, suggestion: longScript })),
      disclaimer: LONG,
      followUps: THIRTY,
      command: LONG_CMD,
    }),
    mismatchOfferAnswer({
      ...facts,
      band: bands[2]!,
      offer: {
        ...offerAnswer().offer,
        base: 1e15,
        stock: 1e15,
        bonusAmount: 1e15,
        bonusPct: null,
        signing: 1e15,
      },
      currencyMismatch: { offer: LONG, band: LONG, regionsInOfferCurrency: THIRTY },
      unreadable: Array.from({ length: 60 }, () => ({ text: LONG, suggestion: null })),
      followUps: THIRTY,
      command: LONG_CMD,
    }),
  ];
}

describe("extreme data stays within every limit", () => {
  for (const answer of extremeAnswers()) {
    for (const options of [{}, { shareable: true, sharedBy: "U1" }]) {
      it(`${answer.kind} ${JSON.stringify(options)}`, () => {
        expectValid(renderBlocks(answer, options));
      });
    }
  }

  it("100 regions: capped, says how many more", () => {
    const [, regions] = extremeAnswers();
    const m = renderBlocks(regions!);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(mrkdwnOf(m).join("\n")).toMatch(/…and \d+ more regions: /);
  });

  it("100 plain regions in a message: as many table rows as fit, the rest counted", () => {
    const bands = Array.from({ length: 100 }, (_, i) => syntheticBand(i));
    const m = renderBlocks(regionsAnswer({ bands }));
    expectValid(m);
    const table = m.blocks.find((b) => b.type === "table");
    const shown = table?.type === "table" ? table.rows.length - 1 : 0;
    expect(shown).toBeGreaterThan(20);
    expect(mrkdwnOf(m).join("\n")).toContain(`…and ${100 - shown} more regions`);
  });

  it("100 plain regions in the Home view: as many sections as fit, the rest counted", () => {
    const bands = Array.from({ length: 100 }, (_, i) => syntheticBand(i));
    const m = renderBlocks(regionsAnswer({ bands }), { surface: "home" });
    expectValid(m);
    const shown = m.blocks.filter((b) => b.type === "section" && b.fields).length;
    expect(shown).toBeGreaterThan(5);
    expect(mrkdwnOf(m).join("\n")).toContain(`…and ${100 - shown} more regions`);
  });

  it("200 companies: catalog says how many more (including those not in the answer)", () => {
    const companies = Array.from({ length: 200 }, (_, i) => ({
      key: `c${i}`,
      display: `Company ${i}`,
      roles: [{ key: "r", display: "Engineer" }],
    }));
    const m = renderBlocks(catalogAnswer({ companies, guideCount: 400, companyCount: 250, truncated: true }));
    expectValid(m);
    const text = mrkdwnOf(m).join("\n");
    const shown = (text.match(/^• /gm) ?? []).length;
    expect(text).toContain(`…and ${250 - shown} more companies`);
  });

  it("30 follow-ups (not regions): at most 20 run buttons plus share, the rest counted", () => {
    const thirty = Array.from({ length: 30 }, (_, i) =>
      followUp(`Guide ${i}`, `segment ml-ai-engineer-${i}`, "suggestion"),
    );
    const m = renderBlocks(bandAnswer({ followUps: thirty }), { shareable: true });
    const b = buttons(m);
    expect(b.filter((x) => x.action_id?.startsWith("compbot_run_"))).toHaveLength(20);
    expect(b.at(-1)?.action_id).toBe("compbot_share");
    expect(mrkdwnOf(m).join("\n")).toContain("10 more options not shown");
  });

  it("30 regions: in one select; the script and All regions stay buttons; nothing 'not shown'", () => {
    const thirty = [
      ...Array.from({ length: 30 }, (_, i) => followUp(`Region ${i}`, `segment ml-ai-engineer region-${i}`)),
      followUp("Negotiation script", "script segment ml-ai-engineer", "script"),
      followUp("All regions", "segment ml-ai-engineer", "regions"),
    ];
    const m = renderBlocks(bandAnswer({ followUps: thirty }), { shareable: true });
    expectValid(m);
    expect(buttons(m).map((x) => x.text.text)).toEqual([
      "Negotiation script",
      "All regions",
      "Share in channel",
    ]);
    const selects = m.blocks
      .flatMap((b) => (b.type === "actions" ? b.elements : []))
      .filter((e) => e.type === "static_select");
    expect(selects).toHaveLength(1);
    const options = selects[0]?.type === "static_select" ? (selects[0].options ?? []) : [];
    expect(options).toHaveLength(30);
    expect(options[7]).toEqual({
      text: { type: "plain_text", text: "Region 7", emoji: true },
      value: "segment ml-ai-engineer region-7",
    });
    expect(selects[0]?.action_id).toBe("compbot_run_select");
    expect(mrkdwnOf(m).join("\n")).not.toContain("not shown");
  });

  it("5 regions stay buttons (no select)", () => {
    const five = Array.from({ length: 5 }, (_, i) =>
      followUp(`Region ${i}`, `segment ml-ai-engineer region-${i}`),
    );
    const m = renderBlocks(bandAnswer({ followUps: five }));
    expect(buttons(m).map((x) => x.text.text)).toEqual([
      "Region 0",
      "Region 1",
      "Region 2",
      "Region 3",
      "Region 4",
    ]);
    expect(JSON.stringify(m.blocks)).not.toContain("static_select");
  });

  it("30 huge follow-ups (not regions): fewer buttons (payload budget), the rest counted, share kept", () => {
    const huge = THIRTY.map((f) => ({ ...f, kind: "suggestion" as const }));
    const m = renderBlocks(bandAnswer({ followUps: huge }), { shareable: true });
    const run = buttons(m).filter((x) => x.action_id?.startsWith("compbot_run_"));
    expect(run.length).toBeGreaterThan(0);
    expect(run.map((x) => x.action_id)).toEqual(run.map((_, i) => `compbot_run_${i}`));
    expect(buttons(m).at(-1)?.action_id).toBe("compbot_share");
    expect(mrkdwnOf(m).join("\n")).toContain(`${30 - run.length} more options not shown`);
    // Buttons never crowd out the answer itself.
    const regions = renderBlocks(regionsAnswer({ followUps: huge }), { shareable: true });
    const table = regions.blocks.find((b) => b.type === "table");
    expect(table?.type === "table" ? table.rows.length : 0).toBe(4);
    expect(mrkdwnOf(regions).join("\n")).toContain("Sources: Levels.fyi");
  });

  it("a 5,000-character script is quoted across sections, every line starting with >", () => {
    const long = `${"Word ".repeat(1000)}`.trim();
    const m = renderBlocks(scriptAnswer({ script: { text: long, acceptThreshold: null } }));
    expectValid(m);
    const quoted = textsOfType(m, "mrkdwn").filter((t) => t.includes(">Word"));
    expect(quoted.length).toBeGreaterThan(1);
    for (const q of quoted) {
      for (const l of q.split("\n").filter((x) => x !== "*Script*")) expect(l.startsWith(">")).toBe(true);
    }
    expect(quoted.join(" ").match(/Word/g)?.length).toBe(1000);
  });

  it("a huge script keeps its disclaimer when the message is cut to fit", () => {
    const scripts = extremeAnswers().filter((a) => a.kind === "script");
    for (const a of scripts) {
      const m = renderBlocks(a);
      expectValid(m);
      const context = textsOfType(m, "mrkdwn").join("\n");
      expect(context).toContain(a.kind === "script" ? escapeMrkdwn(a.disclaimer).slice(0, 40) : "");
    }
  });

  it("a huge offer check keeps its header, its first lines and its buttons", () => {
    const offers = extremeAnswers().filter((a) => a.kind === "offer");
    expect(offers).toHaveLength(2);
    for (const a of offers) {
      const m = renderBlocks(a, { shareable: true });
      expectValid(m);
      expect(m.blocks[0]?.type).toBe("header");
      expect(buttons(m).length).toBeGreaterThan(0);
      expect(buttons(m).every((b) => b.action_id?.startsWith("compbot_run_"))).toBe(true);
      expect(m.blocks.filter((b) => b.type === "context").every((b) => b.elements.length <= 10)).toBe(true);
      // The disclaimer is never dropped to fit, whatever else is.
      const disclaimer = a.kind === "offer" ? a.disclaimer : "";
      expect(mrkdwnOf(m).join("\n")).toContain(escapeMrkdwn(disclaimer).slice(0, 40));
      expect(mrkdwnOf(m).join("\n")).toContain("Review overdue");
    }
  });

  it("offer provenance over 10 lines is joined into the 10th context element", () => {
    const provenance = Array.from({ length: 15 }, (_, i) => `Derived: line ${i}.`);
    const m = renderBlocks(offerAnswer({ provenance }));
    expectValid(m);
    const block = m.blocks.find((b) => b.type === "context" && JSON.stringify(b).includes("line 0"));
    expect(block?.type === "context" && block.elements).toHaveLength(10);
    expect(JSON.stringify(block)).toContain("Derived: line 9. · Derived: line 10.");
    expect(JSON.stringify(block)).toContain("Derived: line 14.");
  });

  it("a too-long command gives no button rather than a cut one", () => {
    const m = renderBlocks(bandAnswer({ followUps: [followUp("x", "y".repeat(2001)), NY_FOLLOW] }), {
      shareable: true,
    });
    expect(buttons(m).map((b) => b.value)).toEqual([NY_FOLLOW.command, "segment ml-ai-engineer london"]);
    expect(buttons(m)[0]?.action_id).toBe("compbot_run_0");
  });
});

const NY_FOLLOW = followUp(NY.region, "segment ml-ai-engineer new-york");

describe("property: any guide text renders to valid, escaped Block Kit", () => {
  const text = fc.string({ maxLength: 400, unit: "binary" });
  it("holds for random names, regions, commands and scripts", () => {
    fc.assert(
      fc.property(
        text,
        text,
        text,
        text,
        text,
        fc.boolean(),
        (company, role, region, command, script, shareable) => {
          const g = guide({ companyDisplay: company, roleDisplay: role });
          const band: Band = { ...SF, region };
          const answers: Answer[] = [
            bandAnswer({ guide: g, band, command, followUps: [followUp(region, command)] }),
            regionsAnswer({ guide: g, bands: [band, LONDON], command }),
            scriptAnswer({ guide: g, band, script: { text: script, acceptThreshold: null }, command }),
            notFoundAnswer({
              asked: command,
              unknown: [company, role],
              suggestions: [followUp(role, command)],
            }),
            regionNotFoundAnswer({ guide: g, askedRegion: region, available: [band] }),
            offerAnswer({
              guide: g,
              band,
              script,
              unreadable: [{ text: command, suggestion: role }],
              provenance: [company, region],
              command,
            }),
            mismatchOfferAnswer({
              guide: g,
              band,
              currencyMismatch: {
                offer: region,
                band: company,
                regionsInOfferCurrency: [followUp(role, command)],
              },
            }),
          ];
          for (const a of answers) {
            const m = renderBlocks(a, { shareable, sharedBy: "U1" });
            expect(blockKitViolations(m)).toEqual([]);
            for (const t of mrkdwnOf(m)) expect(t.replace(/<@U1>/g, "")).not.toMatch(/<[!@#h]/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

// Keep fixtures honest: the bands the renderer tests use are the seed guide's, loaded from guides/.
it("fixture bands match the seed guide", async () => {
  const { guides, problems } = await loadGuides(path.join(REPO_ROOT, "guides"), { today: "2026-01-01" });
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  const seed = guides.find((g) => g.id === "segment/ml-ai-engineer");
  expect(seed?.bands).toEqual([SF, NY, LONDON]);
  const blocks: KnownBlock[] = renderBlocks(regionsAnswer({ bands: [SF, NY, LONDON] })).blocks;
  expect(JSON.stringify(blocks)).toContain("$182K–$222K");
});

it("an answer kind the renderer does not know yet still gives a valid message", () => {
  const m = renderBlocks({ kind: "mystery", command: "mystery <!channel>" } as unknown as Answer, {
    shareable: true,
  });
  expectValid(m);
  expect(mrkdwnOf(m).join("\n")).toContain("“mystery”");
});

describe("Check my offer button", () => {
  const offerButtons = (m: SlackMessage) => buttons(m).filter((b) => b.action_id === "compbot_offer_open");

  it("on a band answer when asked for: company role region-slug, after the follow-ups, before Share", () => {
    const m = renderBlocks(bandAnswer(), { shareable: true, offerCheck: true });
    expectValid(m);
    expect(offerButtons(m).map((b) => [b.value, b.text.text])).toEqual([
      ["segment ml-ai-engineer london", "Check my offer"],
    ]);
    const ids = buttons(m).map((b) => b.action_id);
    expect(ids.slice(-2)).toEqual(["compbot_offer_open", "compbot_share"]);
    expect(offerButtons(renderBlocks(bandAnswer({ band: SF }), { offerCheck: true }))[0]?.value).toBe(
      "segment ml-ai-engineer san-francisco",
    );
  });

  it("not without the option, and never on other kinds", () => {
    expect(offerButtons(renderBlocks(bandAnswer()))).toHaveLength(0);
    for (const a of everyKind().filter((x) => x.kind !== "band")) {
      expect(offerButtons(renderBlocks(a, { shareable: true, offerCheck: true }))).toHaveLength(0);
    }
  });

  it("kept with 30 follow-ups (the follow-ups are cut instead)", () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      followUp(`Region ${i}`, `segment ml-ai-engineer r${i}`),
    );
    const m = renderBlocks(bandAnswer({ followUps: many }), { shareable: true, offerCheck: true });
    expectValid(m);
    expect(offerButtons(m)).toHaveLength(1);
  });

  it("none when the region slug could not be a word of the value", () => {
    const odd = renderBlocks(bandAnswer({ band: { ...LONDON, regionSlug: "" } }), { offerCheck: true });
    expect(offerButtons(odd)).toHaveLength(0);
  });
});
