/**
 * How the offer check reads and places an offer, over a small hand-made guide (offer-guide.test-helpers.ts):
 * ranges, months, vesting, figures too far from the band to place, stated totals, currencies, and the /comp words
 * that reproduce the check. Expected figures are literals worked out by hand (sums beside them).
 */
import { describe, expect, it } from "vitest";
import type { GuideBody } from "../guides/types.ts";
import { type ParsedOffer, parseOffer } from "../questions/offer.ts";
import { guideDisagreements, offerAnswer, offerCommand, position } from "./offer.ts";
import { AUSTIN, BERLIN, body, fmt, GUIDE, MUNICH, money, parsed } from "./offer-guide.test-helpers.ts";
import type { OfferAnswer } from "./types.ts";

function check(offer: ParsedOffer, b: GuideBody | null = null, band = BERLIN): OfferAnswer {
  return offerAnswer({
    guide: GUIDE,
    band,
    offer,
    body: b,
    facts: { overdue: true, today: "2026-11-29" },
    format: fmt,
  });
}

describe("position in a band", () => {
  it("says below, within or above, and how far through, rounded", () => {
    expect(position(96000, { low: 100000, high: 140000 })).toEqual({ where: "below", pct: -10 });
    expect(position(90000, { low: 100000, high: 140000 })).toEqual({ where: "below", pct: -25 });
    expect(position(140000, { low: 100000, high: 140000 })).toEqual({ where: "within", pct: 100 });
    expect(position(140001, { low: 100000, high: 140000 })).toEqual({ where: "above", pct: 100 });
    // 10,200 / 40,000 = 25.5% -> 26
    expect(position(110200, { low: 100000, high: 140000 })).toEqual({ where: "within", pct: 26 });
  });

  it("a one-figure band: at or over it is 100%, under it 0%", () => {
    expect(position(10, { low: 10, high: 10 })).toEqual({ where: "within", pct: 100 });
    expect(position(11, { low: 10, high: 10 })).toEqual({ where: "above", pct: 100 });
    expect(position(9, { low: 10, high: 10 })).toEqual({ where: "below", pct: 0 });
  });
});

describe("the /comp words that reproduce an offer check", () => {
  it("every component, ranges, currencies and vesting", () => {
    const offer = parsed({
      base: money(150000),
      stock: money(100000, { high: 120000, currency: "GBP" }),
      bonusPct: 10,
      bonusPctHigh: 15,
      signing: money(20000),
      total: money(200000),
      vestYears: 3,
      vestGiven: true,
    });
    expect(offerCommand(GUIDE, "berlin", offer)).toBe(
      "offer acme ml-eng berlin base 150000 stock GBP 100000-120000 bonus 10-15% signing 20000 total 200000 vest 3y",
    );
    expect(offerCommand(GUIDE, null, offer, "EUR")).toBe(
      "offer acme ml-eng base EUR 150000 stock GBP 100000-120000 bonus 10-15% signing EUR 20000 total EUR 200000 vest 3y",
    );
  });

  it("stock called options is written as options, which reads back as options", () => {
    const command = offerCommand(GUIDE, "berlin", parsed({ stock: money(50000), stockOptions: true }));
    expect(command).toBe("offer acme ml-eng berlin options 50000");
    expect(parseOffer(command)).toMatchObject({ stock: { amount: 50000 }, stockOptions: true });
  });

  it("an uneven vesting schedule as its shares, which read back as the same schedule", () => {
    const offer = parsed({
      stock: money(400000),
      vestYears: 4,
      vestGiven: true,
      vestSchedule: [5, 15, 40, 40],
    });
    const command = offerCommand(GUIDE, "berlin", offer);
    expect(command).toBe("offer acme ml-eng berlin stock 400000 vesting 5/15/40/40");
    expect(parseOffer(command)).toMatchObject({ vestYears: 4, vestSchedule: [5, 15, 40, 40] });
  });

  it("a bonus amount when no percentage, a one-figure percentage, the default vesting left out", () => {
    expect(offerCommand(GUIDE, "munich", parsed({ bonusAmount: money(15000) }))).toBe(
      "offer acme ml-eng munich bonus 15000",
    );
    expect(offerCommand(GUIDE, "munich", parsed({ bonusPct: 12, bonusAmount: money(15000) }))).toBe(
      "offer acme ml-eng munich bonus 12%",
    );
    expect(offerCommand(GUIDE, "munich", parsed({ bonusPct: 12, bonusPctHigh: 12, vestYears: 4 }))).toBe(
      "offer acme ml-eng munich bonus 12%",
    );
  });
});

