/**
 * The question parser (src/questions/parse.ts) over a small catalogue: Segment's seed guide, Acme (two roles,
 * a Berlin band, a mapping that names multi-word outside companies), Contoso Labs and Google (a guide company that
 * is also an outside level company). Expected readings are written from the questions, as literals.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { makeGuidesDir } from "../../tests/support/make-guide.ts";
import { loadGuides } from "../guides/load.ts";
import { SearchIndex } from "../search/index.ts";
import { cleanQuestion, parseQuestion, withinOneEdit } from "./parse.ts";
import type { ConversationContext } from "./types.ts";

let index: SearchIndex;

beforeAll(async () => {
  const dir = makeGuidesDir(
    [
      {
        company: "acme",
        companyDisplay: "Acme",
        role: "backend-engineer",
        roleDisplay: "Backend Engineer",
        bands: [{ region: "Berlin", currency: "EUR" }],
        levelRaw: "Acme Senior = Jane Street L3 = Contoso Labs Einstein",
      },
      { company: "acme", companyDisplay: "Acme", role: "product-manager", roleDisplay: "Product Manager" },
      { company: "acme", companyDisplay: "Acme", role: "data-engineer", roleDisplay: "Data Engineer" },
      { company: "contoso-labs", companyDisplay: "Contoso Labs", role: "sre", roleDisplay: "SRE" },
      {
        company: "google",
        companyDisplay: "Google",
        role: "data-scientist",
        roleDisplay: "Data Scientist",
        levelRaw: "Google L5 = Meta E5",
      },
    ],
    readFileSync("guides/segment/ml-ai-engineer.md", "utf8"),
  );
  const { guides } = await loadGuides(dir, { cache: false });
  index = new SearchIndex(guides);
});

/** The parts of a reading that decide the answer. */
function read(text: string, context: ConversationContext = {}) {
  const q = parseQuestion(text, index, context);
  return {
    intent: q.intent,
    company: q.company?.key ?? null,
    role: q.role?.key ?? null,
    region: q.region?.key ?? null,
    level: q.level ? `${q.level.company}|${q.level.level}` : null,
    unknown: q.unknown,
    fromContext: q.fromContext,
    offer: q.offer !== null,
  };
}

const reading = (over: Partial<ReturnType<typeof read>>) => ({
  intent: "band",
  company: null,
  role: null,
  region: null,
  level: null,
  unknown: [],
  fromContext: false,
  offer: false,
  ...over,
});

describe("cleanQuestion", () => {
  it("drops mentions, keeps a link's label or address, and a leading /comp", () => {
    expect(cleanQuestion("<@U123ABC> segment <#C1|general> <!here> london")).toBe("segment     london");
    expect(cleanQuestion("see <https://x.example/a|the guide> and <https://y.example>")).toBe(
      "see  the guide  and  https://y.example",
    );
    expect(cleanQuestion("  /COMP  segment")).toBe("segment");
    expect(cleanQuestion("segment /comp")).toBe("segment /comp");
    expect(cleanQuestion("/company x")).toBe("/company x");
  });

  it("drops Slack formatting typed around words, keeping the words", () => {
    expect(cleanQuestion("*base* `150k` ~old~")).toBe("base   150k   old");
    expect(cleanQuestion("_segment_ ml_ai")).toBe("segment  ml_ai");
  });

  it("drops a mention typed as text ('@compbot'), not an e-mail address", () => {
    expect(cleanQuestion("@compbot segment london")).toBe("segment london");
    expect(cleanQuestion("hey @comp-bot.dev, segment")).toBe("hey  , segment");
    expect(cleanQuestion("mail me@example.com")).toBe("mail me@example.com");
  });

  it("replaces control and invisible characters and repairs mojibake", () => {
    expect(cleanQuestion("seg\u0000ment\u200b ml\u202e")).toBe("seg ment  ml");
    expect(cleanQuestion("\u00c3\u00a9quipe")).toBe("\u00e9quipe");
  });

  it("reads only the first 1,000 characters", () => {
    expect(cleanQuestion("a".repeat(1200))).toHaveLength(1000);
    expect(cleanQuestion(`${" ".repeat(999)}segment`)).toBe("s");
    expect(cleanQuestion(`${" ".repeat(1500)}segment`)).toBe("");
  });
});

describe("withinOneEdit", () => {
  it("allows one substitution, insertion, deletion or swap of neighbours", () => {
    expect(withinOneEdit("script", "script")).toBe(true);
    expect(withinOneEdit("scrypt", "script")).toBe(true);
    expect(withinOneEdit("scripts", "script")).toBe(true);
    expect(withinOneEdit("scrip", "script")).toBe(true);
    expect(withinOneEdit("scirpt", "script")).toBe(true);
    expect(withinOneEdit("xcript", "script")).toBe(true);
    expect(withinOneEdit("scripx", "script")).toBe(true);
    expect(withinOneEdit("cript", "script")).toBe(true);
  });

  it("refuses two edits", () => {
    expect(withinOneEdit("scrxpx", "script")).toBe(false);
    expect(withinOneEdit("scriptss", "script")).toBe(false);
    expect(withinOneEdit("scri", "script")).toBe(false);
    expect(withinOneEdit("sicrpt", "script")).toBe(false);
    expect(withinOneEdit("csirpt", "script")).toBe(false);
    expect(withinOneEdit("scriptx", "scripy")).toBe(false);
    expect(withinOneEdit("xscript", "scripts")).toBe(false);
  });
});

describe("typo'd intent words", () => {
  it("reads a word one edit from an intent word of five letters or more", () => {
    expect(read("scirpt segment ml engineer")).toEqual(
      reading({ intent: "script", company: "segment", role: "ml-ai-engineer" }),
    );
    expect(read("levle segment ml engineer").intent).toBe("level");
  });

  it("leaves short words and words with digits alone", () => {
    expect(read("lsit")).toEqual(reading({ unknown: ["lsit"] }));
    expect(read("scr1pt segment").intent).toBe("company");
  });
});

/** An offer check of Segment's ML/AI Engineer band in London. */
const OFFER_FOR_LONDON = reading({
  intent: "offer",
  company: "segment",
  role: "ml-ai-engineer",
  region: "london",
  offer: true,
});

