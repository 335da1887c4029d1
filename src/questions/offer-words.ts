/**
 * The words of an offer besides its figures: the parts' names, what may sit between a name and its figure, vesting,
 * cliffs, benefits no band compares, and "none". Read by parseOffer (offer.ts).
 */
import type { OfferComponent } from "./offer.ts";

/**
 * Component names as people write them, longest first so "signing bonus" wins over "bonus". OTE (base + bonus at
 * target) is read as a total, then set apart by parseOffer: it is not a total comp.
 */
export const KEYWORDS: ReadonlyArray<readonly [string, OfferComponent]> = [
  ["(?:signing|sign-on|sign on|signon|joining|starting|welcome)(?: bonus)?", "signing"],
  ["total(?: comp(?:ensation)?| package| pay| cash)?|tc|ote|on[- ]target earnings", "total"],
  ["base(?: salary| pay)?|salary", "base"],
  ["(?:stock|equity|rsu)(?: grant| options| award)?|rsus|shares|grant|options", "stock"],
  ["(?:annual |target |yearly |performance )?bonus", "bonus"],
];
const KEYWORD_RE = new RegExp(`(?<![\\w-])(?:${KEYWORDS.map(([k]) => `(${k})`).join("|")})(?![\\w-])`, "gi");

/** Between a component's name and its figure ("base: 150k", "base of 150k", "base is about 150k"). */
export const GAP_AFTER =
  /^(?:\s|[:=~–—-]|\b(?:of|is|at|was|about|around|approx\.?|approximately|roughly|would be|will be|worth|valued at|up to|target(?:ed)?|targeting)\b)*$/i;
/** Between a figure and its name ("£150k base", "120k in RSUs", "10% annual bonus"). */
export const GAP_BEFORE = /^\s*(?:(?:in|of|as|worth of|in the form of)\s+)?$/i;
/** Words after a component name that are not its figure (a sentence goes on). */
export const STOP_WORDS = new Set(
  "in at for of is and with from the a an to my was will would be not only per over or on by as it this that negotiable flexible mentioned included light low high enough fair good".split(
    " ",
  ),
);

export interface Keyword {
  index: number;
  end: number;
  component: OfferComponent;
  text: string;
}

export function findKeywords(text: string): Keyword[] {
  const out: Keyword[] = [];
  KEYWORD_RE.lastIndex = 0;
  for (let m = KEYWORD_RE.exec(text); m; m = KEYWORD_RE.exec(text)) {
    // Exactly one group of KEYWORD_RE matched: the component it names.
    const component = KEYWORDS[m.slice(1).findIndex((g) => g !== undefined)]![1];
    out.push({ index: m.index, end: m.index + m[0].length, component, text: m[0] });
  }
  return out;
}

const A_YEAR = String.raw`(?:(?:per|a|an|each|every|\/)\s*(?:y|yr|year|annum)\b|annually\b|yearly\b)`;
const VEST = String.raw`vest(?:ing|s|ed)?\b`;
const PCT = String.raw`(\d{1,2}(?:\.\d+)?)\s*(?:%|per\s?cent\b)`;
/** "vesting 25% a year", "vests 25%/yr", "25% vesting each year", "25% a year vesting". */
const VEST_PERCENT = new RegExp(
  String.raw`\b${VEST}\s*(?:[:=]\s*)?(?:at\s+)?${PCT}\s*${A_YEAR}|(?<![\w.])${PCT}\s*(?:${A_YEAR}\s*${VEST}|${VEST}\s*${A_YEAR})`,
  "i",
);

/** "vesting 33/33/34", "40/30/20/10 vesting", "vesting schedule: 5/15/40/40": a share for each year, by slashes. */
const SHARES = String.raw`(?<![\w./])(\d{1,2}(?:\.\d+)?%?(?:\s*\/\s*\d{1,2}(?:\.\d+)?%?){1,9})(?![\w./])`;
const VEST_SCHEDULE = new RegExp(
  String.raw`\b${VEST}(?:\s+schedule)?\s*(?:[:=]\s*|\s+(?:is|of)\s+)?${SHARES}|${SHARES}\s*%?\s*(?:${VEST}|vesting\s+schedule|schedule)`,
  "i",
);

/**
 * "vest 3y", "vesting 3 years", "over 4 years", "4-year vest", "3yr", "RSU/4y", "(4y)"; not "over 8 years of
 * experience".
 * A share for each year ("vesting 40/30/20/10", adding up to 100) is that many years; `schedule` keeps the shares
 * when they differ (the grant is then compared by its yearly average, and the answer says what year one brings).
 * A share a year ("vesting 25% a year") is 100 ÷ that many years: 25% is 4, 33% or 33.3% is 3; one that divides
 * into no whole number of years ("30% a year") gives its fraction, which the caller asks about.
 */