describe("how each figure was read", () => {
  it("a monthly figure, a range, a percentage range: one sentence each", () => {
    const a = check(
      parsed({
        base: money(120000, { period: "month", text: "10k a month" }),
        stock: money(100000, { high: 150000, text: "100-150k" }),
        bonusPct: 10,
        bonusPctHigh: 15,
        signing: money(12000, { high: 18000, text: "12-18k" }),
      }),
    );
    expect(a.notes?.slice(0, 4)).toEqual([
      "Base 10k a month is a month: read as EUR 120000 a year (× 12).",
      "Stock 100-150k is a range (EUR 100000–EUR 150000): placed at its low end, EUR 100000, the part that is sure; the counter-offer asks for at least its top, EUR 150000.",
      "Signing bonus 12-18k is a range (EUR 12000–EUR 18000): placed at its low end, EUR 12000, the part that is sure; the counter-offer asks for at least its top, EUR 18000.",
      "Bonus 10–15% is a range: placed at 10%, its low end; the counter-offer asks for at least 15%.",
    ]);
    // stock is the weakest (25%): its mark 80,000 + 0.75 × 80,000 = 140,000, under the 150,000 top offered;
    // base at the middle mark, 120,000; bonus the band's top, 20%, over the 15% top; signing the 18,000 top
    expect(a.targets.map((t) => [t.component, t.amount])).toEqual([
      ["base", 120000],
      ["stock", 150000],
      ["bonus", 20],
      ["signing", 18000],
    ]);
  });

  it("bonus and total ranges are named too", () => {
    const a = check(
      parsed({
        bonusAmount: money(10000, { high: 14000, text: "10-14k" }),
        total: money(180000, { high: 190000, text: "180-190k" }),
      }),
    );
    expect(a.notes?.slice(0, 2)).toEqual([
      "Bonus 10-14k is a range (EUR 10000–EUR 14000): placed at its low end, EUR 10000, the part that is sure; the counter-offer asks for at least its top, EUR 14000.",
      "Total 180-190k is a range (EUR 180000–EUR 190000): placed at its low end, EUR 180000, the part that is sure; the counter-offer asks for at least its top, EUR 190000.",
    ]);
  });

  it("a grant over 3 years is compared on the band's 4-year basis", () => {
    // 90,000 ÷ 3 = 30,000 a year; × 4 = 120,000, at (120 - 80) / 80 = 50%
    const a = check(
      parsed({ base: money(120000), stock: money(90000), bonusPct: 15, vestYears: 3, vestGiven: true }),
    );
    expect(a.lines[1]).toMatchObject({
      component: "stock",
      label: "Stock (3-yr grant on a 4-yr basis)",
      offered: 120000,
      position: { where: "within", pct: 50 },
    });
    expect(a.notes?.[0]).toBe(
      "Your EUR 90000 grant vests over 3 years: EUR 30000 a year, which is EUR 120000 on the band's 4-year basis (EUR 90000 ÷ 3 × 4). It is compared as EUR 120000.",
    );
    // 120,000 + 30,000 + 18,000
    expect(a.annual?.total).toBe(168000);
    expect(a.annual?.parts[1]).toEqual({ label: "stock per year", amount: 30000, formula: "EUR 90000 ÷ 3" });
    // stock on the table on the 4-year basis, 120,000, meets the middle mark 120,000: kept as the mark
    expect(a.targets.find((t) => t.component === "stock")?.amount).toBe(120000);
    // base and stock both at 50%: base (the first) is the weakest, 100,000 + 0.75 × 40,000 = 130,000; the vesting
    // basis applies to stock only
    expect(a.targets.find((t) => t.component === "base")?.amount).toBe(130000);
    expect(a.command).toBe("offer acme ml-eng berlin base 120000 stock 90000 bonus 15% vest 3y");
  });
});

