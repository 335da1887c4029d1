/**
 * The offer check over a small hand-made guide (offer-guide.test-helpers.ts): the counter-offer, the walk-away
 * line, what is still worth asking for, and the script with the counter written in. Every expected figure is a
 * literal worked out by hand from the bands there (the sums are shown beside it); figures are formatted plainly
 * ("EUR 120000") so the sentences can be checked word for word.
 */
import { describe, expect, it } from "vitest";
import type { GuideBody } from "../guides/types.ts";
import { type ParsedOffer, parseOffer } from "../questions/offer.ts";
import { type OfferInput, offerAnswer } from "./offer.ts";
import { BERLIN, body, fmt, GUIDE, MUNICH, money, parsed } from "./offer-guide.test-helpers.ts";
import type { OfferAnswer } from "./types.ts";

const FACTS = { overdue: false, today: "2026-11-29" };

function check(offer: ParsedOffer, b: GuideBody | null = body(), band = BERLIN): OfferAnswer {
  const input: OfferInput = { guide: GUIDE, band, offer, body: b, facts: FACTS, format: fmt };
  return offerAnswer(input);
}
const target = (a: OfferAnswer, c: string) => a.targets.find((t) => t.component === c);

/** Factor Berlin ÷ Austin: 200,000 ÷ 250,000. */
const HOW_BERLIN =
  "× 0.80, the Berlin band's total-comp midpoint (EUR 200000) ÷ the Austin band's (USD 250000), in EUR";