describe("figures in a question", () => {
  it("reads an offer when a part's name is followed by a figure, even without the word offer", () => {
    expect(read("base 150k segment ml engineer")).toEqual(
      reading({ intent: "offer", company: "segment", role: "ml-ai-engineer", offer: true }),
    );
    expect(read("stock 12O segment")).toEqual(reading({ intent: "offer", company: "segment", offer: true }));
    expect(read("offer")).toEqual(reading({ intent: "offer", offer: true }));
  });

  it("keeps help and list asked alongside an offer's words", () => {
    expect(read("offer help")).toEqual(reading({ intent: "help", offer: true }));
    expect(read("help base 150k")).toEqual(reading({ intent: "help", offer: true }));
    expect(read("list offer")).toEqual(reading({ intent: "list", offer: true }));
    // A greeting is not a request for help: the offer is checked.
    expect(read("hi offer")).toEqual(reading({ intent: "offer", offer: true }));
  });

  it("reads an offer when an amount of money is followed by a part's name, whatever the verb", () => {
    const told = OFFER_FOR_LONDON;
    expect(read("segment ml-ai-engineer london they gave me 150k base")).toEqual(told);
    expect(read("segment ml-ai-engineer london: £150k base and £100k stock")).toEqual(told);
    const q = parseQuestion(
      "they gave me $180,000 base, 25k signing for segment ml-ai-engineer london",
      index,
    );
    expect([q.offer?.base?.amount, q.offer?.signing?.amount]).toEqual([180000, 25000]);
  });

  it("marks figures told as the pay someone has now, unless the word offer is there too", () => {
    const current = (text: string) => parseQuestion(text, index).offer?.current === true;
    expect(current("I currently make 150k base, what should I ask segment ml engineer london for?")).toBe(
      true,
    );
    expect(current("segment ml engineer london, I'm on £140k base")).toBe(true);
    expect(current("my base is 140k at segment london")).toBe(true);
    expect(current("my current total is 180k, what should i ask segment ml engineer london for")).toBe(true);
    expect(current("segment ml engineer london they gave me 150k base")).toBe(false);
    expect(current("I was offered 150k base at segment london, I currently make 130k base")).toBe(false);
    expect(read("I currently make 150k base at segment ml engineer london").intent).toBe("offer");
    // Without a guide named: which guide? (not "I don't have a guide for make").
    expect(read("I currently make 150k base")).toEqual(reading({ intent: "offer", offer: true }));
  });

  it("reads a total told in a sentence as an offer to check, a question of what to do included", () => {
    const told = OFFER_FOR_LONDON;
    for (const text of [
      "is £200k total good for segment ml engineer in london?",
      "segment ml engineer london total comp 210k, should i negotiate?",
      "segment ml engineer london tc 230k",
    ]) {
      expect(read(text), text).toEqual(told);
    }
    expect(parseQuestion("segment ml engineer london total comp 210k", index).offer?.total?.amount).toBe(
      210000,
    );
    // Total comp asked about, with no figure: the band.
    expect(read("segment ml engineer london total comp").intent).toBe("band");
    expect(read("what is the total comp for segment ml engineer in london").intent).toBe("band");
  });

  it("is not an offer without the word offer or a part's name next to an amount", () => {
    expect(read("I got 150k at segment")).toEqual(
      reading({ intent: "company", company: "segment", unknown: ["150k"] }),
    );
    expect(read("base banana segment")).toEqual(
      reading({ intent: "company", company: "segment", unknown: ["banana"] }),
    );
    // A number without a currency or k/m before a part's name is not an amount.
    for (const text of ["segment l4 base", "segment 2025 bonus", "top 10 base segment"]) {
      expect(read(text).intent, text).not.toBe("offer");
    }
  });

  it("reads an offer told in a sentence with the verb (offered, offering), which names nothing", () => {
    // Segment's one role is filled in by the answer, not the parser.
    const told = reading({ intent: "offer", company: "segment", region: "london", offer: true });
    expect(read("I was offered 120k base at segment in london, what should I ask for?")).toEqual(told);
    expect(read("segment is offering me 120k base in london")).toEqual(told);
    expect(parseQuestion("segment offered me 120k base in london", index).offer?.base?.amount).toBe(120000);
  });

  it("a vesting written after a slash is taken out with the figures ('RSU/4y')", () => {
    expect(read("Segment NYC ML offer: $200k base, $250k RSU/4y, 15% bonus, $30k sign-on")).toEqual(
      reading({
        intent: "offer",
        company: "segment",
        role: "ml-ai-engineer",
        region: "new-york",
        offer: true,
      }),
    );
  });

  it("the verbs of a negotiation told beside an offer change nothing ('should I accept…', 'below my ask')", () => {
    const london = reading({ intent: "offer", company: "segment", region: "london", offer: true });
    expect(read("should I accept 150k base at Segment London?")).toEqual(london);
    expect(read("Segment wants to pay me 160k base in London, below my ask")).toEqual(london);
  });

  it("words that ask for a judgement of an offer change nothing ('what if…', 'is it fair', 'compare')", () => {
    // Each named the company but not the role, so an unknown word was taken for a role: "I don't have a guide
    // for Segment if".
    const london = reading({ intent: "offer", company: "segment", region: "london", offer: true });
    expect(read("what if segment offers 150k base in london")).toEqual(london);
    expect(read("what's a good counter if segment offered me 160k base in london")).toEqual(london);
    expect(read("compare my offer 160k base to segment london band")).toEqual(london);
    expect(read("is segment's offer of 150k base in london fair?")).toEqual(london);
    expect(read("segment offered 150k base in london, is that a lowball or competitive? thoughts?")).toEqual(
      london,
    );
    expect(read("segment offered 150k base in london, how should I respond, is it reasonable")).toEqual(
      london,
    );
    // A role we have no guide for is still named back.
    expect(read("segment wizard london fair?").unknown).toEqual(["wizard"]);
  });

  it("a currency asked for ('in dollars') is kept, not taken for a name; on an offer it is the figures'", () => {
    const q = parseQuestion("segment ml engineer london in dollars", index);
    expect(q.currency).toBe("USD");
    expect(q.unknown).toEqual([]);
    expect(q.region?.key).toBe("london");
    expect(parseQuestion("segment ml engineer london", index).currency).toBeUndefined();
    // An offer's figures written without a currency are in the one named; one written with its own keeps it.
    const o = parseQuestion("offer segment london base 150k, signing £20k, all in usd", index);
    expect(o.currency).toBeUndefined();
    expect(o.unknown).toEqual([]);
    expect([o.offer?.base?.currency, o.offer?.signing?.currency]).toEqual(["USD", "GBP"]);
    expect(read("segment london base 150k stock 100k in dollars")).toEqual(
      reading({ intent: "offer", company: "segment", region: "london", offer: true }),
    );
  });

  it("a vesting cliff, a competing offer or what was hoped for change nothing", () => {
    const sf = reading({ intent: "offer", company: "segment", region: "san-francisco", offer: true });
    expect(
      read("segment sf offer 210k base 180k equity 4yr vest 1yr cliff 10% target bonus 25k sign on"),
    ).toEqual(sf);
    expect(read("segment sf offer 210k base, 6 month cliff")).toEqual(sf);
    expect(read("I have a competing offer at 400k total, segment offered 300k total in sf")).toEqual(sf);
    expect(read("segment offered 200k base in sf but I was hoping for 230k")).toEqual(sf);
    expect(read("segment sf offer 210k base, relocation £10k, 401k match 4% and great benefits")).toEqual(sf);
  });

  it("figures someone wants ('to get 200k base', 'can I ask for 180k') ask what to ask for, not an offer check", () => {
    const wanted = (text: string) => {
      const q = parseQuestion(text, index);
      return [q.intent, q.offer?.wanted === true, q.offer?.base?.amount ?? null, q.region?.key ?? null];
    };
    expect(wanted("what should I say to segment to get 200k base in london")).toEqual([
      "targets",
      true,
      200000,
      "london",
    ]);
    expect(wanted("can I ask for 180k base at segment london?")).toEqual(["targets", true, 180000, "london"]);
    expect(wanted("I want a base of 180k at segment london")).toEqual(["targets", true, 180000, "london"]);
    // A counter someone thinks of making is what they want, not a new offer.
    expect(wanted("what if I counter with 160k base at segment london?")).toEqual([
      "targets",
      true,
      160000,
      "london",
    ]);
    // Told as an offer or as pay now, it stays that.
    expect(wanted("segment offered 200k base in london but I was hoping for 230k")[0]).toBe("offer");
    expect(wanted("segment offered 200k base in london but I was hoping for 230k")[1]).toBe(false);
    expect(
      parseQuestion("I currently make 150k base, can I ask segment london for more", index).offer,
    ).toMatchObject({
      current: true,
    });
  });

  it("what someone would ask for beside their offer is read apart from the offer's figures", () => {
    const q = parseQuestion(
      "segment london offered me 150k base and 100k stock. can I counter with 160k base?",
      index,
    );
    expect(q.intent).toBe("offer");
    expect(q.unknown).toEqual([]);
    expect([q.offer?.base?.amount, q.offer?.stock?.amount, q.offer?.unreadable]).toEqual([
      150000,
      100000,
      [],
    ]);
    expect([q.offer?.wish?.base?.amount, q.offer?.wish?.stock]).toEqual([160000, null]);
    expect(
      parseQuestion("segment offered 150k base in london, should I ask for 170k base?", index).offer?.wish
        ?.base,
    ).toMatchObject({ amount: 170000 });
    // A wish with no part named is no wish: the figure is asked about as before.
    const hoped = parseQuestion("segment offered 200k base in london but I was hoping for 230k", index).offer;
    expect(hoped?.wish).toBeUndefined();
    expect(hoped?.unreadable.map((u) => u.text)).toEqual(["230k"]);
    // "target bonus" is the offer's bonus, not a wish.
    const target = parseQuestion("offer segment london base 150k, target bonus 10%", index).offer;
    expect([target?.bonusPct, target?.wish]).toEqual([10, undefined]);
  });

  it("figures without the word offer: a period before the part, any of the offer reader's part names, pay with no part", () => {
    const reading = (text: string) => {
      const q = parseQuestion(text, index);
      return [q.intent, q.company?.key, q.region?.key, q.unknown, q.offer?.current ?? false];
    };
    // A period between the figure and its part.
    expect(reading("segment london: £11k a month base")).toEqual(["offer", "segment", "london", [], false]);
    expect(parseQuestion("segment london: £11k a month base", index).offer?.base).toMatchObject({
      amount: 132000,
      period: "month",
    });
    // Part names the offer reader knows, not only base/stock/bonus/total.
    expect(parseQuestion("segment london salary 150k", index).offer?.base?.amount).toBe(150000);
    expect(parseQuestion("segment london my salary is 150k", index).offer).toMatchObject({
      current: true,
      base: { amount: 150000 },
    });
    expect(parseQuestion("segment london 20k sign-on", index).offer?.signing?.amount).toBe(20000);
    // Pay now with no part named: a pay check that asks which part it is, in pay's words.
    for (const text of [
      "segment london I make 150k",
      "segment london: I'm on £95k",
      "segment london: I make £11k a month",
    ])
      expect(reading(text)).toEqual(["offer", "segment", "london", [], true]);
    expect(parseQuestion("segment london I make 150k", index).offer?.unreadable).toEqual([
      {
        kind: "unreadable",
        text: "150k",
        suggestion: null,
        hint: "Which part of your pay is it? Write its name next to it, e.g. base 150k or stock 150k.",
      },
    ]);
    // "up from", "take it?": words of the question, not a guide's.
    expect(reading("segment london: recruiter came back with £145k base, up from £135k. take it?")).toEqual([
      "offer",
      "segment",
      "london",
      [],
      false,
    ]);
    expect(
      reading("segment london offer 150k base. they said the band caps at 155k, is that true?")[3],
    ).toEqual([]);
    expect(reading("segment sf offer 200k base and RSUs worth 300k vesting monthly over 4 years")[3]).toEqual(
      [],
    );
    expect(reading("segment sf offer: total comp 350k in the first year")[3]).toEqual([]);
    // Pay words without money stay a band question.
    expect(parseQuestion("segment london I make 2 trips a year", index).offer ?? null).toBeNull();
  });

  it("an offer said in other words ('came in at', 'gave me'): never taken for what the person wants", () => {
    const hoped = parseQuestion("segment london: they came in at 150k base, I was hoping for 165k", index);
    expect([hoped.intent, hoped.offer?.wanted, hoped.offer?.base?.amount]).toEqual([
      "offer",
      undefined,
      150000,
    ]);
    expect(
      parseQuestion("segment sf gave me 215k base, should I ask for 230k base?", index).offer,
    ).toMatchObject({
      base: { amount: 215000 },
      wish: { base: { amount: 230000 } },
    });
    // A part not told is not a part of 0; words after a part that are no figure are not asked about.
    const told = parseQuestion("segment sf gave me 215k base and 10% bonus, no stock mentioned", index).offer;
    expect([told?.stock, told?.unreadable]).toEqual([null, []]);
    expect(
      parseQuestion("segment london offer base 150k, no signing bonus", index).offer?.signing?.amount,
    ).toBe(0);
    expect(
      parseQuestion("segment london offer: £148k base, £100k RSUs. is the equity light?", index).offer
        ?.unreadable,
    ).toEqual([]);
    const negotiable = parseQuestion(
      "I got 190k base from segment in new york, is the stock negotiable?",
      index,
    );
    expect([negotiable.offer?.unreadable, negotiable.unknown, negotiable.setAside]).toEqual([
      [],
      [],
      undefined,
    ]);
    for (const text of [
      "segment nyc offered 185k, what part of the band is that?",
      "segment sf offer 200k base, they asked what my other offers are",
      "segment london just sent me an offer: 145k base",
    ])
      expect([parseQuestion(text, index).unknown, parseQuestion(text, index).setAside]).toEqual([
        [],
        undefined,
      ]);
  });

  it("an offer to a company with one guide, region named: unknown words that cannot name a role are set aside", () => {
    const aside = (text: string) => {
      const q = parseQuestion(text, index);
      return [q.company?.key, q.role?.key ?? null, q.region?.key ?? null, q.unknown, q.setAside ?? null];
    };
    expect(aside("segment sf: offer is 200k base, they won't budge")).toEqual([
      "segment",
      null,
      "san-francisco",
      [],
      ["won", "budge"],
    ]);
    // A word that may name a role the catalogue lacks keeps the question unanswered.
    expect(aside("segment prompt engineer sf offer 150k base")[3]).not.toEqual([]);
    expect(aside("segment sf offer 150k base, product designer")).toEqual([
      "segment",
      null,
      "san-francisco",
      ["product", "designer"],
      null,
    ]);
    // A script or what to ask for, the same.
    expect(aside("how do I negotiate with segment in london? they won't budge")[4]).toEqual(["won", "budge"]);
    expect(aside("what can I ask segment sf for besides base?")[4]).toEqual(["besides"]);
    // No region, no figures, or a company with several guides: the words stay unknown.
    expect(aside("segment offer 150k base, they won't budge")[3]).toEqual(["won", "budge"]);
    expect(aside("segment sf, they won't budge")[3]).toEqual(["won", "budge"]);
    expect(aside("acme berlin offer 150k base, they won't budge")[3]).toEqual(["won", "budge"]);
  });

  it("pay now told beside an offer is read apart, before or after the offer's words", () => {
    const after = parseQuestion("segment sf: they offered 200k base. I make 180k base now", index);
    expect([after.intent, after.company?.key, after.region?.key]).toEqual([
      "offer",
      "segment",
      "san-francisco",
    ]);
    expect([after.offer?.base?.amount, after.offer?.now?.base?.amount, after.offer?.unreadable]).toEqual([
      200000,
      180000,
      [],
    ]);
    // In one sentence, the pay-now clause ends where the offer's words begin.
    const before = parseQuestion("I make 180k base but segment offered me 170k base in sf", index);
    expect([before.company?.key, before.offer?.base?.amount, before.offer?.now?.base?.amount]).toEqual([
      "segment",
      170000,
      180000,
    ]);
    // A total told as pay now is not the offer's total.
    const total = parseQuestion(
      "segment sf offer: 200k base, 50k stock. my current comp is 250k total",
      index,
    );
    expect([total.offer?.total, total.offer?.now?.total?.amount, total.offer?.stock?.amount]).toEqual([
      null,
      250000,
      50000,
    ]);
    // Without the word offer, the figures are all pay now, as before.
    const only = parseQuestion("segment sf: I make 180k base", index).offer;
    expect([only?.current, only?.now, only?.base?.amount]).toEqual([true, undefined, 180000]);
    // "I have" / "I'm at" are pay now only before money: "I have 2 offers" is not pay.
    const two = parseQuestion("I have 2 offers, segment london 150k base", index).offer;
    expect([two?.current, two?.base?.amount]).toEqual([undefined, 150000]);
    const yoe = parseQuestion("I'm at 5 yoe, segment london offered 150k base", index).offer;
    expect([yoe?.now, yoe?.base?.amount]).toEqual([undefined, 150000]);
    // A decimal point does not end the pay-now sentence; in one sentence, the offer's words do, before a full stop.
    const decimal = parseQuestion("segment sf: they offered 200k base. I make 180.5k base now", index).offer;
    expect(decimal?.now?.base?.amount).toBe(180500);
    const stop = parseQuestion("I make 180k base but segment offered me 170k base in sf.", index).offer;
    expect([stop?.now?.base?.amount, stop?.base?.amount]).toEqual([180000, 170000]);
    const close = parseQuestion("I'm on 180k base, they offered 170k base at segment sf", index).offer;
    expect([close?.now?.base?.amount, close?.base?.amount, close?.now?.unreadable]).toEqual([
      180000,
      170000,
      [],
    ]);
    const job = parseQuestion(
      "segment london offered £140k base. My current job pays £135k base.",
      index,
    ).offer;
    expect([job?.base?.amount, job?.now?.base?.amount]).toEqual([140000, 135000]);
    // A greeting is not help when the question has an offer in it.
    expect(parseQuestion("hi, they offered me 150k base", index).intent).toBe("offer");
    // "<company> offered": the first guide company's offer is the guide's; a later one's is another company's.
    const both = parseQuestion("segment sf offered 200k base, google offered 250k base", index);
    expect([both.company?.key, both.offer?.base?.amount, both.offer?.competing?.company]).toEqual([
      "segment",
      200000,
      "Google",
    ]);
    expect(both.offer?.competing?.offer.base?.amount).toBe(250000);
    // Pay-now words with no figures of their own leave the offer whole.
    const words = parseQuestion("segment offered me 200k base in sf, currently at google", index).offer;
    expect([words?.base?.amount, words?.now]).toEqual([200000, undefined]);
  });

  it("figures in words and percentages spelt 'per cent' are read", () => {
    const q = parseQuestion(
      "segment london offer: base one hundred and fifty thousand, bonus of ten per cent, twenty grand signing",
      index,
    );
    expect([q.unknown, q.offer?.base?.amount, q.offer?.bonusPct, q.offer?.signing?.amount]).toEqual([
      [],
      150000,
      10,
      20000,
    ]);
  });

  it("another company's offer is read apart: never the guide's offer, its company never the guide", () => {
    const q = parseQuestion(
      "competing offer from google at 400k total, segment offered 200k base in sf",
      index,
    );
    expect([q.intent, q.company?.key, q.region?.key, q.unknown]).toEqual([
      "offer",
      "segment",
      "san-francisco",
      [],
    ]);
    expect([q.offer?.base?.amount, q.offer?.total]).toEqual([200000, null]);
    expect([q.offer?.competing?.company, q.offer?.competing?.offer.total?.amount]).toEqual([
      "Google",
      400000,
    ]);
    // Not the guide's company, and no word like "competing": another company's when the rest names the guide.
    const startup = parseQuestion(
      "offer from a startup at 300k base, segment london offered 150k base",
      index,
    );
    expect([startup.offer?.base?.amount, startup.offer?.competing?.company]).toEqual([150000, "a startup"]);
    expect(startup.offer?.competing?.offer.base?.amount).toBe(300000);
    // "an offer from <the guide's company>" is the offer to check.
    // "a counter from meta" is Meta's; "should I counter at around 220k" is the person's own wish.
    const meta = parseQuestion("segment sf: base 200k, I've got a counter from meta for 230k base", index);
    expect([
      meta.offer?.base?.amount,
      meta.offer?.competing?.company,
      meta.offer?.competing?.offer.base?.amount,
    ]).toEqual([200000, "Meta", 230000]);
    const mine = parseQuestion("segment sf offer 200k base, should I counter at around 220k base?", index);
    expect([mine.offer?.competing, mine.offer?.wish?.base?.amount]).toEqual([undefined, 220000]);
    // Figures before "offer from": the clause begins where its part of the sentence does.
    const before = parseQuestion(
      "segment sf offer is 210k base / 160k rsu - I have a 240k base offer from openai",
      index,
    );
    expect([before.offer?.base?.amount, before.offer?.stock?.amount, before.unknown]).toEqual([
      210000,
      160000,
      [],
    ]);
    expect([before.offer?.competing?.company, before.offer?.competing?.offer.base?.amount]).toEqual([
      "openai",
      240000,
    ]);
    // The other offer's clause ends where the next offer's words begin, even when its figures come first.
    const first = parseQuestion(
      "segment sf: I have a 240k base offer from openai. segment offered 210k base",
      index,
    );
    expect([first.offer?.competing?.offer.base?.amount, first.offer?.base?.amount]).toEqual([240000, 210000]);
    // A bare small number is not an offer's figure.
    const small = parseQuestion(
      "I have an offer from google at 400, what should I ask segment sf for?",
      index,
    );
    expect(small.offer?.competing).toBeUndefined();
    const about = parseQuestion("segment london offer at about 150k base", index);
    expect([about.offer?.base?.amount, about.offer?.competing]).toEqual([150000, undefined]);
    const again = parseQuestion("segment sf: I have an offer from segment at 200k base", index);
    expect([again.offer?.base?.amount, again.offer?.competing]).toEqual([200000, undefined]);
    const own = parseQuestion("I have an offer from segment: 200k base in sf", index);
    expect([own.company?.key, own.offer?.base?.amount, own.offer?.competing]).toEqual([
      "segment",
      200000,
      undefined,
    ]);
  });

  it("only another company's offer, with a guide named: what to ask for, or the script asked for", () => {
    const q = parseQuestion(
      "I have a competing offer from Google at 400k total, what should I ask segment sf for?",
      index,
    );
    expect([q.intent, q.company?.key, q.region?.key, q.offer?.competing?.offer.total?.amount]).toEqual([
      "targets",
      "segment",
      "san-francisco",
      400000,
    ]);
    // A figure with no part: kept as written ("at 400k"), never placed.
    const bare = parseQuestion(
      "I have an offer from google at 400k, what should I ask segment sf for?",
      index,
    );
    expect([bare.intent, bare.offer?.competing?.unnamed]).toEqual([
      "targets",
      { amount: 400000, high: 400000, currency: null },
    ]);
    // With a word such as "competing", no guide need be named: it is still another company's, never the offer.
    const alone = parseQuestion("I have a competing offer from google at 400k total", index);
    expect([alone.intent, alone.offer?.total, alone.offer?.competing?.offer.total?.amount]).toEqual([
      "targets",
      null,
      400000,
    ]);
    // Without the word offer: "a counter from meta" and what to ask for.
    const counter = parseQuestion(
      "segment sf: I've got a counter from meta for 230k base, what should I ask for?",
      index,
    );
    expect([
      counter.intent,
      counter.company?.key,
      counter.unknown,
      counter.offer?.competing?.company,
    ]).toEqual(["targets", "segment", [], "Meta"]);
    // No figures of its own: no other offer, nothing taken from the question.
    const none = parseQuestion("another offer from google, segment london offered 150k base", index);
    expect([none.offer?.competing, none.offer?.base?.amount]).toEqual([undefined, 150000]);
    // A figure with no part in the offer itself is asked about as the offer's, beside another company's offer.
    const unnamed = parseQuestion(
      "competing offer from google at 400k total, segment offered 200k in sf",
      index,
    );
    expect([unnamed.intent, unnamed.offer?.unreadable.map((u) => u.text)]).toEqual(["offer", ["200k"]]);
    // A decimal point does not end the other offer's sentence; the next offer's words do, before a full stop.
    const decimal = parseQuestion(
      "competing offer from google at 400.5k total. segment offered 200k base in sf.",
      index,
    );
    expect([decimal.offer?.competing?.offer.total?.amount, decimal.offer?.base?.amount]).toEqual([
      400500, 200000,
    ]);
    const comma = parseQuestion(
      "competing offer from google at 400k total, segment offered 200k base in sf.",
      index,
    );
    expect([comma.offer?.competing?.offer.base, comma.offer?.base?.amount]).toEqual([null, 200000]);
    const script = parseQuestion(
      "write me a script for segment london, I have another offer from meta at £180k base",
      index,
    );
    expect([script.intent, script.offer?.competing?.offer.base]).toEqual([
      "script",
      expect.objectContaining({ amount: 180000, currency: "GBP" }),
    ]);
  });

  it("years of experience told beside an offer change nothing", () => {
    expect(
      read("I was offered 150k base and 120k stock at segment london, I have over 8 years of experience"),
    ).toEqual(reading({ intent: "offer", company: "segment", region: "london", offer: true }));
    expect(read("segment ml engineer london with 5 yoe")).toEqual(
      reading({ company: "segment", role: "ml-ai-engineer", region: "london" }),
    );
  });

  it("names the guide from the words the offer's figures leave", () => {
    const q = parseQuestion("offer acme base 150k backend engineer berlin", index);
    expect(q.offer?.base?.amount).toBe(150000);
    expect([q.intent, q.company?.key, q.role?.key, q.region?.key]).toEqual([
      "offer",
      "acme",
      "backend-engineer",
      "berlin",
    ]);
  });
});

