/**
 * Number, money, percentage and date formatting shared by the Slack and terminal renderers.
 * Pure functions; never return "NaN", "undefined" or "null".
 */

/** Shown instead of a figure that is missing or not a finite number. */
export const MISSING = "n/a";

const moneyFormatters = new Map<string, Intl.NumberFormat | null>();

function moneyFormatter(currency: string): Intl.NumberFormat | null {
  const code = currency.trim().toUpperCase();
  let formatter = moneyFormatters.get(code);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat("en-US", {
        style: "currency",
        currency: code,
        notation: "compact",
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      });
    } catch {
      // Not a well-formed ISO 4217 code (Intl throws RangeError): formatted without a symbol.
      formatter = null;
    }
    moneyFormatters.set(code, formatter);
  }
  return formatter;
}

const compactNumber = new Intl.NumberFormat("en-US", {
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

/**
 * 188000 USD -> "$188K", 132000 GBP -> "£132K", 1250000 USD -> "$1.3M". Currencies without a symbol in en-US
 * keep Intl's output ("CHF 120K", with a no-break space). A malformed code is put before the number ("XX 5K").
 */
export function formatMoney(amount: number, currency: string): string {
  if (typeof amount !== "number" || !Number.isFinite(amount)) return MISSING;
  const code = typeof currency === "string" ? currency.trim().toUpperCase() : "";
  const key = `${code} ${amount}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const formatter = code === "" ? null : moneyFormatter(code);
  let text: string;
  if (formatter) text = formatter.format(amount);
  else {
    const number = compactNumber.format(amount);
    text = code === "" ? number : `${code} ${number}`;
  }
  remember(key, text);
  return text;
}

/**
 * Formatted figures by "<currency> <amount>". Intl's compact currency format costs a few microseconds a call and
 * a band answer needs a dozen; guides share round figures, so most calls are repeats. Bounded: when full, it
 * starts again empty.
 */
const formatted = new Map<string, string>();
const FORMATTED_CAPACITY = 20_000;

function remember(key: string, text: string): void {
  if (formatted.size >= FORMATTED_CAPACITY) formatted.clear();
  formatted.set(key, text);
}

/** The range separator: EN DASH (U+2013). */
export const RANGE_DASH = "\u2013";

/** {188000, 228000} USD -> "$188K–$228K"; a single figure when both ends read the same. */
export function formatMoneyRange(range: { low: number; high: number }, currency: string): string {
  const low = formatMoney(range.low, currency);
  const high = formatMoney(range.high, currency);
  return low === high ? low : `${low}${RANGE_DASH}${high}`;
}

const percentNumber = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 1 });

function formatPercentNumber(n: number): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return MISSING;
  // Whole numbers (nearly every bonus figure) read the same in en-US without grouping: skip Intl.
  return Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0) ? String(n) : percentNumber.format(n);
}

/** {10, 10} -> "10%", {10, 15} -> "10–15%". */
export function formatPercentRange(range: { low: number; high: number }): string {
  const low = formatPercentNumber(range.low);
  const high = formatPercentNumber(range.high);
  if (low === MISSING && high === MISSING) return MISSING;
  return low === high ? `${low}%` : `${low}${RANGE_DASH}${high}%`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * "2026-02-23" -> "23 Feb 2026". Reads the calendar date itself (no time zone, so it never shifts a day).
 * Anything that is not a valid YYYY-MM-DD date is returned as given (or MISSING when empty).
 */
export function formatDate(iso: string): string {
  if (typeof iso !== "string" || iso.trim() === "") return MISSING;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso.trim());
  if (!m) return iso.trim();
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return iso.trim();
  }
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** plural(1, "region") -> "1 region", plural(3, "region") -> "3 regions", plural(2, "company", "companies"). */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Any value as display text: "" for null/undefined, MISSING for non-finite numbers, never "[object Object]". */
export function safeText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : MISSING;
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  return "";
}

/** Cells of a band gauge. */
export const GAUGE_CELLS = 10;
const GAUGE_FULL = "■";
const GAUGE_EMPTY = "□";

/**
 * Where a figure sits in a band as a 10-cell text gauge: 55 -> "▕■■■■■□□□□□▏ 55%" (one cell per full 10%).
 * Below the band: all cells empty and "below"; above: all full and "above". `where` defaults from `pct`
 * (< 0 below, > 100 above); pass it when the band is a single figure (pct then says nothing of the side).
 */
export function gauge(
  pct: number,
  where: "below" | "within" | "above" = pct < 0 ? "below" : pct > 100 ? "above" : "within",
): string {
  const bar = (cells: number) => `▕${GAUGE_FULL.repeat(cells)}${GAUGE_EMPTY.repeat(GAUGE_CELLS - cells)}▏`;
  if (where === "below") return `${bar(0)} below`;
  if (where === "above") return `${bar(GAUGE_CELLS)} above`;
  if (typeof pct !== "number" || !Number.isFinite(pct)) return `${bar(0)} ${MISSING}`;
  // + 0 turns -0 into 0.
  const shown = Math.min(100, Math.max(0, Math.round(pct))) + 0;
  const cells = Math.min(GAUGE_CELLS, Math.max(0, Math.floor(shown / (100 / GAUGE_CELLS))));
  return `${bar(cells)} ${shown}%`;
}
