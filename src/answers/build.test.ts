/** The core end to end over the real seed guide: words in, plain answers out (no Slack anywhere). */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { makeGuidesDir } from "../../tests/support/make-guide.ts";
import { type CompBotApi, loadCompBot } from "../bot.ts";
import type { Answer } from "./types.ts";

const TODAY = () => "2026-11-29";
let bot: CompBotApi;
const ask = (text: string, context = {}) => bot.ask(text, { surface: "slash", context });
function kindOf<K extends Answer["kind"]>(answer: Answer, kind: K): Extract<Answer, { kind: K }> {
  expect(answer.kind).toBe(kind);
  return answer as Extract<Answer, { kind: K }>;
}

beforeAll(async () => {
  ({ bot } = await loadCompBot("guides", { today: TODAY }));
});

describe("the /comp grammar over the seed guide", () => {
  it.each(["", "help", "HELP", "hi", "  "])("%j gives usage with examples", (text) => {
    const help = kindOf(ask(text).answer, "help");
    expect(help.examples.map((e) => e.command)).toContain("segment ml-ai-engineer london");
  });

  it("company role region gives that band with exact figures in its own currency", () => {
    const band = kindOf(ask("segment ml-ai-engineer london").answer, "band");
    expect(band.band).toMatchObject({
      region: "London",
      currency: "GBP",
      base: { low: 132000, high: 165000 },
      stock: { low: 102000, high: 188000 },
      bonusPct: { low: 10, high: 10 },
      totalComp: { low: 182000, high: 248000 },
    });
    expect(band.guide.levelMapping.equivalences).toHaveLength(4);
    expect(band.guide.dataSources).toEqual(["Levels.fyi"]);
    expect(band.guide.salaryDataQuarter).toBe("2025-Q4");
    expect(band.guide.lastUpdated).toBe("2026-02-23");
    expect(band.overdue).toBe(true);
    expect(band.command).toBe("segment ml-ai-engineer london");
    expect(band.followUps.map((f) => f.command)).toEqual([
      "segment ml-ai-engineer san-francisco",
      "segment ml-ai-engineer new-york",
      "script segment ml-ai-engineer",
      "segment ml-ai-engineer",
    ]);
  });

  it.each([
    ["London ML-AI-ENGINEER Segment", "london"],
    ["segmnt ml-ai-engineer londn", "london"],
    ["segment ml engineer sf", "san-francisco"],
    ["segment machine learning engineer bay area", "san-francisco"],
    ["segment ai engineer nyc", "new-york"],
    ["segment mle ny", "new-york"],
    ["Segment ML/AI Engineer ldn", "london"],
    ["sgement ml-ai-enginer new yrok", "new-york"],
  ])("%j resolves to the %s band (order, case, typos, aliases)", (text, region) => {
    const band = kindOf(ask(text).answer, "band");
    expect(band.guide.id).toBe("segment/ml-ai-engineer");
    expect(band.band.regionSlug).toBe(region);
  });

  it("company and role give every region", () => {
    const regions = kindOf(ask("segment ml-ai-engineer").answer, "regions");
    expect(regions.bands.map((b) => b.region)).toEqual(["San Francisco", "New York", "London"]);
  });

  it("a company gives its roles; a role gives the companies that have it", () => {
    const company = kindOf(ask("segment").answer, "company");
    expect(company.roles).toEqual([
      { key: "ml-ai-engineer", display: "ML/AI Engineer", regions: ["San Francisco", "New York", "London"] },
    ]);
    const role = kindOf(ask("ml engineer").answer, "role");
    expect(role.companies.map((c) => c.display)).toEqual(["Segment"]);
  });

  it("list gives the catalogue", () => {
    const catalog = kindOf(ask("list").answer, "catalog");
    expect(catalog.guideCount).toBe(1);
    expect(catalog.companies).toEqual([
      { key: "segment", display: "Segment", roles: [{ key: "ml-ai-engineer", display: "ML/AI Engineer" }] },
    ]);
  });

  it("script gives the levers, the Negotiate Up script, its threshold and the disclaimer", () => {
    const script = kindOf(ask("script segment ml-ai-engineer").answer, "script");
    expect(script.levers.map((l) => l.title)).toEqual([
      "AI Product Core",
      "AI Lab/Big Tech Counter",
      "Customer Data ML Scarcity",
      "Signing Bonus for AI Talent",
    ]);
    expect(script.script?.text).toMatch(/^I.d like \$260K in Twilio RSUs/);
    expect(script.script?.acceptThreshold?.amount).toBe(242000);
    expect(script.disclaimer).toMatch(/not financial, tax or legal advice/i);
    const withRegion = kindOf(ask("script segment ml-ai-engineer london").answer, "script");
    expect(withRegion.band?.currency).toBe("GBP");
  });

  it("level <company> <role> gives the mapping; level <company> <level> finds the guides", () => {
    const level = kindOf(ask("level segment ml-ai-engineer").answer, "level");
    expect(level.equivalences).toEqual([
      { company: "Google", level: "L4-L5 ML" },
      { company: "Meta", level: "ML E5" },
      { company: "Salesforce", level: "Einstein ML" },
      { company: "mParticle", level: "AI Lead" },
    ]);
    const lookup = kindOf(ask("level google l5").answer, "level-lookup");
    expect(lookup.matches.map((m) => m.guide.id)).toEqual(["segment/ml-ai-engineer"]);
    expect(kindOf(ask("level meta e5").answer, "level-lookup").matches).toHaveLength(1);
    expect(kindOf(ask("level google l7").answer, "level-lookup").matches).toEqual([]);
  });

  it("unrelated words never resolve to the only guide we have", () => {
    const nf = kindOf(ask("acme widget-engineer paris").answer, "not-found");
    expect(nf.unknown).toEqual(expect.arrayContaining(["acme", "widget"]));
    expect(nf.asked).toContain("acme");
    for (const text of ["stripe", "acme", "widget engineer", "qwerty asdf", "engineer", "zzz london"]) {
      expect(ask(text).answer.kind, text).toBe("not-found");
    }
  });

  it("a known company with an unknown role is not answered with another role", () => {
    const nf = kindOf(ask("segment widget-engineer london").answer, "not-found");
    expect(nf.suggestions[0]?.command).toBe("segment ml-ai-engineer london");
  });

  it("a region we have no band for lists the regions we have", () => {
    const missing = kindOf(ask("segment ml-ai-engineer paris").answer, "region-not-found");
    expect(missing.askedRegion).toBe("Paris");
    expect(missing.available.map((b) => b.region)).toEqual(["San Francisco", "New York", "London"]);
  });
});