describe("which guide and which region", () => {
  it("prefers the company that has a guide for the role named", () => {
    expect(read("acme segment ml engineer")).toEqual(reading({ company: "segment", role: "ml-ai-engineer" }));
  });

  it("prefers the region the guide has a band for", () => {
    expect(read("segment ml engineer berlin london").region).toBe("london");
    expect(read("acme backend engineer london berlin").region).toBe("berlin");
  });

  it("keeps the other regions named, in the order written, each once", () => {
    const more = (text: string) => (parseQuestion(text, index).moreRegions ?? []).map((m) => m.key);
    expect(read("segment ml engineer london vs new york").region).toBe("london");
    expect(more("segment ml engineer london vs new york")).toEqual(["new-york"]);
    expect(more("compare segment ml engineer london and sf")).toEqual(["san-francisco"]);
    expect(more("segment ml-ai-engineer san-francisco new-york london")).toEqual(["new-york", "london"]);
    // The chosen region (one the guide has) first; the others as written.
    expect(read("segment ml engineer berlin london").region).toBe("london");
    expect(more("segment ml engineer berlin london")).toEqual(["berlin"]);
    // One region, or one named twice: none more.
    expect(parseQuestion("segment ml engineer london", index).moreRegions).toBeUndefined();
    expect(parseQuestion("segment ml engineer london london", index).moreRegions).toBeUndefined();
    expect(parseQuestion("segment ml engineer", index).moreRegions).toBeUndefined();
  });

  it("finds the one role of a company the leftover words belong to", () => {
    const q = parseQuestion("acme backend", index);
    expect(q.role).toEqual({
      key: "backend-engineer",
      display: "Backend Engineer",
      matched: "backend",
      kind: "fuzzy",
      score: 0.2,
    });
    // Two of Acme's roles are engineers: no guess.
    expect(read("acme engineer")).toEqual(
      reading({ intent: "company", company: "acme", unknown: ["engineer"] }),
    );
    expect(read("acme manager").role).toBe("product-manager");
    expect(read("acme zzz")).toEqual(reading({ intent: "company", company: "acme", unknown: ["zzz"] }));
  });

  it("keeps a region with 'all regions' when one is named", () => {
    expect(read("segment ml engineer all regions london").region).toBe("london");
    expect(read("segment ml engineer all regions").region).toBeNull();
  });

  it("reads only the first 60 words", () => {
    const filler = (n: number) => Array.from({ length: n }, () => "the").join(" ");
    expect(read(`${filler(59)} segment`).company).toBe("segment");
    expect(read(`${filler(60)} segment`).company).toBeNull();
  });

  it("reads a typo'd name", () => {
    expect(read("segmnt ml-ai-engineer")).toEqual(reading({ company: "segment", role: "ml-ai-engineer" }));
  });

  it("looks for typos only 24 times a question, phrases over 40 characters not counted", () => {
    // Each short junk word costs up to 3 look-ups (itself and the 2- and 3-word runs from it).
    const short = "gdmf zxzv jfzb vwbx mkfp bbbb kvwh qqdx fhvq".split(" ");
    expect(read(`${short.slice(0, 8).join(" ")} segmnt`).company).toBe("segment");
    expect(read(`${short.join(" ")} segmnt`).company).toBeNull();
    // A 20-letter junk word costs 1 (runs from it are over 40 characters).
    const long = Array.from({ length: 23 }, (_, i) => `${"q".repeat(19)}${"bcdfghjkmnpvwxzbcdfghjk"[i]}`);
    expect(read(`${long.slice(0, 22).join(" ")} segmnt`).company).toBe("segment");
    expect(read(`${long.join(" ")} segmnt`).company).toBeNull();
  });
});