export function readVesting(text: string): { years: number; match: string; schedule?: number[] } | null {
  const shares = VEST_SCHEDULE.exec(text);
  if (shares) {
    const each = (shares[1] ?? shares[2])!.split("/").map((s) => Number.parseFloat(s));
    const sum = each.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) <= 1) {
      const uneven = Math.max(...each) - Math.min(...each) > 1;
      return { years: each.length, match: shares[0], ...(uneven ? { schedule: each } : {}) };
    }
  }
  const pct = VEST_PERCENT.exec(text);
  if (pct) {
    const share = Number(pct[1] ?? pct[2]);
    const years = share > 0 ? 100 / share : 0;
    return { years: Math.abs(years - Math.round(years)) < 0.05 ? Math.round(years) : years, match: pct[0] };
  }
  const re =
    /\b(?:vest(?:ing|s|ed)?\s*(?:over\s*)?(\d{1,2}(?:\.\d+)?)\s*(?:y|yr|yrs|years?)\b|over\s*(\d{1,2}(?:\.\d+)?)\s*(?:y|yr|yrs|years?)\b(?!\s+(?:of\s+)?(?:experience|exp|work|in)\b)|(\d{1,2}(?:\.\d+)?)[-\s]?(?:y|yr|year)s?\s*vest(?:ing)?\b|\/\s*(\d{1,2}(?:\.\d+)?)\s*(?:y|yr|yrs|years?)\b)|\(\s*(?:over\s+)?(\d{1,2}(?:\.\d+)?)\s*(?:y|yr|yrs|years?)(?:\s+vest(?:ing)?)?\s*\)/i;
  const m = re.exec(text);
  if (!m) return null;
  return { years: Number(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]), match: m[0] };
}

const PART_NAMES = KEYWORDS.map(([k]) => k).join("|");
/** "no stock mentioned", "no bonus info yet": a part not told, which is not a part of 0. */
const NOT_TOLD = new RegExp(
  `(?<![\\w-])no\\s+(?:${PART_NAMES})\\s+(?:(?:was|has\\s+been|is)\\s+)?(?:mentioned|info(?:rmation)?|details?|discussed|talked\\s+about|specified|said|yet)\\b(?:\\s+yet\\b)?`,
  "gi",
);
/** "no signing bonus", "without any stock", "zero bonus". */
export const NONE_BEFORE = new RegExp(
  `(?<![\\w-])(?:no|zero|without(?:\\s+(?:an?|any))?)\\s+((?:${PART_NAMES}))(?![\\w-])`,
  "gi",
);
/** "signing: none", "bonus n/a", "stock - nothing". */
export const NONE_AFTER = new RegExp(
  `(?<![\\w-])((?:${PART_NAMES}))\\s*(?:[:=–—-]\\s*)?(?:none|nil|n\\/a|nothing)(?![\\w/])`,
  "gi",
);

/** A figure of a benefit: money, a percentage or days ("£10k", "4%", "25 days"). */
const BENEFIT_FIGURE = String.raw`(?:[$£€]\s?)?\d[\d,.]*\s?(?:k|m|%|percent|days?|weeks?)?`;
/** What an offer may have beside pay that no band compares, with its figure before or after it. */
const BENEFIT_NAME = String.raw`(?:relocation|relo)(?:\s+(?:bonus|package|allowance|assistance|support))?|moving\s+(?:allowance|costs|expenses)|401\s?\(?k\)?(?:\s+match(?:ing)?)?|(?:pension|retirement)(?:\s+(?:contribution|match(?:ing)?))?|pto|paid\s+time\s+off|vacation(?:\s+days)?|holidays?|annual\s+leave|parental\s+leave|health(?:care)?(?:\s+insurance)?|dental|vision|insurance|espp|(?:(?:annual|yearly)\s+)?(?:stock\s+|equity\s+|rsu\s+)?refreshers?(?:\s+grants?)?|(?:wfh|home\s+office|remote|learning|education|wellness|phone|internet|meal|lunch|car|commuter|gym)\s+(?:stipend|allowance|budget)`;
export const BENEFIT = new RegExp(
  String.raw`(?<![\w-])(?:${BENEFIT_FIGURE}\s+(?:of\s+|in\s+)?)?(?:${BENEFIT_NAME})(?:\s*(?:[:=]|of|is|at)?\s*${BENEFIT_FIGURE}(?![\w]))?(?![\w-])`,
  "gi",
);

/** "1yr cliff", "a 6-month cliff", "cliff of 1 year". */
export const CLIFF =
  /\b(?:(?:an?\s+)?\d{1,2}[-\s]?(?:y|yrs?|years?|mo|mos|months?)\s+cliff|cliff\s+(?:of\s+)?\d{1,2}\s*(?:y|yrs?|years?|mo|mos|months?))\b/gi;

/**
 * Takes out of an offer's text what is no figure to place: benefits ("relocation £10k", named back as not compared),
 * vesting cliffs, a part said not to be told yet ("no stock mentioned": not given, not 0); and writes "no signing
 * bonus" / "stock: none" as that part at 0.
 */
export function setAside(text: string): { text: string; notCompared: string[] } {
  const notCompared: string[] = [];
  const out = text
    .replace(BENEFIT, (m) => {
      notCompared.push(m.trim().replace(/\s+/g, " "));
      return " , ";
    })
    .replace(CLIFF, " , ")
    .replace(NOT_TOLD, " , ")
    .replace(NONE_BEFORE, "$1 0")
    .replace(NONE_AFTER, "$1 0");
  return { text: out, notCompared };
}
