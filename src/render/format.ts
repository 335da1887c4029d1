/**
 * Number, money, percentage and date formatting shared by the Slack and terminal renderers.
 * Pure functions; never return "NaN", "undefined" or "null".
 */

export {
  formatMoney,
  formatMoneyRange,
  formatPercent,
  formatPercentRange,
  MISSING,
  RANGE_DASH,
} from "../money/format.ts";

import { MISSING } from "../money/format.ts";

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
 * Where a figure sits in a band as a 10-cell text gauge: 55 -> "▕■■■■■□□□□□▏" (one cell per full 10%). The bar
 * only: the words beside it ("55% of the way from low to high", positionPhrase) say the figure once.
 * Below the band every cell is empty; above, every cell full. `where` defaults from `pct` (< 0 below,
 * > 100 above); pass it when the band is a single figure (pct then says nothing of the side).
 */
export function gauge(
  pct: number,
  where: "below" | "within" | "above" = pct < 0 ? "below" : pct > 100 ? "above" : "within",
): string {
  const bar = (cells: number) => `▕${GAUGE_FULL.repeat(cells)}${GAUGE_EMPTY.repeat(GAUGE_CELLS - cells)}▏`;
  if (where === "below") return bar(0);
  if (where === "above") return bar(GAUGE_CELLS);
  if (typeof pct !== "number" || !Number.isFinite(pct)) return bar(0);
  const shown = Math.min(100, Math.max(0, Math.round(pct)));
  return bar(Math.min(GAUGE_CELLS, Math.max(0, Math.floor(shown / (100 / GAUGE_CELLS)))));
}
