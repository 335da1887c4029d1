/**
 * Reading money as people write it: one grammar for offers typed in /comp or a sentence, the offer modal's
 * fields, the figures of a guide's body table and script. Pure functions, never throw.
 *
 *   150k  $150K  £150,000  150 000  £150.000  150k£  GBP 150k  150k EUR  1.5m  30k/yr  12.5k a month  30k a quarter
 *   150-170k  £150k to £170k  10%  10–15%  $400K+
 *
 * A figure is { low, high } (the same for one figure, both ends of a range), annualised when a period was
 * written ("12.5k a month" is 150,000 a year, `period: "month"` says so; a quarter is × 4).
 */
import { CODE_SOURCE, currencyNamed, currencyOf, NAME_SOURCE, SYMBOL_SOURCE } from "./currency.ts";

/** A figure's currency from its mark: a symbol, a code or a name ("150k dollars"). */
const figureCurrency = (mark: string | null | undefined): string | null =>
  currencyOf(mark) ?? currencyNamed(mark);

export type Period = "year" | "month" | "quarter";

/** How many of a period make a year. */
export const PERIODS_A_YEAR: Record<Period, number> = { year: 1, month: 12, quarter: 4 };

export interface Figure {
  /** Whole units of the currency (or percentage points), annualised; the low end of a range. */
  low: number;
  /** The high end of a range; equal to `low` for one figure. */
  high: number;
  range: boolean;
  percent: boolean;
  /** ISO 4217 code from the symbol or code written, null when none was. */
  currency: string | null;
  /** The currency as written ("£", "US$", "GBP"), null when none was. */
  mark: string | null;
  /** The period written after the figure; amounts are already annualised. */
  period: Period | null;
  /** A "+" was written after it ("$400K+": at least). */
  plus: boolean;
  /** A multiplier (k, m…) or a thousands separator was written: the figure is not a bare small number. */
  scaled: boolean;
  /** The figure as typed. */
  text: string;
  /** Where it starts and ends in the text scanned (0 and text.length for readFigure). */
  index: number;
  end: number;
}

const SP = "[ \\u00a0\\u202f]";
const NUM = `\\d+,\\d{1,2}(?=${SP}?(?:k|m)(?![a-z]))|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:\\.\\d{3})+(?!\\d|${SP}?(?:k|m)(?![a-z]))|\\d{1,3}(?:${SP}\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?`;
const MULT = `${SP}?(?:k|thousand|grand|mm|mn|million|m|bn|billion|b)(?![a-z])`;
const PCT = `${SP}?(?:%|per${SP}?cent(?![a-z])|pct(?![a-z]))`;
const SYM = `(?:${SYMBOL_SOURCE})`;
const CODE = `(?:${CODE_SOURCE})(?![a-z])`;
/** After a figure, a currency's name too ("150k dollars", "150 thousand pounds"). */
const CODE_AFTER = `(?:${CODE_SOURCE}|${NAME_SOURCE})(?![a-z])`;
const SINGLE = `(?:${CODE}${SP}?)?${SYM}?${SP}?(?:${NUM})(?:${MULT})?(?:${SP}?${SYM})?(?:${SP}?${CODE_AFTER})?(?:${PCT})?`;
const RANGE_SEP = `${SP}?(?:-|–|—|to(?![a-z]))${SP}?`;
const PERIOD = `(?:${SP}?(?:\\/${SP}?|per${SP}|an?${SP})(?:yrs?|year|annum|y|mos?|mth|month|quarter|qtr)(?![a-z])|${SP}(?:annually|annual|yearly|monthly|quarterly|pa|p\\.a\\.)(?![a-z]))`;
/** A period written after a figure ("/yr", " a month", " per quarter", " annually"), for other modules' patterns. */
export const PERIOD_SOURCE = PERIOD;

/** Any figure or range, in running text. */
const SCAN = new RegExp(
  `(?<![\\w.,$£€¥₹])${SINGLE}(?:${RANGE_SEP}${SINGLE})?(?:${PERIOD})?\\+?(?![\\w%$£€¥₹])`,
  "giu",
);
const WHOLE_RANGE = new RegExp(`^(${SINGLE})${RANGE_SEP}(${SINGLE})$`, "iu");
const PERIOD_AT_END = new RegExp(`(${PERIOD})$`, "iu");
const PERIOD_AT_START = new RegExp(`^\\s*(?:${PERIOD})`, "iu");
/** Periods this reader does not take: a week, a day, an hour, a fortnight. */
const OTHER_PERIOD_AT_START =
  /^\s*(?:(?:\/|per|an?|every)\s*)?(?:weeks?|wk|days?|hours?|hrs?|hr|fortnight)(?![a-z])|^\s*(?:weekly|daily|hourly|bi-?weekly|fortnightly)(?![a-z])/i;

/**
 * The period at the start of `text` (" per year", " a month", " quarterly"), as written with the space before
 * it, or null. `taken`: one this reader annualises; otherwise one it does not (" a week", " an hour").
 */
export function periodAtStart(text: string, taken: boolean): string | null {
  return (taken ? PERIOD_AT_START : OTHER_PERIOD_AT_START).exec(text)?.[0] ?? null;
}
const SINGLE_PARTS = new RegExp(
  `^(?:(?<code1>${CODE})${SP}?)?(?<sym1>${SYM})?${SP}?(?<num>${NUM})(?<mult>${MULT})?(?:${SP}?(?<sym2>${SYM}))?(?:${SP}?(?<code2>${CODE_AFTER}))?(?<pct>${PCT})?$`,
  "iu",
);

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  grand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

