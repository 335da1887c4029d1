/**
 * Plain-data fixtures for renderer tests, modelled on guides/segment/ml-ai-engineer.md (repaired text).
 * Every builder takes overrides so tests can push one field to an extreme.
 */
import type {
  Answer,
  BandAnswer,
  CatalogAnswer,
  CompanyAnswer,
  FollowUp,
  HelpAnswer,
  LevelAnswer,
  LevelLookupAnswer,
  NotFoundAnswer,
  OfferAnswer,
  OfferLine,
  RegionNotFoundAnswer,
  RegionsAnswer,
  RoleAnswer,
  ScriptAnswer,
} from "../answers/types.ts";
import { DISCLAIMER } from "../answers/types.ts";
import type { Band, Guide, Lever, NegotiationScript } from "../guides/types.ts";

export const SF: Band = {
  region: "San Francisco",
  regionSlug: "san-francisco",
  currency: "USD",
  base: { low: 188000, high: 228000 },
  stock: { low: 145000, high: 270000 },
  bonusPct: { low: 10, high: 10 },
  totalComp: { low: 262000, high: 355000 },
};

export const NY: Band = {
  region: "New York",
  regionSlug: "new-york",
  currency: "USD",
  base: { low: 182000, high: 222000 },
  stock: { low: 138000, high: 258000 },
  bonusPct: { low: 10, high: 10 },
  totalComp: { low: 252000, high: 342000 },
};

export const LONDON: Band = {
  region: "London",
  regionSlug: "london",
  currency: "GBP",
  base: { low: 132000, high: 165000 },
  stock: { low: 102000, high: 188000 },
  bonusPct: { low: 10, high: 10 },
  totalComp: { low: 182000, high: 248000 },
};

export const LEVEL_RAW =
  "Segment ML/AI = Google L4-L5 ML = Meta ML E5 = Salesforce Einstein ML = mParticle AI Lead";

export function guide(overrides: Partial<Guide> = {}): Guide {
  return {
    id: "segment/ml-ai-engineer",
    file: "guides/segment/ml-ai-engineer.md",
    company: "segment",
    companyDisplay: "Segment",
    role: "ml-ai-engineer",
    roleDisplay: "ML/AI Engineer",
    roleType: "standard",
    lastUpdated: "2026-02-23",
    nextReviewDue: "2026-05-23",
    dataQuality: "high",
    salaryDataQuarter: "2025-Q4",
    bands: [SF, NY, LONDON],
    levelMapping: {
      internal: null,
      raw: LEVEL_RAW,
      equivalences: [
        { company: "Segment", level: "ML/AI" },
        { company: "Google", level: "L4-L5 ML" },
        { company: "Meta", level: "ML E5" },
        { company: "Salesforce", level: "Einstein ML" },
        { company: "mParticle", level: "AI Lead" },
      ],
    },
    dataSources: ["Levels.fyi"],
    negotiationDnaSummary: "Top-Tier Twilio RSU + Signing Bonus | AI-Native Customer Data Intelligence 2026",
    extra: {},
    ...overrides,
  };
}

export const LEVERS: Lever[] = [
  {
    title: "AI Product Core",
    quote:
      "I'm building the AI intelligence that is becoming Segment's primary product differentiator. This isn't supplementary — it's the core value proposition. My RSUs must reflect the strategic centrality.",
  },
  {
    title: "AI Lab/Big Tech Counter",
    quote:
      "I have ML offers from Google and Anthropic at $400K+. Segment's Twilio RSUs provide liquidity but the total package must be competitive for AI talent.",
  },
  {
    title: "Customer Data ML Scarcity",
    quote:
      "The intersection of ML engineering and customer data expertise is extremely rare. I bring both — my comp should reflect this market scarcity, not generic ML benchmarks.",
  },
  {
    title: "Signing Bonus for AI Talent",
    quote:
      "The AI talent market demands signing bonuses for competitive transitions. I expect $45K-$65K to offset the guaranteed comp gap with pure AI companies.",
  },
];

