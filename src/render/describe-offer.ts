/** Words and figures of the offer check, shared by the Block Kit and terminal renderers. */
import type { FollowUp, OfferAnswer, OfferLine, OfferTarget } from "../answers/types.ts";
import {
  companyName,
  currencyCode,
  DOT,
  guideTitle,
  listWithMore,
  oneLine,
  regionName,
  roleName,
} from "./describe.ts";
import {
  formatMoney,
  formatMoneyRange,
  formatPercent,
  formatPercentRange,
  gauge,
  MISSING,
  safeText,
} from "./format.ts";

// ---------------------------------------------------------------------------------------------------------------
// Offer check
// ---------------------------------------------------------------------------------------------------------------

/** What an offer check calls its parts; a pay check (pay someone has now) never calls it an offer. */
const OFFER_WORDS = {
  check: "Offer check",
  your: "your offer",
  Your: "Your offer",
  column: "Offered",
  counter: "Counter-offer",
  beats: "the counter-offer below keeps what you were offered",
  whichRegion: "Which region is the offer for?",
  pickRegion: "pick one to check the offer against",
  noRegion: "to check an offer against",
};
const PAY_WORDS: typeof OFFER_WORDS = {
  check: "Pay check",
  your: "your pay",
  Your: "Your pay",
  column: "Paid now",
  counter: "What to ask for",
  beats: "what to ask for below keeps what you are paid now",
  whichRegion: "Which region are you paid in?",
  pickRegion: "pick one to place your pay in",
  noRegion: "to place your pay in",
};
export function offerWords(answer: { paidNow?: boolean }): typeof OFFER_WORDS {
  return answer.paidNow === true ? PAY_WORDS : OFFER_WORDS;
}

/** "Offer check · ML/AI Engineer · Segment · London" ("Pay check · …" for pay someone has now). */
export function offerTitle(answer: OfferAnswer): string {
  return `${offerWords(answer).check}${DOT}${guideTitle(answer.guide)}${DOT}${regionName(answer.band)}`;
}

/** The band's currency as used to format money ("" when unknown: figures without a symbol). */
export function offerMoneyCurrency(answer: OfferAnswer): string {
  return oneLine(answer.band?.currency);
}

/** "read as GBP, the band's currency — add £/$/€ to be explicit" when the offer named no currency, else null. */
export function assumedCurrencyNote(answer: OfferAnswer): string | null {
  if (!answer.assumedCurrency) return null;
  const code = currencyCode(answer.band);
  return `read as ${code}, the band's currency — add £/$/€ to be explicit`;
}

/** "a", "a and b", "a, b and c". */
function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** One unreadable figure, as one-line text (the suggestion null when there is none). */
export function unreadableParts(u: {
  text: string;
  suggestion: string | null;
  hint?: string | null;
  kind?: "unreadable" | "implausible";
}): {
  text: string;
  suggestion: string | null;
  hint: string | null;
  kind: "unreadable" | "implausible";
} {
  const suggestion = oneLine(u?.suggestion);
  const hint = oneLine(u?.hint);
  return {
    text: oneLine(u?.text) || "(empty)",
    suggestion: suggestion === "" ? null : suggestion,
    hint: hint === "" ? null : hint,
    kind: u?.kind === "implausible" ? "implausible" : "unreadable",
  };
}

/** "I left it out: send the offer again to include it." (them for several; "the figures" for pay now). */
export function unreadableTrailer(count: number, paidNow = false): string {
  const what = paidNow ? "the figures" : "the offer";
  return count === 1
    ? `I left it out: send ${what} again to include it.`
    : `I left them out: send ${what} again to include them.`;
}

/** Money or a percentage: an offered figure or a target. */
function figure(amount: number, unit: "money" | "percent", currency: string): string {
  return unit === "percent" ? formatPercent(amount) : formatMoney(amount, currency);
}

