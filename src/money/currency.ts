/**
 * Currencies as people write them next to a figure: a symbol ("£"), a prefixed dollar ("US$") or an ISO 4217
 * code ("GBP"). The one list every reader of money uses (offers, the modal, guide bodies, scripts).
 */
import { escapeRegExp } from "../text/normalize.ts";

/** Symbols and the ISO codes they stand for. "$" alone is read as USD. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: "USD",
  US$: "USD",
  C$: "CAD",
  CA$: "CAD",
  A$: "AUD",
  AU$: "AUD",
  S$: "SGD",
  "£": "GBP",
  "€": "EUR",
  "¥": "JPY",
  "₹": "INR",
  "₪": "ILS",
  zł: "PLN",
};

/** ISO codes a figure may be written with ("GBP 150k", "150k EUR"). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  "USD",
  "GBP",
  "EUR",
  "CAD",
  "AUD",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "INR",
  "JPY",
  "SGD",
  "PLN",
  "ILS",
  "NZD",
  "HKD",
  "BRL",
  "MXN",
]);

/** "£" -> "GBP", "gbp" -> "GBP", "US$" -> "USD"; null for anything else (a name too: see currencyNamed). */
export function currencyOf(mark: string | null | undefined): string | null {
  if (!mark) return null;
  const m = mark.trim();
  const symbol = CURRENCY_SYMBOLS[m] ?? CURRENCY_SYMBOLS[m.toUpperCase()];
  if (symbol) return symbol;
  const code = m.toUpperCase();
  return CURRENCY_CODES.has(code) ? code : null;
}

/** RegExp source matching any symbol (longest first, so "US$" wins over "$"). */
export const SYMBOL_SOURCE = Object.keys(CURRENCY_SYMBOLS)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");

/** RegExp source matching any ISO code we read (used with the `i` flag). */
export const CODE_SOURCE = [...CURRENCY_CODES].join("|");

/** Currency names as people write them in a sentence ("in dollars", "in pounds sterling"): the code each means. */
const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  dollar: "USD",
  dollars: "USD",
  "us dollars": "USD",
  "american dollars": "USD",
  bucks: "USD",
  pound: "GBP",
  pounds: "GBP",
  "pounds sterling": "GBP",
  sterling: "GBP",
  quid: "GBP",
  euro: "EUR",
  euros: "EUR",
  yen: "JPY",
  rupee: "INR",
  rupees: "INR",
  "canadian dollars": "CAD",
  "australian dollars": "AUD",
  "swiss francs": "CHF",
  francs: "CHF",
  shekels: "ILS",
  zloty: "PLN",
};

/** RegExp source matching any currency name ("dollars", "pounds sterling"), longest first (used with `i`). */
export const NAME_SOURCE = Object.keys(CURRENCY_NAMES)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/ /g, "\\s+"))
  .join("|");
/** "in dollars", "into USD", "to €", "(in GBP)": a currency asked for, not a figure's ("in $150k" is a figure). */
const ASKED_CURRENCY = new RegExp(
  `(?<![\\w$£€¥₹₪])(?:(?:all|everything|figures|numbers|amounts)\\s+)?(?:in|into|to|as)\\s+(?:(${NAME_SOURCE})|(${CODE_SOURCE})|(${SYMBOL_SOURCE}))(?![\\w$£€¥₹₪])(?!\\s*\\d)`,
  "i",
);

/** "dollars" -> "USD", "pounds sterling" -> "GBP": a currency's name, as written after a figure; else null. */
export function currencyNamed(name: string | null | undefined): string | null {
  return name ? (CURRENCY_NAMES[name.toLowerCase().replace(/\s+/g, " ")] ?? null) : null;
}

/** The currency a sentence asks for ("… london in dollars" -> USD), with where it is written; null when none. */
export function askedCurrency(text: string): { code: string; index: number; text: string } | null {
  const m = ASKED_CURRENCY.exec(text);
  if (!m) return null;
  const code = m[1] ? currencyNamed(m[1]) : currencyOf(m[2] ?? m[3]);
  return code ? { code, index: m.index, text: m[0] } : null;
}
