/**
 * Which answer a question gets, and what it says, over a small catalogue of plain guides and the real search
 * index: each Query is written out by hand (what the parser would make), so every route of buildAnswer is
 * reached on purpose: a company alone, a role alone, a region, an unknown word, a bare guide question.
 */
import { describe, expect, it } from "vitest";
import type { Guide, GuideBody } from "../guides/types.ts";
import { parseOffer } from "../questions/offer.ts";
import type { Query } from "../questions/types.ts";
import { guide, LONDON, NY, SF } from "../render/fixtures.test-helpers.ts";
import { SearchIndex } from "../search/index.ts";
import { type AnswerSources, buildAnswer } from "./build.ts";
import { match, q } from "./query.test-helpers.ts";
import type { Answer } from "./types.ts";

const segment = guide(); // San Francisco, New York, London; review due 2026-05-23
/** The other guides map to Meta E4 only (Segment's maps to Google L4-L5 ML, Salesforce Einstein ML, …). */
const META_E4 = { internal: null, raw: "X = Meta E4", equivalences: [{ company: "Meta", level: "E4" }] };
const acmeSre = guide({
  id: "acme/sre",
  file: "guides/acme/sre.md",
  company: "acme",
  companyDisplay: "Acme",
  role: "sre",
  roleDisplay: "SRE",
  bands: [LONDON],
  nextReviewDue: "2027-01-01",
  levelMapping: {
    internal: "P3",
    raw: "Acme P3 = Google L5",
    equivalences: [
      { company: "Acme", level: "P3" },
      { company: "Google", level: "L5" },
    ],
  },
});
const acmeBackend = guide({
  id: "acme/backend-engineer",
  file: "guides/acme/backend-engineer.md",
  company: "acme",
  companyDisplay: "Acme",
  role: "backend-engineer",
  roleDisplay: "Backend Engineer",
  bands: [SF, NY],
  levelMapping: META_E4,
});
const globexSre = guide({
  id: "globex/sre",
  file: "guides/globex/sre.md",
  company: "globex",
  companyDisplay: "Globex",
  role: "sre",
  roleDisplay: "SRE",
  bands: [NY],
  levelMapping: META_E4,
});
const solo = guide({
  id: "solo/data-scientist",
  file: "guides/solo/data-scientist.md",
  company: "solo",
  companyDisplay: "Solo",
  role: "data-scientist",
  roleDisplay: "Data Scientist",
  bands: [SF, LONDON],
  levelMapping: META_E4,
});
const GUIDES = [segment, acmeSre, acmeBackend, globexSre, solo];
const index = new SearchIndex(GUIDES);

function sources(overrides: Partial<AnswerSources> = {}): AnswerSources {
  return { index, body: () => null, today: "2026-06-01", ...overrides };
}
const SEGMENT = match("segment", "Segment");
const ML = match("ml-ai-engineer", "ML/AI Engineer");
const ACME = match("acme", "Acme");
const SRE = match("sre", "SRE");
const SOLO = match("solo", "Solo");
const DS = match("data-scientist", "Data Scientist");
const LONDON_M = match("london", "London");
const PARIS = match("paris", "Paris");

function kindOf<K extends Answer["kind"]>(answer: Answer, kind: K): Extract<Answer, { kind: K }> {
  expect(answer.kind).toBe(kind);
  return answer as Extract<Answer, { kind: K }>;
}
const ask = (over: Partial<Query>, s = sources()) => buildAnswer(q(over), s);
const commands = (ups: readonly { command: string }[]) => ups.map((u) => u.command);

