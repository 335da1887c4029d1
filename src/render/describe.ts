/**
 * Plain-language pieces shared by the Slack and terminal renderers. Everything here returns UNESCAPED plain
 * text: the Slack renderer escapes it (escape.ts), the terminal renderer cleans control characters.
 */
import type { Answer, FollowUp, GuideFacts, OfferAnswer, OfferLine, OfferTarget } from "../answers/types.ts";
import type { Band, Guide, LevelEquivalence } from "../guides/types.ts";
import {
  formatDate,
  formatMoney,
  formatMoneyRange,
  formatPercentRange,
  gauge,
  MISSING,
  plural,
  safeText,
} from "./format.ts";

/** Separator between the parts of a title or a one-line list. */
export const DOT = " · ";

/** Guide text as display text: never null/undefined, whitespace collapsed to single spaces for one-liners. */
export function oneLine(value: unknown): string {
  const text = safeText(value);
  // Most names are already one clean line: skip the replace and trim (this runs dozens of times an answer).
  return NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}

/** Whitespace other than single inner spaces: a run, a tab or newline (any non-space), or at either end. */
const NEEDS_COLLAPSE = /\s\s|[^\S ]|^\s|\s$/;

export function roleName(guide: Guide): string {
  return oneLine(guide.roleDisplay) || oneLine(guide.role) || "Unnamed role";
}

export function companyName(guide: Guide): string {
  return oneLine(guide.companyDisplay) || oneLine(guide.company) || "Unnamed company";
}

export function regionName(band: Band): string {
  return oneLine(band.region) || oneLine(band.regionSlug) || "Unnamed region";
}

export function currencyCode(band: Band): string {
  return oneLine(band.currency) || "unknown currency";
}

/** "ML/AI Engineer · Segment". */
export function guideTitle(guide: Guide): string {
  return `${roleName(guide)}${DOT}${companyName(guide)}`;
}

/** The /comp words as the user types them: "segment ml-ai-engineer london" -> "/comp segment ml-ai-engineer london". */
export function slashCommand(command: string): string {
  const c = oneLine(command);
  if (c.startsWith("/")) return c;
  return c === "" ? "/comp" : `/comp ${c}`;
}

export interface BandFigures {
  base: string;
  stock: string;
  bonus: string;
  total: string;
}

export function bandFigures(band: Band): BandFigures {
  const currency = oneLine(band.currency);
  return {
    base: formatMoneyRange(band.base ?? { low: Number.NaN, high: Number.NaN }, currency),
    stock: formatMoneyRange(band.stock ?? { low: Number.NaN, high: Number.NaN }, currency),
    bonus: `${formatPercentRange(band.bonusPct ?? { low: Number.NaN, high: Number.NaN })} of base`,
    total: formatMoneyRange(band.totalComp ?? { low: Number.NaN, high: Number.NaN }, currency),
  };
}

export const FIGURE_LABELS = {
  base: "Base",
  stock: "Stock (RSU over 4 yrs)",
  bonus: "Bonus",
  total: "Total comp",
} as const satisfies Record<keyof BandFigures, string>;

export function equivalenceLabel(eq: LevelEquivalence): string {
  return `${oneLine(eq.company)} ${oneLine(eq.level)}`.trim();
}

/** The equivalence names the guide's own company ("Segment ML/AI" in Segment's guide). */
export function sameCompany(eq: LevelEquivalence, guide: Guide): boolean {
  const c = oneLine(eq.company).toLowerCase();
  return (
    c !== "" &&
    (c === oneLine(guide.companyDisplay).toLowerCase() || c === oneLine(guide.company).toLowerCase())
  );
}

export interface LevelSummary {
  /** The guide's own level ("Segment ML/AI"), when known. */
  own: string | null;
  /** Outside equivalents, e.g. ["Google L4-L5 ML", "Meta ML E5"]. */
  others: string[];
  /** The mapping as written, when nothing could be parsed. */
  raw: string | null;
}

