/**
 * Reads the figures of a job offer out of /comp words or a plain sentence:
 *   "offer segment ml-ai-engineer london base 150k stock 120k bonus 10% signing 20k vest 3y"
 *   "I got an offer from Segment in London: £150k base, £120k RSUs over 4 years and a 10% bonus"
 *   "base: £150k, stock: £120k, bonus: 10%", "base 150 000", "base 150-170k", "total 200k"
 * Figures are read by the one money reader (src/money/read.ts). Anything that looks like a figure but cannot
 * be read, or cannot be right, is named back with a hint, never used silently.
 */

import { askedCurrency, CURRENCY_CODES, CURRENCY_SYMBOLS } from "../money/currency.ts";
import { type Figure, periodAtStart, readFigure, scanFigures } from "../money/read.ts";
import {
  DEFAULT_VEST_YEARS,
  MAX_VEST_YEARS,
  type OfferComponent,
  type OfferMoney,
  type ParsedOffer,
  type Unreadable,
} from "./offer-types.ts";
import {
  findKeywords,
  GAP_AFTER,
  GAP_BEFORE,
  type Keyword,
  readVesting,
  STOP_WORDS,
  setAside,
} from "./offer-words.ts";

export type { OfferComponent, OfferMoney, ParsedOffer, Unreadable };
// The reader's shapes, for the modules that read offers through it.
export { CURRENCY_CODES, CURRENCY_SYMBOLS, DEFAULT_VEST_YEARS, MAX_VEST_YEARS };

/** What to say about a figure per week, day or hour: the periods the money reader takes. */
const PERIOD_HINT = "I read figures a year, a month or a quarter";

/** Figures over this are never placed: nobody's offer is over a billion. */
export const MAX_FIGURE = 1_000_000_000;

/** A guess for a figure typed with letters for digits: "12O" -> "120k", "1S0k" -> "150k". */
function guessFigure(text: string): string | null {
  const swapped = text.replace(/[oO]/g, "0").replace(/[lI|]/g, "1").replace(/[sS]/g, "5");
  if (swapped === text) return null;
  const f = readFigure(swapped);
  if (!f) return null;
  return f.scaled || f.percent || f.low >= 1000 ? swapped : `${swapped}k`;
}

/** True when the text looks like it talks about an offer's figures (so the offer check should answer). */
export function looksLikeOffer(text: string): boolean {
  return /\boffer(?:ed|ing)?\b/i.test(text) && /\d/.test(text);
}

const EXAMPLE: Record<OfferComponent, string> = {
  base: "base 150k",
  stock: "stock 120k (the whole grant)",
  bonus: "bonus 10% (of base) or bonus 15k",
  signing: "signing 20k",
  total: "total 200k",
};

/** The name a component is written with in a corrected phrase. */
const WORD: Record<OfferComponent, string> = {
  base: "base",
  stock: "stock",
  bonus: "bonus",
  signing: "signing",
  total: "total",
};

/** `of`: whose figures these are, as the question asked back about a figure with no part names them. */
/** An offer with no figures: every part null, the usual vesting. */
export function emptyOffer(): ParsedOffer {
  return {
    base: null,
    stock: null,
    bonusPct: null,
    bonusPctHigh: null,
    bonusAmount: null,
    signing: null,
    total: null,
    vestYears: DEFAULT_VEST_YEARS,
    vestGiven: false,
    unreadable: [],
    rest: "",
  };
}