describe("help and the list", () => {
  it("help counts the guides and gives no reason", () => {
    const help = kindOf(ask({ intent: "help" }), "help");
    expect(help.reason).toBeNull();
    expect(help.guideCount).toBe(5);
    expect(help.examples[0]).toEqual({
      command: "segment ml-ai-engineer london",
      description: "the band for one region",
    });
  });

  it("list gives every company A–Z with its roles, not cut", () => {
    expect(ask({ intent: "list" })).toEqual({
      kind: "catalog",
      companies: [
        {
          key: "acme",
          display: "Acme",
          roles: [
            { key: "sre", display: "SRE" },
            { key: "backend-engineer", display: "Backend Engineer" },
          ],
        },
        { key: "globex", display: "Globex", roles: [{ key: "sre", display: "SRE" }] },
        { key: "segment", display: "Segment", roles: [{ key: "ml-ai-engineer", display: "ML/AI Engineer" }] },
        { key: "solo", display: "Solo", roles: [{ key: "data-scientist", display: "Data Scientist" }] },
      ],
      guideCount: 5,
      companyCount: 4,
      truncated: false,
      command: "list",
    });
  });
});

describe("lists are cut at 40", () => {
  // 41 companies with one SRE guide each, all mapping to Google L5.
  const many: Guide[] = Array.from({ length: 41 }, (_, i) => {
    const n = String(i).padStart(2, "0");
    return guide({
      id: `co${n}/sre`,
      file: `guides/co${n}/sre.md`,
      company: `co${n}`,
      companyDisplay: `Co${n}`,
      role: "sre",
      roleDisplay: "SRE",
      bands: [LONDON],
      levelMapping: {
        internal: null,
        raw: `Co${n} SRE = Google L5`,
        equivalences: [{ company: "Google", level: "L5" }],
      },
    });
  });
  const big = sources({ index: new SearchIndex(many) });

  it("the list shows 40 of 41 companies and says it was cut", () => {
    const catalog = kindOf(buildAnswer(q({ intent: "list" }), big), "catalog");
    expect(catalog.companies).toHaveLength(40);
    expect(catalog.companies[39]?.key).toBe("co39");
    expect(catalog.companyCount).toBe(41);
    expect(catalog.guideCount).toBe(41);
    expect(catalog.truncated).toBe(true);
  });

  it("exactly 40 companies are not cut", () => {
    const forty = sources({ index: new SearchIndex(many.slice(0, 40)) });
    const catalog = kindOf(buildAnswer(q({ intent: "list" }), forty), "catalog");
    expect(catalog.companies).toHaveLength(40);
    expect(catalog.truncated).toBe(false);
  });

  it("a level lookup lists the first 40 matching guides", () => {
    const level = { company: "google", companyDisplay: "Google", level: "l5" };
    const lookup = kindOf(buildAnswer(q({ intent: "level-lookup", level }), big), "level-lookup");
    expect(lookup.matches).toHaveLength(40);
    expect(lookup.followUps).toHaveLength(40);
    expect(lookup.followUps[39]).toEqual({ label: "SRE · Co39", command: "co39 sre", kind: "band" });
  });

  it("a role's answer names all 41 companies but has buttons for the first 40", () => {
    const role = kindOf(buildAnswer(q({ intent: "role", role: SRE }), big), "role");
    expect(role.companies).toHaveLength(41);
    expect(role.followUps).toHaveLength(40);
    expect(role.followUps[0]).toEqual({ label: "Co00", command: "co00 sre", kind: "band" });
  });
});

describe("level lookups", () => {
  it("finds the guides that map to the level, spells it as they do, one band button each", () => {
    const level = { company: "google", companyDisplay: "Google", level: "l5" };
    expect(ask({ intent: "level-lookup", level })).toEqual({
      kind: "level-lookup",
      company: "Google",
      level: "L5",
      matches: [
        { guide: segment, equivalence: { company: "Google", level: "L4-L5 ML" } },
        { guide: acmeSre, equivalence: { company: "Google", level: "L5" } },
      ],
      followUps: [
        { label: "ML/AI Engineer · Segment", command: "segment ml-ai-engineer", kind: "band" },
        { label: "SRE · Acme", command: "acme sre", kind: "band" },
      ],
      command: "level google l5",
    });
  });

  it("spells a level with the guides' capitals; without a match, only words with digits are upper-cased", () => {
    const einstein = { company: "salesforce", companyDisplay: "Salesforce", level: "einstein ml" };
    expect(kindOf(ask({ intent: "level-lookup", level: einstein }), "level-lookup").level).toBe(
      "Einstein ML",
    );
    const none = { company: "google", companyDisplay: "Google", level: "l9 staff" };
    const lookup = kindOf(ask({ intent: "level-lookup", level: none }), "level-lookup");
    expect(lookup.matches).toEqual([]);
    expect(lookup.level).toBe("L9 staff");
    expect(lookup.command).toBe("level google l9 staff");
  });
});

