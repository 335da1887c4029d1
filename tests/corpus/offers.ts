/**
 * Offer phrasings and the reading each must get. Amounts are whole units per year; `high` is the top of a
 * range; a currency is the ISO code written (null when none); unlisted components must not be read.
 */
export interface Money {
  amount: number;
  high?: number;
  currency?: string | null;
  period?: "year" | "month" | "quarter" | null;
}
export interface OfferCase {
  text: string;
  base?: Money;
  stock?: Money;
  bonusPct?: number | [number, number];
  bonusAmount?: Money;
  signing?: Money;
  total?: Money;
  vest?: number;
  /** Every part named back, in order, with its kind (default "unreadable") and suggestion when there is one. */
  unreadable?: { text: string; kind?: "unreadable" | "implausible"; suggestion?: string | null }[];
}

const m = (amount: number, currency: string | null = null, extra: Partial<Money> = {}): Money => ({
  amount,
  currency,
  ...extra,
});

export const OFFER_CASES: OfferCase[] = [
  // /comp words
  { text: "base 150k", base: m(150000) },
  { text: "base 150K", base: m(150000) },
  { text: "base 150000", base: m(150000) },
  { text: "base 150,000", base: m(150000) },
  { text: "base 150 000", base: m(150000) },
  { text: "base £150.000", base: m(150000, "GBP") },
  { text: "base €150.000", base: m(150000, "EUR") },
  { text: "base £150k", base: m(150000, "GBP") },
  { text: "base $150K", base: m(150000, "USD") },
  { text: "base 150k£", base: m(150000, "GBP") },
  { text: "base 150k €", base: m(150000, "EUR") },
  { text: "base GBP 150k", base: m(150000, "GBP") },
  { text: "base gbp 150k", base: m(150000, "GBP") },
  { text: "base 150k USD", base: m(150000, "USD") },
  { text: "base CHF 180k", base: m(180000, "CHF") },
  { text: "base US$150k", base: m(150000, "USD") },
  { text: "base 1.5m", base: m(1500000) },
  { text: "base $1.2M", base: m(1200000, "USD") },
  { text: "base 150.5k", base: m(150500) },
  { text: "base 150 k", base: m(150000) },
  { text: "base 30k/yr", base: m(30000, null, { period: "year" }) },
  { text: "base 150k per year", base: m(150000, null, { period: "year" }) },
  { text: "base 150k a year", base: m(150000, null, { period: "year" }) },
  { text: "base 12.5k/month", base: m(150000, null, { period: "month" }) },
  { text: "base 12.5k a month", base: m(150000, null, { period: "month" }) },
  // Stock per year or month is the grant it adds up to: × the vesting years (given, or 4).
  { text: "base 150k stock 50k per year", base: m(150000), stock: m(200000, null, { period: "year" }) },
  { text: "stock 30k/yr vest 3y", stock: m(90000, null, { period: "year" }), vest: 3 },
  { text: "stock 4k a month vest 3y", stock: m(144000, null, { period: "month" }), vest: 3 },
  { text: "stock £40-50k/yr", stock: m(160000, "GBP", { high: 200000, period: "year" }) },
  { text: "base 40k quarterly", base: m(160000, null, { period: "quarter" }) },
  { text: "base 37.5k a quarter", base: m(150000, null, { period: "quarter" }) },
  { text: "stock 30k per quarter", stock: m(480000, null, { period: "quarter" }) },
  // Periods the reader does not take are asked about, never read as a year.
  { text: "base 3k a week", unreadable: [{ text: "base 3k a week" }] },
  { text: "base 90 an hour stock 120k", stock: m(120000), unreadable: [{ text: "base 90 an hour" }] },
  { text: "£3k weekly base", unreadable: [{ text: "£3k weekly" }] },
  {
    text: "Segment NYC ML offer: $200k base, $250k RSU/4y, 15% bonus, $30k sign-on",
    base: m(200000, "USD"),
    stock: m(250000, "USD"),
    bonusPct: 15,
    signing: m(30000, "USD"),
    vest: 4,
  },
  // A period written after the part's name is the figure's ("30k RSUs per year").
  {
    text: "150k base + 30k RSUs per year + 10% bonus",
    base: m(150000),
    stock: m(120000, null, { period: "year" }),
    bonusPct: 10,
  },
  { text: "£50k of stock a year", stock: m(200000, "GBP", { period: "year" }) },
  { text: "10% bonus annually", bonusPct: 10 },
  { text: "30k RSUs a week", unreadable: [{ text: "30k RSUs a week" }] },
  // A signing bonus is paid once.
  { text: "base 150k signing 20k a year", base: m(150000), unreadable: [{ text: "signing 20k a year" }] },
  { text: "base 150-170k", base: m(150000, null, { high: 170000 }) },
  { text: "base 150k-170k", base: m(150000, null, { high: 170000 }) },
  { text: "base £150k to £170k", base: m(150000, "GBP", { high: 170000 }) },
  { text: "base 150–170k", base: m(150000, null, { high: 170000 }) },
  { text: "base: £150k", base: m(150000, "GBP") },
  { text: "base salary: 150k", base: m(150000) },
  { text: "base salary of £150k", base: m(150000, "GBP") },
  { text: "base is 150k", base: m(150000) },
  { text: "salary 150k", base: m(150000) },
  { text: "base pay = 150k", base: m(150000) },
  { text: "stock 120k", stock: m(120000) },
  { text: "rsu 120k", stock: m(120000) },
  { text: "RSUs £120,000", stock: m(120000, "GBP") },
  { text: "equity 400k", stock: m(400000) },
  { text: "stock grant 480k", stock: m(480000) },
  { text: "options 50k", stock: m(50000) },
  { text: "bonus 10%", bonusPct: 10 },
  { text: "bonus 12.5%", bonusPct: 12.5 },
  { text: "bonus 10-15%", bonusPct: [10, 15] },
  { text: "bonus 10 percent", bonusPct: 10 },
  { text: "bonus 15k", bonusAmount: m(15000) },
  { text: "annual bonus 15k", bonusAmount: m(15000) },
  { text: "target bonus 15%", bonusPct: 15 },
  { text: "signing 20k", signing: m(20000) },
  { text: "signing bonus 20k", signing: m(20000) },
  { text: "sign-on bonus £25k", signing: m(25000, "GBP") },
  { text: "joining bonus 10k", signing: m(10000) },
  { text: "total 200k", total: m(200000) },
  { text: "total comp 200k", total: m(200000) },
  { text: "tc $350k", total: m(350000, "USD") },
  { text: "total package £200k", total: m(200000, "GBP") },
  // several at once
  {
    text: "segment ml-ai-engineer london base 150k stock 120K bonus 10% signing 20k",
    base: m(150000),
    stock: m(120000),
    bonusPct: 10,
    signing: m(20000),
  },
  {
    text: "base: £150k, stock: £120k, bonus: 10%",
    base: m(150000, "GBP"),
    stock: m(120000, "GBP"),
    bonusPct: 10,
  },
  { text: "base 150k stock 120k bonus 15k", base: m(150000), stock: m(120000), bonusAmount: m(15000) },
  { text: "base 150k, stock 120k, bonus 10%", base: m(150000), stock: m(120000), bonusPct: 10 },
  { text: "base 150k; stock 120k; bonus 10%", base: m(150000), stock: m(120000), bonusPct: 10 },
  { text: "base 150k and stock 120k", base: m(150000), stock: m(120000) },
  { text: "150k base 120k stock", base: m(150000), stock: m(120000) },
  { text: "150k base, 120k stock, 10% bonus", base: m(150000), stock: m(120000), bonusPct: 10 },
  { text: "£150k base and £120k in RSUs", base: m(150000, "GBP"), stock: m(120000, "GBP") },
  {
    text: "$200K base and $1.2M equity over 3 years",
    base: m(200000, "USD"),
    stock: m(1200000, "USD"),
    vest: 3,
  },
  { text: "base GBP 150000 stock GBP 120000", base: m(150000, "GBP"), stock: m(120000, "GBP") },
  {
    text: "signing 20,000 stock £120,000 base £150,000 bonus 15k vest 3y",
    base: m(150000, "GBP"),
    stock: m(120000, "GBP"),
    bonusAmount: m(15000),
    signing: m(20000),
    vest: 3,
  },
  { text: "base 150k stock 120k vest 3y", base: m(150000), stock: m(120000), vest: 3 },
  { text: "base 150k stock 120k vesting 5 years", base: m(150000), stock: m(120000), vest: 5 },
  { text: "base 150k stock 120k over 4 years", base: m(150000), stock: m(120000), vest: 4 },
  { text: "base 150k stock 120k 3-year vest", base: m(150000), stock: m(120000), vest: 3 },
  { text: "base 150k total 200k", base: m(150000), total: m(200000) },
  {
    text: "base 150-170k stock 100k bonus 10-15%",
    base: m(150000, null, { high: 170000 }),
    stock: m(100000),
    bonusPct: [10, 15],
  },
  // plain sentences
  {
    text: "I got an offer from Segment in London: £150k base, £120k RSUs over 4 years and a 10% bonus. Is it good?",
    base: m(150000, "GBP"),
    stock: m(120000, "GBP"),
    bonusPct: 10,
    vest: 4,
  },
  { text: "they offered me a base of 150k and 120k in stock", base: m(150000), stock: m(120000) },
  {
    text: "offer: base salary 150,000 GBP, RSUs 120,000 GBP, bonus 10%",
    base: m(150000, "GBP"),
    stock: m(120000, "GBP"),
    bonusPct: 10,
  },
  { text: "check my offer segment london base 150k", base: m(150000) },
  {
    text: "Segment offered $230k base + $300k stock + 15% bonus",
    base: m(230000, "USD"),
    stock: m(300000, "USD"),
    bonusPct: 15,
  },
  {
    text: "offer segment nyc base 230k stock 300k bonus 15%",
    base: m(230000),
    stock: m(300000),
    bonusPct: 15,
  },
  {
    text: "offer segment ml london base 170k stock 200k bonus 12% signing 30k",
    base: m(170000),
    stock: m(200000),
    bonusPct: 12,
    signing: m(30000),
  },
  { text: "base is about 150k and the signing bonus is 20k", base: m(150000), signing: m(20000) },
  { text: "my offer: 150k base salary, 10% target bonus", base: m(150000), bonusPct: 10 },
  // unreadable, each part named back
  { text: "base 150k stock 12O", base: m(150000), unreadable: [{ text: "stock 12O", suggestion: "120k" }] },
  { text: "base 1S0k", unreadable: [{ text: "base 1S0k", suggestion: "150k" }] },
  {
    text: "base 150 bonus 10",
    unreadable: [
      { text: "base 150", suggestion: "150k" },
      { text: "bonus 10", suggestion: "10%" },
    ],
  },
  {
    text: "base banana stock 12x bonus lots",
    unreadable: [
      { text: "base banana", suggestion: null },
      { text: "stock 12x", suggestion: null },
      { text: "bonus lots", suggestion: null },
    ],
  },
  { text: "base 150k stock 10%", base: m(150000), unreadable: [{ text: "stock 10%", suggestion: null }] },
  { text: "offer segment london £150k", unreadable: [{ text: "£150k", suggestion: null }] },
  {
    text: "offer segment london base 150k 10%",
    base: m(150000),
    unreadable: [{ text: "10%", suggestion: null }],
  },
  { text: "base 0", unreadable: [{ text: "base 0", suggestion: null }] },
  // the same part twice with different figures: neither placed, both named back
  { text: "base 150k base 160k", unreadable: [{ text: "base 150k, base 160k", suggestion: null }] },
  {
    text: "segment sf offered me 200k base, google offered 220k base. what do I say?",
    unreadable: [{ text: "200k base, 220k base", suggestion: null }],
  },
  // none of a part
  {
    text: "base 200k stock 150k bonus 10% no signing bonus",
    base: m(200000),
    stock: m(150000),
    bonusPct: 10,
    signing: m(0),
  },
  { text: "base 200k, no stock, bonus: none", base: m(200000), stock: m(0), bonusPct: 0 },
  // a figure after one name and right before the next is the next one's when the first has one before it
  {
    text: "base 210k stock 180k 4yr vest 1yr cliff 10% target bonus 25k sign on",
    base: m(210000),
    stock: m(180000),
    vest: 4,
    bonusPct: 10,
    signing: m(25000),
  },
  // implausible: named back with a question, not placed
  {
    text: "base 999999999k",
    unreadable: [{ text: "base 999999999k", kind: "implausible", suggestion: null }],
  },
  { text: "bonus 500%", unreadable: [{ text: "bonus 500%", kind: "implausible", suggestion: null }] },
  {
    text: "base 2bn stock 120k",
    stock: m(120000),
    unreadable: [{ text: "base 2bn", kind: "implausible", suggestion: null }],
  },
];