describe("figures far from the band are asked about, not placed", () => {
  it("a base under a fifth of the bottom", () => {
    // 0.2 × 100,000 = 20,000: 20,000 is placed, 19,999 is not
    expect(check(parsed({ base: money(20000) })).lines.map((l) => l.component)).toEqual(["base"]);
    const a = check(parsed({ base: money(19999, { text: "19999" }) }));
    expect(a.lines).toEqual([]);
    expect(a.offer.base).toBe(19999);
    expect(a.unreadable).toEqual([
      {
        text: "base 19999",
        suggestion: null,
        kind: "implausible",
        hint: "EUR 19999 is under a fifth of the bottom of the Berlin band's base (EUR 100000–EUR 140000). Is that right? Check the figure, or the region.",
      },
    ]);
  });

  it("a base over five times the top", () => {
    // 5 × 140,000 = 700,000
    expect(check(parsed({ base: money(700000) })).unreadable).toEqual([]);
    const a = check(parsed({ base: money(700001, { text: "700001" }) }));
    expect(a.unreadable[0]?.hint).toBe(
      "EUR 700001 is over five times the top of the Berlin band's base (EUR 100000–EUR 140000). Is that right? Check the figure, or the region.",
    );
    expect(a.missing).toEqual(["base", "stock", "bonus"]);
  });

  it("a stock grant, judged on the 4-year basis", () => {
    // 8,000 over 2 years is 16,000 over 4 = 0.2 × 80,000: placed
    const placed = check(parsed({ stock: money(8000), vestYears: 2, vestGiven: true }));
    expect(placed.lines.map((l) => [l.component, l.offered])).toEqual([["stock", 16000]]);
    const over = check(parsed({ stock: money(840000), vestYears: 5, vestGiven: true }));
    // 840,000 ÷ 5 × 4 = 672,000 ≤ 5 × 160,000 = 800,000: placed
    expect(over.unreadable).toEqual([]);
    const far = check(parsed({ stock: money(1000000, { text: "1m" }), vestYears: 4 }));
    expect(far.unreadable).toEqual([
      {
        text: "stock 1m",
        suggestion: null,
        kind: "implausible",
        hint: "EUR 1000000 is over five times the top of the Berlin band's stock grant (EUR 80000–EUR 160000). Is that right? Check the figure, or the region.",
      },
    ]);
    expect(far.lines).toEqual([]);
  });

  it("a stated total", () => {
    // 0.2 × 150,000 = 30,000
    expect(check(parsed({ total: money(30000) })).lines.map((l) => l.component)).toEqual(["total"]);
    const a = check(parsed({ total: money(29999, { text: "29999" }) }));
    expect(a.unreadable.map((u) => [u.text, u.hint])).toEqual([
      [
        "total 29999",
        "EUR 29999 is under a fifth of the bottom of the Berlin band's total comp (EUR 150000–EUR 250000). Is that right? Check the figure, or the region.",
      ],
    ]);
    expect(a.lines).toEqual([]);
    expect(a.targets).toEqual([]);
  });

  it("a signing bonus over five times the band's whole yearly total", () => {
    // 5 × 250,000 = 1,250,000
    expect(check(parsed({ signing: money(1250000) })).signing).toBe(1250000);
    const a = check(parsed({ signing: money(1250001, { text: "1250001" }) }));
    expect(a.signing).toBeNull();
    expect(a.unreadable).toEqual([
      {
        text: "signing 1250001",
        suggestion: null,
        kind: "implausible",
        hint: "EUR 1250001 is over five times the band's whole yearly total (EUR 150000–EUR 250000). Is that right?",
      },
    ]);
    expect(a.targets).toEqual([]);
  });

  it("a bonus amount over the whole base", () => {
    const equal = check(parsed({ base: money(120000), bonusAmount: money(120000) }));
    expect(equal.unreadable).toEqual([]);
    const a = check(parsed({ base: money(120000), bonusAmount: money(120001, { text: "120001" }) }));
    expect(a.unreadable).toEqual([
      {
        text: "bonus 120001",
        suggestion: null,
        kind: "implausible",
        hint: "a bonus of EUR 120001 is more than the whole base (EUR 120000). Is that right? A bonus is usually a percentage of base (bonus 10%).",
      },
    ]);
    expect(a.lines.map((l) => l.component)).toEqual(["base"]);
    expect(a.missing).toEqual(["stock", "bonus"]);
  });

  it("a doubted monthly figure still says how it was read, so the question makes sense", () => {
    // 100k a month is 1,200,000 a year, over 5 × 140,000
    const a = check(parsed({ base: money(1200000, { period: "month", text: "100k a month" }) }));
    expect(a.unreadable.map((u) => u.text)).toEqual(["base 100k a month"]);
    expect(a.lines).toEqual([]);
    expect(a.notes).toEqual(["Base 100k a month is a month: read as EUR 1200000 a year (× 12)."]);
  });

  it("a band of one figure is named as one figure", () => {
    const fixed = { ...MUNICH, base: { low: 120000, high: 120000 } };
    const a = check(parsed({ base: money(700000, { text: "700k" }) }), null, fixed);
    expect(a.unreadable[0]?.hint).toBe(
      "EUR 700000 is over five times the top of the Munich band's base (EUR 120000). Is that right? Check the figure, or the region.",
    );
  });

  it("what could not be read is kept beside what was doubted, and the parser's list is not changed", () => {
    const offer = parsed({
      base: money(19999, { text: "19999" }),
      unreadable: [{ text: "stock 12O", suggestion: "120k" }],
    });
    const a = check(offer);
    expect(a.unreadable.map((u) => u.text)).toEqual(["stock 12O", "base 19999"]);
    expect(offer.unreadable).toEqual([{ text: "stock 12O", suggestion: "120k" }]);
  });
});