describe("a level spelled with a hyphen", () => {
  it("keeps the guides' spelling of the hyphenated word", () => {
    const principal = guide({
      levelMapping: {
        internal: null,
        raw: "Segment ML/AI = Stripe Sr-Principal",
        equivalences: [{ company: "Stripe", level: "Sr-Principal" }],
      },
    });
    const s = sources({ index: new SearchIndex([principal]) });
    const level = { company: "stripe", companyDisplay: "Stripe", level: "sr-principal" };
    const lookup = kindOf(buildAnswer(q({ intent: "level-lookup", level }), s), "level-lookup");
    expect(lookup.matches).toHaveLength(1);
    expect(lookup.level).toBe("Sr-Principal");
  });
});

describe("a company and a role", () => {
  it("without a region: every region, a button each and the script", () => {
    expect(ask({ company: SEGMENT, role: ML })).toEqual({
      kind: "regions",
      guide: segment,
      overdue: true,
      today: "2026-06-01",
      bands: [SF, NY, LONDON],
      followUps: [
        { label: "San Francisco", command: "segment ml-ai-engineer san-francisco", kind: "region" },
        { label: "New York", command: "segment ml-ai-engineer new-york", kind: "region" },
        { label: "London", command: "segment ml-ai-engineer london", kind: "region" },
        { label: "Negotiation script", command: "script segment ml-ai-engineer", kind: "script" },
      ],
      command: "segment ml-ai-engineer",
    });
  });

  it("a guide whose review is due today is not yet overdue", () => {
    const a = kindOf(ask({ company: SEGMENT, role: ML }, sources({ today: "2026-05-23" })), "regions");
    expect(a.overdue).toBe(false);
    const b = kindOf(ask({ company: SEGMENT, role: ML }, sources({ today: "2026-05-24" })), "regions");
    expect(b.overdue).toBe(true);
  });

  it("with a region: its band, the other regions, the script and all regions", () => {
    expect(ask({ company: SEGMENT, role: ML, region: LONDON_M })).toEqual({
      kind: "band",
      guide: segment,
      overdue: true,
      today: "2026-06-01",
      band: LONDON,
      followUps: [
        { label: "San Francisco", command: "segment ml-ai-engineer san-francisco", kind: "region" },
        { label: "New York", command: "segment ml-ai-engineer new-york", kind: "region" },
        { label: "Negotiation script", command: "script segment ml-ai-engineer", kind: "script" },
        { label: "All regions", command: "segment ml-ai-engineer", kind: "regions" },
      ],
      command: "segment ml-ai-engineer london",
    });
  });

  it("a region the guide has no band for: which regions it has (no script button)", () => {
    expect(ask({ company: SEGMENT, role: ML, region: PARIS })).toEqual({
      kind: "region-not-found",
      guide: segment,
      overdue: true,
      today: "2026-06-01",
      askedRegion: "Paris",
      available: [SF, NY, LONDON],
      followUps: [
        { label: "San Francisco", command: "segment ml-ai-engineer san-francisco", kind: "region" },
        { label: "New York", command: "segment ml-ai-engineer new-york", kind: "region" },
        { label: "London", command: "segment ml-ai-engineer london", kind: "region" },
      ],
    });
  });

  it("two regions named: both bands side by side in the order asked, each in its own currency", () => {
    const NY_M = match("new-york", "New York");
    expect(ask({ company: SEGMENT, role: ML, region: NY_M, moreRegions: [LONDON_M] })).toEqual({
      kind: "regions",
      guide: segment,
      overdue: true,
      today: "2026-06-01",
      bands: [NY, LONDON],
      named: { missing: [] },
      followUps: [
        { label: "New York", command: "segment ml-ai-engineer new-york", kind: "region" },
        { label: "London", command: "segment ml-ai-engineer london", kind: "region" },
        { label: "All regions", command: "segment ml-ai-engineer", kind: "regions" },
        { label: "Negotiation script", command: "script segment ml-ai-engineer", kind: "script" },
      ],
      command: "segment ml-ai-engineer new-york london",
    });
  });

  it("a named region the guide has no band for is said, not dropped; none of them: which regions it has", () => {
    const a = kindOf(ask({ company: SEGMENT, role: ML, region: LONDON_M, moreRegions: [PARIS] }), "regions");
    expect(a.bands).toEqual([LONDON]);
    expect(a.named).toEqual({ missing: ["Paris"] });
    expect(a.command).toBe("segment ml-ai-engineer london");
    const TOKYO = match("tokyo", "Tokyo");
    const none = kindOf(
      ask({ company: SEGMENT, role: ML, region: PARIS, moreRegions: [TOKYO] }),
      "region-not-found",
    );
    expect(none.askedRegion).toBe("Paris or Tokyo");
    expect(none.available).toEqual([SF, NY, LONDON]);
  });

  it("a currency asked for is kept on band, regions and script answers (the figures are not converted)", () => {
    const band = kindOf(ask({ company: SEGMENT, role: ML, region: LONDON_M, currency: "USD" }), "band");
    expect(band.askedCurrency).toBe("USD");
    expect(band.band).toEqual(LONDON);
    expect(kindOf(ask({ company: SEGMENT, role: ML, currency: "EUR" }), "regions").askedCurrency).toBe("EUR");
    const script = ask({ intent: "script", company: SEGMENT, role: ML, region: LONDON_M, currency: "USD" });
    expect(kindOf(script, "script").askedCurrency).toBe("USD");
    // Without one, no field at all.
    expect("askedCurrency" in ask({ company: SEGMENT, role: ML, region: LONDON_M })).toBe(false);
  });

  it("words we could not read after the guide's name are taken as a place we do not know", () => {
    const a = kindOf(ask({ company: SEGMENT, role: ML, unknown: ["xyzzy", "plugh"] }), "region-not-found");
    expect(a.askedRegion).toBe("xyzzy plugh");
    // As asked, with the filler words inside kept: "bay of plenty", not "bay plenty".
    const asked = { company: SEGMENT, role: ML, unknown: ["bay", "plenty"], unknownText: "bay of plenty" };
    expect(kindOf(ask(asked), "region-not-found").askedRegion).toBe("bay of plenty");
    expect(commands(a.followUps)).toEqual([
      "segment ml-ai-engineer san-francisco",
      "segment ml-ai-engineer new-york",
      "segment ml-ai-engineer london",
    ]);
  });

  it("a pair we have no guide for is not found, with each side's guides suggested", () => {
    const nf = kindOf(ask({ company: SEGMENT, role: SRE }), "not-found");
    expect(nf.asked).toBe("Segment SRE");
    expect(nf.suggestions.slice(0, 3)).toEqual([
      { label: "ML/AI Engineer · Segment", command: "segment ml-ai-engineer", kind: "suggestion" },
      { label: "SRE · Acme", command: "acme sre", kind: "suggestion" },
      { label: "SRE · Globex", command: "globex sre", kind: "suggestion" },
    ]);
  });

  it("level: the guide's own mapping, its regions and script as buttons", () => {
    expect(ask({ intent: "level", company: ACME, role: SRE })).toEqual({
      kind: "level",
      guide: acmeSre,
      overdue: false,
      today: "2026-06-01",
      internal: "P3",
      equivalences: [
        { company: "Acme", level: "P3" },
        { company: "Google", level: "L5" },
      ],
      raw: "Acme P3 = Google L5",
      followUps: [
        { label: "London", command: "acme sre london", kind: "region" },
        { label: "Negotiation script", command: "script acme sre", kind: "script" },
      ],
      command: "level acme sre",
    });
  });

  it("freshness: the guide's dates, its regions and script as buttons", () => {
    const a = kindOf(ask({ intent: "freshness", company: ACME, role: SRE }), "freshness");
    expect(a.command).toBe("updated acme sre");
    expect(a.lastUpdated).toBe("2026-02-23");
    expect(a.updatedAgo).toBe("about 3 months ago");
    expect(a.overdue).toBe(false);
    expect(commands(a.followUps)).toEqual(["acme sre london", "script acme sre"]);
  });
});