describe("a Berlin offer under the guide's marks: base 120k, stock 100k, bonus 15%, signing 10k", () => {
  // Computed in each test (not when the file is collected), so that mutation testing sees which test ran it.
  const offered = () =>
    check(
      parsed({
        base: money(120000),
        stock: money(100000),
        bonusPct: 15,
        bonusPctHigh: 15,
        signing: money(10000),
      }),
    );

  it("places each figure and the annualised total", () => {
    const a = offered();
    // base (120 - 100) / 40 = 50%; stock (100 - 80) / 80 = 25%; bonus (15 - 10) / 10 = 50%;
    // total 120,000 + 100,000 ÷ 4 + 15% × 120,000 = 163,000 in 130,000–208,000: 33 / 78 = 42%.
    expect(
      a.lines.map((l) => [l.component, l.label, l.offered, l.low, l.high, l.unit, l.position.pct]),
    ).toEqual([
      ["base", "Base", 120000, 100000, 140000, "money", 50],
      ["stock", "Stock (grant over 4 yrs)", 100000, 80000, 160000, "money", 25],
      ["bonus", "Bonus", 15, 10, 20, "percent", 50],
      ["total", "Total comp (annualised)", 163000, 130000, 208000, "money", 42],
    ]);
    expect(a.annual).toEqual({
      total: 163000,
      partial: false,
      parts: [
        { label: "base", amount: 120000, formula: "EUR 120000" },
        { label: "stock per year", amount: 25000, formula: "EUR 100000 ÷ 4" },
        { label: "bonus", amount: 18000, formula: "15% × EUR 120000" },
      ],
    });
    expect(a.missing).toEqual([]);
    expect(a.signing).toBe(10000);
    expect(a.offer).toEqual({
      base: 120000,
      stock: 100000,
      bonusPct: 15,
      bonusAmount: null,
      signing: 10000,
      vestYears: 4,
      vestGiven: false,
      currency: null,
    });
    expect(a.assumedCurrency).toBe(true);
    expect(a.currencyMismatch).toBeNull();
  });

  it("builds the band's total from its components, and says so", () => {
    const a = offered();
    // 100,000 + 80,000 ÷ 4 + 10% × 100,000 = 130,000; 140,000 + 160,000 ÷ 4 + 20% × 140,000 = 208,000
    expect(a.totals).toEqual({
      components: { low: 130000, high: 208000 },
      stated: { low: 150000, high: 250000 },
      comparedWith: "components",
    });
    expect(a.notes).toEqual([
      "Your total is placed in the band's total built the same way from its components (base + stock ÷ 4 + bonus % × base): EUR 100000 + EUR 80000 ÷ 4 + 10% × EUR 100000 = EUR 130000 to EUR 140000 + EUR 160000 ÷ 4 + 20% × EUR 140000 = EUR 208000. The guide states EUR 150000–EUR 250000 for total comp; that figure is not built from these components, so it is not used for your total.",
    ]);
  });

  it("aims the weakest figure (stock, 25%) at the 75th percentile and the others at the middle or the top", () => {
    const a = offered();
    expect(a.targets).toEqual([
      // middle of 100,000–140,000 = 120,000: what is offered, so the mark itself
      {
        component: "base",
        label: "Base",
        amount: 120000,
        unit: "money",
        how: "middle of the band's base range",
      },
      // 80,000 + 0.75 × 80,000 = 140,000
      {
        component: "stock",
        label: "Stock grant (4 yrs)",
        amount: 140000,
        unit: "money",
        how: "75th percentile of the band's stock range (your weakest figure, at 25% of the band)",
      },
      {
        component: "bonus",
        label: "Bonus",
        amount: 20,
        unit: "percent",
        how: "top of the band's bonus range",
      },
      // the script's $40K × 0.80 = 32,000, over the 10,000 offered
      {
        component: "signing",
        label: "Signing bonus",
        amount: 32000,
        unit: "money",
        how: `the guide's USD 40000 ${HOW_BERLIN}`,
      },
    ]);
    expect(a.alreadyBeats).toBeNull();
  });

  it("writes the counter into the script in euros, the competing-offer claim a placeholder", () => {
    const a = offered();
    expect(a.script).toBe(
      `I'd like EUR 140000 in RSUs over 4 years with a EUR 120000 base, 20% bonus, and EUR 32000 signing bonus. [Only if you have one: "I have an offer from ‹company› at ‹its total, in EUR›." Otherwise leave this out.] Thanks.`,
    );
  });

  it("the walk-away line: the guide's $160K against its $200K ask, the same ratio of the 140,000 stock mark", () => {
    const a = offered();
    // 140,000 × 160,000 ÷ 200,000 = 112,000; the 100,000 offered does not clear it
    const how =
      "the guide accepts above $160K RSUs against its USD 200000 stock ask; the same ratio applied to the guide's stock mark (EUR 140000) gives EUR 112000";
    expect(a.acceptThreshold).toEqual({ amount: 112000, text: "EUR 112000 in stock", how, met: false });
    expect(a.provenance).toEqual([
      "From the guide: the Berlin band (2025-Q4) and the wording of its Negotiate Up script.",
      "Derived: base EUR 120000 = middle of the band's base range.",
      "Derived: stock grant (4 yrs) EUR 140000 = 75th percentile of the band's stock range (your weakest figure, at 25% of the band).",
      "Derived: bonus 20% = top of the band's bonus range.",
      `Derived: signing bonus EUR 32000 = the guide's USD 40000 ${HOW_BERLIN}.`,
      `Script: The guide's script says "I have competing offers at $300K+." That is the guide's example, not your situation: it is a placeholder for you to fill in or drop.`,
      `Derived: accept threshold EUR 112000 in stock = ${how}.`,
    ]);
  });

  it("says where the guide disagrees with itself: its table's bonus and its script's bonus", () => {
    const a = offered();
    expect(a.guideDisagrees).toEqual([
      "The guide disagrees with itself on the Berlin bonus: its band data says 10–20%, its own table says 12–18%. The band data is used here.",
      "The guide's script asks for a 15% bonus; its band data says 10–20%. The counter-offer uses 20%.",
    ]);
  });

  it("reproduces itself as a command, and offers the other euro band with the currency written", () => {
    const a = offered();
    expect(a.command).toBe("offer acme ml-eng berlin base 120000 stock 100000 bonus 15% signing 10000");
    expect(a.followUps).toEqual([
      {
        label: "Check offer · Munich",
        command: "offer acme ml-eng munich base EUR 120000 stock EUR 100000 bonus 15% signing EUR 10000",
        kind: "offer",
      },
    ]);
    expect(a.disclaimer).toBe(
      "Not financial, tax or legal advice: figures are market estimates from the guide.",
    );
    expect(a).toMatchObject({ kind: "offer", today: "2026-11-29", overdue: false, band: BERLIN });
  });
});

