/**
 * Another company's offer, told beside the question: said back as given, never placed in the guide's band nor
 * added to anything, and put in the script in the person's own words (the only claim the script may make for
 * them, because they made it).
 */
import type { Band, Guide } from "../guides/types.ts";
import { formatPercentRange } from "../money/format.ts";
import type { Competing } from "../questions/competing.ts";
import type { OfferMoney } from "../questions/offer.ts";

/** "at $400K total comp", ": $250K base, $100K in stock over 4 years": the figures as given. */
function figures(c: Competing, band: Band, format: (n: number, currency: string) => string): string {
  const m = (x: Pick<OfferMoney, "amount" | "high" | "currency">) =>
    x.high !== x.amount
      ? `${format(x.amount, x.currency ?? band.currency)}–${format(x.high, x.currency ?? band.currency)}`
      : format(x.amount, x.currency ?? band.currency);
  const o = c.offer;
  const parts: string[] = [];
  if (o.total) parts.push(`${m(o.total)} total comp`);
  if (o.base) parts.push(`${m(o.base)} base`);
  if (o.stock) parts.push(`${m(o.stock)} in stock over ${o.vestYears} years`);
  if (o.bonusPct !== null)
    parts.push(`a ${formatPercentRange({ low: o.bonusPct, high: o.bonusPctHigh ?? o.bonusPct })} bonus`);
  else if (o.bonusAmount) parts.push(`a ${m(o.bonusAmount)} bonus`);
  if (o.signing) parts.push(`a ${m(o.signing)} signing bonus`);
  if (c.unnamed) parts.push(m(c.unnamed));
  return parts.length === 1 ? ` at ${parts[0]}` : `: ${parts.join(", ")}`;
}

/** The sentence the script says: "I have an offer from Google at $400K total comp." */
export function competingSentence(
  c: Competing,
  band: Band,
  format: (n: number, currency: string) => string,
): { company: string; sentence: string } {
  return { company: c.company, sentence: `I have an offer from ${c.company}${figures(c, band, format)}.` };
}

/** Why it is not in any figure here, and where it is used. */
export function competingNote(
  c: Competing,
  guide: Guide,
  band: Band,
  format: (n: number, currency: string) => string,
  scriptSaysIt: boolean,
): string {
  const gave = `Your offer from ${c.company}${figures(c, band, format)}`;
  const where = scriptSaysIt
    ? "the script below says it for you, as you gave it."
    : "the guide's script has no place for it; mention it in your own words if you want to.";
  const unmarked = [
    c.offer.base,
    c.offer.stock,
    c.offer.total,
    c.offer.signing,
    c.offer.bonusAmount,
    c.unnamed,
  ]
    .filter((x) => x != null)
    .some((x) => x.currency === null);
  const currency = unmarked
    ? ` Figures without a currency are read in ${band.currency}, like the band's.`
    : "";
  return `${gave}: another company's, so it is not placed in ${guide.companyDisplay}'s ${band.region} band, nor compared or added to anything here; ${where}${currency}`;
}
