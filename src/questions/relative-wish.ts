/**
 * A wish told as a share more than the offer ("I want 20% more", "is asking for 10% more base reasonable?",
 * "a 15% bump on the stock"): read apart before the offer's figures, so that the share is never asked about as a
 * bonus, then made into figures from the offer's own: 20% more than a £150K base is £180K. With no part named,
 * it is the offer's one part in money; with several, the answer asks which.
 */
import { emptyOffer, type OfferMoney, type ParsedOffer, type Unreadable } from "./offer.ts";

export type RelativePart = "base" | "stock" | "total";

export interface RelativeWish {
  /** The share more, in % ("20" for 20% more). */
  pct: number;
  /** The part it was said of, or null when none was named. */
  part: RelativePart | null;
  /** The words it was read from, as typed. */
  text: string;
  /** What it is more than: the offer (also when not said), or the pay now ("than I make"). */
  than: "offer" | "now";
}

const PART_WORDS: ReadonlyArray<readonly [RegExp, RelativePart]> = [
  [/^(?:base|salary)/i, "base"],
  [/^(?:stock|equity|rsus?|shares)/i, "stock"],
  [/^(?:total|tc|comp|package)/i, "total"],
];

/** "than the offer", "than I make", "than my current salary": what the share is more than. */
const THAN = String.raw`\s+than\s+(?:(?<offer>(?:the\s+|their\s+|this\s+)?offer(?:ed)?|(?:what\s+)?(?:they|was|it)\s+offered)|(?<now>(?:what\s+)?i\s+(?:make|earn|get|am\s+(?:on|paid|making|earning|getting))|(?:what\s+)?i'?m\s+(?:on|paid|making|earning|getting)|my\s+(?:current\s+|present\s+)?(?:salary|pay|base|comp|package|job|tc)|(?:my\s+)?current(?:\s+(?:salary|pay|base|comp|package|tc))?))(?:\s+now)?`;
/**
 * "20% more", "a 10 percent bump", "15% more base", "20% higher on the stock", "20% more than I make"; not "20%
 * more than last year" (more than something else).
 */
const RELATIVE = new RegExp(
  String.raw`(?<![\w.])(?:an?\s+)?(?<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s?cent\b|pct\b)\s*(?:more|higher|extra|increase|bump|raise|uplift|on\s+top)\b(?:${THAN})?(?!\s+than\b)(?:\s+(?:(?:on|in|of|for|to)\s+)?(?:the\s+|my\s+)?(?<part>base(?:\s+salary)?|salary|stock|equity|rsus?|shares|bonus|total(?:\s+comp)?|tc|comp|package)\b)?`,
  "i",
);

/** The relative wish in `text`, if any, and the text without its words. */
export function readRelativeWish(text: string): { wish: RelativeWish; text: string; bonus: boolean } | null {
  const m = RELATIVE.exec(text);
  if (!m?.groups) return null;
  const named = m.groups.part ?? null;
  const part = named ? (PART_WORDS.find(([re]) => re.test(named))?.[1] ?? null) : null;
  return {
    wish: { pct: Number(m.groups.pct), part, text: m[0], than: m.groups.now ? "now" : "offer" },
    text: `${text.slice(0, m.index)} , ${text.slice(m.index + m[0].length)}`,
    bonus: named !== null && part === null,
  };
}

/**
 * The wish as figures, from the offer's (or the pay's) own: its part × (1 + pct ÷ 100). Null with what to ask
 * when it cannot be made: no part in money, several and none named, or the part named not given.
 */
export function relativeFigures(
  read: { wish: RelativeWish; bonus: boolean },
  /** The figures it is more than; null when it is more than pay now and no pay now was told. */
  from: ParsedOffer | null,
): { wish: ParsedOffer } | { unreadable: Unreadable } {
  const { wish } = read;
  const ask = (hint: string) => ({ unreadable: { text: wish.text, suggestion: null, hint } });
  if (read.bonus)
    return ask(
      "A bonus is already a percentage: say the bonus you would ask for instead, e.g. should I ask for bonus 15%.",
    );
  if (from === null)
    return ask(
      `More than your pay now: say what it is too, e.g. I make 150k base, ${wish.pct}% more than that.`,
    );
  const given = (["base", "stock", "total"] as const).filter((p) => Boolean(from[p]));
  const part = wish.part ?? (given.length === 1 ? given[0]! : null);
  if (part === null)
    return ask(
      given.length === 0
        ? `More than what? Say the part and the figure it is more than, e.g. base 150k, ${wish.pct}% more base.`
        : `More of which part? Name it, e.g. ${wish.pct}% more ${given[0]}.`,
    );
  const money = from[part];
  if (!money)
    return ask(
      `The ${part} is not among the figures given: add it, e.g. ${part} 150k, ${wish.pct}% more ${part}.`,
    );
  const times = 1 + wish.pct / 100;
  const more: OfferMoney = {
    ...money,
    amount: Math.round(money.amount * times),
    high: Math.round(money.high * times),
    text: wish.text,
    period: null,
    yearly: null,
  };
  return {
    wish: {
      ...emptyOffer(),
      [part]: more,
      vestYears: from.vestYears,
      vestGiven: from.vestGiven,
      relative: { pct: wish.pct, component: part, from: money.amount, than: wish.than },
    },
  };
}
