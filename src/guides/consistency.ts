/**
 * Compares the comp table in a guide's body with its frontmatter bands: the frontmatter is the source of
 * truth, so every disagreement is a warning naming the region, the body text and the frontmatter figure.
 */
import { currencyOf } from "../money/currency.ts";
import { parseMoneyText, parsePercentText } from "../money/read.ts";
import { slugify } from "./schema.ts";
import type { Band, BodyTableRow, GuideBody, GuideProblem, MoneyRange, PercentRange } from "./types.ts";

const narrowSymbols = new Map<string, string>();

/** The symbol guides write a currency with: "$" for USD (and CAD), "£" for GBP… Cached: Intl is slow. */
function narrowSymbol(currency: string): string {
  let symbol = narrowSymbols.get(currency);
  if (symbol === undefined) {
    try {
      const parts = new Intl.NumberFormat("en", {
        style: "currency",
        currency,
        currencyDisplay: "narrowSymbol",
      }).formatToParts(0);
      symbol = parts.find((p) => p.type === "currency")?.value ?? currency;
    } catch {
      symbol = currency;
    }
    // A code written as the symbol ("CHF") is set apart from the figure: "CHF 150K", not "CHF150K".
    if (/[\p{L}\p{N}]$/u.test(symbol)) symbol = `${symbol} `;
    narrowSymbols.set(currency, symbol);
  }
  return symbol;
}

/**
 * Whether a figure written with `mark` ("US$", "$", "£", "EUR") can be in `currency`: the mark names it
 * ("C$" is CAD), or it is the currency's own symbol ("$" in a CAD guide).
 */
function writtenIn(mark: string, currency: string): boolean {
  return currencyOf(mark) === currency || narrowSymbol(currency).trim() === mark;
}

function formatAmount(amount: number, symbol: string): string {
  if (amount >= 1_000_000 && amount % 10_000 === 0) return `${symbol}${amount / 1_000_000}M`;
  // Grouped, so that 1,005,000 reads "$1,005K" (not "$1005K").
  if (amount >= 1_000 && amount % 100 === 0) return `${symbol}${(amount / 1_000).toLocaleString("en-US")}K`;
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
    for (const col of MONEY_COLUMNS) {
      const written = row[col.key];
      const parsed = parseMoneyText(written);
      if (!parsed) continue;
      const path = `compensation.${i}.${col.field}`;
      if (parsed.symbol && !writtenIn(parsed.symbol, band.currency)) {
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

/** How far apart (a fraction) a stated total may be from the one its components give before we warn. */
export const TOTAL_TOLERANCE = 0.05;
/** The band's stock figures are a grant over this many years. */
const VEST_YEARS = 4;

/**
 * Warnings (code "total-mismatch") for every band whose stated total comp is more than 5% away, at either end,
 * from the total its components give (base + stock ÷ 4 + bonus % × base): the offer check compares offers with
 * the components' total, so a reader of the guide should know the two differ.
 */
export function compareTotalWithComponents(file: string, bands: readonly Band[]): GuideProblem[] {
  const problems: GuideProblem[] = [];
  bands.forEach((b, i) => {
    const low = b.base.low + b.stock.low / VEST_YEARS + (b.base.low * b.bonusPct.low) / 100;
    const high = b.base.high + b.stock.high / VEST_YEARS + (b.base.high * b.bonusPct.high) / 100;
    const apart = (stated: number, built: number) => (stated > 0 ? Math.abs(stated - built) / stated : 0);
    const lowApart = apart(b.totalComp.low, low);
    const highApart = apart(b.totalComp.high, high);
    if (lowApart <= TOTAL_TOLERANCE && highApart <= TOTAL_TOLERANCE) return;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    problems.push({
      severity: "warning",
      code: "total-mismatch",
      file,
      path: `compensation.${i}.total_comp_low`,
      message: `${b.region}: stated total comp ${formatMoneyRange(b.totalComp, b.currency)}, its components give ${formatMoneyRange({ low: Math.round(low / 100) * 100, high: Math.round(high / 100) * 100 }, b.currency)} (base + stock ÷ 4 + bonus % × base), ${pct(lowApart)} and ${pct(highApart)} apart; offers are compared with the components' total`,
    });
  });
  return problems;
}
