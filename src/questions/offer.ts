/**
 * Reads the figures of a job offer out of /comp words or a plain sentence:
 *   "offer segment ml-ai-engineer london base 150k stock 120k bonus 10% signing 20k vest 3y"
 *   "I got an offer from Segment in London: £150k base, £120k RSUs over 4 years and a 10% bonus"
 * Anything that looks like a figure but cannot be read is named back with a guess, never used silently.
 */

export type OfferComponent = "base" | "stock" | "bonus" | "signing";

export interface OfferMoney {
  amount: number;
  /** ISO code from a symbol or code next to the figure ("£" -> GBP), null when none was written. */
  currency: string | null;
  /** The figure as typed. */
  text: string;
}

export interface Unreadable {
  /** What we could not read, as typed ("stock 12O"). */
  text: string;
  /** Our guess of what was meant ("120k"), or null. */
  suggestion: string | null;
}

export interface ParsedOffer {
  base: OfferMoney | null;
  /** The whole grant over the vesting period. */
  stock: OfferMoney | null;
  /** Bonus as a percentage of base… */
  bonusPct: number | null;
  /** …or as an amount. */
  bonusAmount: OfferMoney | null;
  signing: OfferMoney | null;
  vestYears: number;
  vestGiven: boolean;
  unreadable: Unreadable[];
  /** The words the figures were read from were removed from this: what is left names the guide. */
  rest: string;
}

export const DEFAULT_VEST_YEARS = 4;

/** Currency symbols an offer may use, and the ISO codes they stand for. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: "USD",
  "£": "GBP",
  "€": "EUR",
  "¥": "JPY",
  "₹": "INR",
};
/** ISO codes an offer may be written in ("GBP 150k"). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  "USD",
  "GBP",
  "EUR",
  "CAD",
  "AUD",
  "CHF",
  "SEK",
  "INR",
  "JPY",
  "SGD",
  "PLN",
  "ILS",
]);
const SYMBOLS = CURRENCY_SYMBOLS;
const CODES = new Set([...CURRENCY_CODES].map((c) => c.toLowerCase()));

/** Component keywords, longest first so "signing bonus" wins over "bonus". */
const KEYWORDS: ReadonlyArray<readonly [RegExp, OfferComponent]> = [
  [/^(?:signing|sign-on|signon|sign on|joining|starting)(?: bonus)?$/, "signing"],
  [/^(?:base(?: salary| pay)?|salary)$/, "base"],
  [/^(?:stock(?: grant)?|rsus?|equity|shares|grant|options)$/, "stock"],
  [/^(?:(?:annual|target|yearly) )?bonus$/, "bonus"],
];

const AMOUNT = /^(?<pre>[$£€¥₹])?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<mult>k|m)?(?<pct>%)?$/i;

