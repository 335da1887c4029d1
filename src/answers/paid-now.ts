/**
 * The pay someone has now, told beside an offer ("they offered 200k base, I make 180k base now"): each part set
 * beside the offer's on the same basis, and the counter-offer never asking for less than it (a target below pay
 * now would be advice to take a cut). Totals are compared only when both were built the same way.
 */
import type { Band, MoneyRange } from "../guides/types.ts";
import { formatPercent } from "../money/format.ts";
import type { ParsedOffer } from "../questions/offer.ts";
import { offerCurrencies } from "../questions/offer.ts";
import { BAND_VEST_YEARS, implausible } from "./place.ts";

/** Pay now per part, on the offer check's basis: base a year, a grant over the band's 4 years, bonus in %. */
export interface PayNow {
  base: number | null;
  stock: number | null;
  bonusPct: number | null;
  /** A bonus told as an amount: the amount and the base it is a percentage of. */
  bonusFrom: { amount: number; base: number } | null;
  /** A year's total: base + stock a year + bonus when all three are known, else the one stated. */
  total: { amount: number; how: "components" | "stated" } | null;
  /** In another currency than the band's: nothing is compared, and `floor` gives nothing. */
  currency: string | null;
  /** Parts far from the band (as typed, "base 15k"): not compared, asked about. */
  doubted: string[];
}

export function payNow(now: ParsedOffer, band: Band): PayNow {
  const currencies = offerCurrencies(now);
  const other = currencies.find((c) => c !== band.currency);
  if (other !== undefined)
    return {
      base: null,
      stock: null,
      bonusPct: null,
      bonusFrom: null,
      total: null,
      currency: currencies.join("/"),
      doubted: [],
    };
  // A figure far from the band is a typo more often than pay (the offer's own are checked the same way).
  const doubted: string[] = [];
  const sane = (name: string, text: string, value: number, range: MoneyRange): number | null => {
    if (!implausible(value, range)) return value;
    doubted.push(`${name} ${text}`);
    return null;
  };
  const base = now.base ? sane("base", now.base.text, now.base.high, band.base) : null;
  const grant = now.stock
    ? sane("stock", now.stock.text, (now.stock.high / now.vestYears) * BAND_VEST_YEARS, band.stock)
    : null;
  const yearlyStock = grant === null ? null : grant / BAND_VEST_YEARS;
  const bonusPct =
    now.bonusPctHigh ??
    now.bonusPct ??
    (now.bonusAmount && base !== null ? (now.bonusAmount.high / base) * 100 : null);
  const bonus =
    now.bonusAmount?.high ?? (bonusPct !== null && base !== null ? (base * bonusPct) / 100 : null);
  const stated = now.total ? sane("total", now.total.text, now.total.high, band.totalComp) : null;
  const total =
    base !== null && yearlyStock !== null && bonus !== null
      ? { amount: base + yearlyStock + bonus, how: "components" as const }
      : stated !== null
        ? { amount: stated, how: "stated" as const }
        : null;
  return {
    base,
    stock: grant,
    bonusPct: bonusPct === null ? null : Math.round(bonusPct * 10) / 10,
    bonusFrom:
      now.bonusPct === null && now.bonusAmount && base !== null
        ? { amount: now.bonusAmount.high, base }
        : null,
    total,
    currency: null,
    doubted,
  };
}

/** The higher of what is offered and what is paid now for a part, and which one it is. */
export function floorOf(
  offered: number | null,
  now: number | null,
  held: string,
): { value: number; who: string } | null {
  if (now !== null && (offered === null || now > offered))
    return { value: now, who: "what you are paid now" };
  return offered === null ? null : { value: offered, who: held };
}

/** The offer's figures on the same basis, as the offer check placed them. */
export interface Offered {
  base: number | null;
  stock: number | null;
  bonusPct: number | null;
  total: { amount: number; how: "components" | "stated" } | null;
}

export function payNowNotes(
  now: PayNow,
  offered: Offered,
  band: Band,
  money: (amount: number) => string,
): string[] {
  if (now.currency !== null)
    return [
      `You gave your pay now in ${now.currency}; the ${band.region} band and the offer are read in ${band.currency}, so I haven't compared them (I use no exchange rates). The counter-offer below does not take it into account.`,
    ];
  const notes: string[] =
    now.doubted.length > 0
      ? [
          `I haven't compared your pay now ${now.doubted.join(", ")}: it is far outside the ${band.region} band (under a fifth of its bottom or over five times its top). Is that right? Check the figure.`,
        ]
      : [];
  const parts = [
    { name: "base", basis: "", now: now.base, offer: offered.base, unit: "money" },
    {
      name: "stock",
      basis: " (a grant on the 4-year basis)",
      now: now.stock,
      offer: offered.stock,
      unit: "money",
    },
    {
      name: "bonus",
      basis: now.bonusFrom ? ` (${money(now.bonusFrom.amount)} of ${money(now.bonusFrom.base)} base)` : "",
      now: now.bonusPct,
      offer: offered.bonusPct,
      unit: "percent",
    },
  ] as const;
  for (const p of parts) {
    if (p.now === null) continue;
    const fig = (n: number) => (p.unit === "percent" ? formatPercent(n) : money(n));
    const paid = `Your ${p.name} now is ${fig(p.now)}${p.basis}`;
    if (p.offer === null) {
      notes.push(
        `${paid}; the offer gives no ${p.name}, so the counter-offer asks for at least ${fig(p.now)}.`,
      );
      continue;
    }
    const gap = Math.abs(p.offer - p.now);
    const diff =
      p.unit === "percent"
        ? `${Math.round(gap * 10) / 10} percentage points`
        : `${money(gap)} (${formatPercent(Math.round((gap / p.now) * 1000) / 10)})`;
    if (p.offer === p.now) notes.push(`${paid}: the offer's ${fig(p.offer)} is the same.`);
    else if (p.offer > p.now) notes.push(`${paid}: the offer's ${fig(p.offer)} is ${diff} more.`);
    else
      notes.push(
        `${paid}: the offer's ${fig(p.offer)} is ${diff} less, so the counter-offer asks for at least what you are paid now.`,
      );
  }
  if (now.total) {
    const told = now.total.how === "stated" ? "as you stated it" : "base + stock a year + bonus";
    const paid = `Your total now is ${money(now.total.amount)} a year (${told})`;
    if (offered.total === null)
      notes.push(`${paid}; the offer's total is not known, so they are not compared.`);
    else if (offered.total.how !== now.total.how)
      notes.push(
        `${paid}; the offer's total (${money(offered.total.amount)}) is ${offered.total.how === "stated" ? "as you stated it" : "built from its parts"}, so the two are built differently and not compared. Give both the same way to compare them.`,
      );
    else {
      const gap = offered.total.amount - now.total.amount;
      const pct = formatPercent(Math.round((Math.abs(gap) / now.total.amount) * 1000) / 10);
      notes.push(
        gap === 0
          ? `${paid}: the offer's total is the same.`
          : `${paid}: the offer's ${money(offered.total.amount)} is ${money(Math.abs(gap))} (${pct}) ${gap > 0 ? "more" : "less"}.`,
      );
    }
  }
  return notes;
}