export const SCRIPT: NegotiationScript = {
  text: "I'd like $260K in Twilio RSUs over 4 years with a $225K base, 13% bonus, and $55K signing bonus. I'm building Segment's AI customer intelligence engine — the core product differentiator for CDP market leadership. I have Google ML and Anthropic offers at $410K+ guaranteed. Segment's RSU package must make this bet compelling.",
  acceptThreshold: { text: "$242K RSUs", amount: 242000, component: "RSUs" },
};

export function followUp(label: string, command: string, kind: FollowUp["kind"] = "region"): FollowUp {
  return { label, command, kind };
}

export const BAND_FOLLOW_UPS: FollowUp[] = [
  followUp("San Francisco", "segment ml-ai-engineer san-francisco"),
  followUp("New York", "segment ml-ai-engineer new-york"),
  followUp("Negotiation script", "script segment ml-ai-engineer london", "script"),
  followUp("All regions", "segment ml-ai-engineer", "regions"),
];

const facts = (g: Guide = guide()) => ({ guide: g, overdue: false, today: "2026-03-01" });

export function bandAnswer(overrides: Partial<BandAnswer> = {}): BandAnswer {
  return {
    kind: "band",
    ...facts(),
    band: LONDON,
    followUps: BAND_FOLLOW_UPS,
    command: "segment ml-ai-engineer london",
    ...overrides,
  };
}

export function regionsAnswer(overrides: Partial<RegionsAnswer> = {}): RegionsAnswer {
  return {
    kind: "regions",
    ...facts(),
    bands: [SF, NY, LONDON],
    followUps: [followUp("Negotiation script", "script segment ml-ai-engineer", "script")],
    command: "segment ml-ai-engineer",
    ...overrides,
  };
}

export function companyAnswer(overrides: Partial<CompanyAnswer> = {}): CompanyAnswer {
  return {
    kind: "company",
    company: { key: "segment", display: "Segment" },
    roles: [
      { key: "ml-ai-engineer", display: "ML/AI Engineer", regions: ["San Francisco", "New York", "London"] },
    ],
    followUps: [followUp("ML/AI Engineer", "segment ml-ai-engineer", "role")],
    command: "segment",
    ...overrides,
  };
}

export function roleAnswer(overrides: Partial<RoleAnswer> = {}): RoleAnswer {
  return {
    kind: "role",
    role: { key: "ml-ai-engineer", display: "ML/AI Engineer" },
    companies: [{ key: "segment", display: "Segment", regions: ["San Francisco", "New York", "London"] }],
    followUps: [followUp("Segment", "segment ml-ai-engineer", "company")],
    command: "ml-ai-engineer",
    ...overrides,
  };
}

export function catalogAnswer(overrides: Partial<CatalogAnswer> = {}): CatalogAnswer {
  return {
    kind: "catalog",
    companies: [
      { key: "segment", display: "Segment", roles: [{ key: "ml-ai-engineer", display: "ML/AI Engineer" }] },
    ],
    guideCount: 1,
    companyCount: 1,
    truncated: false,
    command: "list",
    ...overrides,
  };
}

export function scriptAnswer(overrides: Partial<ScriptAnswer> = {}): ScriptAnswer {
  return {
    kind: "script",
    ...facts(),
    band: LONDON,
    dnaSummary: "Top-Tier Twilio RSU + Signing Bonus | AI-Native Customer Data Intelligence 2026",
    levers: LEVERS,
    script: SCRIPT,
    disclaimer: DISCLAIMER,
    followUps: [followUp("London band", "segment ml-ai-engineer london", "band")],
    command: "script segment ml-ai-engineer london",
    ...overrides,
  };
}

export function levelAnswer(overrides: Partial<LevelAnswer> = {}): LevelAnswer {
  const g = guide();
  return {
    kind: "level",
    ...facts(g),
    internal: null,
    equivalences: g.levelMapping.equivalences,
    raw: LEVEL_RAW,
    followUps: [followUp("All regions", "segment ml-ai-engineer", "regions")],
    command: "level segment ml-ai-engineer",
    ...overrides,
  };
}

