/**
 * What the offer reader says back about the parts it cannot use: each part as typed, the guess, and the hint
 * the user reads (src/questions/offer.ts). The hints are what the user sees, so their words are pinned.
 */
import { describe, expect, it } from "vitest";
import { hasFigures, looksLikeOffer, offerCurrencies, parseOffer } from "./offer.ts";

describe("a percentage where an amount is needed, or a bonus over 100%", () => {
  it("names the part and gives an example of an amount for it", () => {
    expect(parseOffer("base 10%").unreadable).toEqual([
      {
        text: "base 10%",
        suggestion: null,
        kind: "unreadable",
        hint: "A percentage only works for the bonus: give the base as an amount, e.g. base 150k.",
      },
    ]);
    expect(parseOffer("signing 5%").unreadable[0]?.hint).toBe(
      "A percentage only works for the bonus: give the signing as an amount, e.g. signing 20k.",
    );
    expect(parseOffer("10% total").unreadable[0]).toMatchObject({
      text: "10% total",
      hint: "A percentage only works for the bonus: give the total as an amount, e.g. total 200k.",
    });
  });

  it("asks about a bonus over 100% and does not place it; 100% itself is placed", () => {
    const o = parseOffer("bonus 10-150%");
    expect(o.bonusPct).toBeNull();
    expect(o.unreadable).toEqual([
      {
        text: "bonus 10-150%",
        suggestion: null,
        kind: "implausible",
        hint: "a bonus over 100% of base is not one I can place. Is that right? Check the figure, or send it as an amount (e.g. bonus 150k).",
      },
    ]);
    expect(parseOffer("bonus 100%")).toMatchObject({ bonusPct: 100, bonusPctHigh: 100, unreadable: [] });
    expect(parseOffer("bonus 10-15%")).toMatchObject({ bonusPct: 10, bonusPctHigh: 15, unreadable: [] });
  });
});

