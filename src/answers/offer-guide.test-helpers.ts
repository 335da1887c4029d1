/**
 * A small hand-made guide for the offer check and script tests, with round figures so that every expected value
 * in those tests can be worked out by hand (each test shows its sums). Not a guide file: plain data.
 *
 *   Austin (USD): base 150,000–190,000, stock 120,000–240,000, bonus 10–15%, total 200,000–300,000 (midpoint 250,000)
 *   Berlin (EUR): base 100,000–140,000, stock  80,000–160,000, bonus 10–20%, total 150,000–250,000 (midpoint 200,000)
 *   Munich (EUR): base 110,000–150,000, stock 100,000–200,000, bonus 10%,    total 160,000–260,000 (midpoint 210,000)
 *
 * The script is written in dollars, so it was written for Austin (the first USD band): carried to Berlin it is
 * × 200,000 ÷ 250,000 = × 0.80.
 */
import type { Band, Guide, GuideBody, NegotiationScript } from "../guides/types.ts";
import type { OfferMoney, ParsedOffer } from "../questions/offer.ts";

export const AUSTIN: Band = {
  region: "Austin",
  regionSlug: "austin",
  currency: "USD",
  base: { low: 150000, high: 190000 },
  stock: { low: 120000, high: 240000 },
  bonusPct: { low: 10, high: 15 },
  totalComp: { low: 200000, high: 300000 },
};
export const BERLIN: Band = {
  region: "Berlin",
  regionSlug: "berlin",
  currency: "EUR",
  base: { low: 100000, high: 140000 },
  stock: { low: 80000, high: 160000 },
  bonusPct: { low: 10, high: 20 },
  totalComp: { low: 150000, high: 250000 },
};
export const MUNICH: Band = {
  region: "Munich",
  regionSlug: "munich",
  currency: "EUR",
  base: { low: 110000, high: 150000 },
  stock: { low: 100000, high: 200000 },
  bonusPct: { low: 10, high: 10 },
  totalComp: { low: 160000, high: 260000 },
};

export const GUIDE: Guide = {
  id: "acme/ml-eng",
  file: "acme/ml-eng.md",
  company: "acme",
  companyDisplay: "Acme",
  role: "ml-eng",
  roleDisplay: "ML Engineer",
  roleType: "standard",
  lastUpdated: "2026-02-01",
  nextReviewDue: "2026-08-01",
  dataQuality: "high",
  salaryDataQuarter: "2025-Q4",
  bands: [AUSTIN, BERLIN, MUNICH],
  levelMapping: { internal: null, raw: "", equivalences: [] },
  dataSources: [],
  negotiationDnaSummary: "",
  extra: {},
};

export const SCRIPT: NegotiationScript = {
  text: "I'd like $200K in RSUs over 4 years with a $180K base, 15% bonus, and $40K signing bonus. I have competing offers at $300K+. Thanks.",
  acceptThreshold: { text: "$160K RSUs", amount: 160000, component: "RSUs" },
};

export function body(overrides: Partial<GuideBody> = {}): GuideBody {
  return {
    dnaSummary: null,
    overview: [],
    levers: [
      { title: "Scope", quote: "I lead the team." },
      { title: "Signing Bonus", quote: "I expect $40K-$60K up front." },
    ],
    script: SCRIPT,
    evidence: [],
    table: [
      {
        region: "Berlin",
        base: "€100K–€140K",
        stock: "€80K–€160K",
        bonus: "12–18%",
        totalComp: "€150K–€250K",
      },
      { region: "Munich", base: "€110K–€150K", stock: "€100K–€200K", bonus: "10%", totalComp: "€160K–€260K" },
    ],
    ...overrides,
  };
}

/** Figures written plainly, so expected text can be read off: "EUR 120000". */
export const fmt = (n: number, c: string) => `${c} ${n}`;

export function money(amount: number, more: Partial<OfferMoney> = {}): OfferMoney {
  return { amount, high: amount, currency: null, text: `${amount / 1000}k`, period: null, ...more };
}

export function parsed(more: Partial<ParsedOffer> = {}): ParsedOffer {
  return {
    base: null,
    stock: null,
    bonusPct: null,
    bonusPctHigh: null,
    bonusAmount: null,
    signing: null,
    total: null,
    vestYears: 4,
    vestGiven: false,
    unreadable: [],
    rest: "",
    ...more,
  };
}