interface Token {
  text: string;
  lower: string;
  /** A comma, colon, semicolon or "and" stands between this token and the one before it. */
  breakBefore: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pendingBreak = false;
  for (const raw of text.split(/\s+/)) {
    if (!raw) continue;
    // Keep figure characters; split off punctuation that ends a clause.
    const m = /^(.*?)([,;:.!?)]*)$/.exec(raw)!;
    const core = m[1]!.replace(/^[("]+/, "");
    const trailingBreak = /[,;:!?]/.test(m[2]!) || (m[2]!.includes(".") && !/\d$/.test(core));
    if (core) {
      const lower = core.toLowerCase();
      if (lower === "and" || lower === "plus" || lower === "&" || lower === "with") {
        pendingBreak = true;
      } else {
        tokens.push({ text: core, lower, breakBefore: pendingBreak });
        pendingBreak = false;
      }
    }
    if (trailingBreak) pendingBreak = true;
  }
  return tokens;
}

interface Amount {
  value: number;
  percent: boolean;
  currency: string | null;
  text: string;
}

function readAmount(tokens: Token[], i: number): { amount: Amount; used: number } | null {
  const t = tokens[i];
  if (!t) return null;
  // "GBP 150k" / "150k GBP" / "150 k"
  let currency: string | null = null;
  let start = i;
  if (CODES.has(t.lower) && tokens[i + 1]) {
    currency = t.lower.toUpperCase();
    start = i + 1;
  }
  const tok = tokens[start];
  if (!tok) return null;
  let text = tok.text;
  let used = start - i + 1;
  const next = tokens[start + 1];
  if (next && /^(?:k|m|%)$/i.test(next.text) && !next.breakBefore) {
    text += next.text;
    used++;
  }
  const m = AMOUNT.exec(text);
  if (!m?.groups) return null;
  const num = Number(m.groups.num!.replace(/,/g, ""));
  if (!Number.isFinite(num)) return null;
  const mult = m.groups.mult ? (m.groups.mult.toLowerCase() === "k" ? 1_000 : 1_000_000) : 1;
  if (m.groups.pre) currency = SYMBOLS[m.groups.pre] ?? currency;
  const after = tokens[i + used];
  if (!currency && after && CODES.has(after.lower) && !after.breakBefore) {
    currency = after.lower.toUpperCase();
    used++;
  }
  return { amount: { value: num * mult, percent: Boolean(m.groups.pct), currency, text }, used };
}

function keywordAt(tokens: Token[], i: number): { component: OfferComponent; used: number } | null {
  for (const n of [2, 1]) {
    const slice = tokens.slice(i, i + n);
    if (slice.length < n || slice.slice(1).some((t) => t.breakBefore)) continue;
    const phrase = slice.map((t) => t.lower).join(" ");
    for (const [re, component] of KEYWORDS) if (re.test(phrase)) return { component, used: n };
  }
  return null;
}

/** "vest 3y", "vesting 3 years", "over 4 years", "4-year vest", "3yr". */
function readVesting(text: string): { years: number; match: string } | null {
  const re =
    /\b(?:vest(?:ing|s|ed)?\s*(?:over\s*)?(\d{1,2})\s*(?:y|yr|yrs|years?)\b|over\s*(\d{1,2})\s*(?:y|yr|yrs|years?)\b|(\d{1,2})[-\s]?(?:y|yr|year)s?\s*vest(?:ing)?\b)/i;
  const m = re.exec(text);
  if (!m) return null;
  const years = Number(m[1] ?? m[2] ?? m[3]);
  return Number.isInteger(years) ? { years, match: m[0] } : null;
}

/** A guess for a figure typed with letters for digits: "12O" -> "120k", "1S0k" -> "150k". */
function guessFigure(text: string): string | null {
  const swapped = text.replace(/[oO]/g, "0").replace(/[lI|]/g, "1").replace(/[sS]/g, "5");
  const m = AMOUNT.exec(swapped);
  if (!m?.groups) return null;
  const hasMult = Boolean(m.groups.mult || m.groups.pct);
  const num = Number(m.groups.num!.replace(/,/g, ""));
  return hasMult || num >= 1000 ? swapped : `${swapped}k`;
}

/** True when the text looks like it talks about an offer's figures (so the offer check should answer). */
export function looksLikeOffer(text: string): boolean {
  return /\boffer(?:ed)?\b/i.test(text) && /\d/.test(text);
}

export function parseOffer(input: string): ParsedOffer {
  const offer: ParsedOffer = {
    base: null,
    stock: null,
    bonusPct: null,
    bonusAmount: null,
    signing: null,
    vestYears: DEFAULT_VEST_YEARS,
    vestGiven: false,
    unreadable: [],
    rest: "",
  };
  let text = input;
  const vest = readVesting(text);
  if (vest) {
    offer.vestGiven = true;
    offer.vestYears = vest.years;
    text = text.replace(vest.match, " , ");
  }

  const tokens = tokenize(text);
  const consumed = new Array<boolean>(tokens.length).fill(false);
  const claimed = new Set<number>();
  const keywordPositions: { index: number; used: number; component: OfferComponent }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const k = keywordAt(tokens, i);
    if (k) {
      keywordPositions.push({ index: i, ...k });
      i += k.used - 1;
    }
  }

  const assign = (component: OfferComponent, amount: Amount) => {
    const money = { amount: amount.value, currency: amount.currency, text: amount.text };
    if (!amount.percent && amount.value < 1000) {
      // "base 150": almost surely thousands, but we say so rather than guess.
      const suggestion =
        component === "bonus" && amount.value <= 100
          ? `${amount.text}%`
          : /[km]$/i.test(amount.text) || amount.value === 0
            ? null
            : `${amount.text}k`;
      offer.unreadable.push({ text: `${component} ${amount.text}`, suggestion });
      return;
    }
    if (component === "bonus") {
      if (amount.percent) offer.bonusPct = amount.value;
      else offer.bonusAmount = money;
    } else if (!amount.percent) {
      offer[component] = money;
    } else {
      offer.unreadable.push({ text: `${component} ${amount.text}`, suggestion: null });
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const read = readAmount(tokens, i);
    if (!read) continue;
    const before = keywordPositions.find(
      (k) => k.index + k.used === i && !claimed.has(k.index) && !tokens[i]!.breakBefore,
    );
    const after = keywordPositions.find(
      (k) => k.index === i + read.used && !claimed.has(k.index) && !tokens[k.index]!.breakBefore,
    );
    const keyword = before ?? after;
    if (!keyword) continue;
    claimed.add(keyword.index);
    consumed.fill(true, keyword.index, keyword.index + keyword.used);
    consumed.fill(true, i, i + read.used);
    assign(keyword.component, read.amount);
    i += read.used - 1;
  }

  // A keyword with something after it we could not read as a figure: "stock 12O".
  for (const k of keywordPositions) {
    if (claimed.has(k.index)) {
      continue;
    }
    consumed.fill(true, k.index, k.index + k.used);
    const next = tokens[k.index + k.used];
    if (next && !next.breakBefore && /\d/.test(next.text) && !readAmount(tokens, k.index + k.used)) {
      consumed[k.index + k.used] = true;
      offer.unreadable.push({
        text: `${tokens
          .slice(k.index, k.index + k.used)
          .map((t) => t.text)
          .join(" ")} ${next.text}`,
        suggestion: guessFigure(next.text),
      });
    }
  }
  offer.rest = tokens
    .filter((_, i) => !consumed[i])
    .map((t) => t.text)
    .join(" ");
  return offer;
}

/** The currencies the figures were written in (empty when none was marked). */
export function offerCurrencies(offer: ParsedOffer): string[] {
  const found = [offer.base, offer.stock, offer.bonusAmount, offer.signing]
    .map((m) => m?.currency)
    .filter((c): c is string => Boolean(c));
  return [...new Set(found)];
}

export function hasFigures(offer: ParsedOffer): boolean {
  return Boolean(offer.base || offer.stock || offer.bonusAmount || offer.signing || offer.bonusPct !== null);
}
