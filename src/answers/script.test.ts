/**
 * A guide's Negotiate Up script made safe to say for one region (src/answers/script.ts), over the small hand-made
 * guide of offer-guide.test-helpers.ts: its script is in dollars, written for Austin; Berlin is × 0.80 of Austin
 * (total-comp midpoints 200,000 ÷ 250,000), Munich × 1.05 of Berlin (210,000 ÷ 200,000). Expected text is literal.
 */
import { describe, expect, it } from "vitest";
import type { Band, Guide, NegotiationScript } from "../guides/types.ts";
import { AUSTIN, BERLIN, fmt, GUIDE, MUNICH, SCRIPT } from "./offer-guide.test-helpers.ts";
import {
  adaptQuote,
  adaptScript,
  conversionFor,
  convertFigures,
  leverInGuideWords,
  roundK,
  scriptFigures,
} from "./script.ts";

const HOW_BERLIN =
  "× 0.80, the Berlin band's total-comp midpoint (EUR 200000) ÷ the Austin band's (USD 250000), in EUR";
const OFFER_PLACEHOLDER = (cur: string) =>
  `[Only if you have one: "I have an offer from ‹company› at ‹its total, in ${cur}›." Otherwise leave this out.]`;
const PAY_PLACEHOLDER = (cur: string) =>
  `[Only if you want to share it: "I currently make ‹your current total, in ${cur}›." Otherwise leave this out.]`;

describe("the figures of a script, each tied to what the words after it name", () => {
  it("stock, base, bonus, signing, and anything else", () => {
    expect(scriptFigures(SCRIPT.text).map((f) => [f.component, f.low, f.percent, f.plus])).toEqual([
      ["stock", 200000, false, false],
      ["base", 180000, false, false],
      ["bonus", 15, true, false],
      ["signing", 40000, false, false],
      ["other", 300000, false, true],
    ]);
  });

  it("reads the ways guides write them; bare numbers are not figures", () => {
    const text =
      "$50K in Twilio RSUs, $60K stock, €70K equity, $10K sign-on, 5% base raise, $20K bonus, 10% bonus, 4 years, $30K, stock";
    expect(scriptFigures(text).map((f) => [f.text, f.component])).toEqual([
      ["$50K", "stock"],
      ["$60K", "stock"],
      ["€70K", "stock"],
      ["$10K", "signing"],
      ["5%", "base"],
      // a bonus is a percentage: a money bonus is not the band's bonus
      ["$20K", "other"],
      ["10%", "bonus"],
      // the words after a figure end at a comma
      ["$30K", "other"],
    ]);
  });

  it("the word must come first: one named later in the sentence is not the figure's", () => {
    expect(scriptFigures("$10K cash, not stock")[0]?.component).toBe("other");
    expect(scriptFigures("$10K cash not stock")[0]?.component).toBe("other");
    expect(scriptFigures("$10K bonus over base")[0]?.component).toBe("other");
    expect(scriptFigures("$10K bonus at signing")[0]?.component).toBe("other");
    expect(scriptFigures("10% of the bonus")[0]?.component).toBe("other");
  });

  it("looks only at the words right after the figure", () => {
    expect(scriptFigures(`$50K ${"very ".repeat(8)}stock`)[0]?.component).toBe("other");
    expect(scriptFigures("$50K. Stock")[0]?.component).toBe("other");
    expect(scriptFigures("$50K; stock")[0]?.component).toBe("other");
    expect(scriptFigures("$50K in the stock")[0]?.component).toBe("stock");
    expect(scriptFigures("$50K in the big stock")[0]?.component).toBe("other");
    expect(scriptFigures("$50K RSU")[0]?.component).toBe("stock");
    expect(scriptFigures("$50K in  Twilio  RSUs")[0]?.component).toBe("stock");
  });
});