describe("a Berlin offer at the top of every band: base 140k, stock 160k, bonus 20%", () => {
  // Computed in each test (not when the file is collected), so that mutation testing sees which test ran it.
  const offered = () =>
    check(parsed({ base: money(140000), stock: money(160000), bonusPct: 20, bonusPctHigh: 20 }));

  it("keeps every offered figure: never below what is on the table", () => {
    const a = offered();
    // Both at 100%: the first (base) is the weakest; its mark 100,000 + 0.75 × 40,000 = 130,000.
    expect(target(a, "base")).toEqual({
      component: "base",
      label: "Base",
      amount: 140000,
      unit: "money",
      how: "what is on the table (EUR 140000), never less; the guide's mark is EUR 130000, the 75th percentile of the band's base range",
    });
    // middle of 80,000–160,000 = 120,000
    expect(target(a, "stock")?.amount).toBe(160000);
    expect(target(a, "stock")?.how).toBe(
      "what is on the table (EUR 160000), never less; the guide's mark is EUR 120000, the middle of the band's stock range",
    );
    expect(target(a, "bonus")).toMatchObject({ amount: 20, how: "top of the band's bonus range" });
    // nothing offered: the script's $40K × 0.80
    expect(target(a, "signing")).toMatchObject({ amount: 32000, how: `the guide's USD 40000 ${HOW_BERLIN}` });
  });

  it("the walk-away line is what is on the table when it clears the guide's", () => {
    const a = offered();
    // the guide's line 120,000 × 160,000 ÷ 200,000 = 96,000; 160,000 offered clears it
    expect(a.acceptThreshold).toEqual({
      amount: 160000,
      text: "EUR 160000 in stock, what is on the table",
      how: "the guide accepts above $160K RSUs against its USD 200000 stock ask; the same ratio applied to the guide's stock mark (EUR 120000) gives EUR 96000; the EUR 160000 you were offered already clears it, so never settle for less than that",
      met: true,
    });
    expect(a.provenance.at(-1)).toBe(
      "Derived: walk-away line EUR 160000 in stock, what is on the table = the guide accepts above $160K RSUs against its USD 200000 stock ask; the same ratio applied to the guide's stock mark (EUR 120000) gives EUR 96000; the EUR 160000 you were offered already clears it, so never settle for less than that.",
    );
  });

  it("already beats the guide's marks: the signing bonus is still worth asking for, in the lever's words", () => {
    const a = offered();
    // The lever quoted as the guide writes it; its $40K-$60K (the Austin band's) carried to Berlin after it, with
    // how: × 0.80 = EUR 200,000 ÷ USD 250,000 (the two bands' total-comp midpoints) -> 32,000–48,000.
    expect(a.alreadyBeats).toEqual({
      stillWorth: [
        {
          label: "Signing bonus",
          amount: 32000,
          reason:
            'Signing Bonus: "I expect $40K-$60K up front." For Berlin: $40K-$60K → EUR 32000–EUR 48000 (× 0.80, ' +
            "the Berlin band's total-comp midpoint (EUR 200000) ÷ the Austin band's (USD 250000), in EUR).",
        },
      ],
    });
  });

  it("without a signing lever, the script's own ask is the reason", () => {
    const noLever = check(
      parsed({ base: money(140000), stock: money(160000), bonusPct: 20, bonusPctHigh: 20 }),
      body({ levers: [{ title: "Scope", quote: "I lead the team." }] }),
    );
    expect(noLever.alreadyBeats?.stillWorth).toEqual([
      {
        label: "Signing bonus",
        amount: 32000,
        reason: "the guide's script asks for one (EUR 32000 for Berlin)",
      },
    ]);
  });

  it("a sign-on bonus already at the guide's figure: nothing left to ask for", () => {
    const signed = check(
      parsed({
        base: money(140000),
        stock: money(160000),
        bonusPct: 20,
        bonusPctHigh: 20,
        signing: money(32000),
      }),
    );
    expect(signed.alreadyBeats).toEqual({ stillWorth: [] });
    // the signing target is the guide's (32,000 = 32,000 offered)
    expect(target(signed, "signing")).toMatchObject({
      amount: 32000,
      how: `the guide's USD 40000 ${HOW_BERLIN}`,
    });
  });

  it("a signing bonus above the guide's: the target is what is offered, rounded up to the next 1,000", () => {
    const signed = check(
      parsed({
        base: money(140000),
        stock: money(160000),
        bonusPct: 20,
        bonusPctHigh: 20,
        signing: money(40200),
      }),
    );
    expect(target(signed, "signing")).toMatchObject({
      amount: 41000,
      how: "what is on the table (EUR 40200), never less; the guide's is EUR 32000",
    });
    expect(signed.alreadyBeats).toEqual({ stillWorth: [] });
  });

  it("no script: no signing mark; a lever alone names the signing bonus without a figure", () => {
    const a2 = check(
      parsed({ base: money(140000), stock: money(160000), bonusPct: 20, bonusPctHigh: 20 }),
      body({ script: null, levers: [{ title: "Sign-on", quote: "Ask for a sign-on bonus." }] }),
    );
    expect(a2.alreadyBeats).toEqual({
      stillWorth: [{ label: "Signing bonus", amount: null, reason: 'Sign-on: "Ask for a sign-on bonus."' }],
    });
    expect(a2.targets.map((t) => t.component)).toEqual(["base", "stock", "bonus"]);
    expect(a2.script).toBeNull();
    expect(a2.acceptThreshold).toBeNull();
    expect(a2.provenance[0]).toBe(
      "From the guide: the Berlin band (2025-Q4) and the wording of its Negotiate Up script.",
    );
  });
});

describe("signing bonus without a script", () => {
  it("is what is on the table, rounded up to the next 1,000", () => {
    const a = check(parsed({ signing: money(20200) }), null);
    expect(a.targets.find((t) => t.component === "signing")).toEqual({
      component: "signing",
      label: "Signing bonus",
      amount: 21000,
      unit: "money",
      how: "what is on the table, never less",
    });
    expect(a.provenance).toContain("Derived: signing bonus EUR 21000 = what is on the table, never less.");
    // nothing else was given: no other component on the table, so nothing "already beats"
    expect(a.alreadyBeats).toBeNull();
  });
});