describe("the script", () => {
  it("for a region, without a body: the guide's DNA summary, no script, the regions as buttons", () => {
    expect(ask({ intent: "script", company: SEGMENT, role: ML, region: LONDON_M })).toEqual({
      kind: "script",
      guide: segment,
      overdue: true,
      today: "2026-06-01",
      band: LONDON,
      dnaSummary: "Top-Tier Twilio RSU + Signing Bonus | AI-Native Customer Data Intelligence 2026",
      levers: [],
      script: null,
      scriptNotes: [],
      disclaimer: "Not financial, tax or legal advice: figures are market estimates from the guide.",
      followUps: [
        { label: "San Francisco", command: "segment ml-ai-engineer san-francisco", kind: "region" },
        { label: "New York", command: "segment ml-ai-engineer new-york", kind: "region" },
        { label: "London", command: "segment ml-ai-engineer london", kind: "region" },
      ],
      command: "script segment ml-ai-engineer london",
    });
  });

  it("a region the guide does not have gives the script as written, its command without a region", () => {
    const a = kindOf(ask({ intent: "script", company: SEGMENT, role: ML, region: PARIS }), "script");
    expect(a.band).toBeNull();
    expect(a.command).toBe("script segment ml-ai-engineer");
  });

  it("the body's DNA summary comes first; an empty summary in the guide is no summary", () => {
    const body: GuideBody = {
      dnaSummary: "From the body",
      overview: [],
      levers: [],
      script: null,
      evidence: [],
      table: [],
    };
    const fromBody = ask({ intent: "script", company: ACME, role: SRE }, sources({ body: () => body }));
    expect(kindOf(fromBody, "script").dnaSummary).toBe("From the body");
    const blank = guide({ negotiationDnaSummary: "" });
    const blankSources = sources({ index: new SearchIndex([blank]) });
    const none = kindOf(
      buildAnswer(q({ intent: "script", company: SEGMENT, role: ML }), blankSources),
      "script",
    );
    expect(none.dnaSummary).toBeNull();
  });
});