describe("how a script's figures are carried to a band", () => {
  it("by the ratio of the two bands' total-comp midpoints, saying so", () => {
    expect(conversionFor(GUIDE, BERLIN, SCRIPT.text, fmt)).toEqual({
      reference: AUSTIN,
      factor: 0.8,
      how: HOW_BERLIN,
      foreign: null,
    });
  });

  it("the script's currency is that of its first money figure, whatever comes before it", () => {
    expect(conversionFor(GUIDE, BERLIN, "A 15% bonus and a $180K base.", fmt)).toMatchObject({
      reference: AUSTIN,
      factor: 0.8,
    });
  });

  it("as written for the band it was written for", () => {
    expect(conversionFor(GUIDE, AUSTIN, SCRIPT.text, fmt)).toEqual({
      reference: AUSTIN,
      factor: 1,
      how: "as written in the guide",
      foreign: null,
    });
  });

  it("a script without a currency is in the asked band's currency, written for the first band in it", () => {
    expect(conversionFor(GUIDE, MUNICH, "I'd like a 15% bonus.", fmt)).toEqual({
      reference: BERLIN,
      factor: 1.05,
      how: "× 1.05, the Munich band's total-comp midpoint (EUR 210000) ÷ the Berlin band's (EUR 200000), in EUR",
      foreign: null,
    });
  });

  it("a script in a currency no band has: nothing to carry it from, so it is marked foreign", () => {
    expect(conversionFor(GUIDE, BERLIN, "I'd like £150K base.", fmt)).toEqual({
      reference: BERLIN,
      factor: 1,
      how: "as written in the guide",
      foreign: "GBP",
    });
  });

  it("a reference band without a total is not divided by", () => {
    const zero: Band = { ...AUSTIN, totalComp: { low: 0, high: 0 } };
    const guide: Guide = { ...GUIDE, bands: [zero, BERLIN] };
    expect(conversionFor(guide, BERLIN, SCRIPT.text, fmt)).toEqual({
      reference: BERLIN,
      factor: 1,
      how: "as written in the guide",
      foreign: "USD",
    });
  });
});

describe("a script in a currency the guide has no band in (USD script, EUR bands only)", () => {
  const euroOnly: Guide = { ...GUIDE, bands: [BERLIN, MUNICH] };

  it("keeps its money figures as written, in their currency, and says why; no walk-away line", () => {
    const adapted = adaptScript({ guide: euroOnly, band: BERLIN, script: SCRIPT, format: fmt });
    // Every money figure as the guide writes it: none relabelled EUR without a rate to carry it.
    expect(adapted.text).toContain(
      "I'd like $200K in RSUs over 4 years with a $180K base, 15% bonus, and $40K signing bonus.",
    );
    expect(adapted.text).not.toMatch(/EUR \d/);
    expect(adapted.notes).toContain(
      "The guide's script gives its figures in USD and the guide has no USD band to carry them from: they are left as written, in USD, not EUR.",
    );
    expect(adapted.threshold).toBeNull();
  });

  it("a lever's quote is left as written, and so is the offer check's reason", () => {
    const conversion = conversionFor(euroOnly, BERLIN, SCRIPT.text, fmt);
    expect(adaptQuote("I expect $40K-$60K up front.", BERLIN, conversion, fmt).quote).toBe(
      "I expect $40K-$60K up front.",
    );
    expect(
      leverInGuideWords({ title: "Sign-on", quote: "I expect $40K-$60K." }, BERLIN, conversion, fmt),
    ).toBe('Sign-on: "I expect $40K-$60K."');
  });
});

describe("rounding and converting figures", () => {
  it("rounds to the nearest 1,000", () => {
    expect([roundK(1499), roundK(1500), roundK(31400), roundK(45300)]).toEqual([1000, 2000, 31000, 45000]);
  });

  it("converts money figures and ranges, keeps percentages and the + of 'at least'", () => {
    // $40K × 0.8 = 32,000; $60K × 0.8 = 48,000; $5,500 × 0.8 = 4,400 -> 4,000
    expect(convertFigures("I expect $40K-$60K up front, 10% more, $5,500+ later.", 0.8, "EUR", fmt)).toBe(
      "I expect EUR 32000–EUR 48000 up front, 10% more, EUR 4000+ later.",
    );
    expect(convertFigures("No figures here.", 0.8, "EUR", fmt)).toBe("No figures here.");
  });
});