describe("totals", () => {
  it("a stated total alone is placed in the guide's stated band, saying so", () => {
    // (200,000 - 150,000) / 100,000 = 50%
    const a = check(parsed({ total: money(200000) }));
    expect(a.lines).toEqual([
      {
        component: "total",
        label: "Total comp (as you stated it)",
        offered: 200000,
        low: 150000,
        high: 250000,
        unit: "money",
        position: { where: "within", pct: 50 },
      },
    ]);
    expect(a.totals?.comparedWith).toBe("stated");
    expect(a.annual).toBeNull();
    // a total alone is something on the table: the counter-offer still names what to ask for
    expect(a.targets.map((t) => [t.component, t.amount])).toEqual([
      ["base", 120000],
      ["stock", 120000],
      ["bonus", 20],
    ]);
    expect(a.notes).toEqual([
      "You gave a total of EUR 200000; I can't see how it was built, so it is placed in the guide's stated total band (EUR 150000–EUR 250000), not in the one its components give (EUR 130000–EUR 208000).",
    ]);
  });

  it("a stated total more than 1% off the one built from the figures is named; the built one is placed", () => {
    const offer = (total: number) =>
      parsed({ base: money(120000), stock: money(100000), bonusPct: 15, total: money(total) });
    // built: 163,000; 1% of it is 1,630
    const off = (t: number) => check(offer(t)).notes?.filter((n) => n.startsWith("You said"));
    expect(off(164630)).toEqual([]);
    expect(off(161370)).toEqual([]);
    expect(off(164631)).toEqual([
      "You said the total is EUR 164631; from your figures it is EUR 163000, and that is the one placed.",
    ]);
    expect(off(161369)).toEqual([
      "You said the total is EUR 161369; from your figures it is EUR 163000, and that is the one placed.",
    ]);
    expect(check(offer(170000)).lines.at(-1)).toMatchObject({
      label: "Total comp (annualised)",
      offered: 163000,
    });
  });

  it("with one component missing no total is built; a stated one is placed instead", () => {
    const a = check(parsed({ base: money(120000), bonusPct: 15, total: money(200000) }));
    expect(a.missing).toEqual(["stock"]);
    expect(a.annual).toBeNull();
    expect(a.lines.map((l) => [l.component, l.label])).toEqual([
      ["base", "Base"],
      ["bonus", "Bonus"],
      ["total", "Total comp (as you stated it)"],
    ]);
  });

  it("nothing placeable: no counter-offer, the band's totals still shown", () => {
    const a = check(parsed({ bonusPct: 15 }), body());
    expect(a.lines.map((l) => l.component)).toEqual(["bonus"]);
    expect(a.targets.map((t) => t.component)).toEqual(["base", "stock", "bonus", "signing"]);
    const none = check(parsed({}), body());
    expect(none.lines).toEqual([]);
    expect(none.targets).toEqual([]);
    expect(none.script).toBeNull();
    expect(none.provenance).toEqual([]);
    expect(none.totals).toEqual({
      components: { low: 130000, high: 208000 },
      stated: { low: 150000, high: 250000 },
      comparedWith: null,
    });
    expect(none.missing).toEqual(["base", "stock", "bonus"]);
  });
});