export function levelLookupAnswer(overrides: Partial<LevelLookupAnswer> = {}): LevelLookupAnswer {
  return {
    kind: "level-lookup",
    company: "Google",
    level: "L5",
    matches: [{ guide: guide(), equivalence: { company: "Google", level: "L4-L5 ML" } }],
    followUps: [followUp("ML/AI Engineer · Segment", "segment ml-ai-engineer", "band")],
    command: "level google l5",
    ...overrides,
  };
}

export function notFoundAnswer(overrides: Partial<NotFoundAnswer> = {}): NotFoundAnswer {
  return {
    kind: "not-found",
    asked: "a guide for acme widget-engineer",
    unknown: ["acme", "widget-engineer"],
    suggestions: [followUp("ML/AI Engineer · Segment", "segment ml-ai-engineer", "suggestion")],
    ...overrides,
  };
}

export function regionNotFoundAnswer(overrides: Partial<RegionNotFoundAnswer> = {}): RegionNotFoundAnswer {
  return {
    kind: "region-not-found",
    ...facts(guide({ bands: [SF, NY] })),
    askedRegion: "London",
    available: [SF, NY],
    followUps: [],
    ...overrides,
  };
}

export function helpAnswer(overrides: Partial<HelpAnswer> = {}): HelpAnswer {
  return {
    kind: "help",
    reason: null,
    examples: [
      { command: "segment ml-ai-engineer london", description: "one band" },
      { command: "segment ml-ai-engineer", description: "every region" },
      { command: "script segment ml-ai-engineer", description: "the negotiation script" },
      { command: "list", description: "every guide" },
    ],
    guideCount: 1,
    ...overrides,
  };
}

/** One answer of every kind, with the seed guide's data. */
export function everyKind(): Answer[] {
  return [
    helpAnswer(),
    helpAnswer({ reason: "I couldn't read “zzz”." }),
    bandAnswer(),
    bandAnswer({ band: SF, command: "segment ml-ai-engineer san-francisco" }),
    regionsAnswer(),
    companyAnswer(),
    roleAnswer(),
    catalogAnswer(),
    scriptAnswer(),
    scriptAnswer({ band: null }),
    levelAnswer(),
    levelLookupAnswer(),
    levelLookupAnswer({ level: "L7", matches: [], followUps: [] }),
    notFoundAnswer(),
    notFoundAnswer({ suggestions: [] }),
    regionNotFoundAnswer(),
    // A currency asked for, figures someone wants, pay now without a region.
    bandAnswer({ askedCurrency: "USD" }),
    regionsAnswer({ askedCurrency: "EUR" }),
    scriptAnswer({
      askedCurrency: "USD",
      wanted: {
        lines: [
          offerLine("base", "base", 200000, { low: 132000, high: 165000 }),
          offerLine("stock", "stock grant", 160000, { low: 102000, high: 188000 }),
          offerLine("bonus", "bonus", 5, { low: 10, high: 10 }, "percent"),
        ],
        currency: null,
      },
    }),
    scriptAnswer({ wanted: { lines: [], currency: "USD" } }),
    regionNotFoundAnswer({
      askedRegion: "",
      paidNow: true,
      followUps: [
        followUp(
          "Check pay · San Francisco",
          "segment ml-ai-engineer san-francisco currently base 150000",
          "offer",
        ),
      ],
    }),
    ...everyOffer(),
  ];
}

/** A band in region number `i`, for many-region tests. */
export function syntheticBand(i: number, name = `Region ${i}`): Band {
  return { ...LONDON, region: name, regionSlug: `region-${i}`, currency: i % 2 === 0 ? "EUR" : "CHF" };
}