export function levelSummary(guide: Guide): LevelSummary {
  const mapping = guide.levelMapping;
  const eqs = (mapping?.equivalences ?? []).filter((eq) => equivalenceLabel(eq) !== "");
  const internal = oneLine(mapping?.internal);
  const selfEq = eqs.find((eq) => sameCompany(eq, guide));
  const own = internal !== "" ? internal : selfEq ? equivalenceLabel(selfEq) : null;
  const others = eqs.filter((eq) => !sameCompany(eq, guide)).map(equivalenceLabel);
  const raw = oneLine(mapping?.raw);
  return { own, others, raw: others.length === 0 && raw !== "" ? raw : null };
}

/** "Segment ML/AI ≈ Google L4-L5 ML · Meta ML E5", or the raw mapping, or null. */
export function levelLine(guide: Guide): string | null {
  const { own, others, raw } = levelSummary(guide);
  if (others.length > 0) return `${own ? `${own} ≈ ` : ""}${others.join(DOT)}`;
  return raw;
}

/** ["Sources: Levels.fyi", "Salary data 2025-Q4", "Updated 23 Feb 2026"] (missing parts left out). */
export function sourceParts(guide: Guide): string[] {
  const parts: string[] = [];
  const sources = (guide.dataSources ?? []).map(oneLine).filter((s) => s !== "");
  if (sources.length > 0) parts.push(`Sources: ${sources.join(", ")}`);
  const quarter = oneLine(guide.salaryDataQuarter);
  if (quarter !== "") parts.push(`Salary data ${quarter}`);
  if (oneLine(guide.lastUpdated) !== "") parts.push(`Updated ${formatDate(guide.lastUpdated)}`);
  return parts;
}

/** "⚠️ Review overdue since 23 May 2026" when the guide is overdue, else null. */
export function overdueLine(facts: GuideFacts): string | null {
  if (!facts.overdue) return null;
  const due = oneLine(facts.guide.nextReviewDue);
  return due === "" ? "⚠️ Review overdue" : `⚠️ Review overdue since ${formatDate(due)}`;
}

/** "a guide for acme widget-engineer" stays; "acme" becomes "a guide for acme". */
export function askedPhrase(asked: string): string {
  const a = oneLine(asked);
  if (a === "") return "a guide for that";
  return /^(a|an|the|any)\s/i.test(a) ? a : `a guide for ${a}`;
}

/** Region follow-ups for a region-not-found answer: the answer's own, or built from the available bands. */
export function regionChoices(answer: Extract<Answer, { kind: "region-not-found" }>): FollowUp[] {
  const followUps = answer.followUps ?? [];
  if (followUps.some((f) => f.kind === "region")) return followUps;
  const company = oneLine(answer.guide.company);
  const role = oneLine(answer.guide.role);
  const built: FollowUp[] = (answer.available ?? [])
    .filter((b) => oneLine(b.regionSlug) !== "")
    .map((b) => ({
      label: regionName(b),
      command: `${company} ${role} ${oneLine(b.regionSlug)}`,
      kind: "region",
    }));
  return [...built, ...followUps];
}