describe("figures that cannot be right", () => {
  it("asks about a figure over a billion; a billion itself is placed", () => {
    expect(parseOffer("base 1.5bn").unreadable).toEqual([
      {
        text: "base 1.5bn",
        suggestion: null,
        kind: "implausible",
        hint: "that is over a billion. Is that right? Check the figure (e.g. 150k or 1.2m).",
      },
    ]);
    expect(parseOffer("stock 1bn").stock).toMatchObject({ amount: 1_000_000_000 });
  });

  it("asks for a base or a total above 0", () => {
    expect(parseOffer("base 0k").unreadable).toEqual([
      {
        text: "base 0k",
        suggestion: null,
        kind: "unreadable",
        hint: "Enter an amount above 0, e.g. base 150k.",
      },
    ]);
    expect(parseOffer("base 0k").base).toBeNull();
    expect(parseOffer("total 0k").unreadable[0]?.hint).toBe("Enter an amount above 0, e.g. total 200k.");
  });

  it("reads no stock, bonus or signing bonus as 0: 'signing 0', 'no signing bonus', 'stock: none'", () => {
    const zero = { amount: 0, high: 0, period: null };
    for (const text of [
      "signing 0k",
      "signing 0",
      "no signing bonus",
      "without a signing bonus",
      "signing: none",
    ]) {
      const o = parseOffer(`base 150k ${text}`);
      expect(o.signing, text).toMatchObject(zero);
      expect(o.unreadable, text).toEqual([]);
    }
    for (const text of ["stock 0", "no stock", "no rsus", "equity - none", "without any equity"]) {
      expect(parseOffer(`base 150k ${text}`).stock, text).toMatchObject(zero);
    }
    for (const text of ["bonus 0", "bonus 0%", "no bonus", "bonus n/a", "zero bonus"]) {
      expect(parseOffer(`base 150k ${text}`), text).toMatchObject({ bonusPct: 0, bonusAmount: null });
    }
    // A base of none is asked about, never placed as 0.
    expect(parseOffer("no base, stock 100k").base).toBeNull();
    expect(parseOffer("no base, stock 100k").unreadable[0]?.text).toBe("base 0");
  });

  it("asks about a small bare number rather than guessing thousands", () => {
    expect(parseOffer("stock 120").unreadable).toEqual([
      {
        text: "stock 120",
        suggestion: "120k",
        kind: "unreadable",
        hint: "e.g. stock 120k (the whole grant).",
      },
    ]);
    // A bonus of 1 to 100 is probably a percentage; above 100 probably thousands; 0 is no guess.
    expect(parseOffer("bonus 100").unreadable[0]).toMatchObject({ suggestion: "100%" });
    expect(parseOffer("bonus 1").unreadable[0]).toMatchObject({ suggestion: "1%" });
    expect(parseOffer("bonus 150").unreadable[0]).toMatchObject({
      suggestion: "150k",
      hint: "A bonus is a percentage of base (10%) or an amount (15k).",
    });
    expect(parseOffer("bonus 12.5").unreadable[0]).toMatchObject({ suggestion: "12.5%" });
    expect(parseOffer("base 0").unreadable[0]).toMatchObject({ suggestion: null, hint: "e.g. base 150k." });
    expect(parseOffer("base 999").unreadable[0]).toMatchObject({ suggestion: "999k" });
    // 1,000 and up is a real amount.
    expect(parseOffer("signing 1000").signing).toMatchObject({ amount: 1000 });
  });

  it("a part given two different figures places neither and asks which is this offer's", () => {
    const o = parseOffer("base 150k base 160k");
    expect(o.base).toBeNull();
    expect(o.unreadable).toEqual([
      {
        text: "base 150k, base 160k",
        suggestion: null,
        kind: "unreadable",
        hint: "You gave the base more than once with different figures, so I placed none: which is this offer's? Send it again with one base (another company's offer is best left out).",
      },
    ]);
    const b = parseOffer("bonus 10% bonus 15k stock 100k");
    expect(b).toMatchObject({
      bonusPct: null,
      bonusPctHigh: null,
      bonusAmount: null,
      stock: { amount: 100000 },
    });
    expect(b.unreadable.map((u) => u.text)).toEqual(["bonus 10%, bonus 15k"]);
    // A third figure joins the same question; it is never placed either.
    const three = parseOffer("base 150k base 160k base 170k");
    expect(three.base).toBeNull();
    expect(three.unreadable.map((u) => u.text)).toEqual(["base 150k, base 160k, base 170k"]);
    // Another company's offer told beside this one ("google offered 220k base"): the same question.
    const two = parseOffer("segment offered me 200k base, google offered 220k base");
    expect(two.base).toBeNull();
    expect(two.unreadable.map((u) => u.text)).toEqual(["200k base, 220k base"]);
  });

  it("what no band compares (relocation, 401k, pension, leave, stipends) is named back, never read as pay", () => {
    const o = parseOffer(
      "base 150k, stock 120k, bonus 10%, sign-on £20k, relocation £10k, 401k match 4%, pension: 8%, 25 days pto",
    );
    expect(o).toMatchObject({
      base: { amount: 150000 },
      stock: { amount: 120000 },
      bonusPct: 10,
      signing: { amount: 20000 },
      unreadable: [],
    });
    expect(o.notCompared).toEqual(["relocation £10k", "401k match 4%", "pension: 8%", "25 days pto"]);
    // "401k" alone is the plan, not 401,000 of anything; a relocation bonus is not the bonus.
    expect(parseOffer("base 150k, 401(k)")).toMatchObject({ notCompared: ["401(k)"], unreadable: [] });
    expect(parseOffer("base 150k, £10k relocation bonus")).toMatchObject({
      bonusPct: null,
      bonusAmount: null,
      notCompared: ["£10k relocation bonus"],
    });
    expect(parseOffer("base 150k").notCompared).toBeUndefined();
  });

  it("reads 'worth', 'up to' and 'target' between a part and its figure", () => {
    expect(parseOffer("salary of £150k and equity worth £120k")).toMatchObject({
      base: { amount: 150000 },
      stock: { amount: 120000 },
      unreadable: [],
    });
    expect(parseOffer("base 150k, bonus up to 15%")).toMatchObject({ bonusPct: 15, unreadable: [] });
    expect(parseOffer("base 150k, bonus target 10%")).toMatchObject({ bonusPct: 10, unreadable: [] });
  });

  it("the same figure given again is the same figure", () => {
    const o = parseOffer("base 150k, so base: 150k");
    expect(o.base).toMatchObject({ amount: 150000 });
    expect(o.unreadable).toEqual([]);
  });
});

