/**
 * A guide's Negotiate Up script, made safe to say for one region: figures in that region's currency (converted
 * the way the offer check converts, and saying so), and claims about the speaker's situation (competing offers,
 * current pay) turned into placeholders the user fills in or drops. Used by the script answer and the offer check.
 */
import type { Band, Guide, Lever, NegotiationScript } from "../guides/types.ts";
import { currencyOf } from "../money/currency.ts";
import { type Figure, scanFigures } from "../money/read.ts";

export type ScriptComponent = "base" | "stock" | "bonus" | "signing" | "other";

export interface ScriptFigure extends Figure {
  component: ScriptComponent;
}

/** The money and percentage figures of a script, each tied to the component the words after it name. */
export function scriptFigures(text: string): ScriptFigure[] {
  return scanFigures(text)
    .filter((f) => f.currency !== null || f.percent)
    .map((f) => {
      const next = text
        .slice(f.end, f.end + 40)
        .toLowerCase()
        .split(/[,.;]/)[0]!
        .trim();
      let component: ScriptComponent = "other";
      if (/^(?:in\s+(?:\w+\s+)?)?(?:rsus?|stock|equity)/.test(next)) component = "stock";
      else if (/^base/.test(next)) component = "base";
      else if (/^(?:signing|sign-on)/.test(next)) component = "signing";
      else if (f.percent && /^bonus/.test(next)) component = "bonus";
      return { ...f, component };
    });
}

export interface Conversion {
  /** The band the script was written for: the first band in the script's currency (or the asked band). */
  reference: Band;
  /** band total-comp midpoint ÷ reference total-comp midpoint; 1 when reference is the band. */
  factor: number;
  /** "as written in the guide", or how the factor was made, with its figures. */
  how: string;
  /**
   * The script's currency when the guide has no band in it and it is not the band's (a script in USD, bands
   * in EUR only): nothing to carry its figures from, so they stay as written, in it. Null otherwise.
   */
  foreign: string | null;
}

const mid = (b: Band) => (b.totalComp.low + b.totalComp.high) / 2;

/** How the guide's script figures are carried to `band`: by the ratio of the two bands' stated total midpoints. */
export function conversionFor(
  guide: Guide,
  band: Band,
  scriptText: string,
  format: (n: number, c: string) => string,
): Conversion {
  const marked = scriptFigures(scriptText).find((f) => f.currency !== null);
  const currency = marked?.currency ?? band.currency;
  const reference = guide.bands.find((b) => b.currency === currency) ?? band;
  if (reference === band || mid(reference) <= 0) {
    // Written in another currency, with no band of it to divide by: nothing to carry its figures from.
    const foreign = currency !== band.currency ? currency : null;
    return { reference: band, factor: 1, how: "as written in the guide", foreign };
  }
  const factor = mid(band) / mid(reference);
  return {
    reference,
    foreign: null,
    factor,
    how: `× ${factor.toFixed(2)}, the ${band.region} band's total-comp midpoint (${format(mid(band), band.currency)}) ÷ the ${reference.region} band's (${format(mid(reference), reference.currency)}), in ${band.currency}`,
  };
}

/** A text's sentences, each with its end punctuation and the space after it. */
const SENTENCES = /[^.!?]+(?:[.!?]+|$)\s*/g;

/** The white space a sentence ends with, kept after what replaces it. */
const trailingSpace = (sentence: string) => sentence.slice(sentence.trimEnd().length);

/** Targets rounded to the nearest 1,000 of the currency. */
export const roundK = (n: number) => Math.round(n / 1000) * 1000;
/** What is on the table, rounded up to the next 1,000: a target built from it is never below it. */
export const ceilK = (n: number) => Math.ceil(n / 1000) * 1000;