describe("the script, made safe to say for a band", () => {
  it("for Berlin: figures × 0.80 in euros, the claim a placeholder, both said in the notes", () => {
    const a = adaptScript({ guide: GUIDE, band: BERLIN, script: SCRIPT, format: fmt });
    // $200K -> 160,000; $180K -> 144,000; $40K -> 32,000; 15% stays
    expect(a.text).toBe(
      `I'd like EUR 160000 in RSUs over 4 years with a EUR 144000 base, 15% bonus, and EUR 32000 signing bonus. ${OFFER_PLACEHOLDER("EUR")} Thanks.`,
    );
    expect(a.claims).toEqual(["I have competing offers at $300K+."]);
    expect(a.notes).toEqual([
      `The guide's script is written for Austin in USD; its figures are carried to Berlin ${HOW_BERLIN}.`,
      `The guide's script says "I have competing offers at $300K+." That is the guide's example, not your situation: it is a placeholder for you to fill in or drop.`,
    ]);
    expect(a.conversion).toEqual({ reference: AUSTIN, factor: 0.8, how: HOW_BERLIN, foreign: null });
    // $160K × 0.80 = 128,000
    expect(a.threshold).toEqual({
      amount: 128000,
      text: "EUR 128000 RSUs",
      how: `the guide's $160K RSUs ${HOW_BERLIN}`,
      component: "RSUs",
    });
  });

  it("for the band it was written for: as written, only the claim replaced", () => {
    const a = adaptScript({ guide: GUIDE, band: AUSTIN, script: SCRIPT, format: fmt });
    expect(a.text).toBe(
      `I'd like USD 200000 in RSUs over 4 years with a USD 180000 base, 15% bonus, and USD 40000 signing bonus. ${OFFER_PLACEHOLDER("USD")} Thanks.`,
    );
    expect(a.notes).toHaveLength(1);
    expect(a.threshold).toEqual({
      amount: 160000,
      text: "USD 160000 RSUs",
      how: "as written in the guide",
      component: "RSUs",
    });
  });

  it("writes the counter-offer's figures in place of the script's own", () => {
    const a = adaptScript({
      guide: GUIDE,
      band: BERLIN,
      script: SCRIPT,
      format: fmt,
      targets: {
        stock: { amount: 150000, unit: "money" },
        base: { amount: 125000, unit: "money" },
        bonus: { amount: 20, unit: "percent" },
      },
    });
    // the signing bonus has no target: carried × 0.80
    expect(a.text).toBe(
      `I'd like EUR 150000 in RSUs over 4 years with a EUR 125000 base, 20% bonus, and EUR 32000 signing bonus. ${OFFER_PLACEHOLDER("EUR")} Thanks.`,
    );
    // a figure was still carried: the note stays
    expect(a.notes[0]).toBe(
      `The guide's script is written for Austin in USD; its figures are carried to Berlin ${HOW_BERLIN}.`,
    );
  });

  it("with every figure replaced by the counter-offer, no conversion note", () => {
    const script: NegotiationScript = {
      text: "I'd like $200K in RSUs with a $180K base.",
      acceptThreshold: null,
    };
    const a = adaptScript({
      guide: GUIDE,
      band: BERLIN,
      script,
      format: fmt,
      targets: { stock: { amount: 150000, unit: "money" }, base: { amount: 125000, unit: "money" } },
    });
    expect(a.text).toBe("I'd like EUR 150000 in RSUs with a EUR 125000 base.");
    expect(a.notes).toEqual([]);
    expect(a.threshold).toBeNull();
  });

  it("keeps 'at least', a percentage as written, and the spaces between sentences", () => {
    const script: NegotiationScript = {
      text: "Anything at $300K+ works!  My current salary is $150K.   A 15 percent bonus? Yes",
      acceptThreshold: null,
    };
    const a = adaptScript({ guide: GUIDE, band: BERLIN, script, format: fmt });
    expect(a.text).toBe(
      `Anything at EUR 240000+ works!  ${PAY_PLACEHOLDER("EUR")}   A 15 percent bonus? Yes`,
    );
    expect(a.claims).toEqual(["My current salary is $150K."]);
  });

  it("a script carried between two bands of one currency with the same midpoint is as written: no note", () => {
    const vienna: Band = {
      ...MUNICH,
      region: "Vienna",
      regionSlug: "vienna",
      totalComp: { low: 150000, high: 250000 },
    };
    const guide: Guide = { ...GUIDE, bands: [AUSTIN, BERLIN, vienna] };
    const script: NegotiationScript = { text: "I'd like a €180K base. ", acceptThreshold: null };
    const a = adaptScript({ guide, band: vienna, script, format: fmt });
    expect(a.conversion).toMatchObject({ reference: BERLIN, factor: 1 });
    expect(a.text).toBe("I'd like a EUR 180000 base.");
    expect(a.notes).toEqual([]);
  });

  it("names the script's currency from its first money figure, and keeps repeated punctuation", () => {
    const script: NegotiationScript = {
      text: "A 15% bonus and a $180K base!! I have an offer from Initech. Done",
      acceptThreshold: null,
    };
    const a = adaptScript({ guide: GUIDE, band: BERLIN, script, format: fmt });
    expect(a.text).toBe(`A 15% bonus and a EUR 144000 base!! ${OFFER_PLACEHOLDER("EUR")} Done`);
    expect(a.notes[0]).toBe(
      `The guide's script is written for Austin in USD; its figures are carried to Berlin ${HOW_BERLIN}.`,
    );
  });

  it("a script in the band's own currency, written for another band of it, is carried and says so", () => {
    const script: NegotiationScript = { text: "I'd like a €150K base.", acceptThreshold: null };
    // €150K × 1.05 (Munich ÷ Berlin) = 157,500 -> 158,000
    const a = adaptScript({ guide: GUIDE, band: MUNICH, script, format: fmt });
    expect(a.text).toBe("I'd like a EUR 158000 base.");
    expect(a.notes).toEqual([
      "The guide's script is written for Berlin in EUR; its figures are carried to Munich × 1.05, the Munich band's total-comp midpoint (EUR 210000) ÷ the Berlin band's (EUR 200000), in EUR.",
    ]);
  });

  it("text without a sentence in it is kept as it is", () => {
    const script: NegotiationScript = { text: "...", acceptThreshold: null };
    expect(adaptScript({ guide: GUIDE, band: BERLIN, script, format: fmt }).text).toBe("...");
    expect(
      adaptQuote("!!", BERLIN, { reference: AUSTIN, factor: 0.8, how: HOW_BERLIN, foreign: null }, fmt).quote,
    ).toBe("!!");
  });

  it("a percentage with a + is kept as written, or replaced by the counter-offer's", () => {
    const script: NegotiationScript = { text: "A 15%+ bonus.", acceptThreshold: null };
    expect(adaptScript({ guide: GUIDE, band: AUSTIN, script, format: fmt }).text).toBe("A 15%+ bonus.");
    expect(
      adaptScript({
        guide: GUIDE,
        band: AUSTIN,
        script,
        format: fmt,
        targets: { bonus: { amount: 20, unit: "percent" } },
      }).text,
    ).toBe("A 20% bonus.");
  });

  it("a percentage target goes only where the script has a percentage", () => {
    const script: NegotiationScript = { text: "A 15% bonus and $50K stock.", acceptThreshold: null };
    const a = adaptScript({
      guide: GUIDE,
      band: AUSTIN,
      script,
      format: fmt,
      targets: { bonus: { amount: 20, unit: "percent" }, stock: { amount: 240000, unit: "money" } },
    });
    expect(a.text).toBe("A 20% bonus and USD 240000 stock.");
  });

  it("a script in one currency re-labelled for a band in another says so, even at × 1.00", () => {
    const vienna: Band = {
      ...BERLIN,
      region: "Vienna",
      regionSlug: "vienna",
      totalComp: { low: 200000, high: 300000 },
    };
    const guide: Guide = { ...GUIDE, bands: [AUSTIN, vienna] };
    const script: NegotiationScript = { text: "I'd like a $180K base.", acceptThreshold: null };
    const a = adaptScript({ guide, band: vienna, script, format: fmt });
    expect(a.text).toBe("I'd like a EUR 180000 base.");
    expect(a.notes).toEqual([
      "The guide's script is written for Austin in USD; its figures are carried to Vienna × 1.00, the Vienna band's total-comp midpoint (EUR 250000) ÷ the Austin band's (USD 250000), in EUR.",
    ]);
  });

  it("the accept threshold: its own currency mark, else the script's; no component, no amount", () => {
    const euro = (threshold: NegotiationScript["acceptThreshold"]): NegotiationScript => ({
      text: "I'd like a €150K base.",
      acceptThreshold: threshold,
    });
    // written for Berlin (the first euro band): as written there
    expect(
      adaptScript({
        guide: GUIDE,
        band: BERLIN,
        script: euro({ text: "140K base", amount: 140000, component: "base" }),
        format: fmt,
      }).threshold,
    ).toEqual({ amount: 140000, text: "EUR 140000 base", how: "as written in the guide", component: "base" });
    // carried to Munich: 140,000 × 1.05 = 147,000
    expect(
      adaptScript({
        guide: GUIDE,
        band: MUNICH,
        script: euro({ text: "140K", amount: 140000, component: null }),
        format: fmt,
      }).threshold,
    ).toEqual({
      amount: 147000,
      text: "EUR 147000",
      how: "the guide's 140K × 1.05, the Munich band's total-comp midpoint (EUR 210000) ÷ the Berlin band's (EUR 200000), in EUR",
      component: null,
    });
    // a threshold without a mark is in the script's currency: $160K × 0.80 for Berlin
    expect(
      adaptScript({
        guide: GUIDE,
        band: BERLIN,
        script: { ...SCRIPT, acceptThreshold: { text: "160K RSUs", amount: 160000, component: "RSUs" } },
        format: fmt,
      }).threshold,
    ).toMatchObject({ amount: 128000, text: "EUR 128000 RSUs" });
    // a script without a currency mark is in the band's: a threshold without one too
    expect(
      adaptScript({
        guide: GUIDE,
        band: BERLIN,
        script: {
          text: "I'd like a 15% bonus.",
          acceptThreshold: { text: "140K", amount: 140000, component: null },
        },
        format: fmt,
      }).threshold,
    ).toEqual({ amount: 140000, text: "EUR 140000", how: "as written in the guide", component: null });
    expect(
      adaptScript({
        guide: GUIDE,
        band: BERLIN,
        script: euro({ text: "a lot", amount: null, component: null }),
        format: fmt,
      }).threshold,
    ).toBeNull();
  });
});