describe("bonus on the table", () => {
  it("a percentage over the band's top is kept, to one decimal", () => {
    const a = check(parsed({ base: money(120000), bonusPct: 22.45, bonusPctHigh: 22.45 }), null);
    expect(target(a, "bonus")).toMatchObject({
      amount: 22.5,
      how: "what is on the table (22.5%), never less; the band's top is 20%",
    });
  });

  it("an amount is placed as a percentage of base, and its top is what the counter keeps", () => {
    // 18,100 ÷ 120,000 = 15.08% -> 15.1%; top of the range 26,400 ÷ 120,000 = 22%
    const a = check(
      parsed({ base: money(120000), bonusAmount: money(18100, { high: 26400, text: "18.1-26.4k" }) }),
    );
    expect(a.lines.find((l) => l.component === "bonus")).toMatchObject({
      label: "Bonus (as % of base)",
      offered: 15.1,
      unit: "percent",
    });
    expect(a.notes).toContain(
      "Bonus EUR 18100 is 15.1% of your EUR 120000 base; the band's bonus is a percentage of base.",
    );
    expect(target(a, "bonus")).toMatchObject({
      amount: 22,
      how: "what is on the table (22%), never less; the band's top is 20%",
    });
  });

  it("an amount without a base is not placed, and the counter asks the band's top", () => {
    const a = check(parsed({ stock: money(100000), bonusAmount: money(15000) }), null);
    expect(a.lines.map((l) => l.component)).toEqual(["stock"]);
    expect(a.missing).toEqual(["base"]);
    expect(target(a, "bonus")).toMatchObject({ amount: 20, how: "top of the band's bonus range" });
  });

  it("a bonus amount is added as it is to the annual total", () => {
    // 120,000 + 100,000 ÷ 4 + 18,000
    const a = check(parsed({ base: money(120000), stock: money(100000), bonusAmount: money(18000) }), null);
    expect(a.annual?.total).toBe(163000);
    expect(a.annual?.parts[2]).toEqual({ label: "bonus", amount: 18000, formula: "EUR 18000" });
    expect(a.offer).toMatchObject({ bonusPct: null, bonusAmount: 18000 });
  });
});

describe("the walk-away line from a threshold that is not about stock", () => {
  const total = (amount: number | null): GuideBody =>
    body({
      script: {
        text: "I'd like $200K in RSUs over 4 years with a $180K base, 15% bonus.",
        acceptThreshold: { text: "$230K total comp", amount, component: "total comp" },
      },
    });

  it("is the guide's line carried to the band when the offer is under it", () => {
    // $230K × 0.80 = 184,000; the offer's total is 163,000
    const a = check(parsed({ base: money(120000), stock: money(100000), bonusPct: 15 }), total(230000));
    expect(a.acceptThreshold).toEqual({
      amount: 184000,
      text: "EUR 184000 total comp",
      how: `the guide's $230K total comp ${HOW_BERLIN}`,
      met: false,
    });
    expect(a.provenance.at(-1)).toBe(
      `Derived: accept threshold EUR 184000 total comp = the guide's $230K total comp ${HOW_BERLIN}.`,
    );
  });

  it("is what is on the table when the offer's total clears it", () => {
    // 140,000 + 160,000 ÷ 4 + 20% × 140,000 = 208,000, over 184,000
    const a = check(parsed({ base: money(140000), stock: money(160000), bonusPct: 20 }), total(230000));
    expect(a.acceptThreshold).toEqual({
      amount: 208000,
      text: "EUR 208000, what is on the table",
      how: `the guide's line is EUR 184000 total comp (the guide's $230K total comp ${HOW_BERLIN}); your offer already clears it, so never settle for less`,
      met: true,
    });
  });

  it("is pay now told beside the offer when its total, built the same way, clears the line", () => {
    // Offer: 120,000 + 100,000 ÷ 4 + 15% × 120,000 = 163,000, under 184,000.
    // Now: 150,000 + 160,000 ÷ 4 + 20% × 150,000 = 220,000, over it.
    const now = parsed({ base: money(150000), stock: money(160000), bonusPct: 20 });
    const a = check(parsed({ base: money(120000), stock: money(100000), bonusPct: 15, now }), total(230000));
    expect(a.acceptThreshold).toEqual({
      amount: 220000,
      text: "EUR 220000, what you are paid now",
      how: `the guide's line is EUR 184000 total comp (the guide's $230K total comp ${HOW_BERLIN}); your pay now already clears it, so never settle for less`,
      met: true,
    });
    // Pay now with no total moves nothing either.
    const noTotal = check(
      parsed({
        base: money(120000),
        stock: money(100000),
        bonusPct: 15,
        now: parsed({ base: money(150000) }),
      }),
      total(230000),
    );
    expect(noTotal.acceptThreshold).toMatchObject({ amount: 184000, met: false });
    // A total of pay now as stated is built differently from the offer's: it moves nothing.
    const stated = parsed({ total: money(220000) });
    const b = check(
      parsed({ base: money(120000), stock: money(100000), bonusPct: 15, now: stated }),
      total(230000),
    );
    expect(b.acceptThreshold).toMatchObject({ amount: 184000, met: false });
  });

  it("without a total on the table, the guide's line", () => {
    const a = check(parsed({ base: money(140000) }), total(230000));
    expect(a.acceptThreshold).toMatchObject({ amount: 184000, met: false });
  });

  it("a threshold without an amount gives no line", () => {
    const a = check(parsed({ base: money(120000), stock: money(100000), bonusPct: 15 }), total(null));
    expect(a.acceptThreshold).toBeNull();
    expect(a.provenance.some((p) => /threshold|walk-away/.test(p))).toBe(false);
  });

  it("a stock threshold in a script with no stock ask is carried over as the guide wrote it", () => {
    const b = body({
      script: {
        text: "I'd like a $180K base, 15% bonus.",
        acceptThreshold: { text: "$100K RSUs", amount: 100000, component: "RSUs" },
      },
    });
    // $100K × 0.80 = 80,000; the 100,000 offered clears it
    const met = check(parsed({ base: money(120000), stock: money(100000) }), b);
    expect(met.acceptThreshold).toEqual({
      amount: 100000,
      text: "EUR 100000 in stock, what is on the table",
      how: `the guide's $100K RSUs, the guide's $100K RSUs ${HOW_BERLIN}; the EUR 100000 you were offered already clears it, so never settle for less than that`,
      met: true,
    });
    const under = check(parsed({ base: money(120000), stock: money(60000) }), b);
    expect(under.acceptThreshold).toEqual({
      amount: 80000,
      text: "EUR 80000 in stock",
      how: `the guide's $100K RSUs, the guide's $100K RSUs ${HOW_BERLIN}`,
      met: false,
    });
  });

  it("a threshold that names stock only in its text is still about stock", () => {
    const b = body({
      script: {
        text: "I'd like $200K in RSUs over 4 years.",
        acceptThreshold: { text: "$160K in equity", amount: 160000, component: null },
      },
    });
    // weakest is stock (only money line): 80,000 + 0.75 × 80,000 = 140,000; × 160 / 200 = 112,000
    const a = check(parsed({ stock: money(100000) }), b);
    expect(a.acceptThreshold).toMatchObject({ amount: 112000, text: "EUR 112000 in stock", met: false });
  });
});