describe("what to ask for (targets)", () => {
  it("for a region: the script for that band, marked as targets, with its own command", () => {
    const a = kindOf(ask({ intent: "targets", company: SEGMENT, role: ML, region: LONDON_M }), "script");
    expect(a.purpose).toBe("targets");
    expect(a.band).toEqual(LONDON);
    expect(a.command).toBe("targets segment ml-ai-engineer london");
  });

  it("a guide with one band needs no region", () => {
    const a = kindOf(ask({ intent: "targets", company: ACME, role: SRE }), "script");
    expect(a.band).toEqual(LONDON);
    expect(a.command).toBe("targets acme sre london");
  });

  it("several bands and no region: which region?", () => {
    const a = kindOf(ask({ intent: "targets", company: SEGMENT, role: ML }), "choose");
    expect(a.question).toBe("What to ask for as ML/AI Engineer at Segment: which region?");
    expect(commands(a.options)).toEqual([
      "targets segment ml-ai-engineer san-francisco",
      "targets segment ml-ai-engineer new-york",
      "targets segment ml-ai-engineer london",
    ]);
  });

  it("a region the guide does not have: the regions it has", () => {
    const a = kindOf(
      ask({ intent: "targets", company: SEGMENT, role: ML, region: PARIS }),
      "region-not-found",
    );
    expect(a.askedRegion).toBe("Paris");
  });
});