describe("an accept threshold in another currency than its script", () => {
  const euroScript = (text: string): NegotiationScript => ({
    text: "I'd like a €150K base.",
    acceptThreshold: { text, amount: 140000, component: null },
  });

  it("is carried from the band written in its own currency, not relabelled", () => {
    // $140K × 0.80 (Berlin ÷ Austin) = 112,000
    expect(
      adaptScript({ guide: GUIDE, band: BERLIN, script: euroScript("$140K"), format: fmt }).threshold,
    ).toEqual({
      amount: 112000,
      text: "EUR 112000",
      how: `the guide's $140K ${HOW_BERLIN}`,
      component: null,
    });
    // for Austin, $140K is as written (the script's own figures are carried from Berlin)
    expect(
      adaptScript({ guide: GUIDE, band: AUSTIN, script: euroScript("$140K"), format: fmt }).threshold,
    ).toEqual({
      amount: 140000,
      text: "USD 140000",
      how: "as written in the guide",
      component: null,
    });
  });
});

describe("a lever's quote made safe to say", () => {
  const toBerlin = { reference: AUSTIN, factor: 0.8, how: HOW_BERLIN, foreign: null };
  const asWritten = { reference: AUSTIN, factor: 1, how: "as written in the guide", foreign: null };

  it("money carried to the band's currency; a quote with nothing to change is returned as it was", () => {
    expect(adaptQuote("I expect $40K-$60K up front. Really.", BERLIN, toBerlin, fmt)).toEqual({
      quote: "I expect EUR 32000–EUR 48000 up front. Really.",
      claim: null,
    });
    expect(adaptQuote("I expect $40K-$60K up front.", AUSTIN, asWritten, fmt)).toEqual({
      quote: "I expect $40K-$60K up front.",
      claim: null,
    });
    expect(adaptQuote("A 15% bonus is fair.", BERLIN, toBerlin, fmt)).toEqual({
      quote: "A 15% bonus is fair.",
      claim: null,
    });
  });

  it("a figure in the band's currency is still carried when the factor is not 1", () => {
    expect(adaptQuote("I expect €40K.", BERLIN, toBerlin, fmt).quote).toBe("I expect EUR 32000.");
    expect(adaptQuote("I expect $40K.", BERLIN, { ...toBerlin, factor: 1 }, fmt).quote).toBe(
      "I expect EUR 40000.",
    );
  });

  it("keeps every sentence, repeated punctuation and one without an end; a sentence with any money is carried", () => {
    expect(
      adaptQuote("Great!! A 15% bonus and $40K up front. I expect $40K ", BERLIN, toBerlin, fmt).quote,
    ).toBe("Great!! A 15% bonus and EUR 32000 up front. I expect EUR 32000");
  });

  it("claims about the speaker become placeholders, every one named", () => {
    expect(
      adaptQuote(
        "I have ML offers from Google at $400K+. I currently earn $150K.  Pay me well.",
        BERLIN,
        toBerlin,
        fmt,
      ),
    ).toEqual({
      quote: `${OFFER_PLACEHOLDER("EUR")} ${PAY_PLACEHOLDER("EUR")}  Pay me well.`,
      claim: "I have ML offers from Google at $400K+. I currently earn $150K.",
    });
  });
});

