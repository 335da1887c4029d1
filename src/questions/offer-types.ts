/**
 * What the offer reader (offer.ts) gives: an offer's figures by part, what it could not read, and what was read
 * apart from it (pay now, a wish, another company's offer).
 */
import type { Period } from "../money/read.ts";
import type { Competing } from "./competing.ts";

export type OfferComponent = "base" | "stock" | "bonus" | "signing" | "total";

export interface OfferMoney {
  /** Whole units of the currency, per year when a period was written; the low end of a range. */
  amount: number;
  /** The high end of a range ("150-170k"); equal to `amount` for one figure. */
  high: number;
  /** ISO code from a symbol or code next to the figure ("£" -> GBP), null when none was written. */
  currency: string | null;
  /** The figure as typed. */
  text: string;
  /** "30k/yr" says year; "12.5k a month" says month (the amount is then ×12). */
  period: Period | null;
  /**
   * Stock written per year, month or quarter ("stock 50k a year"): the yearly figure as read. `amount` and `high` are
   * then the whole grant, the yearly figure × the vesting years (given, or 4).
   */
  yearly?: { amount: number; high: number } | null;
}

export interface Unreadable {
  /** What we could not read or did not place, as typed ("stock 12O", "bonus 500%"). */
  text: string;
  /** Our guess of what was meant ("120k"), or null. */
  suggestion: string | null;
  /** What would work, or the question we ask back ("A bonus is a percentage of base…"). */
  hint?: string | null;
  /** "implausible": read, but far from anything the band could mean, so not placed. */
  kind?: "unreadable" | "implausible";
}

export interface ParsedOffer {
  base: OfferMoney | null;
  /** The whole grant over the vesting period. */
  stock: OfferMoney | null;
  /** Bonus as a percentage of base (the low end of "10-15%")… */
  bonusPct: number | null;
  /** …the high end of a percentage range, equal to bonusPct for one figure… */
  bonusPctHigh?: number | null;
  /** …or as an amount. */
  bonusAmount: OfferMoney | null;
  signing: OfferMoney | null;
  /** A total the user stated ("total 200k"): we cannot see how it was built. */
  total?: OfferMoney | null;
  /** On-target earnings ("OTE 180k"): base + bonus at target, no stock; never placed as a total comp. */
  ote?: OfferMoney;
  vestYears: number;
  vestGiven: boolean;
  /** The stock was called options ("options 50k", "stock options"): an option is not worth a share. */
  stockOptions?: boolean;
  /** Shares a year of an uneven vesting schedule, in %, year one first ("40/30/20/10"); absent when even. */
  vestSchedule?: number[];
  unreadable: Unreadable[];
  /**
   * Parts of the offer the bands have nothing to compare with, as written ("relocation £10k", "401k match 4%"):
   * named back, not placed. Absent when there are none.
   */
  notCompared?: string[];
  /**
   * The figures are what the person wants to ask for ("what should I say to get 200k base?"), not an offer:
   * answered with what to ask for, each figure placed in the band.
   */
  wanted?: boolean;
  /**
   * What the person would ask for, told beside the offer ("they offered 150k base, should I ask for 170k?"):
   * read apart, so that it is never taken for the offer's own figures.
   */
  wish?: ParsedOffer;
  /** A wish told as a share more than the offer ("20% more base"): its figure is the part × (1 + pct ÷ 100). */
  relative?: { pct: number; component: "base" | "stock" | "total"; from: number; than: "offer" | "now" };
  /** The question says this is the pay the person has now ("I currently make 150k base"), not an offer. */
  current?: boolean;
  /**
   * The pay the person has now, told beside an offer ("they offered 200k base, I make 180k base now"): read
   * apart, never taken for the offer's figures; the counter-offer never asks for less.
   */
  now?: ParsedOffer;
  /**
   * The figures were not called an offer, but pay now was told apart from them ("200k base. my current comp is
   * 250k total"): they are checked as an offer, and the answer says so.
   */
  assumedOffer?: boolean;
  /** Asked in a conversation right after an offer or pay check, whose figures are not kept. */
  afterFigures?: boolean;
  /** Another company's offer told beside it ("competing offer from Google at 400k total"): never placed. */
  competing?: Competing;
  /** The words the figures were read from were removed from this: what is left names the guide. */
  rest: string;
}

export const DEFAULT_VEST_YEARS = 4;
/** Longest vesting read (the offer modal's limit too). */
export const MAX_VEST_YEARS = 10;
