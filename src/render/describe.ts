/**
 * Plain-language pieces shared by the Slack and terminal renderers. Everything here returns UNESCAPED plain
 * text: the Slack renderer escapes it (escape.ts), the terminal renderer cleans control characters.
 */
import type { Answer, FollowUp, GuideFacts } from "../answers/types.ts";
import type { Band, Guide, LevelEquivalence } from "../guides/types.ts";
import { offerSummary, offerWords } from "./describe-offer.ts";
import { formatDate, formatMoney, formatMoneyRange, formatPercentRange, plural, safeText } from "./format.ts";

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

/**
 * A guide's dates in plain sentences: "Salary data from 2025-Q4, about a year old.", "Guide updated 23 Feb 2026
 * (about 9 months ago).", "Next review was due 23 May 2026." / "Next review due 23 May 2027."
 */
export function freshnessLines(answer: Extract<Answer, { kind: "freshness" }>): string[] {
  const lines: string[] = [];
  const quarter = oneLine(answer.salaryDataQuarter);
  const age = oneLine(answer.salaryDataAge);
  if (quarter !== "") lines.push(`Salary data from ${quarter}${age !== "" ? `, ${age}` : ""}.`);
  const updated = oneLine(answer.lastUpdated);
  if (updated !== "") {
    const ago = oneLine(answer.updatedAgo);
    lines.push(`Guide updated ${formatDate(updated)}${ago !== "" ? ` (${ago})` : ""}.`);
  }
  const due = oneLine(answer.nextReviewDue);
  if (due !== "") {
    lines.push(
      answer.overdue
        ? `Its review was due ${formatDate(due)}: the figures may be out of date.`
        : `Next review due ${formatDate(due)}.`,
    );
  }
  return lines;
}

/** "What to ask for" when the script answers that question (its figures are the guide's targets). */
export function scriptTitle(answer: Extract<Answer, { kind: "script" }>): string {
  return answer.purpose === "targets" ? "What to ask for" : "Negotiation script";
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
  // An offer check waiting for its region: one "Check offer · <region>" button a region, nothing else.
  if (followUps.some((f) => f.kind === "region" || f.kind === "offer")) return followUps;
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

export function listWithMore(items: string[], max: number): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** A one-paragraph plain summary of the answer: the Slack `text` fallback (escaped there) and the console lead. */
/**
 * What a comparison of named regions ("london vs new york") says under its table: that figures in different
 * currencies are not converted, and which named regions the guide has no band for. Plain text.
 */
/**
 * "You asked for USD: the guide gives London in GBP, so that is how it is shown; … Its USD bands: …", or null
 * when no currency was asked for or every band shown is in it.
 */
export function askedCurrencyNote(
  answer: Extract<Answer, { kind: "band" | "regions" | "script" }>,
): string | null {
  const asked = oneLine(answer.askedCurrency);
  if (asked === "") return null;
  // A script without a region is the guide's as written: no band's currency to speak of.
  const shown = answer.kind === "regions" ? (answer.bands ?? []) : answer.band ? [answer.band] : [];
  const other = shown.filter((b) => currencyCode(b) !== asked);
  if (other.length === 0) return null;
  const given = other.map((b) => `${regionName(b)} in ${currencyCode(b)}`);
  const head = `You asked for ${asked}: the guide gives ${listWithMore(given, 4)}, so that is how it is shown; I use no exchange rates (the guide has none).`;
  const inAsked = (answer.guide.bands ?? []).filter((b) => currencyCode(b) === asked).map(regionName);
  if (inAsked.length === 0) return `${head} This guide has no band in ${asked}.`;
  if (answer.kind === "regions") return head;
  return `${head} Its ${asked} ${inAsked.length === 1 ? "band" : "bands"}: ${listWithMore(inAsked, 6)}.`;
}

/**
 * "You want £200K base: above the London band's base (£132K–£165K), so the guide's figures below do not back it."
 * One sentence a wanted figure, or one saying they are in another currency; none without a band.
 */
export function wantedNotes(answer: Extract<Answer, { kind: "script" }>): string[] {
  const wanted = answer.wanted;
  if (!wanted || !answer.band) return [];
  const region = regionName(answer.band);
  const code = currencyCode(answer.band);
  if (wanted.currency)
    return [
      `You want figures in ${oneLine(wanted.currency)}; the ${region} band is in ${code}, so I haven't placed them. Send them in ${code} to see where they sit.`,
    ];
  return (wanted.lines ?? []).map((l) => {
    const percent = l.unit === "percent";
    const figure = percent
      ? formatPercentRange({ low: l.offered, high: l.offered })
      : formatMoney(l.offered, code);
    const range = percent ? formatPercentRange(l) : formatMoneyRange(l, code);
    const basis = l.component === "stock" ? " on the band's 4-year basis" : "";
    const part = `the ${region} band's ${l.label} (${range})`;
    const where =
      l.position.where === "within"
        ? `${l.position.pct}% of the way through ${part}`
        : l.position.where === "above"
          ? `above ${part}, so the guide's figures below do not back it`
          : `below ${part}`;
    return `You want ${figure} ${l.label}${basis}: ${where}.`;
  });
}

export function regionsNotes(answer: Extract<Answer, { kind: "regions" }>): string[] {
  const asked = askedCurrencyNote(answer);
  if (!answer.named) return asked ? [asked] : [];
  const notes: string[] = [];
  const codes = [...new Set((answer.bands ?? []).map(currencyCode))];
  if (codes.length > 1) {
    notes.push(
      `Each region in its own currency (${codes.join(", ")}): figures are not converted between them.`,
    );
  }
  const missing = answer.named.missing.map(oneLine).filter((m) => m !== "");
  if (missing.length > 0) {
    const have = answer.guide.bands.map(regionName);
    notes.push(`No band for ${listWithMore(missing, 5)} in this guide; it has ${listWithMore(have, 8)}.`);
  }
  if (asked) notes.push(asked);
  return notes;
}

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
      const head = `${scriptTitle(answer)} for ${roleName(answer.guide)} at ${companyName(answer.guide)}`;
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
      const asked = oneLine(answer.askedRegion);
      if (asked === "" && (answer.followUps ?? []).some((f) => f.kind === "offer")) {
        const words = offerWords(answer);
        return regions.length > 0
          ? `${words.whichRegion} ${roleName(answer.guide)} at ${companyName(answer.guide)} has bands for ${listWithMore(regions, 8)}: ${words.pickRegion}.`
          : `${roleName(answer.guide)} at ${companyName(answer.guide)} has no regional bands ${words.noRegion}`;
      }
      const head = `No ${asked || "such"} band for ${roleName(answer.guide)} at ${companyName(answer.guide)}`;
      return regions.length > 0
        ? `${head} — we have: ${listWithMore(regions, 8)}`
        : `${head} — it has no regional bands`;
    }
    case "offer":
      return offerSummary(answer);
    case "freshness":
      return `${guideTitle(answer.guide)}: ${freshnessLines(answer).join(" ")}`;
    case "choose": {
      const labels = (answer.options ?? []).map((o) => oneLine(o.label)).filter((l) => l !== "");
      const more = (answer.total ?? labels.length) - labels.length;
      const list =
        labels.length > 0 ? ` ${listWithMore(labels, 5)}${more > 0 ? ` and ${more} more` : ""}` : "";
      return `${oneLine(answer.question)}${list}`;
    }
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
