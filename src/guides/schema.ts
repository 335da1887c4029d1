/**
 * The frontmatter schema (snake_case, as guides are written) and its mapping to the `Guide` model.
 * Every rule's message says what was expected; `validateFrontmatter` adds what was found.
 */

import { z } from "../runtime/zod.ts";
import { escapeRegExp, slugify } from "../text/normalize.ts";
import { remembered } from "../text/recent.ts";
import {
  bonusRangeOf,
  isCurrencyCode,
  isoDateOf,
  QUARTER,
  regionSlug,
  SLUG,
  strictIsoDate,
} from "./field-rules.ts";
import { parseLevelMapping } from "./levels.ts";
import type { Band, Guide, GuideProblem, PercentRange } from "./types.ts";
import { usualFrontmatter } from "./usual-frontmatter.ts";

export { strictIsoDate };

const text = (what: string) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: `expected ${what}, not an empty text` });

const slug = (example: string) =>
  z
    .string({ error: `expected a lower-case-kebab slug such as "${example}"` })
    .regex(SLUG, { error: `expected a lower-case-kebab slug such as "${example}"` });

const date = z.unknown().transform((value, ctx): string => {
  const iso = isoDateOf(value);
  if (iso === null) {
    ctx.addIssue({ code: "custom", message: "expected a real date written YYYY-MM-DD", input: value });
    return z.NEVER;
  }
  return iso;
});

const positive = z
  .number({ error: "expected a positive number" })
  .positive({ error: "expected a positive number" });
const nonNegative = z
  .number({ error: "expected a number of 0 or more" })
  .nonnegative({ error: "expected a number of 0 or more" });

const BONUS_EXPECTED = 'expected a bonus percentage: a number (10), a range text ("10-15") or {low, high}';

/** Bonus target as a number, a "10-15"/"10–15%" text or {low, high}; always a PercentRange. */
const bonus = z.unknown().transform((value, ctx): PercentRange => {
  const range = bonusRangeOf(value);
  if (!range) {
    ctx.addIssue({ code: "custom", message: BONUS_EXPECTED, input: value });
    return z.NEVER;
  }
  if (range.low > range.high) {
    ctx.addIssue({
      code: "custom",
      message: `expected the bonus range to go from low to high (${range.low} is above ${range.high})`,
      input: value,
    });
    return z.NEVER;
  }
  return range;
});

const band = z.looseObject(
  {
    region: text('a region name such as "San Francisco"').refine((r) => regionSlug(r) !== "", {
      error: "expected a region name with letters or digits",
    }),
    base_low: positive,
    base_high: positive,
    stock_low: nonNegative,
    stock_high: nonNegative,
    bonus_pct: bonus,
    total_comp_low: positive,
    total_comp_high: positive,
    currency: z.string({ error: 'expected an ISO 4217 currency code such as "USD"' }).refine(isCurrencyCode, {
      error: 'expected an ISO 4217 currency code such as "USD" (upper case)',
    }),
  },
  { error: "expected a compensation entry: a mapping with region, base_low, base_high, … currency" },
);

export const frontmatterSchema = z.looseObject(
  {
    company: slug("segment"),
    company_display: text("the company's display name"),
    role: slug("ml-ai-engineer"),
    role_display: text("the role's display name"),
    role_type: text('a role type such as "standard"'),
    last_updated: date,
    data_quality: text('a data quality such as "high"'),
    salary_data_quarter: z
      .string({ error: 'expected a quarter such as "2025-Q4"' })
      .regex(QUARTER, { error: 'expected a quarter such as "2025-Q4"' }),
    next_review_due: date,
    compensation: z
      .array(band, { error: "expected a list of regional compensation bands" })
      .min(1, { error: "expected at least one compensation entry" }),
    level_mapping: z.object(
      {
        internal: z.string({ error: "expected a text or null" }).nullable().optional(),
        raw: z.string({ error: 'expected the mapping text, e.g. "Segment ML = Google L5"' }),
      },
      { error: "expected a mapping with internal and raw" },
    ),
    data_sources: z.array(text("a source name"), { error: "expected a list of source names" }),
    negotiation_dna_summary: text("a one-line negotiation DNA summary"),
  },
  { error: "expected a YAML mapping of fields" },
);

export type Frontmatter = z.output<typeof frontmatterSchema>;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.keys(frontmatterSchema.shape));

/** Shows a found value for a message: JSON, cut to about 60 characters. */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  let shown: string;
  if (typeof value === "number" || typeof value === "bigint") shown = String(value);
  else if (value instanceof Date)
    shown = Number.isNaN(value.getTime()) ? "an invalid date" : JSON.stringify(value.toISOString());
  else {
    try {
      shown = JSON.stringify(value) ?? String(value);
    } catch {
      shown = String(value);
    }
  }
  return shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * The line `key: value` of a top-level field (its value in group 1), compiled once per key: the same few keys
 * (last_updated, next_review_due) come back in every guide.
 */
const topLevelScalar = remembered(
  (key: string) => new RegExp(`^${escapeRegExp(key)}[ \\t]*:[ \\t]*(\\S+?)[ \\t]*(?:#.*)?$`, "m"),
  256,
);

