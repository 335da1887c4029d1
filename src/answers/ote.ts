/**
 * On-target earnings ("OTE 180k"): base + bonus at target, with no stock. Never placed as a total comp, whose band
 * has stock in it. With the base given and no bonus, the bonus at target is what OTE leaves above the base.
 */
import type { ParsedOffer } from "../questions/offer.ts";

/** Sets `offer.bonusAmount` from OTE − base when it can (the offer is the answer's own copy); says what it did. */
export function readOte(offer: ParsedOffer, money: (amount: number) => string): string | null {
  const ote = offer.ote;
  if (!ote) return null;
  // (Figures in two currencies never get here: the offer check answers that first.)
  const base = offer.base;
  const noBonus = offer.bonusPct === null && !offer.bonusAmount;
  const range = ote.amount !== ote.high;
  if (base && noBonus && !range && ote.amount > base.high) {
    const bonus = ote.amount - base.high;
    offer.bonusAmount = {
      amount: bonus,
      high: bonus,
      currency: ote.currency ?? base.currency,
      text: `OTE ${ote.text} − base ${base.text}`,
      period: null,
    };
    return `OTE ${money(ote.amount)} is base + bonus at target: ${money(ote.amount)} − ${money(base.high)} base = ${money(bonus)}, read as your bonus at target.`;
  }
  const why = !base
    ? "Give the base too (OTE less the base is the bonus at target), or the base and bonus themselves."
    : !noBonus
      ? "You gave the bonus too, so it adds nothing."
      : range
        ? "A range of OTE gives no one bonus: give the bonus itself, e.g. bonus 15%."
        : `It is not above the base (${money(base.high)}), so it says nothing about a bonus: check the figures.`;
  const shown = range ? `${money(ote.amount)}–${money(ote.high)}` : money(ote.amount);
  return `OTE ${shown} is base + bonus at target, not a total comp: the band's totals have stock in them, so it is not placed. ${why}`;
}