describe("the script's bonus agreeing with the band", () => {
  it("a script bonus at either end of the band's range is no disagreement", () => {
    for (const pct of ["10%", "20%"]) {
      const a = check(
        parsed({ base: money(120000) }),
        body({
          table: [],
          script: { text: `I'd like a $180K base, ${pct} bonus.`, acceptThreshold: null },
        }),
      );
      expect(a.guideDisagrees).toEqual([]);
    }
  });

  it("one band figure is written once", () => {
    const a = check(
      parsed({ base: money(120000) }),
      body({ table: [], script: { text: "I'd like a $180K base, 15% bonus.", acceptThreshold: null } }),
      MUNICH,
    );
    // Munich's bonus is 10%; the counter asks the band's top, 10%
    expect(a.guideDisagrees).toEqual([
      "The guide's script asks for a 15% bonus; its band data says 10%. The counter-offer uses 10%.",
    ]);
  });
});

describe("which figure the counter-offer pushes hardest", () => {
  it("only base and stock compete for the 75th percentile: a low bonus does not", () => {
    // base 50%, stock (120 - 80) / 80 = 50%, bonus 10% at 0%: the base (first of the two) is the weakest
    const a = check(parsed({ base: money(120000), stock: money(120000), bonusPct: 10 }), null);
    // 100,000 + 0.75 × 40,000 = 130,000; stock middle 120,000 (what is offered)
    expect(a.targets.map((t) => [t.component, t.amount])).toEqual([
      ["base", 130000],
      ["stock", 120000],
      ["bonus", 20],
    ]);
  });

  it("names a weakest figure below or above the band as such", () => {
    const below = check(parsed({ base: money(90000), stock: money(120000) }), null);
    expect(target(below, "base")).toMatchObject({
      amount: 130000,
      how: "75th percentile of the band's base range (your weakest figure, below the band)",
    });
    const above = check(parsed({ base: money(150000), stock: money(170000) }), null);
    // base (150 - 100) / 40 = 125%, stock (170 - 80) / 80 = 113%: stock is the weakest, its mark 140,000
    expect(target(above, "stock")?.how).toBe(
      "what is on the table (EUR 170000), never less; the guide's mark is EUR 140000, the 75th percentile of the band's stock range",
    );
  });

  it("with no base or stock given, both aim at the middle of their band", () => {
    const a = check(parsed({ bonusPct: 15 }), body());
    expect(a.targets.map((t) => [t.component, t.amount, t.how])).toEqual([
      ["base", 120000, "middle of the band's base range"],
      ["stock", 120000, "middle of the band's stock range"],
      ["bonus", 20, "top of the band's bonus range"],
      ["signing", 32000, `the guide's USD 40000 ${HOW_BERLIN}`],
    ]);
    // nothing on the table for base and stock: no stock to clear the walk-away line with
    expect(a.acceptThreshold).toMatchObject({ amount: 96000, met: false });
  });

  it("a 3-year grant is counted on the 4-year basis for the counter too", () => {
    // 105,000 ÷ 3 × 4 = 140,000 (75%), base 50% is the weakest; stock middle 120,000 < 140,000 on the table
    const a = check(
      parsed({ base: money(120000), stock: money(105000), vestYears: 3, vestGiven: true }),
      null,
    );
    expect(target(a, "stock")).toMatchObject({
      amount: 140000,
      how: "what is on the table (EUR 140000), never less; the guide's mark is EUR 120000, the middle of the band's stock range",
    });
  });

  it("a figure exactly at the guide's mark counts as meeting it", () => {
    // base 130,000 at 75% is the weakest: its mark 130,000, met; stock and bonus above or at theirs
    const a = check(parsed({ base: money(130000), stock: money(160000), bonusPct: 20 }), null);
    expect(target(a, "base")).toMatchObject({
      amount: 130000,
      how: "75th percentile of the band's base range (your weakest figure, at 75% of the band)",
    });
    expect(a.alreadyBeats).toEqual({ stillWorth: [] });
  });

  it("a signing bonus offered, no script: no lever reason to ask for one", () => {
    const a = check(
      parsed({ base: money(140000), stock: money(160000), bonusPct: 20, signing: money(5000) }),
      body({ script: null, levers: [{ title: "Sign-on", quote: "Ask for a sign-on bonus." }] }),
    );
    expect(a.alreadyBeats).toEqual({ stillWorth: [] });
  });
});