/** The band's range for an offer line ("£132K–£165K", "10%"). */
function lineRange(l: OfferLine, currency: string): string {
  const range = { low: l.low, high: l.high };
  return l.unit === "percent" ? formatPercentRange(range) : formatMoneyRange(range, currency);
}

/** A position's percentage as shown: rounded, within 0–100, never -0 or NaN. */
function shownPct(pct: number): string {
  if (typeof pct !== "number" || !Number.isFinite(pct)) return MISSING;
  return `${Math.min(100, Math.max(0, Math.round(pct))) + 0}%`;
}

/** "below the band", "55% of the way from low to high", "at the band's figure", "above the band". */
export function positionPhrase(l: OfferLine): string {
  const where = l.position?.where;
  if (where === "below") return "below the band";
  if (where === "above") return "above the band";
  if (l.low === l.high) return "at the band's figure";
  return `${shownPct(l.position?.pct)} of the way from low to high`;
}

/** Like positionPhrase, for a summary sentence: "20% of the way through the band", "below the band (£182K–£248K)". */
function summaryPosition(l: OfferLine, currency: string): string {
  const where = l.position?.where;
  if (where === "below" || where === "above") return `${where} the band (${lineRange(l, currency)})`;
  if (l.low === l.high) return "at the band's figure";
  return `${shownPct(l.position?.pct)} of the way through the band`;
}

export interface OfferLineText {
  label: string;
  offered: string;
  band: string;
  /** "▕■■■■■□□□□□▏": the bar; `position` says where in words. */
  gauge: string;
  position: string;
}

/**
 * An offer line's cells, unescaped: money in the band's currency, or a percentage. `partial` marks the
 * offered figure of a total that leaves parts of the offer out.
 */
export function offerLineText(l: OfferLine, currency: string, partial = false): OfferLineText {
  const where = l.position?.where ?? "within";
  const offered = figure(l.offered, l.unit, currency);
  return {
    label: oneLine(l.label) || oneLine(l.component) || "Figure",
    offered: partial && l.component === "total" ? `${offered} (partial)` : offered,
    band: lineRange(l, currency),
    gauge: gauge(l.position?.pct, where),
    position: positionPhrase(l),
  };
}

/** "£150K + £120K ÷ 4 + 10% × £150K = £195K", or null without an annual total. */
export function annualFormula(answer: OfferAnswer): string | null {
  const annual = answer.annual;
  if (!annual) return null;
  const formulas = (annual.parts ?? []).map((p) => oneLine(p.formula)).filter((f) => f !== "");
  const total = formatMoney(annual.total, offerMoneyCurrency(answer));
  const sum = formulas.join(" + ");
  // One part that reads as the total ("£100K") is not worth "£100K = £100K".
  return formulas.length > 0 && sum !== total ? `${sum} = ${total}` : total;
}

/** "base + stock per year + bonus": what the formula adds up. */
export function annualLabels(answer: OfferAnswer): string {
  return (answer.annual?.parts ?? [])
    .map((p) => oneLine(p.label))
    .filter((x) => x !== "")
    .join(" + ");
}

/**
 * "No total placed: stock and bonus not given. …" when a component is missing (a partial total is never placed
 * in a full band), else null; null too when no figure was placed (nothing to add up).
 */
export function partialNote(answer: OfferAnswer): string | null {
  const missing = answer.missing ?? [];
  const o = answer.offer;
  if (missing.length === 0 || answer.currencyMismatch || answer.lines.length === 0) return null;
  const parts = [`${joinAnd(missing)} not given`];
  const pct = o?.bonusPct ?? null;
  if (pct !== null && missing.includes("base")) parts.push(`the ${formatPercent(pct)} bonus needs a base`);
  const stated =
    answer.totals?.comparedWith === "stated" ? " Your stated total is placed as you gave it." : "";
  return `No total of the components placed: ${parts.join("; ")}, so a total would leave part of ${offerWords(answer).your} out. Each figure you gave is placed in its own band; add ${joinAnd(missing)} to see the total.${stated}`;
}

