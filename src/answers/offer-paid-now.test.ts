/**
 * Pay now told beside an offer, over the real seed guide through the real core. The San Francisco band
 * (guides/segment/ml-ai-engineer.md): base $188K–$228K, stock $145K–$270K over 4 years, bonus 10%.
 * Every expected figure is worked out by hand beside it.
 */
import { describe, expect, it } from "vitest";
import { renderText } from "../render/text.ts";
import { seedBot, target } from "./seed-bot.test-helpers.ts";

const { offer } = seedBot();

describe("pay now beside an offer", () => {
  it("a total told as pay now is not placed as the offer's total", () => {
    const a = offer("segment sf offer: 200k base, 50k stock. my current comp is 250k total");
    expect(a.paidNow).toBe(false);
    expect(a.lines.map((l) => [l.component, l.offered])).toEqual([
      ["base", 200000],
      ["stock", 50000],
    ]);
    expect(a.notes).toContain(
      "Your total now is $250K a year (as you stated it); the offer's total is not known, so they are not compared.",
    );
  });

  it("an offer below pay now: the counter-offer asks for at least the pay, and says why", () => {
    const a = offer("segment sf: they offered 200k base. I make 230k base now");
    expect(a.unreadable).toEqual([]);
    expect(a.lines[0]).toMatchObject({ component: "base", offered: 200000 });
    // The guide's mark: 75th percentile of $188K–$228K = $218K (base is the weakest figure); pay now is more.
    expect(target(a, "base")).toMatchObject({ amount: 230000 });
    expect(target(a, "base")?.how).toBe(
      "what you are paid now ($230K), never less; the guide's mark is $218K, the 75th percentile of the band's base range",
    );
    // $30K of $230K = 13.04%.
    expect(a.notes?.[0]).toBe(
      "Your base now is $230K: the offer's $200K is $30K (13%) less, so the counter-offer asks for at least what you are paid now.",
    );
    expect(a.script).toContain("$230K base");
    const text = renderText(a);
    expect(text).toContain("Your base now is $230K");
    expect(text).not.toMatch(/more than once/);
  });

  it("told before the offer in one sentence; the guide's mark still wins when it is higher", () => {
    const a = offer("I make 180k base but segment offered me 170k base in sf");
    expect(a.band.region).toBe("San Francisco");
    expect(a.lines[0]).toMatchObject({ component: "base", offered: 170000 });
    expect(target(a, "base")?.amount).toBe(218000);
    expect(a.notes?.[0]).toBe(
      "Your base now is $180K: the offer's $170K is $10K (5.6%) less, so the counter-offer asks for at least what you are paid now.",
    );
  });

  it("each part and the totals, built the same way, side by side; a bonus now above the band's is kept", () => {
    const a = offer(
      "segment sf offer 200k base, 200k stock, 10% bonus. I currently make 190k base, 100k stock, 12% bonus",
    );
    expect(a.notes?.slice(0, 4)).toEqual([
      "Your base now is $190K: the offer's $200K is $10K (5.3%) more.",
      "Your stock now is $100K (a grant on the 4-year basis): the offer's $200K is $100K (100%) more.",
      "Your bonus now is 12%: the offer's 10% is 2 percentage points less, so the counter-offer asks for at least what you are paid now.",
      // Now: $190K + $100K ÷ 4 + 12% × $190K = $237.8K; offered: $200K + $50K + $20K = $270K; $32.2K is 13.5%.
      "Your total now is $237.8K a year (base + stock a year + bonus): the offer's $270K is $32.2K (13.5%) more.",
    ]);
    expect(target(a, "bonus")).toMatchObject({
      amount: 12,
      how: "what you are paid now (12%), never less; the band's top is 10%",
    });
    // The offer's own figures decide whether it already beats the guide, not pay now.
    expect(a.alreadyBeats).toBeNull();
  });

  it("pay now above the guide's marks does not make the offer one that already beats the guide", () => {
    const a = offer(
      "segment sf offer 200k base 150k stock 10% bonus. I currently make 240k base, 300k stock, 10% bonus",
    );
    expect([target(a, "base")?.amount, target(a, "stock")?.amount]).toEqual([240000, 300000]);
    expect(a.alreadyBeats).toBeNull();
  });

  it("two totals built differently are not compared", () => {
    const a = offer("segment sf offer 200k base, 200k stock, 10% bonus. my current total is 260k");
    expect(a.notes?.[0]).toBe(
      "Your total now is $260K a year (as you stated it); the offer's total ($270K) is built from its parts, so the two are built differently and not compared. Give both the same way to compare them.",
    );
  });

  it("stock now above the guide's walk-away line raises the line to it", () => {
    const a = offer("segment sf offer 200k base 150k stock. I'm currently on 300k stock");
    // The guide's stock mark: 75th percentile of $145K–$270K = $238.75K -> $239K; pay now is more.
    expect(target(a, "stock")?.amount).toBe(300000);
    expect(a.acceptThreshold).toMatchObject({
      amount: 300000,
      met: true,
      text: "$300K in stock, what you are paid now",
    });
    expect(a.acceptThreshold?.how).toContain("the $300K you are paid now already clears it");
  });

  it("pay now in another currency is not compared and moves nothing", () => {
    const a = offer("segment sf offer 200k base. I make £230k base now");
    expect(target(a, "base")?.amount).toBe(218000);
    expect(a.notes?.[0]).toBe(
      "You gave your pay now in GBP; the San Francisco band and the offer are read in USD, so I haven't compared them (I use no exchange rates). The counter-offer below does not take it into account.",
    );
  });

  it("pay now in other words: 'Current:', 'my current', 'I'm at'; a bonus amount is said as what it is of", () => {
    const a = offer("segment london offer 150k base. Current: 140k base, 15k bonus");
    // £15K ÷ £140K = 10.71% -> 10.7%; the band's top is 10%, so the counter-offer keeps 10.7%.
    expect(a.notes?.slice(0, 2)).toEqual([
      "Your base now is £140K: the offer's £150K is £10K (7.1%) more.",
      "Your bonus now is 10.7% (£15K of £140K base); the offer gives no bonus, so the counter-offer asks for at least 10.7%.",
    ]);
    expect(target(a, "bonus")?.amount).toBe(10.7);
    for (const q of [
      "segment london offered 150k base, which beats my current 140k base",
      "segment london offer 150k base; I'm at 140k base",
    ]) {
      const b = offer(q);
      expect([b.lines[0]?.offered, b.notes?.[0]]).toEqual([
        150000,
        "Your base now is £140K: the offer's £150K is £10K (7.1%) more.",
      ]);
    }
  });

  it("a figure of pay now with no part named is asked about as pay, not as part of the offer", () => {
    const a = offer(
      "segment offered me 185k base and 120k rsus in sf, I currently earn 175k at my job. good?",
    );
    expect(a.lines.map((l) => l.offered)).toEqual([185000, 120000]);
    expect(a.unreadable).toEqual([
      expect.objectContaining({
        text: "175k",
        hint: "Which part of your pay now is it? Write its name next to it, e.g. base 175k or stock 175k.",
      }),
    ]);
  });

  it("a wish and pay now beside one offer are each read apart", () => {
    const a = offer(
      "segment london offer 150k base, should I ask for 170k base? I'm on 160k base at the moment",
    );
    expect(a.lines[0]).toMatchObject({ component: "base", offered: 150000 });
    expect((a.notes ?? []).some((n) => n.startsWith("You'd ask for £170K base"))).toBe(true);
    expect(a.notes).toContain(
      "Your base now is £160K: the offer's £150K is £10K (6.3%) less, so the counter-offer asks for at least what you are paid now.",
    );
  });

  it("an offer above pay now and above the guide's mark keeps the offer's figure; the same figure is the same", () => {
    // The mark: 75th percentile of $188K–$228K = $218K; the offer's $220K is more, pay now less.
    const above = offer("segment sf offer 220k base. I make 180k base now");
    expect(target(above, "base")).toMatchObject({ amount: 220000 });
    expect(target(above, "base")?.how).toMatch(/^what is on the table \(\$220K\), never less/);
    const same = offer("segment sf offer 230k base. I make 230k base now");
    expect(target(same, "base")?.how).toMatch(/^what is on the table \(\$230K\), never less/);
    expect(same.notes?.[0]).toBe("Your base now is $230K: the offer's $230K is the same.");
    // Pay now written in the band's own currency is compared.
    const marked = offer("segment sf: they offered 200k base. I make $230k base now");
    expect(marked.notes?.[0]).toMatch(/^Your base now is \$230K: the offer's \$200K is \$30K \(13%\) less/);
  });

  it("a total now needs every part: base and stock with no bonus give none", () => {
    const a = offer(
      "segment sf offer 200k base 200k stock 10% bonus. I currently make 190k base, 100k stock",
    );
    expect(a.notes?.some((n) => n.startsWith("Your total now"))).toBe(false);
    for (const q of [
      "segment sf offer 200k base 200k stock 10% bonus. I currently make 100k stock and a 15k bonus",
      "segment sf offer 200k base 200k stock 10% bonus. I currently make 190k base and a 15k bonus",
    ])
      expect(offer(q).notes?.some((n) => n.startsWith("Your total now"))).toBe(false);
  });

  it("totals as stated on both sides are compared: less, and the same", () => {
    const less = offer("segment sf offer: total 250k. my current total is 260k");
    // $10K of $260K = 3.85%.
    expect(less.notes?.[0]).toBe(
      "Your total now is $260K a year (as you stated it): the offer's $250K is $10K (3.8%) less.",
    );
    const same = offer("segment sf offer: total 260k. my current total is 260k");
    expect(same.notes?.[0]).toBe(
      "Your total now is $260K a year (as you stated it): the offer's total is the same.",
    );
    const stated = offer("segment sf offer: total 300k. I currently make 190k base, 100k stock, 12% bonus");
    expect(stated.notes).toContain(
      "Your total now is $237.8K a year (base + stock a year + bonus); the offer's total ($300K) is as you stated it, so the two are built differently and not compared. Give both the same way to compare them.",
    );
  });

  it("pay now far from the band is asked about, not compared and not a floor", () => {
    // $15K is under a fifth of $188K, the bottom of the San Francisco base.
    const a = offer("segment sf offered 200k base. I make 15k base now");
    expect(a.notes?.[0]).toBe(
      "I haven't compared your pay now base 15k: it is far outside the San Francisco band (under a fifth of its bottom or over five times its top). Is that right? Check the figure.",
    );
    expect(a.notes?.some((n) => n.startsWith("Your base now"))).toBe(false);
    // $2M a year is over five times $228K: it does not lift the counter-offer.
    const high = offer("segment sf offered 200k base. I make 2m base now");
    expect(target(high, "base")?.amount).toBe(218000);
  });

  it("pay now in two other currencies names both", () => {
    const a = offer("segment sf offer 200k base. I make £150k base and €20k bonus now");
    expect(a.notes?.[0]).toMatch(/^You gave your pay now in GBP\/EUR;/);
  });

  it("figures not called an offer beside pay now told apart: checked as an offer, and said so", () => {
    const a = offer("segment sf: 200k base, 50k stock. my current comp is 250k total");
    expect([a.paidNow, a.lines.map((l) => l.offered)]).toEqual([false, [200000, 50000]]);
    expect(a.notes?.[0]).toBe(
      "You didn't say whether these figures are an offer; only the ones told as your pay now were clear. They are checked as an offer here: if they are your pay now too, send them with the word currently.",
    );
    // All of it pay now: a pay check, as before.
    expect(offer("segment sf: I make 150k base and a 10% bonus").paidNow).toBe(true);
  });
});

describe("a figure wished for beside pay now", () => {
  it("without an offer: a pay check, the wish placed and never below the pay", () => {
    const a = offer("segment sf: I make 150k base now, should I ask for 170k base?");
    expect([a.paidNow, a.unreadable, a.lines.map((l) => l.offered)]).toEqual([true, [], [150000]]);
    // The mark: 75th percentile of $188K–$228K = $218K ($150K is below the band, the weakest figure).
    expect(a.notes?.[0]).toBe(
      "You'd ask for $170K base: below the San Francisco band's base ($188K–$228K); what to ask for, below, says $218K.",
    );
    // Words between "ask" and "for".
    const words = offer("I make 150k base now, should I ask segment sf for 170k base?");
    expect([words.paidNow, words.unreadable, words.notes?.[0]]).toEqual([true, [], a.notes?.[0]]);
    const less = offer("segment sf: I make 200k base now, should I ask for 190k base?");
    expect(less.notes?.[0]).toBe(
      "You'd ask for $190K base, less than the $200K you are paid now: never ask for less than that.",
    );
  });

  it("beside an offer and pay now: never below the pay either", () => {
    const a = offer("segment sf offered 180k base, should I ask for 190k base? I make 200k base now");
    expect(a.notes?.[0]).toBe(
      "You'd ask for $190K base, less than the $200K you are paid now: never ask for less than that.",
    );
  });

  it("a region's 'Check pay' button asks again as pay, with the currency written and the wish", () => {
    const a = offer("segment sf: I make 150k base now, should I ask for 170k base?");
    const ny = a.followUps.find((f) => f.label === "Check pay · New York")!;
    expect(ny.command).toBe(
      "segment ml-ai-engineer new-york currently base USD 150000; should I ask for base USD 170000",
    );
    const again = offer(ny.command);
    expect([again.paidNow, again.band.region, again.lines.map((l) => l.offered)]).toEqual([
      true,
      "New York",
      [150000],
    ]);
    expect(again.notes?.[0]).toMatch(/^You'd ask for \$170K base: below the New York band's base/);
  });
});
