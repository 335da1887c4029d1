/**
 * The usual case of frontmatter validation without zod: a plain walk over a frontmatter whose every field
 * holds a value of its usual form (a non-empty text, a slug, a positive number, a real date, a known
 * currency…) and that breaks no rule across fields. It gives what zod's schema (schema.ts) gives for that
 * frontmatter, or `undefined` for anything else, and then zod decides and says what is wrong.
 *
 * Why: zod's safeParse was the largest part of the parse of a guide (a start without a cache parses every
 * file): 32–40 µs of the 47–55 µs validateFrontmatter took, which takes 17–20 µs with this walk (README,
 * Performance). The rules of single values are shared with the schema (field-rules.ts); the rules across
 * fields (low ≤ high, each region once) are checked here too, where schema.ts's crossFieldIssues words
 * them. That the two agree is tested on a generated catalogue and thousands of random edits of the seed's
 * frontmatter (usual-frontmatter.test.ts).
 */
import { bonusRangeOf, isCurrencyCode, isoDateOf, QUARTER, regionSlug, SLUG } from "./field-rules.ts";
import type { Frontmatter } from "./schema.ts";
import type { PercentRange } from "./types.ts";

type Band = Frontmatter["compensation"][number];
type Fields = Record<string, unknown>;

/** Thrown inside the walk at the first value out of its usual form; usualFrontmatter then returns undefined. */
class Unusual {}
const unusual = new Unusual();

function isFields(value: unknown): value is Fields {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

/** A plain mapping, without a `__proto__` of its own (zod would set the prototype of its copy instead). */
function fields(value: unknown): Fields {
  if (!isFields(value) || Object.hasOwn(value, "__proto__")) throw unusual;
  return value;
}

/** A text with something besides white space, trimmed (the schema's `text` rule). */
function text(value: unknown): string {
  if (typeof value !== "string") throw unusual;
  const trimmed = value.trim();
  if (trimmed === "") throw unusual;
  return trimmed;
}

function matching(value: unknown, pattern: RegExp): string {
  if (typeof value !== "string" || !pattern.test(value)) throw unusual;
  return value;
}

function finite(value: unknown): number {
  // Number.isFinite is false for anything that is not a number.
  if (!Number.isFinite(value)) throw unusual;
  return value as number;
}

function positive(value: unknown): number {
  const n = finite(value);
  if (!(n > 0)) throw unusual;
  return n;
}

function nonNegative(value: unknown): number {
  const n = finite(value);
  if (!(n >= 0)) throw unusual;
  return n;
}

function currency(value: unknown): string {
  if (typeof value !== "string" || !isCurrencyCode(value)) throw unusual;
  return value;
}

function date(value: unknown): string {
  const iso = isoDateOf(value);
  if (iso === null) throw unusual;
  return iso;
}

function bonus(value: unknown): PercentRange {
  const range = bonusRangeOf(value);
  if (range === null || range.low > range.high) throw unusual;
  return range;
}

/** Each item of a list read by `read`; a hole (which no YAML makes) is read as undefined, and refused. */
function each<T>(list: unknown[], read: (item: unknown) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) out.push(read(list[i]));
  return out;
}

/** low ≤ high, the rule across a band's fields. */
function ordered(low: number, high: number): void {
  if (low > high) throw unusual;
}

/** One band, and its region's slug for the rule "each region once per guide". */
function band(value: unknown, regions: Set<string>): Band {
  const b = fields(value);
  const region = text(b.region);
  const slug = regionSlug(region);
  // The schema refuses an empty slug. The cross-field rule compares the slugs of the regions as written,
  // untrimmed: the same slugs, as slugs are made of the words alone.
  if (slug === "" || regions.has(slug)) throw unusual;
  regions.add(slug);
  const out: Band = {
    ...b,
    region,
    base_low: positive(b.base_low),
    base_high: positive(b.base_high),
    stock_low: nonNegative(b.stock_low),
    stock_high: nonNegative(b.stock_high),
    bonus_pct: bonus(b.bonus_pct),
    total_comp_low: positive(b.total_comp_low),
    total_comp_high: positive(b.total_comp_high),
    currency: currency(b.currency),
  };
  ordered(out.base_low, out.base_high);
  ordered(out.stock_low, out.stock_high);
  ordered(out.total_comp_low, out.total_comp_high);
  return out;
}

function levelMapping(value: unknown): Frontmatter["level_mapping"] {
  const m = fields(value);
  const raw = m.raw;
  if (typeof raw !== "string") throw unusual;
  if (!Object.hasOwn(m, "internal")) return { raw };
  const internal = m.internal;
  if (internal !== null && typeof internal !== "string") throw unusual;
  return { internal, raw };
}

/**
 * What zod's schema makes of `input` (the frontmatter with its dates as written), when every field holds a
 * value of its usual form and no rule across fields is broken; otherwise undefined (zod decides).
 */
export function usualFrontmatter(input: unknown): Frontmatter | undefined {
  try {
    const fm = fields(input);
    const compensation = fm.compensation;
    if (!Array.isArray(compensation) || compensation.length === 0) return undefined;
    const regions = new Set<string>();
    const sources = fm.data_sources;
    if (!Array.isArray(sources)) return undefined;
    return {
      // Fields the schema does not know pass through, in their order (zod's looseObject).
      ...fm,
      company: matching(fm.company, SLUG),
      company_display: text(fm.company_display),
      role: matching(fm.role, SLUG),
      role_display: text(fm.role_display),
      role_type: text(fm.role_type),
      last_updated: date(fm.last_updated),
      data_quality: text(fm.data_quality),
      salary_data_quarter: matching(fm.salary_data_quarter, QUARTER),
      next_review_due: date(fm.next_review_due),
      compensation: each(compensation, (b) => band(b, regions)),
      level_mapping: levelMapping(fm.level_mapping),
      data_sources: each(sources, text),
      negotiation_dna_summary: text(fm.negotiation_dna_summary),
    };
  } catch (err) {
    // Nothing else is thrown by the walk: a bug shows as one (the file's "cannot load" error), never as a guide.
    if (err === unusual) return undefined;
    throw err;
  }
}