// ---------------------------------------------------------------------------------------------------------------
// Offer checks (modelled on `offer segment ml-ai-engineer london base 150k stock 120k bonus 10% signing 20k`)
// ---------------------------------------------------------------------------------------------------------------

export function offerLine(
  component: OfferLine["component"],
  label: string,
  offered: number,
  range: { low: number; high: number },
  unit: OfferLine["unit"] = "money",
): OfferLine {
  const span = range.high - range.low;
  const pct = Math.round(span > 0 ? ((offered - range.low) / span) * 100 : offered >= range.low ? 100 : 0);
  const where = offered < range.low ? "below" : offered > range.high ? "above" : "within";
  return { component, label, offered, low: range.low, high: range.high, unit, position: { where, pct } };
}

export const OFFER_SCRIPT =
  "I'd like £167K in Twilio RSUs over 4 years with a £150K base, 10% bonus, and £38K signing bonus. I'm building Segment's AI customer intelligence engine — the core product differentiator for CDP market leadership. I have Google ML and Anthropic offers at £286K+ guaranteed. Segment's RSU package must make this bet compelling.";

export const OFFER_PROVENANCE = [
  "From the guide: the London band (2025-Q4) and the wording of its Negotiate Up script.",
  "Derived: base £150K = your offer, already above the band's middle.",
  "Derived: stock grant £167K = 75th percentile of the band's stock range (your weakest figure, at 21% of the band).",
  "Derived: bonus 10% = top of the band's bonus range.",
  "Derived: signing bonus £38K = the guide's $55K × 0.70 (London ÷ San Francisco total comp midpoints).",
  "Derived: other figures in the script (competing offers) × 0.70 (London ÷ San Francisco total comp midpoints), in GBP.",
  "Derived: accept threshold £155K in stock = the guide accepts above $242K RSUs against its $260K ask; the same ratio applied to the stock target.",
];

/** The full London offer: every figure inside the band, total 20% of the way through it. */
export function offerAnswer(overrides: Partial<OfferAnswer> = {}): OfferAnswer {
  return {
    kind: "offer",
    ...facts(),
    band: LONDON,
    offer: {
      base: 150000,
      stock: 120000,
      bonusPct: 10,
      bonusAmount: null,
      signing: 20000,
      vestYears: 4,
      vestGiven: false,
      currency: null,
    },
    assumedCurrency: true,
    currencyMismatch: null,
    lines: [
      offerLine("base", "Base", 150000, LONDON.base),
      offerLine("stock", "Stock (grant over 4 yrs)", 120000, LONDON.stock),
      offerLine("bonus", "Bonus", 10, LONDON.bonusPct, "percent"),
      offerLine("total", "Total comp (annualised)", 195000, LONDON.totalComp),
    ],
    annual: {
      total: 195000,
      parts: [
        { label: "base", amount: 150000, formula: "£150K" },
        { label: "stock per year", amount: 30000, formula: "£120K ÷ 4" },
        { label: "bonus", amount: 15000, formula: "10% × £150K" },
      ],
      partial: false,
    },
    signing: 20000,
    targets: [
      {
        component: "base",
        label: "Base",
        amount: 150000,
        unit: "money",
        how: "your offer, already above the band's middle",
      },
      {
        component: "stock",
        label: "Stock grant",
        amount: 167000,
        unit: "money",
        how: "75th percentile of the band's stock range (your weakest figure, at 21% of the band)",
      },
      {
        component: "bonus",
        label: "Bonus",
        amount: 10,
        unit: "percent",
        how: "top of the band's bonus range",
      },
      {
        component: "signing",
        label: "Signing bonus",
        amount: 38000,
        unit: "money",
        how: "the guide's $55K × 0.70 (London ÷ San Francisco total comp midpoints)",
      },
    ],
    script: OFFER_SCRIPT,
    acceptThreshold: {
      amount: 155000,
      text: "£155K in stock",
      how: "the guide accepts above $242K RSUs against its $260K ask; the same ratio applied to the stock target",
    },
    provenance: OFFER_PROVENANCE,
    unreadable: [],
    disclaimer: DISCLAIMER,
    followUps: [],
    command: "offer segment ml-ai-engineer london base 150000 stock 120000 bonus 10% signing 20000",
    ...overrides,
  };
}