describe("the walk-away line against what is on the table", () => {
  it("a stock offer exactly at the guide's line clears it; the top of a range counts", () => {
    // stock (112 - 80) / 80 = 40% is the weakest: mark 140,000; the line 140,000 × 160 / 200 = 112,000
    const at = check(parsed({ base: money(120000), stock: money(112000) }));
    expect(at.acceptThreshold).toMatchObject({
      amount: 112000,
      text: "EUR 112000 in stock, what is on the table",
      met: true,
    });
    const range = check(
      parsed({ base: money(120000), stock: money(100000, { high: 112200, text: "100-112.2k" }) }),
    );
    // the top, 112,200, clears 112,000: the line is the top rounded up to the next 1,000
    expect(range.acceptThreshold).toMatchObject({
      amount: 113000,
      text: "EUR 112200 in stock, what is on the table",
      met: true,
    });
  });

  it("a threshold whose component is 'stock' is about stock", () => {
    const b = body({
      script: {
        text: "I'd like $200K in RSUs over 4 years.",
        acceptThreshold: { text: "$160K", amount: 160000, component: "stock" },
      },
    });
    const a = check(parsed({ stock: money(100000) }), b);
    expect(a.acceptThreshold).toMatchObject({ amount: 112000, text: "EUR 112000 in stock", met: false });
  });
});

describe("'already beats the guide' only when every figure on the table does", () => {
  it("stock and bonus at or over their marks, no base given: already beats", () => {
    // stock middle 120,000 (the weakest, 100%: 75th percentile 140,000) < 160,000; bonus 20% = the top
    const a = check(parsed({ stock: money(160000), bonusPct: 20 }), null);
    expect(a.alreadyBeats).toEqual({ stillWorth: [] });
  });

  it("base and stock over their marks, no bonus given: already beats", () => {
    const a = check(parsed({ base: money(140000), stock: money(160000) }), null);
    expect(a.alreadyBeats).toEqual({ stillWorth: [] });
  });

  it("a base under its mark with the bonus at the top: not", () => {
    const a = check(parsed({ base: money(100000), bonusPct: 20 }), null);
    expect(a.alreadyBeats).toBeNull();
  });

  it("base and stock over their marks with a bonus under the top: not", () => {
    const a = check(parsed({ base: money(140000), stock: money(160000), bonusPct: 10 }), null);
    expect(a.alreadyBeats).toBeNull();
  });
});

describe("the walk-away line on the total", () => {
  it("a total exactly at the guide's line clears it", () => {
    // 140,000 + 64,000 ÷ 4 + 20% × 140,000 = 184,000 = $230K × 0.80
    const a = check(
      parsed({ base: money(140000), stock: money(64000), bonusPct: 20 }),
      body({
        script: {
          text: "I'd like $200K in RSUs over 4 years with a $180K base, 15% bonus.",
          acceptThreshold: { text: "$230K total comp", amount: 230000, component: "total comp" },
        },
      }),
    );
    expect(a.acceptThreshold).toMatchObject({
      amount: 184000,
      text: "EUR 184000, what is on the table",
      met: true,
    });
  });
});

