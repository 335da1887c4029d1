/**
 * What someone would ask for, told beside their offer ("they offered 150k base, should I ask for 170k?"): each
 * figure placed in the band and set beside the counter-offer's, and an ask below what is on the table said so.
 */
import type { Band } from "../guides/types.ts";
import { formatPercent } from "../money/format.ts";
import type { ParsedOffer } from "../questions/offer.ts";
import type { PayNow } from "./paid-now.ts";
import { BAND_VEST_YEARS, wantedLines } from "./place.ts";
import type { OfferLine, OfferTarget } from "./types.ts";

/** The offer's own figure for a line's part, on the line's basis (a grant over the band's 4 years). */
function onTable(offer: ParsedOffer, component: OfferLine["component"]): number | null {
  if (component === "base") return offer.base?.high ?? null;
  if (component === "stock")
    return offer.stock ? (offer.stock.high / offer.vestYears) * BAND_VEST_YEARS : null;
  if (component === "bonus") return offer.bonusPctHigh ?? offer.bonusPct;
  return offer.total?.high ?? null;
}

export function wishNotes(
  band: Band,
  offer: ParsedOffer,
  wish: ParsedOffer,
  targets: readonly OfferTarget[],
  money: (amount: number) => string,
  /** The figures are pay now, not an offer (a pay check). */
  paidNow = false,
  /** Pay now told beside the offer, on the same basis. */
  now: PayNow | null = null,
): string[] {
  const placed = wantedLines(band, wish);
  if (placed.currency !== null)
    return [
      `You'd ask in ${placed.currency}; the ${band.region} band is in ${band.currency}, so I haven't placed what you'd ask for.`,
    ];
  return placed.lines.map((l) => {
    const figure = (n: number) => (l.unit === "percent" ? formatPercent(n) : money(n));
    const relative = wish.relative?.component === l.component ? wish.relative : null;
    // "20% more": how the figure was made, from the offer's (or the pay's) own.
    const made = relative
      ? ` (${formatPercent(relative.pct)} more than the ${figure(relative.from)} ${paidNow || relative.than === "now" ? "you are paid now" : "offered"})`
      : "";
    const asked = `${figure(l.offered)} ${l.label}${made}`;
    const table = onTable(offer, l.component);
    if (table !== null && l.offered < table)
      return paidNow
        ? `You'd ask for ${asked}, less than the ${figure(table)} you are paid now: never ask for less than that.`
        : `You'd ask for ${asked}, less than the ${figure(table)} on the table: never ask for less than you were offered.`;
    const paid =
      l.component === "total" ? null : (now?.[l.component === "bonus" ? "bonusPct" : l.component] ?? null);
    if (paid !== null && l.offered < paid)
      return `You'd ask for ${asked}, less than the ${figure(paid)} you are paid now: never ask for less than that.`;
    const range = l.low === l.high ? figure(l.low) : `${figure(l.low)}–${figure(l.high)}`;
    const part = `the ${band.region} band's ${l.label} (${range})`;
    const where =
      l.position.where === "within"
        ? `${l.position.pct}% of the way through ${part}`
        : l.position.where === "above"
          ? `above ${part}, more than the guide backs`
          : `below ${part}`;
    const target = targets.find((t) => t.component === l.component);
    const counter = target
      ? `; ${paidNow ? "what to ask for, below, says" : "the counter-offer below asks for"} ${figure(target.amount)}`
      : "";
    return `You'd ask for ${asked}: ${where}${counter}.`;
  });
}