/** One unreadable or implausible part, as a sentence; `code` wraps the user's text. */
export function unreadableSentence(
  u: { text: string; suggestion: string | null; hint?: string | null; kind?: "unreadable" | "implausible" },
  code: (text: string) => string,
  plain: (text: string) => string = (x) => x,
): string {
  const { text, suggestion } = unreadableParts(u);
  const hint = plain(oneLine(u?.hint));
  if (u?.kind === "implausible") return `I didn't place ${code(text)}: ${hint || plain("is that right?")}`;
  const said = `I couldn't read ${code(text)}`;
  if (suggestion) return `${said} — did you mean ${code(suggestion)}?`;
  return hint ? `${said}: ${hint}` : `${said}.`;
}

/** "Your offer already meets or beats…" and what is still worth asking for, or nothing. */
export function beatsLines(answer: OfferAnswer): string[] {
  const beats = answer.alreadyBeats;
  if (!beats) return [];
  const currency = offerMoneyCurrency(answer);
  const words = offerWords(answer);
  const out = [
    `${words.Your} already meets or beats the guide's targets for every figure you gave: ${words.beats}.`,
  ];
  for (const w of beats.stillWorth ?? []) {
    const amount = typeof w.amount === "number" ? ` (${formatMoney(w.amount, currency)})` : "";
    out.push(
      `Still worth asking for: ${oneLine(w.label)}${amount}. The guide's reasoning: ${oneLine(w.reason)}`,
    );
  }
  if ((beats.stillWorth ?? []).length === 0) out.push("The guide names nothing more to ask for.");
  return out;
}

/** "Accept if above" or, when the offer already clears the guide's line, "Don't settle below". */
export function thresholdHeading(answer: OfferAnswer): string {
  if (answer.acceptThreshold?.met) return "Don't settle below";
  // Pay someone has now is not accepted: the line is for an offer they may get.
  return answer.paidNow === true ? "Accept an offer above" : "Accept if above";
}

/** "+ £20K signing bonus in year one", or null without a signing bonus. */
export function signingLine(answer: OfferAnswer): string | null {
  const signing = answer.signing;
  if (typeof signing !== "number" || !Number.isFinite(signing) || signing <= 0) return null;
  return `+ ${formatMoney(signing, offerMoneyCurrency(answer))} signing bonus in year one`;
}

/** "£167K" or "10%": a counter-offer figure in the band's currency. */
export function targetFigure(t: OfferTarget, currency: string): string {
  return figure(t.amount, t.unit, currency);
}