describe("currencies", () => {
  it("an offer in dollars for a euro band is not compared; the dollar bands are offered instead", () => {
    const a = check(parsed({ base: money(120000, { currency: "USD" }), stock: money(100000) }));
    expect(a.currencyMismatch).toEqual({
      offer: "USD",
      band: "EUR",
      regionsInOfferCurrency: [
        {
          label: "Check offer · Austin",
          command: "offer acme ml-eng austin base USD 120000 stock 100000",
          kind: "offer",
        },
      ],
    });
    expect(a.followUps).toEqual([]);
    // nothing is placed, counted or derived across currencies
    expect(a).toMatchObject({
      lines: [],
      annual: null,
      targets: [],
      script: null,
      acceptThreshold: null,
      provenance: [],
      missing: [],
      totals: null,
      notes: [],
      alreadyBeats: null,
      signing: null,
    });
    expect(a.offer.currency).toBe("USD");
    expect(a.assumedCurrency).toBe(false);
  });

  it("two currencies in one offer: named both, nothing compared, no band offered", () => {
    const a = check(
      parsed({ base: money(120000, { currency: "USD" }), stock: money(100000, { currency: "EUR" }) }),
    );
    expect(a.offer.currency).toBe("USD/EUR");
    expect(a.currencyMismatch).toEqual({ offer: "USD/EUR", band: "EUR", regionsInOfferCurrency: [] });
    expect(a.lines).toEqual([]);
  });

  it("an offer marked in the band's currency is compared, and the other bands in it are offered", () => {
    const a = check(parsed({ base: money(120000, { currency: "EUR" }) }));
    expect(a.currencyMismatch).toBeNull();
    expect(a.assumedCurrency).toBe(false);
    expect(a.lines.map((l) => l.component)).toEqual(["base"]);
    expect(a.followUps.map((f) => f.command)).toEqual(["offer acme ml-eng munich base EUR 120000"]);
  });

  it("an unmarked offer for a dollar band offers no euro band", () => {
    const a = check(parsed({ base: money(170000) }), null, AUSTIN);
    expect(a.followUps).toEqual([]);
    expect(a.lines[0]).toMatchObject({ low: 150000, high: 190000, position: { where: "within", pct: 50 } });
  });
});

describe("where the guide disagrees with itself", () => {
  it("the body table's bonus against the band data, matched by region whatever the case and spaces", () => {
    const b = body({
      table: [{ region: "  berlin ", base: "", stock: "", bonus: "15%", totalComp: "" }],
    });
    expect(guideDisagreements(BERLIN, b)).toEqual([
      "The guide disagrees with itself on the Berlin bonus: its band data says 10–20%, its own table says 15%. The band data is used here.",
    ]);
    expect(
      guideDisagreements(
        MUNICH,
        body({ table: [{ region: "Munich", base: "", stock: "", bonus: "10-12%", totalComp: "" }] }),
      ),
    ).toEqual([
      "The guide disagrees with itself on the Munich bonus: its band data says 10%, its own table says 10–12%. The band data is used here.",
    ]);
  });

  it("nothing when they agree, when the table has no such row or no readable bonus, or without a body", () => {
    expect(guideDisagreements(MUNICH, body())).toEqual([]);
    expect(
      guideDisagreements(
        BERLIN,
        body({ table: [{ region: "Berlin", base: "", stock: "", bonus: "10–20%", totalComp: "" }] }),
      ),
    ).toEqual([]);
    expect(
      guideDisagreements(
        BERLIN,
        body({ table: [{ region: "Berlin", base: "", stock: "", bonus: "10–25%", totalComp: "" }] }),
      ),
    ).toHaveLength(1);
    expect(
      guideDisagreements(
        BERLIN,
        body({ table: [{ region: "Berlin", base: "", stock: "", bonus: "n/a", totalComp: "" }] }),
      ),
    ).toEqual([]);
    expect(guideDisagreements(AUSTIN, body())).toEqual([]);
    // the low end differs, the high end agrees
    expect(
      guideDisagreements(
        BERLIN,
        body({ table: [{ region: "Berlin", base: "", stock: "", bonus: "12–20%", totalComp: "" }] }),
      ),
    ).toEqual([
      "The guide disagrees with itself on the Berlin bonus: its band data says 10–20%, its own table says 12–20%. The band data is used here.",
    ]);
    // a band name written with spaces around it still finds its row
    expect(guideDisagreements({ ...BERLIN, region: " Berlin " }, body())).toHaveLength(1);
    expect(guideDisagreements(BERLIN, null)).toEqual([]);
  });
});