describe("intents", () => {
  it("how old the data is comes before targets, and targets before the script", () => {
    expect(read("how old is the script for segment ml")).toEqual(
      reading({ intent: "freshness", company: "segment", role: "ml-ai-engineer" }),
    );
    expect(read("target script segment")).toEqual(reading({ intent: "targets", company: "segment" }));
  });

  it("who wrote a guide, where its data comes from, when it will be updated: its dates and sources", () => {
    const dates = reading({ intent: "freshness", company: "segment", role: "ml-ai-engineer" });
    expect(read("who wrote the segment ml engineer guide")).toEqual(dates);
    expect(read("where does the segment ml engineer data come from")).toEqual(dates);
    expect(read("segment ml engineer sources")).toEqual(dates);
    expect(read("when is the segment ml engineer guide going to be updated")).toEqual(dates);
  });

  it("asking for words to say or write, or the lowest to accept, is what to ask for or the script", () => {
    const guide = { company: "segment", role: "ml-ai-engineer", region: "london" };
    expect(read("write me a script to ask segment ml engineer for more stock in london")).toEqual(
      reading({ intent: "script", ...guide }),
    );
    expect(read("give me an email to send to the segment ml engineer recruiter for london")).toEqual(
      reading({ intent: "script", ...guide }),
    );
    expect(read("how do I ask for a higher signing bonus at segment ml engineer london")).toEqual(
      reading({ intent: "targets", ...guide }),
    );
    expect(read("what's the walk away number for segment ml engineer london")).toEqual(
      reading({ intent: "targets", ...guide }),
    );
    expect(read("what's the minimum I should accept from segment ml engineer in london")).toEqual(
      reading({ intent: "targets", ...guide }),
    );
  });

  it("what to ask a company for, with words between ('should I ask segment for'), and signing bonuses", () => {
    expect(read("how much equity should I ask segment for in london")).toEqual(
      reading({ intent: "targets", company: "segment", region: "london" }),
    );
    expect(read("can I ask segment for more stock in sf?")).toEqual(
      reading({ intent: "targets", company: "segment", region: "san-francisco" }),
    );
    // The guide's levers and script are where signing bonuses are.
    expect(read("does segment give signing bonuses?")).toEqual(
      reading({ intent: "script", company: "segment" }),
    );
    // "schedule" is not a name: the company's guides.
    expect(read("what's the vesting schedule at segment?")).toEqual(
      reading({ intent: "company", company: "segment" }),
    );
  });

  it("a country names each of its regions the guide has; 'us' only after 'the', 'vs' or 'or'", () => {
    const regionsOf = (q: ReturnType<typeof parseQuestion>) => [
      q.region?.key,
      ...(q.moreRegions ?? []).map((r) => r.key),
    ];
    expect(regionsOf(parseQuestion("segment ml engineer in the uk vs us", index))).toEqual([
      "london",
      "san-francisco",
      "new-york",
    ]);
    expect(regionsOf(parseQuestion("segment ml engineer in the us", index))).toEqual([
      "san-francisco",
      "new-york",
    ]);
    expect(regionsOf(parseQuestion("segment ml engineer in america or the uk", index))).toEqual([
      "san-francisco",
      "new-york",
      "london",
    ]);
    // "help us" is a pronoun.
    const us = parseQuestion("can you help us with segment london", index);
    expect([regionsOf(us), us.unknown]).toEqual([["london"], []]);
    // A country the guide has no band in is named as the country.
    const germany = parseQuestion("segment ml engineer in germany", index);
    expect([germany.region?.key, germany.region?.display, germany.moreRegions ?? []]).toEqual([
      "berlin",
      "Germany",
      [],
    ]);
  });

  it("which regions a guide covers is every region", () => {
    expect(read("what regions does segment cover for ml engineers")).toEqual(
      reading({ company: "segment", role: "ml-ai-engineer" }),
    );
  });

  it("list is the catalogue only when no company or role is named", () => {
    expect(read("list")).toEqual(reading({ intent: "list" }));
    expect(read("list segment")).toEqual(reading({ intent: "company", company: "segment" }));
    expect(read("list ml engineer")).toEqual(reading({ intent: "role", role: "ml-ai-engineer" }));
  });

  it("nothing recognised and nothing unknown is help; a bare level word asks for a guide", () => {
    expect(read("hi there")).toEqual(reading({ intent: "help" }));
    expect(read("level")).toEqual(reading({ intent: "level" }));
    expect(read("zzzz")).toEqual(reading({ intent: "band", unknown: ["zzzz"] }));
  });
});

