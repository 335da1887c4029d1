/**
 * How each figure of an offer was read, in words: ranges (placed at their low end, asked at least at their top)
 * and periods (a month or a quarter is a year's worth; stock a year is the grant it adds up to).
 */
import { PERIODS_A_YEAR } from "../money/read.ts";
import type { OfferMoney, ParsedOffer } from "../questions/offer.ts";

export function howRead(
  offer: ParsedOffer,
  {
    f,
    fr,
    asksAtLeast,
  }: {
    f: (n: number) => string;
    fr: (r: { low: number; high: number }) => string;
    /** "the counter-offer asks for at least" (or "what to ask for is at least", for pay now). */
    asksAtLeast: string;
  },
): string[] {
  const notes: string[] = [];
  const vest = offer.vestYears;
  const read = (name: string, m: OfferMoney | null | undefined) => {
    if (!m) return;
    // "a month" / "a quarter": the figure is already a year's worth (× 12, × 4); say so.
    const per = m.period === "month" || m.period === "quarter" ? m.period : null;
    const times = per === null ? "" : ` (× ${PERIODS_A_YEAR[per]})`;
    if (m.yearly) {
      // Stock per year, month or quarter: placed as the grant it adds up to over the vesting years.
      const yearly = fr({ low: m.yearly.amount, high: m.yearly.high });
      const usual = offer.vestGiven ? "" : ", the usual vesting: say e.g. vest 3y if yours differs";
      const grant = `read as a grant of ${fr({ low: m.amount, high: m.high })} (${yearly} × ${vest} years${usual})`;
      notes.push(
        per === null
          ? `${name} ${m.text} is a year's vesting: ${grant}.`
          : `${name} ${m.text} is a ${per}'s vesting: ${yearly} a year${times}, ${grant}.`,
      );
    } else if (per !== null) {
      notes.push(`${name} ${m.text} is a ${per}: read as ${f(m.amount)} a year${times}.`);
    }
    if (m.high !== m.amount)
      notes.push(
        `${name} ${m.text} is a range (${f(m.amount)}–${f(m.high)}): placed at its low end, ${f(m.amount)}, the part that is sure; ${asksAtLeast} its top, ${f(m.high)}.`,
      );
  };
  read("Base", offer.base);
  read("Stock", offer.stock);
  read("Bonus", offer.bonusAmount);
  read("Signing bonus", offer.signing);
  read("Total", offer.total);
  const bonusPctHigh = offer.bonusPct === null ? null : (offer.bonusPctHigh ?? offer.bonusPct);
  if (bonusPctHigh !== offer.bonusPct)
    notes.push(
      `Bonus ${offer.bonusPct}–${bonusPctHigh}% is a range: placed at ${offer.bonusPct}%, its low end; ${asksAtLeast} ${bonusPctHigh}%.`,
    );
  return notes;
}