describe("an offer check", () => {
  const offer = parseOffer("base 150k");

  it("for a region: placed in that band", () => {
    const a = kindOf(ask({ intent: "offer", company: SEGMENT, role: ML, region: LONDON_M, offer }), "offer");
    expect(a.band).toEqual(LONDON);
    expect(a.today).toBe("2026-06-01");
  });

  it("a guide with one band needs no region", () => {
    const a = kindOf(ask({ intent: "offer", company: ACME, role: SRE, offer }), "offer");
    expect(a.band).toEqual(LONDON);
  });

  it("several bands and no region: one button a region that checks the same offer there", () => {
    expect(ask({ intent: "offer", company: SEGMENT, role: ML, offer })).toEqual({
      kind: "region-not-found",
      guide: segment,
      overdue: true,
      today: "2026-06-01",
      askedRegion: "",
      available: [SF, NY, LONDON],
      followUps: [
        {
          label: "Check offer · San Francisco",
          command: "offer segment ml-ai-engineer san-francisco base 150000",
          kind: "offer",
        },
        {
          label: "Check offer · New York",
          command: "offer segment ml-ai-engineer new-york base 150000",
          kind: "offer",
        },
        {
          label: "Check offer · London",
          command: "offer segment ml-ai-engineer london base 150000",
          kind: "offer",
        },
      ],
    });
  });

  it("a region the guide does not have is named back", () => {
    const a = kindOf(
      ask({ intent: "offer", company: SEGMENT, role: ML, region: PARIS, offer }),
      "region-not-found",
    );
    expect(a.askedRegion).toBe("Paris");
  });
});

describe("a company alone", () => {
  it("with several roles: its roles, one button each, in the asked region where the guide has it", () => {
    expect(ask({ company: ACME, region: LONDON_M })).toEqual({
      kind: "company",
      company: { key: "acme", display: "Acme" },
      roles: [
        { key: "sre", display: "SRE", regions: ["London"] },
        { key: "backend-engineer", display: "Backend Engineer", regions: ["San Francisco", "New York"] },
      ],
      followUps: [
        { label: "SRE", command: "acme sre london", kind: "band" },
        { label: "Backend Engineer", command: "acme backend-engineer", kind: "band" },
      ],
      command: "acme",
    });
  });

  it("with several roles and a question about one guide: which role?", () => {
    const a = kindOf(ask({ intent: "level", company: ACME }), "choose");
    expect(a.question).toBe("Which guide's level mapping (2 roles at Acme)?");
    expect(a.options).toEqual([
      { label: "SRE", command: "level acme sre", kind: "level" },
      { label: "Backend Engineer", command: "level acme backend-engineer", kind: "level" },
    ]);
  });

  it("with one role and a region: that band", () => {
    const a = kindOf(ask({ intent: "company", company: SOLO, region: LONDON_M }), "band");
    expect(a.guide.id).toBe("solo/data-scientist");
    expect(a.band).toEqual(LONDON);
  });

  it("with one role and a question about one guide: answered for that guide", () => {
    const a = kindOf(ask({ intent: "script", company: SOLO }), "script");
    expect(a.command).toBe("script solo data-scientist");
  });

  it("with one role and nothing else asked: the company's roles", () => {
    const a = kindOf(ask({ intent: "company", company: SOLO }), "company");
    expect(a.roles).toEqual([
      { key: "data-scientist", display: "Data Scientist", regions: ["San Francisco", "London"] },
    ]);
    expect(a.followUps).toEqual([{ label: "Data Scientist", command: "solo data-scientist", kind: "band" }]);
  });

  it("with words we could not read: not found", () => {
    expect(ask({ company: SOLO, unknown: ["widget"] }).kind).toBe("not-found");
  });
});