describe("outside levels", () => {
  it("reads an outside company named in a mapping, multi-word included, and its level", () => {
    expect(read("level jane street l3").level).toBe("jane street|l3");
    expect(read("level jane street l3").intent).toBe("level-lookup");
    expect(parseQuestion("level jane street l3", index).level).toEqual({
      company: "jane street",
      companyDisplay: "Jane Street",
      level: "l3",
    });
  });

  it("reads a level written in words after a company that is also a guide's, when a level is asked", () => {
    expect(read("level contoso labs einstein")).toEqual(
      reading({ intent: "level-lookup", level: "contoso labs|einstein" }),
    );
    expect(read("contoso labs einstein")).toEqual(
      reading({ intent: "company", company: "contoso-labs", unknown: ["einstein"] }),
    );
  });

  it("joins level tokens with a dash, words with a space", () => {
    expect(read("google l4 l5")).toEqual(
      reading({ intent: "level-lookup", company: "google", level: "google|l4-l5" }),
    );
    expect(read("level salesforce einstein ml").level).toBe("salesforce|einstein ml");
    expect(read("level google l4-l5 ml").level).toBe("google|l4 l5 ml");
  });

  it("a guide's company with a level token and another company: the outside one is looked up", () => {
    expect(read("google l5 acme")).toEqual(
      reading({ intent: "level-lookup", company: "google", level: "google|l5" }),
    );
    expect(parseQuestion("meta e5", index).level).toEqual({
      company: "meta",
      companyDisplay: "Meta",
      level: "e5",
    });
  });

  it("a guide's own level mapping when company and role are named", () => {
    expect(read("level acme backend engineer")).toEqual(
      reading({ intent: "level", company: "acme", role: "backend-engineer" }),
    );
    expect(read("level google data scientist")).toEqual(
      reading({ intent: "level", company: "google", role: "data-scientist" }),
    );
    expect(read("google data scientist")).toEqual(reading({ company: "google", role: "data-scientist" }));
  });

  it("a level after a company we do not know is that company's, not the guide company's ('amazon l6 segment')", () => {
    expect(read("amazon l6 segment")).toEqual(
      reading({ intent: "level-lookup", company: "segment", level: "amazon|l6" }),
    );
    // A guide company's own level, with nothing else named, is still its own.
    expect(read("segment l6")).toEqual(
      reading({ intent: "level-lookup", company: "segment", level: "segment|l6" }),
    );
  });

  it("'the same as', 'comparable to' ask about levels", () => {
    expect(read("is google l5 the same as segment ml engineer")).toEqual(
      reading({ intent: "level-lookup", company: "segment", role: "ml-ai-engineer", level: "google|l5" }),
    );
    expect(read("what's google l5 comparable to at segment ml engineer")).toEqual(
      reading({ intent: "level-lookup", company: "segment", role: "ml-ai-engineer", level: "google|l5" }),
    );
  });

  it("a level token next to a guide asked about as a level is that guide's mapping, unless an outside company is named", () => {
    expect(read("level segment ml engineer l5")).toEqual(
      reading({ intent: "level", company: "segment", role: "ml-ai-engineer", level: "segment|l5" }),
    );
    expect(read("level google l5 segment ml engineer")).toEqual(
      reading({ intent: "level-lookup", company: "segment", role: "ml-ai-engineer", level: "google|l5" }),
    );
    // Without the word level, a named guide wins over the outside level.
    expect(read("segment ml engineer google l5")).toEqual(
      reading({ company: "segment", role: "ml-ai-engineer", level: "google|l5" }),
    );
  });

  it("a level token with no company, asked as a level", () => {
    expect(read("level l5").level).toBe("|l5");
    expect(read("l5").level).toBeNull();
    // A level token next to one of our guides' companies is looked up at that company.
    expect(read("l5 at segment")).toEqual(
      reading({ intent: "level-lookup", company: "segment", level: "segment|l5" }),
    );
  });
});

