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

/** "£" -> "GBP", "gbp" -> "GBP", "US$" -> "USD"; null for anything else. */
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