function listWithMore(items: string[], max: number): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** A one-paragraph plain summary of the answer: the Slack `text` fallback (escaped there) and the console lead. */
export function summaryText(answer: Answer): string {
  switch (answer.kind) {
    case "band": {
      const f = bandFigures(answer.band);
      return `${roleName(answer.guide)} at ${companyName(answer.guide)}, ${regionName(answer.band)}: base ${f.base}, total comp ${f.total}`;
    }
    case "regions": {
      const bands = answer.bands ?? [];
      const head = `${roleName(answer.guide)} at ${companyName(answer.guide)}`;
      if (bands.length === 0) return `${head}: no regional bands in this guide`;
      const parts = bands.map(
        (b) => `${regionName(b)} ${formatMoneyRange(b.totalComp, oneLine(b.currency))}`,
      );
      return `${head}, total comp by region: ${listWithMore(parts, 6)}`;
    }
    case "company": {
      const roles = (answer.roles ?? []).map((r) => oneLine(r.display) || oneLine(r.key));
      const name = oneLine(answer.company.display) || oneLine(answer.company.key);
      return `${name}: ${plural(roles.length, "role guide")}${roles.length ? ` (${listWithMore(roles, 8)})` : ""}`;
    }
    case "role": {
      const companies = (answer.companies ?? []).map((c) => oneLine(c.display) || oneLine(c.key));
      const name = oneLine(answer.role.display) || oneLine(answer.role.key);
      return `${name}: guides at ${plural(companies.length, "company", "companies")}${companies.length ? ` (${listWithMore(companies, 8)})` : ""}`;
    }
    case "catalog":
      return `CompBot has ${plural(answer.guideCount, "guide")} across ${plural(answer.companyCount, "company", "companies")}`;
    case "script": {
      const head = `Negotiation script for ${roleName(answer.guide)} at ${companyName(answer.guide)}`;
      if (!answer.band) return head;
      const f = bandFigures(answer.band);
      return `${head}, ${regionName(answer.band)}: base ${f.base}, total comp ${f.total}`;
    }
    case "level": {
      const line = levelLine(answer.guide);
      const head = `Level mapping for ${roleName(answer.guide)} at ${companyName(answer.guide)}`;
      return line ? `${head}: ${line}` : `${head}: none in this guide`;
    }
    case "level-lookup": {
      const asked = `${oneLine(answer.company)} ${oneLine(answer.level)}`.trim();
      const matches = answer.matches ?? [];
      if (matches.length === 0) return `No guide maps to ${asked}`;
      const parts = matches.map((m) => `${guideTitle(m.guide)} (${equivalenceLabel(m.equivalence)})`);
      return `Guides mapped to ${asked}: ${listWithMore(parts, 5)}`;
    }
    case "not-found": {
      const head = `I don't have ${askedPhrase(answer.asked)}.`;
      const labels = (answer.suggestions ?? []).map((s) => oneLine(s.label)).filter((l) => l !== "");
      return labels.length > 0
        ? `${head} Did you mean ${listWithMore(labels, 3)}?`
        : `${head} Try /comp list.`;
    }
    case "region-not-found": {
      const regions = (answer.available ?? []).map(regionName);
      const head = `No ${oneLine(answer.askedRegion) || "such"} band for ${roleName(answer.guide)} at ${companyName(answer.guide)}`;
      return regions.length > 0
        ? `${head} — we have: ${listWithMore(regions, 8)}`
        : `${head} — it has no regional bands`;
    }
    case "offer":
      return offerSummary(answer);
    case "help": {
      const reason = oneLine(answer.reason);
      const usage = "Ask /comp <company> <role> [region], e.g. /comp segment ml-ai-engineer london";
      return reason !== "" ? `${reason} ${usage}` : `CompBot: ${usage}`;
    }
    default:
      return unknownKindText(answer);
  }
}

/** Runtime guard for a kind the renderers do not know yet (typed `never`: tsc flags a new kind here). */
export function unknownKindText(answer: never): string {
  const kind = oneLine((answer as { kind?: unknown }).kind) || "unknown";
  return `CompBot cannot show this answer here yet (kind "${kind.slice(0, 50)}")`;
}

// ---------------------------------------------------------------------------------------------------------------
// Offer check
// ---------------------------------------------------------------------------------------------------------------