describe("a part's name with no figure after it", () => {
  it("names it back when a clause ends there, with a guess for digits typed as letters", () => {
    expect(parseOffer("base banana").unreadable).toEqual([
      {
        text: "base banana",
        suggestion: null,
        kind: "unreadable",
        hint: "I need a figure there, e.g. base 150k.",
      },
    ]);
    expect(parseOffer("stock 1S0k").unreadable[0]).toMatchObject({ text: "stock 1S0k", suggestion: "150k" });
    expect(parseOffer("bonus 1O%").unreadable[0]).toMatchObject({ text: "bonus 1O%", suggestion: "10%" });
    expect(parseOffer("base 12O000").unreadable[0]).toMatchObject({ suggestion: "120000" });
    expect(parseOffer("base l2O").unreadable[0]).toMatchObject({ suggestion: "120k" });
    expect(parseOffer("base 12x").unreadable[0]).toMatchObject({ text: "base 12x", suggestion: null });
    // A guess of 1,000 or more is an amount as it stands; below that, thousands.
    expect(parseOffer("base 1OOO").unreadable[0]).toMatchObject({ suggestion: "1000" });
    expect(parseOffer("base 1OO").unreadable[0]).toMatchObject({ suggestion: "100k" });
    expect(parseOffer("base: banana.").unreadable[0]).toMatchObject({ text: "base banana" });
    // After "=", "~" or "-", and before closing punctuation.
    const named = (text: string) => parseOffer(text).unreadable.map((u) => u.text);
    expect(
      ["base = banana", "base ~ lots", "base - banana", "base banana!", "base lots?", "(base banana)"].map(
        named,
      ),
    ).toEqual([
      ["base banana"],
      ["base lots"],
      ["base banana"],
      ["base banana"],
      ["base lots"],
      ["base banana"],
    ]);
    expect(parseOffer("base banana; stock 120k")).toMatchObject({
      stock: { amount: 120000 },
      unreadable: [{ text: "base banana" }],
    });
    // Letters typed for digits: o/O for 0, l/I for 1, s/S for 5.
    const guess = (text: string) => parseOffer(text).unreadable[0]?.suggestion;
    expect(["base 1o0k", "base I20k", "base 1s0k", "base 12O.5k"].map(guess)).toEqual([
      "100k",
      "120k",
      "150k",
      "120.5k",
    ]);
    expect(parseOffer("base banana, stock 120k")).toMatchObject({
      stock: { amount: 120000 },
      unreadable: [{ text: "base banana" }],
    });
  });

  it("lets a sentence go on after a part's name", () => {
    expect(parseOffer("the base is good").unreadable).toEqual([]);
    expect(parseOffer("base pay seems fine to me").unreadable).toEqual([]);
    expect(parseOffer("the stock price is up").unreadable).toEqual([]);
    expect(parseOffer("bonus base").unreadable).toEqual([]);
    expect(parseOffer("Base Is fine").unreadable).toEqual([]);
    // Only punctuation after the name: nothing to name back.
    expect(parseOffer("base ...").unreadable).toEqual([]);
  });
});

describe("a figure with no part named", () => {
  it("asks which part it is, with examples that use the figure", () => {
    expect(parseOffer("offer segment london £150k").unreadable).toEqual([
      {
        text: "£150k",
        suggestion: null,
        kind: "unreadable",
        hint: "Which part of the offer is it? Write its name next to it, e.g. base £150k or stock £150k.",
      },
    ]);
    expect(parseOffer("offer 15%").unreadable[0]?.hint).toBe(
      "Which part of the offer is it? Write its name next to it, e.g. bonus 15%.",
    );
    expect(parseOffer("offer 150,000").unreadable[0]?.text).toBe("150,000");
    expect(parseOffer("offer $150").unreadable[0]?.text).toBe("$150");
    // A bare small number (a year, a count) is not a figure of the offer.
    expect(parseOffer("offer segment 2 roles").unreadable).toEqual([]);
  });

  it("names every part back in the order written", () => {
    expect(parseOffer("£150k base 10% stock 20k").unreadable.map((u) => u.text)).toEqual([
      "10% stock",
      "20k",
    ]);
    expect(parseOffer("offer £150k segment base 150").unreadable.map((u) => u.text)).toEqual([
      "£150k",
      "base 150",
    ]);
  });
});

