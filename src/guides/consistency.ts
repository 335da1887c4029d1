/**
 * Compares the comp table in a guide's body with its frontmatter bands: the frontmatter is the source of
 * truth, so every disagreement is a warning naming the region, the body text and the frontmatter figure.
 */
import { parseMoneyText, parsePercentText } from "../money/read.ts";
import { slugify } from "./schema.ts";
import type { Band, BodyTableRow, GuideBody, GuideProblem, MoneyRange, PercentRange } from "./types.ts";

const symbolCache = new Map<string, ReadonlySet<string>>();

/** The symbols a currency is written with: "$" and "US$" for USD, "£" for GBP… (Intl is slow: cached) */
function currencySymbols(currency: string): ReadonlySet<string> {
  const cached = symbolCache.get(currency);
  if (cached) return cached;
  const symbols = new Set<string>([currency]);
  for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
    try {
      const parts = new Intl.NumberFormat("en", {
        style: "currency",
        currency,
        currencyDisplay,
      }).formatToParts(0);
      const symbol = parts.find((p) => p.type === "currency")?.value;
      if (symbol) symbols.add(symbol);
    } catch {
      // unknown currency: only its code counts
    }
  }
  symbolCache.set(currency, symbols);
  return symbols;
}

function narrowSymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat("en", {
      style: "currency",
      currency,
      currencyDisplay: "narrowSymbol",
    }).formatToParts(0);
    return parts.find((p) => p.type === "currency")?.value ?? `${currency} `;
  } catch {
    return `${currency} `;
  }
}

function formatAmount(amount: number, symbol: string): string {
  if (amount >= 1_000_000 && amount % 10_000 === 0) return `${symbol}${amount / 1_000_000}M`;
  if (amount >= 1_000 && amount % 100 === 0) return `${symbol}${amount / 1_000}K`;
  return `${symbol}${amount.toLocaleString("en-US")}`;
}

/** 188000–228000 USD → "$188K–$228K", the way guides write it. */
export function formatMoneyRange(range: MoneyRange, currency: string): string {
  const symbol = narrowSymbol(currency);
  const low = formatAmount(range.low, symbol);
  return range.low === range.high ? low : `${low}–${formatAmount(range.high, symbol)}`;
}

export function formatPercentRange(range: PercentRange): string {
  return range.low === range.high ? `${range.low}%` : `${range.low}–${range.high}%`;
}

const MONEY_COLUMNS = [
  { key: "base", label: "base", field: "base_low", band: "base" },
  { key: "stock", label: "stock", field: "stock_low", band: "stock" },
  { key: "totalComp", label: "total comp", field: "total_comp_low", band: "totalComp" },
] as const;

/**
 * Warnings (code "body-mismatch") for every figure of the body's comp table that disagrees with the
 * frontmatter, rows matched to bands by region name. Rows and bands without a partner are reported too.
 */
export function compareBodyWithFrontmatter(
  file: string,
  bands: readonly Band[],
  body: GuideBody,
): GuideProblem[] {
  const problems: GuideProblem[] = [];
  if (body.table.length === 0) return problems;
  const warn = (path: string, message: string) =>
    problems.push({ severity: "warning", code: "body-mismatch", file, path, message });

  const rowsBySlug = new Map<string, BodyTableRow>();
  for (const row of body.table) {
    const slug = slugify(row.region);
    if (!bands.some((b) => b.regionSlug === slug)) {
      warn("", `body table has a row for "${row.region}", frontmatter has no such region`);
      continue;
    }
    if (!rowsBySlug.has(slug)) rowsBySlug.set(slug, row);
  }

  bands.forEach((band, i) => {
    const row = rowsBySlug.get(band.regionSlug);
    if (!row) {
      warn(`compensation.${i}.region`, `${band.region}: frontmatter region has no row in the body table`);
      return;
    }
    const symbols = currencySymbols(band.currency);
    for (const col of MONEY_COLUMNS) {
      const written = row[col.key];
      const parsed = parseMoneyText(written);
      if (!parsed) continue;
      const path = `compensation.${i}.${col.field}`;
      if (parsed.symbol && !symbols.has(parsed.symbol)) {
        warn(
          path,
          `${band.region}: body table says ${col.label} ${written}, frontmatter currency is ${band.currency}`,
        );
        continue;
      }
      const fm = band[col.band];
      if (parsed.low !== fm.low || parsed.high !== fm.high) {
        warn(
          path,
          `${band.region}: body table says ${col.label} ${written}, frontmatter says ${formatMoneyRange(fm, band.currency)}`,
        );
      }
    }
    const pct = parsePercentText(row.bonus);
    if (pct && (pct.low !== band.bonusPct.low || pct.high !== band.bonusPct.high)) {
      warn(
        `compensation.${i}.bonus_pct`,
        `${band.region}: body table says bonus ${row.bonus}, frontmatter says ${formatPercentRange(band.bonusPct)}`,
      );
    }
  });
  return problems;
}
