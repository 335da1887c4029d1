/**
 * Formatting money and percentages: compact, in the currency's symbol ("£150K", "$1.3M", "10–15%").
 * Pure functions; never return "NaN", "undefined" or "null". The renderers and the answers both use these.
 */

import { remembered } from "../text/recent.ts";

/** Shown instead of a figure that is missing or not a finite number. */
export const MISSING = "n/a";

/**
 * The compact formatter of a currency code (upper case, trimmed); null when Intl does not know the code.
 * Remembered (text/recent.ts): building one costs far more than using it.
 */
const moneyFormatter = remembered((code: string): Intl.NumberFormat | null => {
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: code,
      notation: "compact",
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
  } catch {
    // Not a well-formed ISO 4217 code (Intl throws RangeError): formatted without a symbol.
    return null;
  }
}, 256);

/**
 * The formatters below are made on first use, not when this module loads: the first Intl.NumberFormat of a
 * process loads ICU's number data (25-50 ms on a 2-core machine), which the start-up helper thread loads for
 * the whole process while the main thread decodes the index cache (guides/scan.ts).
 */
let compactNumber: Intl.NumberFormat | undefined;
const compact = (): Intl.NumberFormat => {
  compactNumber ??= new Intl.NumberFormat("en-US", {
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  return compactNumber;
};

/**
 * A figure formatted, by "<amount> <currency code>". Intl's compact currency format costs a few microseconds
 * a call and a band answer needs a dozen; guides share round figures, so most calls are repeats: remembered
 * (text/recent.ts), 20,000 figures at most.
 */
const formattedFigure = remembered((key: string): string => {
  const space = key.indexOf(" ");
  const amount = Number(key.slice(0, space));
  const code = key.slice(space + 1);
  const formatter = moneyFormatter(code);
  if (formatter) return formatter.format(amount);
  const number = compact().format(amount);
  return code === "" ? number : `${code} ${number}`;
}, 20_000);

/**
 * 188000 USD -> "$188K", 132000 GBP -> "£132K", 1250000 USD -> "$1.3M". Currencies without a symbol in en-US
 * keep Intl's output ("CHF 120K", with a no-break space). A malformed code is put before the number ("XX 5K").
 */
export function formatMoney(amount: number, currency: string): string {
  // Number.isFinite is false for anything that is not a number (no coercion).
  if (!Number.isFinite(amount)) return MISSING;
  const code = typeof currency === "string" ? currency.trim().toUpperCase() : "";
  // A finite number's text reads back as exactly that number.
  return formattedFigure(`${amount} ${code}`);
}

/** The range separator: EN DASH (U+2013). */
export const RANGE_DASH = "\u2013";

/** {188000, 228000} USD -> "$188K–$228K"; a single figure when both ends read the same. */
export function formatMoneyRange(range: { low: number; high: number }, currency: string): string {
  const low = formatMoney(range.low, currency);
  const high = formatMoney(range.high, currency);
  return low === high ? low : `${low}${RANGE_DASH}${high}`;
}

let percentNumber: Intl.NumberFormat | undefined;
const percent = (): Intl.NumberFormat => {
  percentNumber ??= new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 1 });
  return percentNumber;
};

function formatPercentNumber(n: number): string {
  if (!Number.isFinite(n)) return MISSING;
  // Whole numbers (nearly every bonus figure) read the same in en-US without grouping: skip Intl.
  return Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0) ? String(n) : percent().format(n);
}

/** {10, 10} -> "10%", {10, 15} -> "10–15%". */
export function formatPercentRange(range: { low: number; high: number }): string {
  const low = formatPercentNumber(range.low);
  const high = formatPercentNumber(range.high);
  if (low === MISSING && high === MISSING) return MISSING;
  return low === high ? `${low}%` : `${low}${RANGE_DASH}${high}%`;
}

/** A percentage as written ("10%", "12.5%"), never NaN. */
export function formatPercent(value: number): string {
  return formatPercentRange({ low: value, high: value });
}
