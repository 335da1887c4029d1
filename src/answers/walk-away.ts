/**
 * The line under which the guide says not to accept, carried to the band: never below what is on the table, nor
 * below what the person is paid now (then it is that figure, said so).
 */
import type { AcceptThreshold } from "../guides/types.ts";
import type { PayNow } from "./paid-now.ts";
import { floorOf } from "./paid-now.ts";
import type { AdaptedScript, ScriptFigure } from "./script.ts";
import { ceilK, roundK } from "./script.ts";
import type { OfferAnswer } from "./types.ts";

export interface WalkAwayInput {
  /** The guide's own threshold (present whenever `carried` is). */
  threshold: AcceptThreshold | null;
  /** The threshold carried to this band, or null when the guide's has no amount. */
  carried: AdaptedScript["threshold"];
  /** The script's own stock ask, which the guide's stock line is measured against. */
  askedStock: ScriptFigure | null;
  /** The counter-offer's stock mark, on the band's 4-year basis. */
  stockMark: number;
  /** The offer's stock (4-year basis) and its annualised total, when known. */
  offered: { stock: number | null; total: number | null };
  now: PayNow | null;
  /** "what is on the table" or "what you are paid now". */
  held: string;
  paidNow: boolean;
  money: (amount: number) => string;
  guideMoney: (amount: number, currency: string | null) => string;
}

export function walkAway(i: WalkAwayInput): OfferAnswer["acceptThreshold"] {
  const { threshold, carried, money: f } = i;
  if (!carried || !threshold) return null;
  const saidNow = (who: string) => i.paidNow || who !== i.held;
  if (/rsu|stock|equity/i.test(threshold.component ?? threshold.text)) {
    // The guide's line against its own stock ask, as the same ratio of our stock mark; else carried over.
    const ask = i.askedStock;
    const guideLine = ask ? roundK((i.stockMark * threshold.amount!) / ask.low) : carried.amount;
    const lineHow = ask
      ? `the guide accepts above ${threshold.text} against its ${i.guideMoney(ask.low, ask.currency)} stock ask; the same ratio applied to the guide's stock mark (${f(i.stockMark)}) gives ${f(guideLine)}`
      : `the guide's ${threshold.text}, ${carried.how}`;
    const floor = floorOf(i.offered.stock, i.now?.stock ?? null, i.held);
    if (floor === null || floor.value < guideLine)
      return { amount: guideLine, text: `${f(guideLine)} in stock`, how: lineHow, met: false };
    return {
      amount: ceilK(floor.value),
      text: `${f(floor.value)} in stock, ${floor.who}`,
      how: `${lineHow}; the ${f(floor.value)} ${saidNow(floor.who) ? "you are paid now" : "you were offered"} already clears it, so never settle for less than that`,
      met: true,
    };
  }
  // Pay now counts here only as a total built the same way as the offer's (base + stock a year + bonus).
  const nowTotal = i.now?.total?.how === "components" ? i.now.total.amount : null;
  const floor = floorOf(i.offered.total, nowTotal, i.held);
  if (floor === null || floor.value < carried.amount)
    return { amount: carried.amount, text: carried.text, how: carried.how, met: false };
  return {
    amount: ceilK(floor.value),
    text: `${f(floor.value)}, ${floor.who}`,
    how: `the guide's line is ${carried.text} (${carried.how}); ${saidNow(floor.who) ? "your pay now" : "your offer"} already clears it, so never settle for less`,
    met: true,
  };
}