describe("vesting and the words left to name the guide", () => {
  it("reads the vesting period in the ways people write it", () => {
    expect(parseOffer("stock 120k vest 3y")).toMatchObject({ vestYears: 3, vestGiven: true });
    expect(parseOffer("stock 120k vesting over 5 years")).toMatchObject({ vestYears: 5, vestGiven: true });
    expect(parseOffer("stock 120k over 2yrs")).toMatchObject({ vestYears: 2, vestGiven: true });
    expect(parseOffer("stock 120k 4-year vesting")).toMatchObject({ vestYears: 4, vestGiven: true });
    expect(parseOffer("stock 120k 3yr vest")).toMatchObject({ vestYears: 3, vestGiven: true });
    expect(parseOffer("stock 120k vest 10 years")).toMatchObject({ vestYears: 10, vestGiven: true });
    expect(parseOffer("stock 120k vests 2 y")).toMatchObject({ vestYears: 2, vestGiven: true });
    expect(parseOffer("stock 120k vested 3yrs")).toMatchObject({ vestYears: 3, vestGiven: true });
    expect(parseOffer("stock 120k 2 years vest")).toMatchObject({ vestYears: 2, vestGiven: true });
    expect(parseOffer("stock 120k vest 0y")).toMatchObject({ vestYears: 4, vestGiven: false });
    expect(parseOffer("stock 120k vest3y")).toMatchObject({ vestYears: 3, vestGiven: true });
    const years = (text: string) => parseOffer(`stock 120k ${text}`).vestYears;
    expect(
      [
        "vest 3yr",
        "vest 1 year",
        "over 3y",
        "over 3yr",
        "over 10 years",
        "10-year vest",
        "3y vest",
        "4 years vesting",
      ].map(years),
    ).toEqual([3, 1, 3, 3, 10, 10, 3, 4]);
    // Typed without spaces.
    expect(["3yrvest", "vest over3y", "over4yrs"].map(years)).toEqual([3, 3, 4]);
    // After a slash: "RSU/4y", "120k/3yrs" (a slash and a period with no number is a period: "30k/yr").
    expect(parseOffer("$250k RSU/4y")).toMatchObject({
      vestYears: 4,
      vestGiven: true,
      stock: { amount: 250000 },
    });
    expect(parseOffer("stock 120k/3yrs")).toMatchObject({
      vestYears: 3,
      vestGiven: true,
      stock: { amount: 120000 },
    });
    expect(parseOffer("stock 30k/yr")).toMatchObject({
      vestYears: 4,
      vestGiven: false,
      stock: { amount: 120000 },
    });
    // "vest" inside another word is not vesting.
    expect(parseOffer("harvest 3y stock 120k")).toMatchObject({ vestYears: 4, vestGiven: false });
    expect(parseOffer("stock 120k")).toMatchObject({ vestYears: 4, vestGiven: false });
  });

  it("asks about vesting outside 1 to 10 years, and does not take years of experience for vesting", () => {
    for (const [text, said] of [
      ["stock 120k vest 0y", "vest 0y"],
      ["stock 120k vest 25 years", "vest 25 years"],
      ["stock 120k over 12 years", "over 12 years"],
      ["stock 120k vest 4.5y", "vest 4.5y"],
      ["stock 120k, a 3.5 year vest", "3.5 year vest"],
    ] as const) {
      const o = parseOffer(text);
      expect(o, text).toMatchObject({ vestYears: 4, vestGiven: false, stock: { amount: 120000 } });
      expect(o.unreadable, text).toEqual([
        {
          kind: "unreadable",
          text: said,
          suggestion: null,
          hint: "Vesting is counted in whole years from 1 to 10, e.g. vest 4y.",
        },
      ]);
    }
    for (const text of [
      "stock 120k, I have over 8 years of experience",
      "stock 120k, over 8 years experience",
      "stock 120k over 5 years in the industry",
    ]) {
      expect(parseOffer(text), text).toMatchObject({ vestYears: 4, vestGiven: false, unreadable: [] });
    }
    expect(parseOffer("£120k RSUs over 3 years, 10 years of experience")).toMatchObject({
      vestYears: 3,
      vestGiven: true,
    });
  });

  it("leaves the words that are not the offer's figures, tidy", () => {
    expect(parseOffer("offer segment london base 150k").rest).toBe("offer segment london");
    expect(parseOffer("offer 20k segment base 150k london").rest).toBe("offer segment london");
    expect(parseOffer("segment base 150k vest 3y london").rest).toBe("segment , london");
    expect(parseOffer("base 150k, stock 120k; segment").rest).toBe("segment");
    expect(parseOffer("segment: base 150k, stock 120k").rest).toBe("segment");
    expect(parseOffer("£150k base at segment in london").rest).toBe("at segment in london");
    expect(parseOffer("segment base banana, london").rest).toBe("segment , london");
    expect(parseOffer("  ").rest).toBe("");
  });
});

