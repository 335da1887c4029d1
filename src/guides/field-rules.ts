/**
 * The rules of single frontmatter values that both readers of a frontmatter apply: the zod schema
 * (schema.ts), which says what is wrong, and the quick check of the usual case (usual-frontmatter.ts), which
 * only says yes or "ask zod". One definition each, so the two cannot drift apart.
 */
import { slugify } from "../text/normalize.ts";
import { remembered } from "../text/recent.ts";
import type { PercentRange } from "./types.ts";

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const QUARTER = /^\d{4}-Q[1-4]$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURRENCY_SHAPE = /^[A-Z]{3}$/;
const BONUS_TEXT = /^\s*(\d+(?:\.\d+)?)\s*%?\s*(?:(?:[-–—]|to)\s*(\d+(?:\.\d+)?)\s*%?)?\s*$/i;

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

/** "YYYY-MM-DD" when the text names a real calendar day, else null. */
export function strictIsoDate(text: string): string | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return m[0];
}

/** A date field's value as "YYYY-MM-DD": a valid Date, or a text naming a real day; else null. */
export function isoDateOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === "string") return strictIsoDate(value);
  return null;
}

const isPercent = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && n >= 0;

/**
 * A bonus target read as a range: a number (10), a "10-15"/"10–15%"/"10 to 15" text or {low, high}; null when
 * it is none of these. Whether low ≤ high is the caller's rule.
 */
export function bonusRangeOf(value: unknown): PercentRange | null {
  if (isPercent(value)) return { low: value, high: value };
  if (typeof value === "string") {
    const m = BONUS_TEXT.exec(value);
    return m ? { low: Number(m[1]), high: Number(m[2] ?? m[1]) } : null;
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const { low, high } = value as { low?: unknown; high?: unknown };
    if (isPercent(low) && isPercent(high)) return { low, high };
  }
  return null;
}

/** An ISO 4217 code that this runtime knows, written in upper case. */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY_SHAPE.test(code) && CURRENCIES.has(code);
}

/**
 * A region's slug. Worked out several times per band for a few hundred region names that recur across a
 * catalogue: remembered (text/recent.ts).
 */
export const regionSlug = remembered(slugify);