describe("a lever in the guide's words (the offer check's reason)", () => {
  const toBerlin = { reference: AUSTIN, factor: 0.8, how: HOW_BERLIN, foreign: null };
  const asWritten = { reference: AUSTIN, factor: 1, how: "as written in the guide", foreign: null };
  const lever = (quote: string) => ({ title: "Signing Bonus", quote });

  it("quotes the guide as written, then each money figure carried to the band, with how", () => {
    expect(
      leverInGuideWords(lever("I expect $40K-$60K up front, or $10K more."), BERLIN, toBerlin, fmt),
    ).toBe(
      'Signing Bonus: "I expect $40K-$60K up front, or $10K more." For Berlin: $40K-$60K → EUR 32000–EUR 48000, ' +
        `$10K → EUR 8000 (${HOW_BERLIN}).`,
    );
  });

  it("is the quote alone when nothing in it changes: the band it was written for, or no money in it", () => {
    expect(leverInGuideWords(lever("I expect $40K-$60K up front."), AUSTIN, asWritten, fmt)).toBe(
      'Signing Bonus: "I expect $40K-$60K up front."',
    );
    expect(leverInGuideWords(lever("A 15% bonus is fair."), BERLIN, toBerlin, fmt)).toBe(
      'Signing Bonus: "A 15% bonus is fair."',
    );
  });
});