describe("helpers", () => {
  it("offerCurrencies lists each currency written once, in the order of the parts", () => {
    expect(offerCurrencies(parseOffer("base £150k stock $120k signing £20k"))).toEqual(["GBP", "USD"]);
    expect(offerCurrencies(parseOffer("bonus €15k total 200k"))).toEqual(["EUR"]);
    expect(offerCurrencies(parseOffer("base 150k"))).toEqual([]);
  });

  it("hasFigures is true when any part was read", () => {
    expect(hasFigures(parseOffer("base 150k"))).toBe(true);
    expect(hasFigures(parseOffer("stock 120k"))).toBe(true);
    expect(hasFigures(parseOffer("bonus 15k"))).toBe(true);
    expect(hasFigures(parseOffer("bonus 0%"))).toBe(true);
    expect(hasFigures(parseOffer("signing 20k"))).toBe(true);
    expect(hasFigures(parseOffer("total 200k"))).toBe(true);
    expect(hasFigures(parseOffer("base banana"))).toBe(false);
  });

  it("looksLikeOffer wants the word offer (offered, offering) and a digit", () => {
    expect(looksLikeOffer("I was offered 150k")).toBe(true);
    expect(looksLikeOffer("my offer is 150k")).toBe(true);
    expect(looksLikeOffer("they are offering 150k")).toBe(true);
    expect(looksLikeOffer("my offer")).toBe(false);
    expect(looksLikeOffer("base 150k")).toBe(false);
    expect(looksLikeOffer("offers 150k")).toBe(false);
  });
});

describe("a period word that is also part of a component's name", () => {
  it("reads '15k yearly bonus' as a bonus of 15k, never drops it", () => {
    expect(parseOffer("15k yearly bonus")).toMatchObject({
      bonusAmount: { amount: 15000, text: "15k" },
      unreadable: [],
    });
    expect(parseOffer("base 150k, 15k yearly bonus")).toMatchObject({
      base: { amount: 150000 },
      bonusAmount: { amount: 15000 },
      unreadable: [],
    });
    expect(parseOffer("offer 15k yearly bonus segment").rest).toBe("offer segment");
    // After the name, the period is the figure's.
    expect(parseOffer("bonus 15k yearly").bonusAmount).toMatchObject({ amount: 15000, period: "year" });
  });

  it("reads 'annual' the same way: '15k annual bonus' is a bonus; 'stock 50k annual' a year's vesting", () => {
    expect(parseOffer("base 150k, 15k annual bonus")).toMatchObject({
      base: { amount: 150000, period: null },
      bonusAmount: { amount: 15000, text: "15k" },
      unreadable: [],
    });
    // 50,000 a year × 4 years.
    expect(parseOffer("stock 50k annual").stock).toMatchObject({ amount: 200000, period: "year" });
    expect(parseOffer("base 150k annual").base).toMatchObject({ amount: 150000, period: "year" });
  });
});