interface Part {
  value: number;
  mult: number | null;
  percent: boolean;
  mark: string | null;
  grouped: boolean;
}

/** Amounts are kept to cents: 1.1 × 1000 is 1100, not 1100.0000000000002. */
const cents = (n: number) => Math.round(n * 100) / 100;

function readPart(text: string): Part | null {
  const m = SINGLE_PARTS.exec(text.trim());
  if (!m?.groups) return null;
  const g = m.groups;
  const raw = g.num!;
  let digits: string;
  let grouped: boolean;
  if (/^\d{1,3}(?:\.\d{3})+$/.test(raw) && !g.mult) {
    digits = raw.replace(/\./g, "");
    grouped = true;
  } else if (/^\d+,\d{1,2}$/.test(raw) && g.mult) {
    // A decimal comma before k or m: "150,5k" is 150.5k (a thousands comma has three digits after it).
    digits = raw.replace(",", ".");
    grouped = false;
  } else {
    grouped = /[,\s\u00a0\u202f]/.test(raw);
    digits = raw.replace(/[,\s\u00a0\u202f]/g, "");
  }
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  const marks = [g.code1, g.sym1, g.sym2, g.code2].filter((x): x is string => Boolean(x));
  const mark = marks[0] ?? null;
  // Two marks must name the same currency ("£150k GBP" is fine, "£150k USD" is not read).
  if (marks.some((x) => figureCurrency(x) !== figureCurrency(mark))) return null;
  const mult = g.mult ? (MULTIPLIERS[g.mult.trim().toLowerCase()] ?? null) : null;
  return { value, mult, percent: Boolean(g.pct), mark, grouped };
}

/** Reads text that is exactly one figure or range ("£150k", "150-170k", "30k/yr"); null otherwise. */
export function readFigure(text: string): Figure | null {
  const t = text.trim();
  if (t === "") return null;
  const plus = t.endsWith("+");
  let body = plus ? t.slice(0, -1).trimEnd() : t;
  let period: Period | null = null;
  const p = PERIOD_AT_END.exec(body);
  if (p) {
    // "mo", "mos", "month", "monthly" all contain "mo"; "quarter", "quarterly", "qtr" a "q".
    period = /mo|mth/i.test(p[1]!) ? "month" : /q/i.test(p[1]!) ? "quarter" : "year";
    body = body.slice(0, p.index).trim();
  }
  let first: Part | null;
  let second: Part | null = null;
  const r = WHOLE_RANGE.exec(body);
  if (r) {
    first = readPart(r[1]!);
    second = readPart(r[2]!);
    if (!first || !second) return null;
  } else {
    first = readPart(body);
    if (!first) return null;
  }
  const written = first.mark ?? second?.mark ?? null;
  // A code is kept upper case ("gbp" -> "GBP"); a symbol as written.
  const mark = written && /^[a-z]{3}$/i.test(written) ? written.toUpperCase() : written;
  if (second?.mark && first.mark && figureCurrency(first.mark) !== figureCurrency(second.mark)) return null;
  const percent = first.percent || Boolean(second?.percent);
  let low = first.value * (first.mult ?? 1);
  let high = second ? second.value * (second.mult ?? 1) : low;
  // "150-170k": the multiplier written once applies to both ends.
  if (second && first.mult === null && second.mult !== null && first.value * second.mult <= high) {
    low = first.value * second.mult;
  }
  const factor = period === null ? 1 : PERIODS_A_YEAR[period];
  low = cents(low * factor);
  high = cents(high * factor);
  // (One figure has high === low.)
  if (high < low) return null;
  return {
    low,
    high,
    range: high !== low,
    percent,
    currency: figureCurrency(mark),
    mark,
    period,
    plus,
    scaled: first.mult !== null || first.grouped || Boolean(second?.mult) || Boolean(second?.grouped),
    text: t,
    index: 0,
    end: t.length,
  };
}

/** Every figure in a text, left to right. */
export function scanFigures(text: string): Figure[] {
  const out: Figure[] = [];
  SCAN.lastIndex = 0;
  // Every match has at least one digit (NUM), so the scan always moves on.
  for (let m = SCAN.exec(text); m; m = SCAN.exec(text)) {
    const f = readFigure(m[0]);
    const lead = m[0].length - m[0].trimStart().length;
    if (f) out.push({ ...f, index: m.index + lead, end: m.index + m[0].length });
  }
  return out;
}

/** The first figure in a text, or null. */
export function findFigure(text: string, from = 0): Figure | null {
  const f = scanFigures(text.slice(from))[0];
  return f ? { ...f, index: f.index + from, end: f.end + from } : null;
}

export interface MoneyText {
  low: number;
  high: number;
  /** Currency symbol or code as written ("$", "£", "USD"), null when none. */
  symbol: string | null;
}

/**
 * A money figure or range as written in a guide: "$188K–$228K", "£132K-£165K", "$1.2M", "188,000 to 228,000",
 * "$400K+", "$188–228K". A single figure gives low = high. Null when there is none.
 */
export function parseMoneyText(text: string): MoneyText | null {
  const f = scanFigures(text).find((x) => !x.percent);
  return f ? { low: f.low, high: f.high, symbol: f.mark } : null;
}

/** A percentage or percentage range: "10%", "10–15%", "10-15", "10 to 15 %". Null when none. */
export function parsePercentText(text: string): { low: number; high: number } | null {
  const f = scanFigures(text)[0];
  return f ? { low: f.low, high: f.high } : null;
}