/** "Offer check · ML/AI Engineer · Segment · London". */
export function offerTitle(answer: OfferAnswer): string {
  return `Offer check${DOT}${guideTitle(answer.guide)}${DOT}${regionName(answer.band)}`;
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
export function unreadableParts(u: { text: string; suggestion: string | null }): {
  text: string;
  suggestion: string | null;
} {
  const suggestion = oneLine(u?.suggestion);
  return { text: oneLine(u?.text) || "(empty)", suggestion: suggestion === "" ? null : suggestion };
}

/** "I left it out: send the offer again to include it." (them for several). */
export function unreadableTrailer(count: number): string {
  return count === 1
    ? "I left it out: send the offer again to include it."
    : "I left them out: send the offer again to include them.";
}

/** A percentage as written ("10%", "12.5%"), never NaN. */
export function formatPercent(value: number): string {
  return formatPercentRange({ low: value, high: value });
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
  /** "▕■■■■■□□□□□▏ 55%". */
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

/** "Partial total: stock and bonus not given." when the total leaves parts of the offer out, else null. */
export function partialNote(answer: OfferAnswer): string | null {
  if (!answer.annual?.partial) return null;
  const o = answer.offer;
  const missing: string[] = [];
  if (o?.base === null || o?.base === undefined) missing.push("base");
  if (o?.stock === null || o?.stock === undefined) missing.push("stock");
  const pct = o?.bonusPct ?? null;
  const bonusAmount = o?.bonusAmount ?? null;
  if (pct === null && bonusAmount === null) missing.push("bonus");
  const pctUncounted = pct !== null && bonusAmount === null && missing.includes("base");
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`${joinAnd(missing)} not given`);
  if (pctUncounted) parts.push(`the ${formatPercent(pct)} bonus is not counted without a base`);
  return parts.length > 0
    ? `Partial total: ${parts.join("; ")}.`
    : "Partial total: some parts of the offer were not given.";
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
  if (codes.length > 1)
    return `Your offer mixes ${joinAnd(codes)} and ${band}, so I haven't compared them: give every figure in one currency.`;
  return `Your offer is in ${codes[0] ?? "another currency"} but ${band}, so I haven't compared them.`;
}

/** For a summary sentence: "your offer is in USD but the band is in GBP, so I haven't compared them". */
function mismatchShort(answer: OfferAnswer): string {
  const codes = mismatchCodes(answer);
  const band = oneLine(answer.currencyMismatch?.band) || currencyCode(answer.band);
  return codes.length > 1
    ? `your offer mixes ${joinAnd(codes)}, so I haven't compared it with the band (${band})`
    : `your offer is in ${codes[0] ?? "another currency"} but the band is in ${band}, so I haven't compared them`;
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

/** The offer's own figures as [label, figure] rows, in `currency` (the offer's, when not compared). */
export function offerRows(answer: OfferAnswer, currency: string): [string, string][] {
  const o = answer.offer;
  const rows: [string, string][] = [];
  const money = (n: number | null | undefined) =>
    typeof n === "number" && Number.isFinite(n) ? formatMoney(n, currency) : null;
  const base = money(o?.base);
  if (base) rows.push(["Base", base]);
  const stock = money(o?.stock);
  if (stock) rows.push([`Stock grant (over ${safeText(o?.vestYears) || "4"} yrs)`, stock]);
  if (typeof o?.bonusPct === "number") rows.push(["Bonus", `${formatPercent(o.bonusPct)} of base`]);
  else {
    const bonus = money(o?.bonusAmount);
    if (bonus) rows.push(["Bonus", bonus]);
  }
  const signing = money(o?.signing);
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
function offerSummary(answer: OfferAnswer): string {
  const head = `Offer check for ${roleName(answer.guide)} at ${companyName(answer.guide)}, ${regionName(answer.band)}`;
  const unreadable = (answer.unreadable ?? []).map((u) => unreadableParts(u).text);
  const couldNot = unreadable.length > 0 ? `; I couldn't read ${listWithMore(unreadable, 3)}` : "";
  if (answer.currencyMismatch) return `${head}: ${mismatchShort(answer)}${couldNot}`;
  const currency = offerMoneyCurrency(answer);
  const lines = answer.lines ?? [];
  const total = lines.find((l) => l.component === "total");
  let said: string;
  if (total) {
    const partial = answer.annual?.partial ? " (partial)" : "";
    said = `total ${figure(total.offered, total.unit, currency)}${partial}, ${summaryPosition(total, currency)}`;
  } else if (lines[0]) {
    const first = lines[0];
    said = `${(oneLine(first.label) || "figure").toLowerCase()} ${figure(first.offered, first.unit, currency)}, ${summaryPosition(first, currency)}`;
  } else {
    said = "no figures to place in the band";
  }
  return `${head}: ${said}${couldNot}`;
}