describe("a role alone", () => {
  it("the companies that have it", () => {
    expect(ask({ intent: "role", role: SRE })).toEqual({
      kind: "role",
      role: { key: "sre", display: "SRE" },
      companies: [
        { key: "acme", display: "Acme", regions: ["London"] },
        { key: "globex", display: "Globex", regions: ["New York"] },
      ],
      followUps: [
        { label: "Acme", command: "acme sre", kind: "band" },
        { label: "Globex", command: "globex sre", kind: "band" },
      ],
      command: "sre",
    });
  });

  it("with a region: only the companies with a band there", () => {
    const a = kindOf(ask({ intent: "role", role: SRE, region: LONDON_M }), "role");
    expect(a.companies.map((c) => c.key)).toEqual(["acme"]);
    expect(a.followUps).toEqual([{ label: "Acme", command: "acme sre london", kind: "band" }]);
  });

  it("with a region none of them has: all of them", () => {
    const a = kindOf(ask({ intent: "role", role: SRE, region: PARIS }), "role");
    expect(a.companies.map((c) => c.key)).toEqual(["acme", "globex"]);
  });

  it("a question about one guide, several companies: which company?", () => {
    const a = kindOf(ask({ intent: "script", role: SRE }), "choose");
    expect(a.question).toBe("Which guide's negotiation script (2 companies have a SRE guide)?");
    expect(a.options).toEqual([
      { label: "Acme", command: "script acme sre", kind: "script" },
      { label: "Globex", command: "script globex sre", kind: "script" },
    ]);
  });

  it("a question about one guide and one company with the region: answered for it", () => {
    const a = kindOf(ask({ intent: "script", role: SRE, region: LONDON_M }), "script");
    expect(a.guide.id).toBe("acme/sre");
    expect(a.command).toBe("script acme sre london");
  });

  it("one company has the role: a question about it is answered for that guide", () => {
    const a = kindOf(ask({ intent: "level", role: DS }), "level");
    expect(a.command).toBe("level solo data-scientist");
  });
});

describe("a bare question about one guide: which guide?", () => {
  const labels = [
    "ML/AI Engineer · Segment",
    "SRE · Acme",
    "Backend Engineer · Acme",
    "SRE · Globex",
    "Data Scientist · Solo",
  ];

  it.each([
    [
      "script",
      [
        "script segment ml-ai-engineer london",
        "script acme sre london",
        "script acme backend-engineer",
        "script globex sre",
        "script solo data-scientist london",
      ],
    ],
    [
      "targets",
      [
        "targets segment ml-ai-engineer london",
        "targets acme sre london",
        "targets acme backend-engineer",
        "targets globex sre",
        "targets solo data-scientist london",
      ],
    ],
    [
      "offer",
      [
        "offer segment ml-ai-engineer london",
        "offer acme sre london",
        "offer acme backend-engineer",
        "offer globex sre",
        "offer solo data-scientist london",
      ],
    ],
    [
      "level",
      [
        "level segment ml-ai-engineer",
        "level acme sre",
        "level acme backend-engineer",
        "level globex sre",
        "level solo data-scientist",
      ],
    ],
    [
      "freshness",
      [
        "updated segment ml-ai-engineer",
        "updated acme sre",
        "updated acme backend-engineer",
        "updated globex sre",
        "updated solo data-scientist",
      ],
    ],
  ] as const)("%s (in London): every guide, the region kept where the guide has it", (intent, expected) => {
    const a = kindOf(ask({ intent, region: LONDON_M }), "choose");
    expect(a.options.map((o) => o.label)).toEqual(labels);
    expect(commands(a.options)).toEqual(expected);
    expect(a.total).toBe(5);
  });

  it("an offer with figures: each button checks the same figures", () => {
    const a = kindOf(ask({ intent: "offer", offer: parseOffer("base 150k"), region: LONDON_M }), "choose");
    expect(a.options[0]?.command).toBe("offer segment ml-ai-engineer london base 150000");
    expect(a.options[2]?.command).toBe("offer acme backend-engineer base 150000");
  });

  it("words we could not read are not a bare question", () => {
    expect(ask({ intent: "level", unknown: ["zork"] }).kind).toBe("not-found");
  });

  it("a level named without a company is not a bare question either", () => {
    const level = { company: "google", companyDisplay: "Google", level: "l5" };
    expect(ask({ intent: "level", level }).kind).toBe("not-found");
  });
});

describe("nothing we know", () => {
  it("a band question naming nothing is not found", () => {
    expect(ask({ text: "hello there" })).toMatchObject({ kind: "not-found", asked: "hello there" });
  });
});