describe("plain-language questions resolve to the same intents", () => {
  it.each([
    ["what's the total comp for an ML engineer at Segment in London?", "band", "london"],
    ["How much does Segment pay machine learning engineers in NYC?", "band", "new-york"],
    ["negotiation script for segment ml engineer", "script", null],
    ["how do I negotiate with Segment as an AI engineer?", "script", null],
    ["google l5 equivalent", "level-lookup", null],
    ["what's the Segment ML/AI Engineer level mapping?", "level", null],
  ])("%j -> %s", (text, kind, region) => {
    const { answer } = bot.ask(text, { surface: "mention" });
    expect(answer.kind).toBe(kind);
    if (region) expect(answer.kind === "band" && answer.band.regionSlug).toBe(region);
  });

  it("a follow-up reuses the conversation's company and role", () => {
    const first = bot.ask("segment ml engineer sf", { surface: "mention" });
    expect(first.context).toEqual({ company: "segment", role: "ml-ai-engineer", region: "san-francisco" });
    const next = bot.ask("and London?", { surface: "mention", context: first.context });
    expect(next.query.fromContext).toBe(true);
    expect(kindOf(next.answer, "band").band.region).toBe("London");
    expect(bot.ask("what about the script?", { surface: "dm", context: first.context }).answer.kind).toBe(
      "script",
    );
    // Without context the same words are not enough.
    expect(bot.ask("and London?", { surface: "mention" }).answer.kind).toBe("not-found");
  });
});

describe("the region a conversation is about", () => {
  it("an offer or a script with no region named is about the band last shown; a region named wins", () => {
    const london = bot.ask("segment ml-ai-engineer london", { surface: "dm" });
    expect(london.context).toEqual({ company: "segment", role: "ml-ai-engineer", region: "london" });
    const offer = bot.ask("offer base 150k", { surface: "dm", context: london.context });
    expect(kindOf(offer.answer, "offer").band.regionSlug).toBe("london");
    expect(offer.context.region).toBe("london");
    const script = bot.ask("script please", { surface: "dm", context: london.context });
    expect(kindOf(script.answer, "script").band?.regionSlug).toBe("london");
    const ny = bot.ask("offer base 150k in new york", { surface: "dm", context: london.context });
    expect(kindOf(ny.answer, "offer").band.regionSlug).toBe("new-york");
    expect(ny.context.region).toBe("new-york");
  });

  it("a level mapping keeps it; every region at once forgets it; a band question without one is every region", () => {
    const london = bot.ask("segment ml-ai-engineer london", { surface: "dm" }).context;
    const level = bot.ask("level", { surface: "dm", context: london });
    expect(level.answer.kind).toBe("level");
    expect(level.context.region).toBe("london");
    const all = bot.ask("segment ml-ai-engineer", { surface: "dm", context: london });
    expect(all.answer.kind).toBe("regions");
    expect(all.context).toEqual({ company: "segment", role: "ml-ai-engineer" });
    const again = bot.ask("offer base 150k", { surface: "dm", context: all.context });
    expect(again.answer.kind).toBe("region-not-found");
  });

  it("the same words in two conversations about different regions get each its own answer", () => {
    const base = { company: "segment", role: "ml-ai-engineer" };
    const inLondon = bot.ask("offer base 150k", { surface: "dm", context: { ...base, region: "london" } });
    const inNy = bot.ask("offer base 150k", { surface: "dm", context: { ...base, region: "new-york" } });
    expect(kindOf(inLondon.answer, "offer").band.regionSlug).toBe("london");
    expect(kindOf(inNy.answer, "offer").band.regionSlug).toBe("new-york");
  });
});

