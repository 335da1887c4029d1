/**
 * Placing a figure in its part of a band: where it sits (below, within at some %, above), on the band's 4-year
 * basis for a grant. Used by the offer check (offer.ts) and for the figures someone wants to ask for.
 */
import type { Band, MoneyRange, PercentRange } from "../guides/types.ts";
import type { ParsedOffer } from "../questions/offer.ts";
import { offerCurrencies } from "../questions/offer.ts";
import type { BandPosition, OfferLine } from "./types.ts";

/** The band's stock range is a grant over this many years ("RSU over 4 years"). */
export const BAND_VEST_YEARS = 4;

/** A figure under LOW × the band's low or over HIGH × its high is asked about, not placed. */
export const IMPLAUSIBLE_LOW = 0.2;
export const IMPLAUSIBLE_HIGH = 5;

/** Whether a figure is too far from its range to be placed in it (a typo, another period, another region). */
export function implausible(value: number, range: MoneyRange | PercentRange): boolean {
  return value < IMPLAUSIBLE_LOW * range.low || value > IMPLAUSIBLE_HIGH * range.high;
}

/** Where a figure sits in a range: below, within (how far through, in %), or above. */
export function position(offered: number, range: MoneyRange | PercentRange): BandPosition {
  const span = range.high - range.low;
  const pct = span > 0 ? ((offered - range.low) / span) * 100 : offered >= range.low ? 100 : 0;
  const where = offered < range.low ? "below" : offered > range.high ? "above" : "within";
  return { where, pct: Math.round(pct) };
}

/**
 * Figures someone wants to ask for, each in its part of the band (a grant on the band's 4-year basis); none
 * when they are in another currency than the band's (`currency` says which).
 */
export function wantedLines(
  band: Band,
  wanted: ParsedOffer,
): { lines: OfferLine[]; currency: string | null } {
  const currencies = offerCurrencies(wanted);
  const other = currencies.find((c) => c !== band.currency) ?? null;
  if (other !== null) return { lines: [], currency: currencies.join("/") };
  const lines: OfferLine[] = [];
  if (wanted.base) lines.push(line("base", "base", wanted.base.amount, band.base, "money"));
  if (wanted.stock)
    lines.push(
      line(
        "stock",
        "stock grant",
        (wanted.stock.amount / wanted.vestYears) * BAND_VEST_YEARS,
        band.stock,
        "money",
      ),
    );
  if (wanted.bonusPct !== null) lines.push(line("bonus", "bonus", wanted.bonusPct, band.bonusPct, "percent"));
  if (wanted.total) lines.push(line("total", "total comp", wanted.total.amount, band.totalComp, "money"));
  return { lines, currency: null };
}

/** One figure placed in its part of the band. */
export function line(
  component: OfferLine["component"],
  label: string,
  offered: number,
  range: MoneyRange | PercentRange,
  unit: OfferLine["unit"],
): OfferLine {
  return {
    component,
    label,
    offered,
    low: range.low,
    high: range.high,
    unit,
    position: position(offered, range),
  };
}