describe("follow-ups in a conversation", () => {
  const both = { company: "segment", role: "ml-ai-engineer" };

  it("a region or an intent alone reuses the guide talked about", () => {
    expect(read("and london?", both)).toEqual(
      reading({ company: "segment", role: "ml-ai-engineer", region: "london", fromContext: true }),
    );
    expect(read("script please", both)).toEqual(
      reading({ intent: "script", company: "segment", role: "ml-ai-engineer", fromContext: true }),
    );
    expect(read("all regions", both)).toEqual(
      reading({ company: "segment", role: "ml-ai-engineer", fromContext: true }),
    );
  });

  it("an offer's figures alone are checked against the guide talked about", () => {
    const told = {
      intent: "offer" as const,
      company: "segment",
      role: "ml-ai-engineer",
      offer: true,
      fromContext: true,
    };
    expect(read("offer base 150k stock 50k a year", both)).toEqual(reading(told));
    expect(read("they offered me 150k base", both)).toEqual(reading(told));
    expect(read("base 150k in london", both)).toEqual(reading({ ...told, region: "london" }));
    // With no conversation: which guide? (the answer asks).
    expect(read("offer base 150k")).toEqual(reading({ intent: "offer", offer: true }));
  });

  it("a part of the band alone ('and the stock?') is the band talked about, in its region", () => {
    const london = { ...both, region: "london" };
    const band = reading({ company: "segment", role: "ml-ai-engineer", region: "london", fromContext: true });
    expect(read("and the stock?", london)).toEqual(band);
    expect(read("what's the total comp?", london)).toEqual(band);
    expect(read("and the bonus", both)).toEqual(
      reading({ company: "segment", role: "ml-ai-engineer", fromContext: true }),
    );
    // Every region asked for is every region; a region named wins.
    expect(read("stock in all regions", london)).toEqual(
      reading({ company: "segment", role: "ml-ai-engineer", fromContext: true }),
    );
    expect(read("and the stock in new york?", london)).toEqual({ ...band, region: "new-york" });
    // With no conversation, a part alone names no guide.
    expect(read("and the stock?")).toEqual(reading({ intent: "help" }));
  });

  it("an offer told as it came back ('they came back with…') is still the guide talked about", () => {
    const told = reading({
      intent: "offer",
      company: "segment",
      role: "ml-ai-engineer",
      region: "london",
      offer: true,
      fromContext: true,
    });
    const london = { ...both, region: "london" };
    expect(read("they came back with 160k base and 120k stock", london)).toEqual(told);
    expect(read("the recruiter said their final offer is 165k base", london)).toEqual(told);
    expect(read("updated offer: base 160k, they bumped the stock to 130k", london)).toEqual(told);
  });

  it("in a conversation, 'I also have an offer from Google' is another company's, and 'add a signing bonus' an offer", () => {
    const london = { ...both, region: "london" };
    const q = parseQuestion("I also have an offer from google at 190k total", index, london);
    expect([q.intent, q.company?.key, q.fromContext, q.offer?.competing?.company, q.offer?.total]).toEqual([
      "targets",
      "segment",
      true,
      "Google",
      null,
    ]);
    const add = parseQuestion("what if they add a 20k signing bonus?", index, london);
    expect([add.intent, add.company?.key, add.unknown, add.offer?.signing?.amount]).toEqual([
      "offer",
      "segment",
      [],
      20000,
    ]);
  });

  it("'is it negotiable?' asks for the script", () => {
    expect(read("is the bonus negotiable?", { ...both, region: "london" })).toEqual(
      reading({
        intent: "script",
        company: "segment",
        role: "ml-ai-engineer",
        region: "london",
        fromContext: true,
      }),
    );
  });

  it("small talk, asking for help or the catalogue, or an unknown word does not", () => {
    expect(read("thanks", both)).toEqual(reading({ intent: "help" }));
    for (const text of ["help", "hi", "hello there", "what commands?"]) {
      expect(read(text, both), text).toEqual(reading({ intent: "help" }));
    }
    // Nor is asking for the catalogue.
    for (const text of ["list", "list please"]) {
      expect(read(text, both), text).toEqual(reading({ intent: "list" }));
    }
    // Each question about one guide is.
    for (const [text, intent] of [
      ["script please", "script"],
      ["how much should i ask for?", "targets"],
      ["how old is this data?", "freshness"],
      ["level", "level"],
    ] as const) {
      expect(read(text, both), text).toEqual(
        reading({ intent, company: "segment", role: "ml-ai-engineer", fromContext: true }),
      );
    }
    // Help with a region is still about the guide talked about.
    expect(read("help with london", both)).toEqual(
      reading({ company: "segment", role: "ml-ai-engineer", region: "london", fromContext: true }),
    );
    expect(read("and zzzz", both)).toEqual(reading({ unknown: ["zzzz"] }));
    expect(read("and london?", { company: "segment" })).toEqual(reading({ region: "london" }));
  });

  it("a region with a word we do not know, an outside level, another company or role: no follow-up", () => {
    expect(read("and zzzz in london?", both)).toEqual(reading({ region: "london", unknown: ["zzzz"] }));
    expect(read("google l5 in london", both)).toEqual(
      reading({ intent: "level-lookup", company: "google", region: "london", level: "google|l5" }),
    );
    expect(read("acme in london", both)).toEqual(
      reading({ intent: "company", company: "acme", region: "london" }),
    );
    expect(read("product manager in london", both)).toEqual(
      reading({ intent: "role", role: "product-manager", region: "london" }),
    );
  });

  it("a role alone takes the company talked about when it has that guide", () => {
    expect(read("product manager", { company: "acme" })).toEqual(
      reading({ company: "acme", role: "product-manager", fromContext: true }),
    );
    expect(read("product manager", { company: "segment" })).toEqual(
      reading({ intent: "role", role: "product-manager" }),
    );
  });

  it("a company alone takes the role talked about when it has that guide", () => {
    expect(read("acme", { role: "product-manager" })).toEqual(
      reading({ company: "acme", role: "product-manager", fromContext: true }),
    );
    expect(read("acme", { role: "sre" })).toEqual(reading({ intent: "company", company: "acme" }));
  });

  it("a context naming guides we do not have is ignored", () => {
    expect(read("and london?", { company: "nope", role: "nope" })).toEqual(reading({ region: "london" }));
  });
});

