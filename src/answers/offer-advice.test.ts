/**
 * Issue 10's "what must hold" for the offer check, over the real seed guide through the real core.
 * Every expected figure is a literal worked out by hand from guides/segment/ml-ai-engineer.md (shown beside it).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type CompBotApi, loadCompBot } from "../bot.ts";
import { renderBlocks } from "../render/blocks.ts";
import { renderText } from "../render/text.ts";
import type { Answer, OfferAnswer, ScriptAnswer } from "./types.ts";

let bot: CompBotApi;
beforeAll(async () => {
  ({ bot } = await loadCompBot("guides", { today: () => "2026-11-29" }));
});

function offer(text: string): OfferAnswer {
  const answer: Answer = bot.ask(text, { surface: "dm" }).answer;
  expect(answer.kind).toBe("offer");
  return answer as OfferAnswer;
}
const target = (a: OfferAnswer, c: string) => a.targets.find((t) => t.component === c)?.amount;

describe("1. never argue against the user", () => {
  it("NYC base 230k stock 300k bonus 15%: the counter keeps every offered figure, the line is what is on the table", () => {
    const a = offer("offer segment ml-ai-engineer nyc base 230k stock 300k bonus 15%");
    expect(target(a, "base")).toBe(230000); // the guide's mark is $212K (75th pct of $182K–$222K)
    expect(target(a, "stock")).toBe(300000); // the guide's mark is $198K (middle of $138K–$258K)
    expect(target(a, "bonus")).toBe(15); // the band's top is 10%
    expect(a.acceptThreshold).toMatchObject({ amount: 300000, met: true });
    expect(a.acceptThreshold?.text).toBe("$300K in stock, what is on the table");
    expect(a.script).toContain("I'd like $300K in Twilio RSUs over 4 years with a $230K base, 15% bonus");
    // Already past the guide's marks: say so and what is still worth asking for, with the guide's reason.
    // Signing: the script's $55K × (NY midpoint $297K ÷ SF midpoint $308.5K) = $52,950 -> $53K.
    expect(a.alreadyBeats?.stillWorth).toEqual([
      expect.objectContaining({ label: "Signing bonus", amount: 53000 }),
    ]);
    expect(a.alreadyBeats?.stillWorth[0]?.reason).toMatch(
      /^Signing Bonus for AI Talent: "The AI talent market/,
    );
    // The guide's words as written (its $45K-$65K is the San Francisco band's), then the figures for New York
    // and how they were made: × 0.96 = $297K ÷ $308.5K; $45K × 0.96 = $43.3K -> $43K, $65K -> $62.6K -> $63K.
    const reason = a.alreadyBeats?.stillWorth[0]?.reason ?? "";
    expect(reason).toContain('I expect $45K-$65K to offset the guaranteed comp gap with pure AI companies."');
    expect(reason).toContain(
      "For New York: $45K-$65K → $43K–$63K (× 0.96, the New York band's total-comp midpoint",
    );
  });

  it("London base 170k stock 200k bonus 12%, SF base 300k stock 500k: never below what is offered", () => {
    const ldn = offer("offer segment ml-ai-engineer london base 170k stock 200k bonus 12%");
    expect([target(ldn, "base"), target(ldn, "stock"), target(ldn, "bonus")]).toEqual([170000, 200000, 12]);
    expect(ldn.acceptThreshold).toMatchObject({ amount: 200000, met: true });
    const sf = offer("offer segment ml-ai-engineer sf base 300k stock 500k");
    expect([target(sf, "base"), target(sf, "stock")]).toEqual([300000, 500000]);
    expect(sf.acceptThreshold).toMatchObject({ amount: 500000, met: true });
  });

  it("a range is placed at its low end and the counter asks at least its top", () => {
    const a = offer("offer segment ml-ai-engineer london base 150-170k stock 120k bonus 10%");
    expect(a.lines[0]).toMatchObject({ component: "base", offered: 150000 });
    expect(target(a, "base")).toBe(170000);
    expect(a.notes?.join("\n")).toContain(
      "Base 150-170k is a range (£150K–£170K): placed at its low end, £150K",
    );
  });
});

describe("2. like with like", () => {
  it("the bottom of every London component is at 0% and the top at 100% of the band total built the same way", () => {
    const bottom = offer("offer segment ml-ai-engineer london base 132k stock 102k bonus 10%");
    // £132K + £102K ÷ 4 + 10% × £132K = £170.7K; £165K + £188K ÷ 4 + 10% × £165K = £228.5K
    expect(bottom.totals).toEqual({
      components: { low: 170700, high: 228500 },
      stated: { low: 182000, high: 248000 },
      comparedWith: "components",
    });
    expect(bottom.lines.at(-1)).toMatchObject({ component: "total", offered: 170700, position: { pct: 0 } });
    const top = offer("offer segment ml-ai-engineer london base 165k stock 188k bonus 10%");
    expect(top.lines.at(-1)).toMatchObject({ component: "total", offered: 228500, position: { pct: 100 } });
    expect(top.notes?.join("\n")).toContain("The guide states £182K–£248K for total comp");
  });

  it("a stated total alone is placed in the guide's stated total band, saying so", () => {
    const a = offer("offer segment ml-ai-engineer london total 200k");
    expect(a.totals?.comparedWith).toBe("stated");
    expect(a.lines).toEqual([expect.objectContaining({ component: "total", offered: 200000, low: 182000 })]);
  });
});

describe("3. partial offers", () => {
  it("base alone: placed in the base band, no total, the missing parts named, in the text too", () => {
    const a = offer("offer segment ml-ai-engineer london base 150k");
    expect(a.lines.map((l) => l.component)).toEqual(["base"]);
    expect(a.annual).toBeNull();
    expect(a.missing).toEqual(["stock", "bonus"]);
    expect(renderBlocks(a).text).toBe(
      "Offer check for ML/AI Engineer at Segment, London: base £150K, 55% of the way through the band; no total placed (stock and bonus not given)",
    );
  });

  it("stock alone: the notification text places no total", () => {
    const text = renderBlocks(offer("offer segment ml-ai-engineer london stock 120k")).text;
    expect(text).toBe(
      "Offer check for ML/AI Engineer at Segment, London: stock (grant over 4 yrs) £120K, 21% of the way through the band; no total placed (base and bonus not given)",
    );
    expect(text).not.toMatch(/total £/);
  });
});

describe("4. the script speaks only with the user's facts", () => {
  it("the offer's script: London figures in £, the competing-offer claim a placeholder", () => {
    const a = offer("offer segment ml-ai-engineer london base 150k stock 120k bonus 10%");
    expect(a.script).not.toContain("$");
    expect(a.script).not.toContain("I have Google ML and Anthropic offers");
    expect(a.script).toContain(
      '[Only if you have one: "I have an offer from ‹company› at ‹its total, in GBP›."',
    );
    expect(a.guideDisagrees).toContain(
      "The guide disagrees with itself on the London bonus: its band data says 10%, its own table says 10–15%. The band data is used here.",
    );
  });

  it("/comp script segment ml-ai-engineer london: converted to £ the way the offer check converts, saying so", () => {
    const a = bot.ask("script segment ml-ai-engineer london", { surface: "dm" }).answer as ScriptAnswer;
    expect(a.kind).toBe("script");
    // × 215,000 / 308,500: $260K -> £181K, $225K -> £157K, $55K -> £38K; 13% stays; $242K -> £169K.
    expect(a.script?.text).toBe(
      `I'd like £181K in Twilio RSUs over 4 years with a £157K base, 13% bonus, and £38K signing bonus. I'm building Segment's AI customer intelligence engine — the core product differentiator for CDP market leadership. [Only if you have one: "I have an offer from ‹company› at ‹its total, in GBP›." Otherwise leave this out.] Segment's RSU package must make this bet compelling.`,
    );
    expect(a.script?.acceptThreshold?.text).toBe("£169K RSUs");
    const notes = a.scriptNotes?.join("\n") ?? "";
    expect(notes).toContain(
      "× 0.70, the London band's total-comp midpoint (£215K) ÷ the San Francisco band's ($308.5K)",
    );
    expect(notes).toContain("The script asks for a 13% bonus; the guide's band data for London says 10%.");
  });

  it("the levers too: London figures in £ (× 0.70), the competing-offer claim a placeholder", () => {
    const a = bot.ask("script segment ml-ai-engineer london", { surface: "dm" }).answer as ScriptAnswer;
    const quotes = a.levers.map((l) => l.quote).join("\n");
    expect(quotes).not.toContain("$");
    expect(quotes).not.toContain("I have ML offers from Google and Anthropic");
    // $45K × 0.697 = 31.4K -> £31K; $65K × 0.697 = 45.3K -> £45K
    expect(a.levers[3]?.quote).toBe(
      "The AI talent market demands signing bonuses for competitive transitions. I expect £31K–£45K to offset the guaranteed comp gap with pure AI companies.",
    );
    expect(a.levers[1]?.quote).toMatch(
      /^\[Only if you have one: .*\] Segment's Twilio RSUs provide liquidity/,
    );
  });

  it("without a region: as written, for the band it was written for, and still no claim in the user's mouth", () => {
    const a = bot.ask("script segment ml-ai-engineer", { surface: "dm" }).answer as ScriptAnswer;
    expect(a.script?.text).toContain("I'd like $260K in Twilio RSUs over 4 years with a $225K base");
    expect(a.script?.text).not.toContain("$410K");
    expect(a.scriptNotes?.[0]).toMatch(/^Figures as the guide wrote them, for San Francisco \(USD\)/);
  });
});

describe("5. sanity", () => {
  it("figures far from the band, over a billion, or a bonus over 100% are asked about, not placed", () => {
    const a = offer("offer segment ml-ai-engineer london base 999999999k stock 120k bonus 500%");
    expect(a.offer.base).toBeNull();
    expect(a.offer.bonusPct).toBeNull();
    expect(a.unreadable.map((u) => [u.text, u.kind])).toEqual([
      ["base 999999999k", "implausible"],
      ["bonus 500%", "implausible"],
    ]);
    expect(a.lines.map((l) => l.component)).toEqual(["stock"]);
    expect(a.script).not.toContain("500%");
    // 0.2 × £132K = £26.4K; 5 × £165K = £825K
    for (const base of ["20k", "900k"]) {
      const b = offer(`offer segment ml-ai-engineer london base ${base} stock 120k`);
      expect(b.unreadable).toEqual([expect.objectContaining({ text: `base ${base}`, kind: "implausible" })]);
      expect(b.lines.map((l) => l.component)).toEqual(["stock"]);
    }
  });

  it("a 3-year grant is compared on the band's 4-year basis, and the answer says so", () => {
    const a = offer("offer segment ml-ai-engineer london stock 120k vest 3y");
    // £120K ÷ 3 × 4 = £160K
    expect(a.lines[0]).toMatchObject({ component: "stock", offered: 160000 });
    expect(a.notes?.join("\n")).toContain("which is £160K on the band's 4-year basis (£120K ÷ 3 × 4)");
    // A share a year for three years is the same grant.
    const shares = offer("offer segment ml-ai-engineer london stock 120k vesting 33/33/34");
    expect(shares.lines[0]).toMatchObject({ component: "stock", offered: 160000 });
  });

  it("stock called options: placed as stock, with what that assumes and what to ask", () => {
    const a = offer("segment sf offer: base 210k, options 50k");
    expect(a.lines.find((l) => l.component === "stock")).toMatchObject({ offered: 50000 });
    expect(a.notes).toContain(
      "You called the stock options. An option is worth only the share price less its strike price, so a figure of options is not one of shares: $50K is placed here as stock worth $50K, which holds only if that is what the options are worth after their strike price. Ask the company for that figure.",
    );
    for (const text of [
      "segment sf offer: base 210k, rsu 50k",
      "segment sf offer: base 210k, stock grant 50k",
    ])
      expect(offer(text).notes?.join(" ")).not.toContain("options");
  });

  it("an uneven schedule: compared by its yearly average, and what year one brings is said", () => {
    // $400K ÷ 4 = $100K a year; year one 5% = $20K.
    const back = offer("segment sf offer 200k base 400k rsu, vesting schedule 5/15/40/40, 10% bonus");
    expect(back.lines.find((l) => l.component === "stock")).toMatchObject({ offered: 400000 });
    expect(back.notes).toContain(
      "Your $400K grant vests unevenly (5/15/40/40% over 4 years): it is compared by its average, $100K a year; year one brings 5%, $20K, less than that average.",
    );
    // 40% of $400K = $160K: more than the average, so nothing more is said.
    const front = offer("segment sf offer 200k base 400k rsu, 40/30/20/10 vesting");
    expect(front.notes).toContain(
      "Your $400K grant vests unevenly (40/30/20/10% over 4 years): it is compared by its average, $100K a year; year one brings 40%, $160K.",
    );
    // Year one at the average exactly (25 of 25/20/30/25): not "less than that average".
    expect(offer("segment sf offer 200k base 400k rsu, vesting 25/20/30/25").notes).toContain(
      "Your $400K grant vests unevenly (25/20/30/25% over 4 years): it is compared by its average, $100K a year; year one brings 25%, $100K.",
    );
    // An even one says nothing of the kind.
    expect(offer("segment sf offer 200k base 400k rsu vest 25/25/25/25").notes?.join(" ")).not.toContain(
      "unevenly",
    );
  });
});

describe("an offer with several regions named", () => {
  it("is checked against the first; the others are said, with why one in another currency is not checked", () => {
    const a = offer("segment ml engineer london vs nyc offer 150k base");
    expect(a.band.region).toBe("London");
    expect(a.notes?.[0]).toBe(
      "An offer is checked against one band at a time, here London. New York: its band is in USD and these figures are read in GBP; send them in USD to check them there (figures are never converted).",
    );
    const b = offer("segment nyc vs sf offer 200k base");
    expect(b.notes?.[0]).toBe(
      "An offer is checked against one band at a time, here New York. San Francisco: its button below checks the same figures there.",
    );
    expect(b.followUps.map((f) => f.label)).toContain("Check offer · San Francisco");
  });
});

describe("buttons say what they do, each region once", () => {
  it("a $ offer for London: one 'Check offer' button per USD region", () => {
    const a = offer("offer segment ml-ai-engineer london base $150k stock 120k");
    const blocks = renderBlocks(a);
    const labels = JSON.stringify(blocks.blocks).match(/Check offer · [A-Za-z ]+/g);
    expect(labels).toEqual(["Check offer · San Francisco", "Check offer · New York"]);
  });

  it("no region: asks which, with one 'Check offer' button a region", () => {
    const a = bot.ask("offer segment ml-ai-engineer base 150k", { surface: "dm" }).answer;
    expect(a.kind).toBe("region-not-found");
    const r = renderBlocks(a);
    expect(r.text).toBe(
      "Which region is the offer for? ML/AI Engineer at Segment has bands for San Francisco, New York, London: pick one to check the offer against.",
    );
    const buttons = JSON.stringify(r.blocks).match(/Check offer · [A-Za-z ]+/g);
    expect(buttons).toEqual([
      "Check offer · San Francisco",
      "Check offer · New York",
      "Check offer · London",
    ]);
    expect(JSON.stringify(r.blocks)).not.toContain("No *that region*");
  });
});

describe("figures someone wants to ask for are placed, never called an offer", () => {
  it("what to ask for in London, with each wanted figure placed in the band, in the Block Kit and the terminal", () => {
    const a = bot.ask("what should I say to segment to get 200k base and 160k stock in london", {
      surface: "dm",
    }).answer;
    expect(a.kind).toBe("script");
    if (a.kind !== "script") return;
    expect(a.purpose).toBe("targets");
    expect(a.band?.region).toBe("London");
    // London base £132K–£165K: £200K is above it. Stock £102K–£188K: (160 − 102) ÷ 86 = 67%.
    const said = [
      "You want £200K base: above the London band's base (£132K–£165K), so the guide's figures below do not back it.",
      "You want £160K stock grant on the band's 4-year basis: 67% of the way through the London band's stock grant (£102K–£188K).",
    ];
    const blocks = JSON.stringify(renderBlocks(a).blocks);
    for (const s of said) expect(blocks).toContain(s);
    const text = renderText(a).replace(/\n {4}/g, " ");
    for (const s of said) expect(text).toContain(s);
    expect(`${blocks}${text}`).not.toMatch(/Offered|Offer check|on the table/);
  });

  it("in another currency than the band: not placed, and saying so", () => {
    const a = bot.ask("can I ask for $200k base at segment london?", { surface: "dm" }).answer;
    expect(JSON.stringify(renderBlocks(a).blocks)).toContain(
      "You want figures in USD; the London band is in GBP, so I haven't placed them. Send them in GBP to see where they sit.",
    );
  });
});

describe("words read as nothing in an offer", () => {
  it("are said back, whether the guide was named whole or its company has one guide", () => {
    const note =
      "I did not use these words: “won”, “budge” (not a guide, region or part of an offer I know). If one names the role or place you mean, ask again with it.";
    const aside = offer("segment sf: offer is 200k base, they won't budge on base");
    expect([aside.band.region, aside.lines.map((l) => l.offered)]).toEqual(["San Francisco", [200000]]);
    expect(aside.notes).toContain(note);
    // Beside the notes the check had already (none is lost).
    const vest = offer("segment sf: offer is 200k base, 300k rsu vest 3y, they won't budge");
    expect(vest.notes?.[0]).toMatch(/^Your \$300K grant vests over 3 years/);
    expect(vest.notes).toContain(note);
    expect(offer("segment ml engineer sf offer 200k base, they won't budge").notes).toContain(note);
    expect(offer("segment ml engineer sf offer 200k base").notes?.join(" ")).not.toContain("did not use");
    // A script says them among its notes.
    const script = bot.ask("how do I negotiate with segment in london? they won't budge", { surface: "dm" })
      .answer as ScriptAnswer;
    expect([script.kind, script.band?.region]).toEqual(["script", "London"]);
    expect(script.scriptNotes?.[0]).toMatch(/^The guide's script is written for San Francisco/);
    expect(script.scriptNotes).toContain(
      "I did not use these words: “won”, “budge” (not a guide or region I know). If one names the role or place you mean, ask again with it.",
    );
  });
});

describe("what someone would ask for beside their offer", () => {
  it("is placed and set beside the counter-offer; an ask below the offer is said to be one", () => {
    // London base £132K–£165K: (160 − 132) ÷ 33 = 85%. Base is not the weakest figure (stock £100K is below its
    // band), so its mark is the middle, £148.5K → £149K, and the £150K on the table wins. Stock £102K–£188K:
    // (140 − 102) ÷ 86 = 44%; the counter asks the 75th percentile, 102 + 0.75 × 86 = 166.5 → £167K.
    const a = offer(
      "segment london offered me 150k base and 100k stock. can I counter with 160k base and 140k stock?",
    );
    expect(a.notes?.slice(0, 2)).toEqual([
      "You'd ask for £160K base: 85% of the way through the London band's base (£132K–£165K); the counter-offer below asks for £150K.",
      "You'd ask for £140K stock grant: 44% of the way through the London band's stock grant (£102K–£188K); the counter-offer below asks for £167K.",
    ]);
    expect(a.lines.map((l) => l.offered)).toEqual([150000, 100000]);
    const less = offer("segment london offered me 150k base, should I ask for 140k base");
    expect(less.notes?.[0]).toBe(
      "You'd ask for £140K base, less than the £150K on the table: never ask for less than you were offered.",
    );
    // A grant is compared on the band's 4-year basis: £140K over 4 years on the table, £120K asked.
    const stock = offer("segment london offered me 150k base and 140k stock, should I ask for 120k stock?");
    expect(stock.notes?.[0]).toBe(
      "You'd ask for £120K stock grant, less than the £140K on the table: never ask for less than you were offered.",
    );
    // A bonus is a percentage: the London band's is 10% (low and high alike), so 15% is above it.
    const bonus = offer("segment london offered me 150k base and 10% bonus, should I ask for 15% bonus?");
    expect(bonus.notes?.[0]).toBe(
      "You'd ask for 15% bonus: above the London band's bonus (10%), more than the guide backs; the counter-offer below asks for 10%.",
    );
    const above = offer("segment offered 150k base in london, should I ask for 170k base?");
    expect(above.notes?.[0]).toBe(
      "You'd ask for £170K base: above the London band's base (£132K–£165K), more than the guide backs; the counter-offer below asks for £157K.",
    );
  });

  it("as a share more than the offer: made from the offer's own figure, saying how; asked about when unclear", () => {
    // £150K × 1.1 = £165K, the top of £132K–£165K.
    const more = offer("segment london offered 150k base. is asking for 10% more reasonable?");
    expect([more.unreadable, more.lines.map((l) => l.offered)]).toEqual([[], [150000]]);
    expect(more.notes?.join(" ")).not.toContain("did not use");
    expect(more.notes).toContain(
      "You'd ask for £165K base (10% more than the £150K offered): 100% of the way through the London band's base (£132K–£165K); the counter-offer below asks for £157K.",
    );
    // Two parts in money and none named: which one? The 20% is never read as a bonus.
    const which = offer("segment london offered 150k base and 100k stock. I want 20% more");
    expect(which.unreadable).toEqual([
      { text: "20% more", suggestion: null, hint: "More of which part? Name it, e.g. 20% more base." },
    ]);
    expect(which.lines.map((l) => l.component)).toEqual(["base", "stock"]);
    // Pay now: more than what you are paid. £120K × 1.25 = £150K.
    // More than pay now, beside an offer: £140K × 1.2 = £168K; with no pay now told, asked.
    const than = offer("segment london offered 150k base. I make 140k base. I want 20% more than I make");
    expect(than.notes?.join("\n")).toContain(
      "You'd ask for £168K base (20% more than the £140K you are paid now)",
    );
    expect(
      offer("segment london offered 150k base, should I ask for 20% more than I make now?").unreadable[0]
        ?.hint,
    ).toBe("More than your pay now: say what it is too, e.g. I make 150k base, 20% more than that.");
    // More than something the check cannot see: not a bonus.
    expect(offer("segment london offered 150k base, 20% more than last year").unreadable[0]?.hint).toBe(
      'I read a share more as more than the offer, or than your pay now ("than I make"), e.g. 20% more base.',
    );
    const pay = offer("segment london: I make 120k base, should I ask for 25% more?");
    expect(pay.notes?.join("\n")).toContain(
      "You'd ask for £150K base (25% more than the £120K you are paid now)",
    );
  });
});

describe("pay told as what you are paid now is never called an offer", () => {
  const q = "I currently make 150k base and 40k stock, what should I ask segment ml engineer london for?";

  it("the Block Kit and the terminal say pay, not offer, in every heading and sentence", () => {
    const a = offer(q);
    expect(a.paidNow).toBe(true);
    // London base £132K–£165K: the £150K paid now is over the band's middle (£148.5K -> £149K), so it is kept.
    expect(a.targets.find((t) => t.component === "base")?.how).toBe(
      "what you are paid now (£150K), never less; the guide's mark is £149K, the middle of the band's base range",
    );
    const r = renderBlocks(a);
    const blocks = JSON.stringify(r.blocks);
    expect(r.text).toMatch(/^Pay check for ML\/AI Engineer at Segment, London: base £150K/);
    expect(blocks).toContain('"text":"Pay check · ML/AI Engineer · Segment · London"');
    expect(blocks).toContain("*Where your pay sits in the London band*");
    expect(blocks).toContain("*What to ask for*");
    expect(blocks).toContain("leave part of your pay out");
    const text = renderText(a);
    expect(text.split("\n")[0]).toBe("Pay check · ML/AI Engineer · Segment · London");
    expect(text).toMatch(/^ +Paid now +Band +Position$/m);
    expect(text).toMatch(/^What to ask for$/m);
    expect(text).toMatch(/^Accept an offer above £155K in stock$/m);
    // Only the note that says what was read, and how to check an offer instead, names an offer.
    const unsaid = (s: string) =>
      s
        .replace(/not an offer: it is placed in the band as an offer would be/, "")
        .replace(/To check an offer instead, send its figures with the word offer\./, "")
        .replace(/\[Only if you have one: \\*"I have an offer from[^\]]*\]/g, "")
        .replace(/Accept an offer above/g, "");
    for (const said of [blocks, text.replace(/\n {2}> /g, " ").replace(/\n +/g, " ")]) {
      expect(unsaid(said)).not.toMatch(/\boffer(?:ed)?\b|on the table|Counter-offer/i);
    }
  });

  it("without a guide named, which guide to place the pay in (not 'check your offer against')", () => {
    const a = bot.ask("I currently make 150k base", { surface: "dm" }).answer;
    expect(a.kind).toBe("choose");
    if (a.kind !== "choose") return;
    expect(a.question).toBe("Which guide should I place your pay in?");
    expect(a.options.map((o) => o.command)).toEqual(["segment ml-ai-engineer currently base 150000"]);
    expect(a.usage).toBe("<company> <role> <region> currently base 150k");
  });

  it("its buttons and its region question ask about pay again, not an offer", () => {
    const ask = bot.ask("I currently make 150k base at segment ml engineer", { surface: "dm" }).answer;
    expect(ask.kind).toBe("region-not-found");
    const r = renderBlocks(ask);
    expect(r.text).toBe(
      "Which region are you paid in? ML/AI Engineer at Segment has bands for San Francisco, New York, London: pick one to place your pay in.",
    );
    expect(JSON.stringify(r.blocks).match(/Check (?:pay|offer) · [A-Za-z ]+/g)).toEqual([
      "Check pay · San Francisco",
      "Check pay · New York",
      "Check pay · London",
    ]);
    // A button's words ask the same again: pay now, in the region picked.
    const london = (ask.kind === "region-not-found" ? ask.followUps.at(-1)?.command : "") ?? "";
    expect(london).toBe("segment ml-ai-engineer london currently base 150000");
    const again = offer(london);
    expect(again.paidNow).toBe(true);
    expect(again.band.region).toBe("London");
    expect(again.offer.base).toBe(150000);
    // The offer check's own "run again" words keep it pay too.
    expect(again.command).toBe("segment ml-ai-engineer london currently base 150000");
  });
});