describe("with several guides, company, role and region are picked together", () => {
  const seed = readFileSync("guides/segment/ml-ai-engineer.md", "utf8");
  let many: CompBotApi;
  beforeAll(async () => {
    const dir = makeGuidesDir(
      [
        {
          company: "segment",
          companyDisplay: "Segment",
          role: "data-engineer",
          roleDisplay: "Data Engineer",
        },
        {
          company: "stripe",
          companyDisplay: "Stripe",
          role: "ml-ai-engineer",
          roleDisplay: "ML/AI Engineer",
          bands: [{ region: "Dublin", currency: "EUR" }],
        },
        {
          company: "vorzo",
          companyDisplay: "Vorzo",
          role: "product-manager",
          roleDisplay: "Product Manager",
        },
        {
          company: "vorzo",
          companyDisplay: "Vorzo",
          role: "product-marketing-manager",
          roleDisplay: "Product Marketing Manager",
        },
        { company: "vorzo", companyDisplay: "Vorzo", role: "data-scientist", roleDisplay: "Data Scientist" },
        {
          company: "vorzo",
          companyDisplay: "Vorzo",
          role: "director-of-engineering",
          roleDisplay: "Director of Engineering",
        },
        {
          company: "acme-robotics",
          companyDisplay: "Acme Robotics",
          role: "software-engineer",
          roleDisplay: "Software Engineer",
          levelRaw: "Acme Robotics SWE = Google L5 = Meta E5",
        },
      ],
      seed,
    );
    ({ bot: many } = await loadCompBot(dir, { today: TODAY }));
  });

  it("prefers the pair that has a guide", () => {
    const a = many.ask("stripe ml engineer dublin", { surface: "slash" }).answer;
    expect(a.kind === "band" && a.guide.id).toBe("stripe/ml-ai-engineer");
    expect(a.kind === "band" && a.band.currency).toBe("EUR");
    const b = many.ask("segment data engineer", { surface: "slash" }).answer;
    expect(b.kind === "regions" && b.guide.id).toBe("segment/data-engineer");
  });

  it("a company with several roles lists them; a region alone suggests guides there", () => {
    const company = many.ask("segment london", { surface: "slash" }).answer;
    expect(company.kind).toBe("company");
    const region = many.ask("london", { surface: "slash" }).answer;
    expect(region.kind).toBe("not-found");
    expect(region.kind === "not-found" && region.suggestions[0]?.command).toBe(
      "segment ml-ai-engineer london",
    );
  });

  it("did-you-mean ranks close names", () => {
    const nf = many.ask("acme robotix", { surface: "slash" }).answer;
    // "acme robotix" is one typo from "acme robotics": resolved, not a guess.
    expect(nf.kind).toBe("company");
    const far = many.ask("strype widget", { surface: "slash" }).answer;
    expect(far.kind).toBe("not-found");
  });

  it("a shorthand names one role only, and typos inside names with filler words still resolve", () => {
    const id = (text: string) => {
      const a = many.ask(text, { surface: "slash" }).answer;
      return "guide" in a ? a.guide.id : a.kind;
    };
    expect(id("vorzo pm san francisco")).toBe("vorzo/product-manager");
    expect(id("vorzo product marketing manager sf")).toBe("vorzo/product-marketing-manager");
    expect(id("vorzo data scientits sf")).toBe("vorzo/data-scientist");
    expect(id("vorzo dirrector of engineering sf")).toBe("vorzo/director-of-engineering");
    // Filler words alone never become a name.
    expect(id("vorzo data sf")).toBe("company");
  });

  it("level lookups find every guide mapping to that level", () => {
    const a = many.ask("level google l5", { surface: "slash" }).answer;
    expect(a.kind === "level-lookup" && a.matches.map((m) => m.guide.id).sort()).toEqual(
      [
        "acme-robotics/software-engineer",
        "segment/ml-ai-engineer",
        "segment/data-engineer",
        "stripe/ml-ai-engineer",
        "vorzo/data-scientist",
        "vorzo/director-of-engineering",
        "vorzo/product-manager",
        "vorzo/product-marketing-manager",
      ].sort(),
    );
  });
});