/** Only a base of £100K: below the band, no total placed (stock and bonus missing). */
export function partialOfferAnswer(overrides: Partial<OfferAnswer> = {}): OfferAnswer {
  const base = offerAnswer();
  return offerAnswer({
    offer: { ...base.offer, stock: null, bonusPct: null, signing: null },
    lines: [offerLine("base", "Base", 100000, LONDON.base)],
    annual: null,
    missing: ["stock", "bonus"],
    signing: null,
    command: "offer segment ml-ai-engineer london base 100000",
    ...overrides,
  });
}

/** $300K base and $400K stock in New York: above the band, bonus missing; another USD region to try. */
export function aboveOfferAnswer(overrides: Partial<OfferAnswer> = {}): OfferAnswer {
  const base = offerAnswer();
  return offerAnswer({
    band: NY,
    offer: { ...base.offer, base: 300000, stock: 400000, bonusPct: null, signing: null, currency: "USD" },
    assumedCurrency: false,
    lines: [
      offerLine("base", "Base", 300000, NY.base),
      offerLine("stock", "Stock (grant over 4 yrs)", 400000, NY.stock),
    ],
    annual: null,
    missing: ["bonus"],
    signing: null,
    followUps: [
      followUp(
        "San Francisco",
        "offer segment ml-ai-engineer san-francisco base USD 300000 stock USD 400000",
        "offer",
      ),
    ],
    command: "offer segment ml-ai-engineer new-york base USD 300000 stock USD 400000",
    ...overrides,
  });
}

const USD_REGIONS: FollowUp[] = [
  followUp("San Francisco", "offer segment ml-ai-engineer san-francisco base USD 150000", "offer"),
  followUp("New York", "offer segment ml-ai-engineer new-york base USD 150000", "offer"),
];

/** A $ offer for the London (£) band: nothing compared. */
export function mismatchOfferAnswer(overrides: Partial<OfferAnswer> = {}): OfferAnswer {
  const base = offerAnswer();
  return offerAnswer({
    offer: { ...base.offer, base: 150000, stock: 120000, bonusPct: 10, signing: null, currency: "USD" },
    assumedCurrency: false,
    currencyMismatch: { offer: "USD", band: "GBP", regionsInOfferCurrency: USD_REGIONS },
    lines: [],
    annual: null,
    signing: null,
    targets: [],
    script: null,
    acceptThreshold: null,
    provenance: [],
    followUps: USD_REGIONS,
    command: "offer segment ml-ai-engineer london base USD 150000 stock USD 120000 bonus 10%",
    ...overrides,
  });
}

/** `base 150k stock 12O bonus 1O%`: two figures named back, one with a suggestion. */
export function unreadableOfferAnswer(overrides: Partial<OfferAnswer> = {}): OfferAnswer {
  return partialOfferAnswer({
    unreadable: [
      { text: "stock 12O", suggestion: "120k" },
      { text: "bonus 1O%", suggestion: null },
    ],
    ...overrides,
  });
}

/** One offer answer of each shape. */
export function everyOffer(): OfferAnswer[] {
  return [
    offerAnswer(),
    partialOfferAnswer(),
    aboveOfferAnswer(),
    mismatchOfferAnswer(),
    mismatchOfferAnswer({ unreadable: [{ text: "stock 12O", suggestion: "120k" }] }),
    unreadableOfferAnswer(),
    offerAnswer({
      lines: [],
      annual: null,
      signing: null,
      unreadable: [{ text: "base abc", suggestion: null }],
    }),
    // Pay someone has now: the same answer, every label saying pay.
    offerAnswer({ paidNow: true }),
    mismatchOfferAnswer({ paidNow: true }),
    aboveOfferAnswer({ paidNow: true }),
  ];
}