export function parseOffer(input: string, of = "the offer"): ParsedOffer {
  const offer = emptyOffer();
  let text = input;
  const vest = readVesting(text);
  // "vest 0y", "vest 25 years": asked about (below, once `say` exists); the default stays.
  const badVest =
    vest && (vest.years < 1 || vest.years > MAX_VEST_YEARS || !Number.isInteger(vest.years))
      ? { at: text.indexOf(vest.match), text: vest.match }
      : null;
  if (vest) {
    if (!badVest) {
      offer.vestGiven = true;
      offer.vestYears = vest.years;
      if (vest.schedule) offer.vestSchedule = vest.schedule;
    }
    // A clause break where the vesting was: "base 150k vest 3y london" leaves "london" apart.
    text = text.replace(vest.match, " , ");
  }
  // "relocation £10k", "401k match 4%" (not in any band; "401k" is not a figure), "1yr cliff": taken out before
  // figures are read; "no signing bonus" is that part at 0.
  const aside = setAside(text);
  text = aside.text;
  if (aside.notCompared.length > 0) offer.notCompared = aside.notCompared;
  // "base 150k, stock 100k, all in dollars": the currency of every figure written without one.
  const stated = askedCurrency(text);
  if (stated) text = `${text.slice(0, stated.index)} , ${text.slice(stated.index + stated.text.length)}`;

  const keywords = findKeywords(text);
  // A figure that runs into a component's name ("15k yearly bonus": "yearly" is a period and part of the name)
  // is the figure before the name; one that starts inside a name is dropped.
  const figures = scanFigures(text).flatMap((f) => {
    const k = keywords.find((k) => f.index < k.end && k.index < f.end);
    if (!k) return [f];
    const cut = k.index > f.index ? readFigure(text.slice(f.index, k.index)) : null;
    return cut ? [{ ...cut, index: f.index, end: f.index + cut.text.length }] : [];
  });
  const usedFigure = new Set<Figure>();
  const consumed: { start: number; end: number }[] = [];
  const unreadable: { at: number; u: Unreadable }[] = [];
  const say = (at: number, u: Unreadable & { hint: string }): Unreadable => {
    const said: Unreadable = { kind: "unreadable", ...u };
    unreadable.push({ at, u: said });
    return said;
  };
  if (badVest) {
    say(badVest.at, {
      text: badVest.text.trim(),
      suggestion: null,
      hint: `Vesting is counted in whole years from 1 to ${MAX_VEST_YEARS}, e.g. vest 4y.`,
    });
  }

  const rightOf = (k: Keyword) =>
    figures.find((f) => f.index >= k.end && !usedFigure.has(f) && GAP_AFTER.test(text.slice(k.end, f.index)));
  // Only the figure right before the name can pass GAP_BEFORE (a gap with a figure in it has digits).
  const leftOf = (k: Keyword) =>
    figures.find(
      (f) => f.end <= k.index && !usedFigure.has(f) && GAP_BEFORE.test(text.slice(f.end, k.index)),
    );

  // "£150k base, £120k stock" or "base 150k, stock 120k": the first pair says which way the text goes.
  const firstKeyword = keywords[0];
  const firstFigure = figures[0];
  const figureFirst = Boolean(
    firstKeyword &&
      firstFigure &&
      firstFigure.end <= firstKeyword.index &&
      GAP_BEFORE.test(text.slice(firstFigure.end, firstKeyword.index)),
  );

  let oteGiven = false;
  const assign = (k: Keyword, f: Figure) => {
    if (k.component === "total" && /^(?:ote|on)/i.test(k.text)) oteGiven = true;
    const phrase = figureFirst ? `${f.text} ${k.text}` : `${k.text} ${f.text}`;
    const c = k.component;
    // A period the reader does not take ("150k a week", "50 an hour"): asked about, never read as a year.
    const other = periodAtStart(text.slice(f.end), false);
    if (other !== null) {
      consumed.push({ start: f.end, end: f.end + other.length });
      say(k.index, {
        text: figureFirst ? `${f.text}${other.trimEnd()} ${k.text}` : `${k.text} ${f.text}${other.trimEnd()}`,
        suggestion: null,
        hint: `${PERIOD_HINT}: give the ${WORD[c]} that way, e.g. ${EXAMPLE[c]}.`,
      });
      return;
    }
    if (f.percent) {
      if (c !== "bonus") {
        say(k.index, {
          text: phrase,
          suggestion: null,
          hint: `A percentage only works for the bonus: give the ${WORD[c]} as an amount, e.g. ${EXAMPLE[c]}.`,
        });
        return;
      }
      if (f.high > 100) {
        say(k.index, {
          text: phrase,
          suggestion: null,
          kind: "implausible",
          hint: "a bonus over 100% of base is not one I can place. Is that right? Check the figure, or send it as an amount (e.g. bonus 150k).",
        });
        return;
      }
      offer.bonusPct = f.low;
      offer.bonusPctHigh = f.high;
      return;
    }
    if (f.high > MAX_FIGURE) {
      say(k.index, {
        text: phrase,
        suggestion: null,
        kind: "implausible",
        hint: "that is over a billion. Is that right? Check the figure (e.g. 150k or 1.2m).",
      });
      return;
    }
    if (f.low === 0 && f.high === 0 && (c === "stock" || c === "bonus" || c === "signing")) {
      // "no signing bonus", "stock 0": none of it is part of the offer, which is placed as such.
      if (c === "bonus") {
        offer.bonusPct = 0;
        offer.bonusPctHigh = 0;
      } else
        offer[c] = {
          amount: 0,
          high: 0,
          currency: f.currency ?? stated?.code ?? null,
          text: f.text,
          period: null,
        };
      return;
    }
    if (!f.scaled && f.low < 1000) {
      // "base 150": almost surely thousands, but we ask rather than guess.
      const n = f.text.replace(/[^\d.]/g, "");
      const suggestion =
        c === "bonus" && f.low > 0 && f.low <= 100 ? `${n}%` : f.low === 0 ? null : `${f.text}k`;
      say(k.index, {
        text: phrase,
        suggestion,
        hint:
          c === "bonus" ? "A bonus is a percentage of base (10%) or an amount (15k)." : `e.g. ${EXAMPLE[c]}.`,
      });
      return;
    }
    if (f.low <= 0) {
      say(k.index, { text: phrase, suggestion: null, hint: `Enter an amount above 0, e.g. ${EXAMPLE[c]}.` });
      return;
    }
    if (c === "signing" && f.period !== null) {
      say(k.index, {
        text: phrase,
        suggestion: null,
        hint: "A signing bonus is paid once: give its whole amount, e.g. signing 20k.",
      });
      return;
    }
    const money: OfferMoney = {
      amount: f.low,
      high: f.high,
      currency: f.currency ?? stated?.code ?? null,
      text: f.text,
      period: f.period,
    };
    // Stock is compared as a grant: a year's vesting ("50k a year") is that × the years it vests over.
    if (c === "stock" && f.period !== null) {
      money.yearly = { amount: f.low, high: f.high };
      money.amount = Math.round(f.low * offer.vestYears * 100) / 100;
      money.high = Math.round(f.high * offer.vestYears * 100) / 100;
    }
    if (c === "bonus") offer.bonusAmount = money;
    else offer[c] = money;
    if (c === "stock" && /option/i.test(k.text)) offer.stockOptions = true;
  };

  const claimed = new Set<Keyword>();
  // The figure each component was first given, and the components given two different figures.
  const first = new Map<OfferComponent, { figure: Figure; phrase: string }>();
  const conflicts = new Map<OfferComponent, { phrases: string[]; u: Unreadable }>();
  // The figure of each name: on the side the text writes them, unless that figure is the next name's, written
  // right before it, and this name has one right before it too ("10% target bonus 25k sign on": 10% is the
  // bonus, 25k the signing bonus).
  const figureOf = (k: Keyword, next: Keyword | undefined) => {
    if (figureFirst) return leftOf(k) ?? rightOf(k);
    const right = rightOf(k);
    const left = leftOf(k);
    const nextsOwn =
      right !== undefined &&
      next !== undefined &&
      right.end <= next.index &&
      GAP_BEFORE.test(text.slice(right.end, next.index));
    return nextsOwn && left ? left : (right ?? left);
  };
  for (const [i, k] of keywords.entries()) {
    const f = figureOf(k, keywords[i + 1]);
    if (!f) continue;
    const c = k.component;
    const phrase = figureFirst ? `${f.text} ${k.text}` : `${k.text} ${f.text}`;
    const taken = c === "bonus" ? offer.bonusPct !== null || offer.bonusAmount !== null : Boolean(offer[c]);
    usedFigure.add(f);
    claimed.add(k);
    consumed.push({ start: Math.min(k.index, f.index), end: Math.max(k.end, f.end) });
    // The same component twice ("base 150k … base 160k", or another company's offer beside this one): which is
    // this offer's is not guessed. Neither is placed, and both are named back; the same figure again is fine.
    const conflict = conflicts.get(c);
    if (conflict) {
      conflict.phrases.push(phrase);
      conflict.u.text = conflict.phrases.join(", ");
      continue;
    }
    const was = first.get(c);
    if (taken && was) {
      const same =
        was.figure.low === f.low &&
        was.figure.high === f.high &&
        was.figure.percent === f.percent &&
        (was.figure.currency ?? null) === (f.currency ?? null);
      if (same) continue;
      if (c === "bonus") {
        offer.bonusPct = null;
        offer.bonusPctHigh = null;
        offer.bonusAmount = null;
      } else offer[c] = null;
      const u = say(k.index, {
        text: `${was.phrase}, ${phrase}`,
        suggestion: null,
        hint: `You gave the ${WORD[c]} more than once with different figures, so I placed none: which is this offer's? Send it again with one ${WORD[c]} (another company's offer is best left out).`,
      });
      conflicts.set(c, { phrases: [was.phrase, phrase], u });
      continue;
    }
    // The figure this component is read from (one that could not be read is replaced by the next).
    first.set(c, { figure: f, phrase });
    // "30k RSUs per year": a period written after the name is the figure's, before it.
    const after = f.end <= k.index && f.period === null ? text.slice(k.end) : "";
    const period = periodAtStart(after, true) ?? periodAtStart(after, false);
    if (period !== null) {
      consumed.push({ start: k.end, end: k.end + period.length });
      const read = readFigure(`${f.text} ${period.trim()}`);
      if (read === null) {
        say(k.index, {
          text: `${f.text} ${k.text}${period.trimEnd()}`,
          suggestion: null,
          hint: `${PERIOD_HINT}: give the ${WORD[k.component]} that way, e.g. ${EXAMPLE[k.component]}.`,
        });
        continue;
      }
      assign(k, { ...read, index: f.index, end: f.end });
      continue;
    }
    assign(k, f);
  }

  // A component name followed by something that is not a figure: "stock 12O", "base banana", "bonus lots".
  for (const k of keywords) {
    if (claimed.has(k)) continue;
    consumed.push({ start: k.index, end: k.end });
    const after = text.slice(k.end);
    const m = /^(\s*(?:[:=~-]\s*)?)([^\s,;]+)/.exec(after);
    if (!m) continue;
    const word = m[2]!.replace(/[.!?)]+$/, "");
    if (word === "" || STOP_WORDS.has(word.toLowerCase())) continue;
    const tail = after.slice(m[0].length);
    const next = findKeywords(tail)[0];
    const endsClause =
      /^\s*(?:$|[,;.!?])/.test(tail) || (next !== undefined && /^\s*$/.test(tail.slice(0, next.index)));
    const hasDigit = /\d/.test(word);
    if (!hasDigit && !endsClause) continue;
    if (keywords.some((o) => o.index === k.end + m[1]!.length)) continue;
    consumed.push({ start: k.end, end: k.end + m[0].length });
    say(k.index, {
      text: `${k.text} ${word}`,
      suggestion: hasDigit ? guessFigure(word) : null,
      hint: `I need a figure there, e.g. ${EXAMPLE[k.component]}.`,
    });
  }

  // A figure with no component next to it ("offer segment london £150k", "offer 150000"): ask which one it is.
  // A bare number under 10,000 is not asked about ("l4", "2026", "5 years").
  for (const f of figures) {
    if (usedFigure.has(f)) continue;
    if (!(f.scaled || f.currency || f.percent || f.low >= 10_000)) continue;
    consumed.push({ start: f.index, end: f.end });
    const other = periodAtStart(text.slice(f.end), false);
    if (other !== null) {
      consumed.push({ start: f.end, end: f.end + other.length });
      say(f.index, {
        text: `${f.text}${other.trimEnd()}`,
        suggestion: null,
        hint: `${PERIOD_HINT}, with the part they are: e.g. base 150k or base 12.5k a month.`,
      });
      continue;
    }
    // "20% more than last year": more than something the offer check cannot see.
    const more =
      f.percent && /^\s*(?:more|higher|extra|increase|bump|raise|uplift)\b/i.test(text.slice(f.end));
    say(f.index, {
      text: f.text,
      suggestion: null,
      hint: more
        ? `I read a share more as more than the offer, or than your pay now ("than I make"), e.g. ${f.text} more base.`
        : f.percent
          ? `Which part of ${of} is it? Write its name next to it, e.g. bonus ${f.text}.`
          : `Which part of ${of} is it? Write its name next to it, e.g. base ${f.text} or stock ${f.text}.`,
    });
  }

  offer.unreadable = unreadable.sort((a, b) => a.at - b.at).map((x) => x.u);
  // OTE is base + bonus at target: never placed as a total comp (the bands' totals have stock in them).
  if (oteGiven && offer.total) {
    offer.ote = offer.total;
    offer.total = null;
  }
  let rest = "";
  let last = 0;
  for (const span of consumed.sort((a, b) => a.start - b.start)) {
    // Spans never overlap; slice gives "" if one did.
    rest += `${text.slice(last, span.start)} `;
    last = Math.max(last, span.end);
  }
  rest += text.slice(last);
  offer.rest = rest
    .replace(/(?:\s*[,;:]\s*)+/g, " , ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,]+|[\s,]+$/g, "");
  return offer;
}

/** The currencies the figures were written in (empty when none was marked). */
export function offerCurrencies(offer: ParsedOffer): string[] {
  const found = [offer.base, offer.stock, offer.bonusAmount, offer.signing, offer.total, offer.ote]
    .map((m) => m?.currency)
    .filter((c): c is string => Boolean(c));
  return [...new Set(found)];
}

export function hasFigures(offer: ParsedOffer): boolean {
  return Boolean(
    offer.base ||
      offer.stock ||
      offer.bonusAmount ||
      offer.signing ||
      offer.total ||
      offer.ote ||
      offer.bonusPct !== null,
  );
}