const CLAIMS: ReadonlyArray<{ re: RegExp; placeholder: (cur: string) => string; what: string }> = [
  {
    re: /\bI(?:'ve| have)?\s+(?:have|got|hold|received|am holding)\b[^.!?]*\boffers?\b|\bcompeting offers?\b|\boffers? (?:from|at)\b[^.!?]*\b(?:I have|in hand)\b/i,
    what: "a competing offer",
    placeholder: (cur) =>
      `[Only if you have one: "I have an offer from ‹company› at ‹its total, in ${cur}›." Otherwise leave this out.]`,
  },
  {
    re: /\b(?:my current (?:salary|pay|comp|package|base)|I(?:'m| am) currently (?:paid|earning|making|on)|I currently (?:earn|make)|I (?:earn|make) )/i,
    what: "your current pay",
    placeholder: (cur) =>
      `[Only if you want to share it: "I currently make ‹your current total, in ${cur}›." Otherwise leave this out.]`,
  },
];

export interface AdaptedScript {
  text: string;
  /** The guide's own sentences that were claims about the speaker, replaced by placeholders. */
  claims: string[];
  /** The person's own competing offer was said in place of the guide's claim (`competing` was given and used). */
  saidCompeting: boolean;
  /** How the figures were made, one line each. */
  notes: string[];
  conversion: Conversion;
  /** The accept threshold in the band's currency, or null. */
  threshold: { amount: number; text: string; how: string; component: string | null } | null;
}

export interface AdaptInput {
  guide: Guide;
  band: Band;
  script: NegotiationScript;
  /** Figures to write in place of the script's own, by component (the offer check's counter-offer). */
  targets?: Partial<
    Record<"base" | "stock" | "bonus" | "signing", { amount: number; unit: "money" | "percent" }>
  >;
  format: (n: number, currency: string) => string;
  /**
   * The person's own competing offer, as a sentence they can say ("I have an offer from Google at $400K total
   * comp."): said in place of the guide's competing-offer claim, instead of a placeholder.
   */
  competing?: { company: string; sentence: string };
}

/** Replaces the money figures of a text by `factor` × their value in `currency`; percentages stay. */
export function convertFigures(
  text: string,
  factor: number,
  currency: string,
  format: (n: number, c: string) => string,
): string {
  let out = "";
  let last = 0;
  for (const f of scriptFigures(text)) {
    if (f.percent) continue;
    const low = format(roundK(f.low * factor), currency);
    const high = format(roundK(f.high * factor), currency);
    out += `${text.slice(last, f.index)}${f.range ? `${low}–${high}` : low}${f.plus ? "+" : ""}`;
    last = f.end;
  }
  return out + text.slice(last);
}

/**
 * Whether a money figure of the guide's reads differently for `band`: another currency, or another band's
 * figure (factor not 1), and a band in its currency to carry it from (not foreign). Percentages never change.
 */
function carried(f: ScriptFigure, band: Band, conversion: Conversion): boolean {
  return !conversion.foreign && !f.percent && (f.currency !== band.currency || conversion.factor !== 1);
}

/** Each money figure of `text` that reads differently for `band`: "$45K-$65K → $43K–$63K". */
function carriedFigures(
  text: string,
  band: Band,
  conversion: Conversion,
  format: (n: number, c: string) => string,
): string[] {
  return scriptFigures(text)
    .filter((f) => carried(f, band, conversion))
    .map((f) => {
      const written = text.slice(f.index, f.end);
      return `${written} → ${convertFigures(written, conversion.factor, band.currency, format)}`;
    });
}

/**
 * A lever as the guide words it, quoted as written. When its money figures are another band's or another
 * currency's, they follow the quote, each carried to `band` by the script's conversion, with how: a quote stays
 * the guide's own words, and a figure changed for this band says so.
 */
export function leverInGuideWords(
  lever: Lever,
  band: Band,
  conversion: Conversion,
  format: (n: number, c: string) => string,
): string {
  const quoted = `${lever.title}: "${lever.quote}"`;
  const changes = carriedFigures(lever.quote, band, conversion, format);
  if (changes.length === 0) return quoted;
  return `${quoted} For ${band.region}: ${changes.join(", ")} (${conversion.how}).`;
}

export function adaptScript({
  guide,
  band,
  script,
  targets = {},
  format,
  competing,
}: AdaptInput): AdaptedScript {
  const cur = band.currency;
  const conversion = conversionFor(guide, band, script.text, format);
  const { factor } = conversion;
  // "other" figures have no target: the counter-offer names only these four.
  const byComponent: Partial<Record<ScriptComponent, { amount: number; unit: "money" | "percent" }>> =
    targets;
  const claims: string[] = [];
  const told: string[] = [];
  const notes: string[] = [];
  const sentences = script.text.match(SENTENCES) ?? [script.text];
  let converted = false;
  const out = sentences.map((sentence) => {
    const claim = CLAIMS.find((c) => c.re.test(sentence));
    if (claim) {
      // The person's own competing offer is said once, in place of the guide's first such claim.
      if (competing && claim.what === "a competing offer" && told.length === 0) {
        told.push(sentence.trim());
        return `${competing.sentence}${trailingSpace(sentence)}`;
      }
      claims.push(sentence.trim());
      return `${claim.placeholder(cur)}${trailingSpace(sentence)}`;
    }
    let text = "";
    let last = 0;
    for (const f of scriptFigures(sentence)) {
      const target = byComponent[f.component];
      let replacement: string;
      if (f.percent) {
        replacement = target?.unit === "percent" ? `${target.amount}%` : sentence.slice(f.index, f.end);
      } else if (target && target.unit === "money") {
        replacement = format(target.amount, cur);
      } else if (conversion.foreign) {
        replacement = sentence.slice(f.index, f.end); // nothing to carry it from: as written
      } else {
        replacement = format(roundK(f.low * factor), cur);
        if (factor !== 1 || f.currency !== cur) converted = true;
      }
      // A percentage keeps its own "+" (it is kept as written) or is the counter-offer's figure.
      if (f.plus && !f.percent) replacement += "+";
      text += sentence.slice(last, f.index) + replacement;
      last = f.end;
    }
    return text + sentence.slice(last);
  });
  const scriptCurrency = scriptFigures(script.text).find((f) => f.currency)?.currency ?? cur;
  if (converted && conversion.reference !== band) {
    notes.push(
      `The guide's script is written for ${conversion.reference.region} in ${scriptCurrency}; its figures are carried to ${band.region} ${conversion.how}.`,
    );
  }
  if (conversion.foreign) {
    notes.push(
      `The guide's script gives its figures in ${conversion.foreign} and the guide has no ${conversion.foreign} band to carry them from: they are left as written, in ${conversion.foreign}, not ${cur}.`,
    );
  }
  for (const c of told) {
    notes.push(
      `The guide's script says "${c}" That is the guide's example, not your situation: your offer from ${competing!.company} is said instead, as you gave it.`,
    );
  }
  for (const c of claims) {
    notes.push(
      `The guide's script says "${c}" That is the guide's example, not your situation: it is a placeholder for you to fill in or drop.`,
    );
  }

  let threshold: AdaptedScript["threshold"] = null;
  const t = script.acceptThreshold;
  const marked = t?.amount ? currencyOf(scanFigures(t.text)[0]?.mark) : undefined;
  // A threshold with its own currency is carried from the band written in that currency; else like the script.
  const carry = marked ? conversionFor(guide, band, t!.text, format) : conversion;
  // None from a currency the guide has no band in: nothing to carry it from.
  if (t?.amount && !carry.foreign) {
    const sameAsBand = (marked ?? scriptCurrency) === cur && carry.reference === band;
    const amount = sameAsBand ? t.amount : roundK(t.amount * carry.factor);
    threshold = {
      amount,
      text: `${format(amount, cur)}${t.component ? ` ${t.component}` : ""}`,
      how: sameAsBand ? "as written in the guide" : `the guide's ${t.text} ${carry.how}`,
      component: t.component,
    };
  }
  return { text: out.join("").trim(), claims, notes, conversion, threshold, saidCompeting: told.length > 0 };
}

/**
 * A lever's quote made safe to say the same way: a claim about the speaker becomes a placeholder, money figures
 * are carried to the band's currency by the script's conversion. Returns the quote unchanged when nothing applies.
 */
/**
 * What adaptQuote carries in a quote, figure by figure ("$45K-$65K → $43K–$63K"): its sentences that are not
 * claims (a claim's figures are not said: it becomes a placeholder).
 */
export function quoteChanges(
  quote: string,
  band: Band,
  conversion: Conversion,
  format: (n: number, c: string) => string,
): string[] {
  const sentences = quote.match(SENTENCES) ?? [quote];
  return sentences
    .filter((sentence) => !CLAIMS.some((c) => c.re.test(sentence)))
    .flatMap((sentence) => carriedFigures(sentence, band, conversion, format));
}

export function adaptQuote(
  quote: string,
  band: Band,
  conversion: Conversion,
  format: (n: number, c: string) => string,
): { quote: string; claim: string | null } {
  const sentences = quote.match(SENTENCES) ?? [quote];
  let claimed: string | null = null;
  const out = sentences.map((sentence) => {
    const claim = CLAIMS.find((c) => c.re.test(sentence));
    if (claim) {
      claimed = claimed ? `${claimed} ${sentence.trim()}` : sentence.trim();
      return `${claim.placeholder(band.currency)}${trailingSpace(sentence)}`;
    }
    const needs = scriptFigures(sentence).some((f) => carried(f, band, conversion));
    return needs ? convertFigures(sentence, conversion.factor, band.currency, format) : sentence;
  });
  return { quote: out.join("").trim(), claim: claimed };
}