describe('the unknown words as asked (echoed by "I don\'t have a guide for …")', () => {
  const echo = (text: string) => parseQuestion(text, index, {}).unknownText;

  it("keeps the filler words inside a run of unknown ones, drops those at its ends", () => {
    // "data", "of" and "the" carry nothing alone; inside the unknown words they are part of what was asked.
    const q = parseQuestion("quillonx data wrangler", index, {});
    expect(q.unknown).toEqual(["quillonx", "wrangler"]);
    expect(q.unknownText).toBe("quillonx data wrangler");
    expect(echo("segment ml-ai-engineer bay of plenty")).toBe("bay of plenty");
    // A word that is not filler stays, as it always did ("de" is no filler word).
    expect(echo("segment ml-ai-engineer rio de janeiro")).toBe("rio de janeiro");
    expect(echo("the quillonx of the")).toBe("quillonx");
  });

  it("keeps a filler word that begins job titles right before the run ('data scientist', not 'scientist')", () => {
    expect(echo("segment wibble scientist")).toBe("wibble scientist");
    expect(echo("segment data wibbler")).toBe("data wibbler");
    expect(echo("zorblat people partner")).toBe("zorblat people partner");
    expect(echo("people wibbler at zorblat")).toBe("people wibbler at zorblat");
    // Other filler before the run is still dropped.
    expect(echo("how old is the data for zorblat")).toBe("zorblat");
    expect(echo("what is the pay for wibblers")).toBe("wibblers");
  });

  it("a name we know splits the runs: its words are not echoed as unknown", () => {
    expect(echo("zorblat acme wibble of the frob")).toBe("zorblat wibble of the frob");
    expect(read("zorblat acme wibble of the frob")).toEqual(
      reading({ intent: "company", company: "acme", unknown: ["zorblat", "wibble", "frob"] }),
    );
  });

  it("is absent when nothing is unknown (a known question, or leftover words that named a role)", () => {
    expect(echo("segment ml-ai-engineer london")).toBeUndefined();
    expect(echo("segment ml")).toBeUndefined();
  });
});