describe("a guide whose script is in USD and whose bands are all in EUR", () => {
  const euroOnly = { ...GUIDE, bands: [BERLIN, MUNICH] };
  const input = (offer: ParsedOffer): OfferInput => ({
    guide: euroOnly,
    band: BERLIN,
    offer,
    body: body(),
    facts: FACTS,
    format: fmt,
  });

  it("asks for no signing bonus from the script's $40K (no rate to carry it to EUR), and says why", () => {
    const a = offerAnswer(input(parsed({ base: money(120000), stock: money(100000) })));
    // Before: "EUR 40000", the dollar figure relabelled.
    expect(target(a, "signing")).toBeUndefined();
    expect(JSON.stringify(a)).not.toContain("EUR 40000");
    expect(a.provenance).toContain(
      "Script: The guide's script gives its figures in USD and the guide has no USD band to carry them from: they are left as written, in USD, not EUR.",
    );
  });
});

describe("stock written per year or per month, read through the parser", () => {
  // The bug this guards: "stock 50k a year" was placed as a 50k grant, below the band, and the counter-offer
  // asked for the band's 75th percentile (EUR 140000), less than the 200k grant on the table.
  it("a year's vesting is placed as the grant it adds up to, and the counter never asks for less", () => {
    const a = check(parseOffer("base 120k stock 50k a year"));
    // 50,000 × 4 years = 200,000, over the Berlin stock band's top (160,000).
    expect(a.offer.stock).toBe(200000);
    expect(a.lines.find((l) => l.component === "stock")).toMatchObject({
      offered: 200000,
      position: { where: "above" },
    });
    expect(target(a, "stock")?.amount).toBe(200000);
    expect(a.notes).toContain(
      "Stock 50k a year is a year's vesting: read as a grant of EUR 200000 (EUR 50000 × 4 years, the usual vesting: say e.g. vest 3y if yours differs).",
    );
  });

  it("a month's vesting over a vesting given: × 12, then × the years", () => {
    const a = check(parseOffer("stock 3k a month vest 3y"));
    // 3,000 × 12 = 36,000 a year; × 3 years = 108,000; on the band's 4-year basis 108,000 ÷ 3 × 4 = 144,000.
    expect(a.offer.stock).toBe(108000);
    expect(a.lines.find((l) => l.component === "stock")).toMatchObject({ offered: 144000 });
    expect(a.notes).toContain(
      "Stock 3k a month is a month's vesting: EUR 36000 a year (× 12), read as a grant of EUR 108000 (EUR 36000 × 3 years).",
    );
  });

  it("a quarter's vesting: × 4 for the year, then × the years", () => {
    const a = check(parseOffer("stock 10k a quarter"));
    // 10,000 × 4 = 40,000 a year; × 4 years = 160,000, the Berlin stock band's top.
    expect(a.offer.stock).toBe(160000);
    expect(a.notes).toContain(
      "Stock 10k a quarter is a quarter's vesting: EUR 40000 a year (× 4), read as a grant of EUR 160000 (EUR 40000 × 4 years, the usual vesting: say e.g. vest 3y if yours differs).",
    );
    expect(check(parseOffer("base 30k quarterly")).notes).toContain(
      "Base 30k quarterly is a quarter: read as EUR 120000 a year (× 4).",
    );
  });

  it("a figure a week or an hour is asked about, not read as a year", () => {
    const a = check(parseOffer("base 2.5k a week stock 100k"));
    expect(a.offer.base).toBeNull();
    expect(a.offer.stock).toBe(100000);
    expect(a.unreadable).toEqual([
      {
        kind: "unreadable",
        text: "base 2.5k a week",
        suggestion: null,
        hint: "I read figures a year, a month or a quarter: give the base that way, e.g. base 150k.",
      },
    ]);
  });

  it("a signing bonus per year is asked about, not used", () => {
    const a = check(parseOffer("base 120k signing 20k a year"));
    expect(a.signing).toBeNull();
    expect(a.unreadable).toEqual([
      {
        kind: "unreadable",
        text: "signing 20k a year",
        suggestion: null,
        hint: "A signing bonus is paid once: give its whole amount, e.g. signing 20k.",
      },
    ]);
  });
});