/** The offer's currency codes when it mixes several ("GBP/USD" -> ["GBP", "USD"]). */
function mismatchCodes(answer: OfferAnswer): string[] {
  return oneLine(answer.currencyMismatch?.offer)
    .split("/")
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

/** "Your offer is in USD but the London band is in GBP, so I haven't compared them." */
export function mismatchLine(answer: OfferAnswer): string {
  const codes = mismatchCodes(answer);
  const band = `the ${regionName(answer.band)} band is in ${oneLine(answer.currencyMismatch?.band) || currencyCode(answer.band)}`;
  const { Your } = offerWords(answer);
  if (codes.length > 1)
    return `${Your} mixes ${joinAnd(codes)} and ${band}, so I haven't compared them: give every figure in one currency.`;
  return `${Your} is in ${codes[0] ?? "another currency"} but ${band}, so I haven't compared them.`;
}

/** For a summary sentence: "your offer is in USD but the band is in GBP, so I haven't compared them". */
function mismatchShort(answer: OfferAnswer): string {
  const codes = mismatchCodes(answer);
  const band = oneLine(answer.currencyMismatch?.band) || currencyCode(answer.band);
  const { your } = offerWords(answer);
  return codes.length > 1
    ? `${your} mixes ${joinAnd(codes)}, so I haven't compared it with the band (${band})`
    : `${your} is in ${codes[0] ?? "another currency"} but the band is in ${band}, so I haven't compared them`;
}

/** What to do when no band is in the offer's currency (or the offer mixes currencies), else null. */
export function mismatchHint(answer: OfferAnswer): string | null {
  const mismatch = answer.currencyMismatch;
  if (!mismatch || (mismatch.regionsInOfferCurrency ?? []).length > 0) return null;
  const codes = mismatchCodes(answer);
  const band = oneLine(mismatch.band) || currencyCode(answer.band);
  const region = regionName(answer.band);
  return codes.length > 1
    ? `Send every figure in ${band} to compare them with ${region}.`
    : `This guide has no band in ${codes[0] ?? "that currency"}: send the figures in ${band} to compare them with ${region}.`;
}

/** The currency the offer's figures are shown in when they are not compared ("" when mixed: no symbol). */
export function mismatchOfferCurrency(answer: OfferAnswer): string {
  const codes = mismatchCodes(answer);
  return codes.length === 1 ? (codes[0] ?? "") : "";
}

/**
 * The offer's own figures as [label, figure] rows, each in the currency it was written in, else `currency`
 * (the offer's, when not compared).
 */
export function offerRows(answer: OfferAnswer, currency: string): [string, string][] {
  const o = answer.offer;
  const rows: [string, string][] = [];
  const money = (n: number | null | undefined, part: "base" | "stock" | "bonusAmount" | "signing") =>
    typeof n === "number" && Number.isFinite(n) ? formatMoney(n, o?.currencies?.[part] ?? currency) : null;
  const base = money(o?.base, "base");
  if (base) rows.push(["Base", base]);
  const stock = money(o?.stock, "stock");
  if (stock) rows.push([`Stock grant (over ${safeText(o?.vestYears) || "4"} yrs)`, stock]);
  if (typeof o?.bonusPct === "number") rows.push(["Bonus", `${formatPercent(o.bonusPct)} of base`]);
  else {
    const bonus = money(o?.bonusAmount, "bonusAmount");
    if (bonus) rows.push(["Bonus", bonus]);
  }
  const signing = money(o?.signing, "signing");
  if (signing) rows.push(["Signing bonus", signing]);
  return rows;
}

/** Buttons of a currency mismatch: the bands in the offer's currency first, then the other follow-ups. */
export function offerFollowUps(answer: OfferAnswer): FollowUp[] {
  const seen = new Set<string>();
  const out: FollowUp[] = [];
  for (const f of [...(answer.currencyMismatch?.regionsInOfferCurrency ?? []), ...(answer.followUps ?? [])]) {
    const key = oneLine(f?.command);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

/** "Offer check for ML/AI Engineer at Segment, London: total £195K, 20% of the way through the band". */
export function offerSummary(answer: OfferAnswer): string {
  const head = `${offerWords(answer).check} for ${roleName(answer.guide)} at ${companyName(answer.guide)}, ${regionName(answer.band)}`;
  const unreadable = (answer.unreadable ?? []).map((u) => unreadableParts(u).text);
  const couldNot = unreadable.length > 0 ? `; I couldn't read ${listWithMore(unreadable, 3)}` : "";
  if (answer.currencyMismatch) return `${head}: ${mismatchShort(answer)}${couldNot}`;
  const currency = offerMoneyCurrency(answer);
  const lines = answer.lines ?? [];
  const total = lines.find((l) => l.component === "total");
  let said: string;
  const missing = answer.missing ?? [];
  if (total) {
    said = `total ${figure(total.offered, total.unit, currency)}, ${summaryPosition(total, currency)}`;
  } else if (lines[0]) {
    said = lines
      .slice(0, 3)
      .map(
        (l) =>
          `${(oneLine(l.label) || "figure").toLowerCase()} ${figure(l.offered, l.unit, currency)}, ${summaryPosition(l, currency)}`,
      )
      .join("; ");
    if (missing.length > 0) said += `; no total placed (${joinAnd(missing)} not given)`;
  } else {
    said = "no figures to place in the band";
  }
  return `${head}: ${said}${couldNot}`;
}