/**
 * js-yaml turns an unquoted `2026-02-30` into a Date of 2026-03-02. To judge the date as written, take the
 * top-level scalar back from the raw frontmatter text for every Date-valued top-level field.
 */
export function restoreDateStrings(
  data: Record<string, unknown>,
  rawMatter: string,
): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(data)) {
    if (!(value instanceof Date)) continue;
    // Neither global nor sticky: exec starts at the beginning whatever ran before.
    const m = topLevelScalar(key).exec(rawMatter);
    if (!m) continue;
    copy ??= { ...data };
    copy[key] = m[1];
  }
  return copy ?? data;
}

/**
 * Rules across fields (low ≤ high, one band per region), checked on the raw data so they are reported even
 * when other fields of the same band are wrong.
 */
function crossFieldIssues(input: unknown): Array<{ path: PropertyKey[]; message: string }> {
  const issues: Array<{ path: PropertyKey[]; message: string }> = [];
  const comp = valueAt(input, ["compensation"]);
  if (!Array.isArray(comp)) return issues;
  const seen = new Map<string, number>();
  comp.forEach((b: unknown, i) => {
    if (b === null || typeof b !== "object") return;
    const band = b as Record<string, unknown>;
    for (const field of ["base", "stock", "total_comp"]) {
      const low = band[`${field}_low`];
      const high = band[`${field}_high`];
      if (typeof low === "number" && typeof high === "number" && low > high) {
        issues.push({
          path: ["compensation", i, `${field}_high`],
          message: `expected ${field}_high to be at least ${field}_low (${low})`,
        });
      }
    }
    if (typeof band.region !== "string") return;
    const key = regionSlug(band.region);
    if (key === "") return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      issues.push({
        path: ["compensation", i, "region"],
        message: `expected each region once per guide (already at compensation.${first})`,
      });
  });
  return issues;
}

export type ValidationResult = { ok: true; guide: Guide } | { ok: false; problems: GuideProblem[] };

function toBand(b: Frontmatter["compensation"][number]): Band {
  return {
    region: b.region,
    regionSlug: regionSlug(b.region),
    currency: b.currency,
    base: { low: b.base_low, high: b.base_high },
    stock: { low: b.stock_low, high: b.stock_high },
    bonusPct: b.bonus_pct,
    totalComp: { low: b.total_comp_low, high: b.total_comp_high },
  };
}

/** The Guide of a frontmatter that passed every rule (zod's output, or usualFrontmatter's equal of it). */
function guideOf(fm: Frontmatter, file: string): Guide {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fm)) if (!KNOWN_FIELDS.has(key)) extra[key] = value;
  return {
    id: `${fm.company}/${fm.role}`,
    file,
    company: fm.company,
    companyDisplay: fm.company_display,
    role: fm.role,
    roleDisplay: fm.role_display,
    roleType: fm.role_type,
    lastUpdated: fm.last_updated,
    nextReviewDue: fm.next_review_due,
    dataQuality: fm.data_quality,
    salaryDataQuarter: fm.salary_data_quarter,
    bands: fm.compensation.map(toBand),
    levelMapping: {
      internal: fm.level_mapping.internal ?? null,
      raw: fm.level_mapping.raw,
      equivalences: parseLevelMapping(fm.level_mapping.raw, fm.company_display),
    },
    dataSources: fm.data_sources,
    negotiationDnaSummary: fm.negotiation_dna_summary,
    extra,
  };
}

/**
 * The whole rule set through zod: the Guide, or every problem with its field path, what was expected and
 * what was found. `input` is the frontmatter with its dates as written (restoreDateStrings).
 */
export function validateWithSchema(input: unknown, file: string): ValidationResult {
  const parsed = frontmatterSchema.safeParse(input);
  const issues = [...(parsed.success ? [] : parsed.error.issues), ...crossFieldIssues(input)];
  if (!parsed.success || issues.length > 0) {
    const problems = issues.map((issue): GuideProblem => {
      const path = issue.path.map(String).join(".");
      const found = valueAt(input, issue.path);
      // Every rule's message starts "expected …" (the schema gives each one), so it reads on with "found".
      return {
        severity: "error",
        code: "schema",
        file,
        path,
        message: `${issue.message}, found ${showValue(found)}`,
      };
    });
    return { ok: false, problems };
  }
  return { ok: true, guide: guideOf(parsed.data, file) };
}

/**
 * Validates parsed frontmatter and maps it to a Guide. `rawMatter` (gray-matter's `matter` string) lets
 * dates be judged as written. Every problem names its field path, what was expected and what was found.
 *
 * A frontmatter whose every value is in its usual form is taken by usualFrontmatter, a plain walk that gives
 * zod's result in a fraction of its time (zod was about a quarter of a guide's parse); anything else,
 * every problem included, is zod's to judge.
 */
export function validateFrontmatter(data: unknown, file: string, rawMatter = ""): ValidationResult {
  const input =
    data !== null && typeof data === "object" && !Array.isArray(data)
      ? restoreDateStrings(data as Record<string, unknown>, rawMatter)
      : data;
  const usual = usualFrontmatter(input);
  return usual === undefined ? validateWithSchema(input, file) : { ok: true, guide: guideOf(usual, file) };
}

/** One slug rule for the whole project (region slugs must match the index's). */
export { slugify };