describe("an offer with no stock, no bonus and no signing bonus (each told as 0)", () => {
  it("places each 0 below its band, never asks whether it is right, and counters with the guide's marks", () => {
    const a = check(
      parsed({ base: money(120000), stock: money(0), bonusPct: 0, bonusPctHigh: 0, signing: money(0) }),
    );
    expect(a.unreadable).toEqual([]);
    // total 120,000 + 0 ÷ 4 + 0% × 120,000 = 120,000, under the band's 130,000.
    expect(a.lines.map((l) => [l.component, l.offered, l.position.where])).toEqual([
      ["base", 120000, "within"],
      ["stock", 0, "below"],
      ["bonus", 0, "below"],
      ["total", 120000, "below"],
    ]);
    // The weakest is the stock: its mark is the 75th percentile, 80,000 + 0.75 × 80,000 = 140,000; base
    // 120,000 is the band's middle already; the bonus the band's top; the signing bonus the guide's $40K × 0.80.
    expect(a.targets.map((t) => [t.component, t.amount])).toEqual([
      ["base", 120000],
      ["stock", 140000],
      ["bonus", 20],
      ["signing", 32000],
    ]);
    // 140,000 × 160 ÷ 200 = 112,000, not met by no stock.
    expect(a.acceptThreshold).toMatchObject({ amount: 112000, met: false });
  });
});

describe("what the bands do not compare", () => {
  it("is named back in a note and changes no figure", () => {
    const offer = parsed({ base: money(120000) });
    const a = check({ ...offer, notCompared: ["relocation £10k", "401k match 4%"] });
    expect(a.notes?.[0]).toBe(
      'Not compared: "relocation £10k", "401k match 4%". The guide\'s bands have base, stock, bonus and total comp only, so they are left out of every figure here.',
    );
    const without = check(offer);
    expect(a.lines).toEqual(without.lines);
    expect(a.targets).toEqual(without.targets);
  });
});

describe("pay someone has now, told as such", () => {
  it("is checked as an offer would be, and the answer says so first among its notes", () => {
    const a = check(parseOffer("base 120k"));
    expect((a.notes ?? []).join(" ")).not.toContain("paid now");
    const now = check({ ...parseOffer("base 120k"), current: true });
    expect(now.notes?.[0]).toBe(
      "You said this is what you are paid now, not an offer: it is placed in the band as an offer would be, and what to ask for is never less. To check an offer instead, send its figures with the word offer.",
    );
    expect(now.lines).toEqual(a.lines);
    expect(a.paidNow).toBe(false);
    expect(now.paidNow).toBe(true);
  });

  it("every sentence says what you are paid now, never what is on the table or what you were offered", () => {
    // Berlin: base 139k at (139 - 100) / 40 = 97.5%; stock 150k at (150 - 80) / 80 = 87.5%, the weakest, so its
    // mark is the 75th percentile, 80,000 + 0.75 × 80,000 = 140,000; base's is the middle, 120,000. Both are
    // paid above their marks; the bonus 25% is over the band's top 20%. The walk-away line: the guide accepts
    // $160K against its $200K stock ask, 0.8 × 140,000 = 112,000, which the 150,000 paid now clears.
    const pay = {
      ...parsed({ base: money(139000), stock: money(150000), bonusPct: 25, bonusPctHigh: 25 }),
      current: true,
    };
    const a = check(pay);
    expect(a.targets.map((t) => [t.component, t.amount, t.how])).toEqual([
      [
        "base",
        139000,
        "what you are paid now (EUR 139000), never less; the guide's mark is EUR 120000, the middle of the band's base range",
      ],
      [
        "stock",
        150000,
        "what you are paid now (EUR 150000), never less; the guide's mark is EUR 140000, the 75th percentile of the band's stock range",
      ],
      ["bonus", 25, "what you are paid now (25%), never less; the band's top is 20%"],
      // The guide's $40K signing bonus × 0.80.
      ["signing", 32000, `the guide's USD 40000 ${HOW_BERLIN}`],
    ]);
    expect(a.acceptThreshold).toEqual({
      amount: 150000,
      text: "EUR 150000 in stock, what you are paid now",
      how: "the guide accepts above $160K RSUs against its USD 200000 stock ask; the same ratio applied to the guide's stock mark (EUR 140000) gives EUR 112000; the EUR 150000 you are paid now already clears it, so never settle for less than that",
      met: true,
    });
    const said = JSON.stringify([a.notes, a.targets, a.acceptThreshold, a.provenance, a.guideDisagrees]);
    expect(said).not.toMatch(/on the table|you were offered|your offer|counter-offer/);
    // The same figures told as an offer keep the offer's words.
    const offered = check({ ...pay, current: false });
    expect(offered.targets[0]?.how).toBe(
      "what is on the table (EUR 139000), never less; the guide's mark is EUR 120000, the middle of the band's base range",
    );
    expect(offered.acceptThreshold?.text).toBe("EUR 150000 in stock, what is on the table");
  });

  it("a range paid now: what to ask for is at least its top", () => {
    const a = check({
      ...parsed({ base: money(110000, { high: 120000, text: "110-120k" }) }),
      current: true,
    });
    expect(a.notes).toContain(
      "Base 110-120k is a range (EUR 110000–EUR 120000): placed at its low end, EUR 110000, the part that is sure; what to ask for is at least its top, EUR 120000.",
    );
  });
});
