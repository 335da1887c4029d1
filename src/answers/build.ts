/** Query + index -> Answer. Plain data only; the renderers decide how it looks. */
import { levelMatches } from "../guides/levels.ts";
import type { Band, Guide, GuideBody } from "../guides/types.ts";
import { formatMoney } from "../money/format.ts";
import type { Competing } from "../questions/competing.ts";
import type { EntityMatch, Query } from "../questions/types.ts";
import type { SearchIndex } from "../search/index.ts";
import { type ChooseFor, chooseGuide, chooseRegion, GUIDE_INTENTS, type GuideIntent } from "./choose.ts";
import { bandCommand, guideLabel, hasBand, regionIfBand } from "./commands.ts";
import { freshnessAnswer } from "./freshness.ts";
import { notFound } from "./not-found.ts";
import { offerAnswer, offerCommand } from "./offer.ts";
import { askedWithIt, offerFollowUp } from "./offer-command.ts";
import { wantedLines } from "./place.ts";
import { safeScript } from "./safe-script.ts";
import type { Answer, FollowUp, GuideFacts, HelpAnswer, ScriptAnswer } from "./types.ts";
import { DISCLAIMER } from "./types.ts";

export interface AnswerSources {
  index: SearchIndex;
  /** The parsed body of a guide (read on demand); null when the file cannot be read any more. */
  body(guide: Guide): GuideBody | null;
  /** YYYY-MM-DD */
  today: string;
}

/** How many companies a catalogue answer lists before saying "and N more". */
export const CATALOG_LIMIT = 40;
const LIST_LIMIT = 40;

export const EXAMPLES: HelpAnswer["examples"] = [
  { command: "segment ml-ai-engineer london", description: "the band for one region" },
  { command: "segment ml-ai-engineer", description: "every region of a guide" },
  { command: "segment", description: "the roles we have for a company" },
  { command: "ml engineer", description: "the companies we have for a role" },
  { command: "script segment ml-ai-engineer", description: "the negotiation script (sent privately)" },
  { command: "level segment ml-ai-engineer", description: "how the role maps to other companies' levels" },
  { command: "level google l5", description: "the guides that map to an outside level" },
  {
    command: "offer segment ml-ai-engineer london base 150k stock 120k bonus 10%",
    description: "where an offer sits in the band, and a counter-offer (sent privately)",
  },
  { command: "list", description: "every guide we have" },
];

export function helpAnswer(index: SearchIndex, reason: string | null = null): HelpAnswer {
  return { kind: "help", reason, examples: EXAMPLES, guideCount: index.guideCount };
}

function facts(guide: Guide, today: string): GuideFacts {
  return { guide, overdue: guide.nextReviewDue < today, today };
}

/** The button that asks for one band of a guide. */
function regionFollowUp(guide: Guide, band: Band): FollowUp {
  return { label: band.region, command: bandCommand(guide, band.regionSlug), kind: "region" };
}

const allRegionsFollowUp = (guide: Guide): FollowUp => ({
  label: "All regions",
  command: bandCommand(guide),
  kind: "regions",
});
const scriptFollowUp = (guide: Guide): FollowUp => ({
  label: "Negotiation script",
  command: `script ${bandCommand(guide)}`,
  kind: "script",
});

function guideFollowUps(guide: Guide, except: string | null, withScript = true): FollowUp[] {
  const ups: FollowUp[] = guide.bands
    .filter((b) => b.regionSlug !== except)
    .map((b) => regionFollowUp(guide, b));
  if (withScript) ups.push(scriptFollowUp(guide));
  return ups;
}

export function buildAnswer(query: Query, sources: AnswerSources): Answer {
  const { index } = sources;
  if (query.intent === "help") return helpAnswer(index);
  if (query.intent === "list") return catalogAnswer(index);
  if (query.intent === "level-lookup") return levelLookupAnswer(query, index);

  const company = query.company?.key;
  const role = query.role?.key;

  // Words we could not read change the question: never answer a different one in their place.
  if (query.unknown.length > 0 && !(company && role)) return notFound(query, index);

  // A bare `level`, `script`, `offer`, "how old is this data": which guide?
  if (!company && !role && !query.level && GUIDE_INTENTS.has(query.intent)) {
    return chooseGuide(chooseFor(query), index.guides, guideLabel, (g) => guideCommand(query, g));
  }

  if (company && role) {
    const guide = index.guide(company, role);
    return guide ? guideAnswer(guide, query, sources) : notFound(query, index);
  }

  if (company) {
    const guides = index.guidesOfCompany(company);
    // One role: the company alone says which guide is meant.
    if (guides.length === 1 && (query.region || GUIDE_INTENTS.has(query.intent))) {
      return guideAnswer(guides[0]!, query, sources);
    }
    // Several roles (a company in a query always has a guide: the parser names only the index's companies).
    if (GUIDE_INTENTS.has(query.intent)) {
      return chooseGuide(
        chooseFor(query),
        guides,
        (g) => g.roleDisplay,
        (g) => guideCommand(query, g),
        `${guides.length} roles at ${query.company!.display}`,
      );
    }
    return {
      kind: "company",
      company: { key: company, display: query.company!.display },
      roles: guides.map((g) => ({
        key: g.role,
        display: g.roleDisplay,
        regions: g.bands.map((b) => b.region),
      })),
      followUps: bandFollowUps(guides, (g) => g.roleDisplay, query.region?.key),
      command: company,
    };
  }

  if (role) {
    const guides = index.guidesOfRole(role);
    const inRegion = query.region ? guides.filter((g) => hasBand(g, query.region!.key)) : guides;
    const shown = inRegion.length > 0 ? inRegion : guides;
    if (GUIDE_INTENTS.has(query.intent)) {
      if (shown.length === 1) return guideAnswer(shown[0]!, query, sources);
      return chooseGuide(
        chooseFor(query),
        shown,
        (g) => g.companyDisplay,
        (g) => guideCommand(query, g),
        `${shown.length} companies have a ${query.role!.display} guide`,
      );
    }
    return {
      kind: "role",
      role: { key: role, display: query.role!.display },
      companies: shown.map((g) => ({
        key: g.company,
        display: g.companyDisplay,
        regions: g.bands.map((b) => b.region),
      })),
      followUps: bandFollowUps(shown, (g) => g.companyDisplay, query.region?.key),
      command: role,
    };
  }

  return notFound(query, index);
}

/** The question about one guide: its band(s), script, targets, offer check, dates or level mapping. */
function guideAnswer(guide: Guide, query: Query, sources: AnswerSources): Answer {
  const answer = aboutGuide(guide, query, sources);
  // Words read as nothing ("they won't budge", "expires friday") are said back, never dropped without a word.
  const unused = query.setAside ?? query.unknown;
  if (unused.length > 0 && (answer.kind === "offer" || answer.kind === "script")) {
    const known = answer.kind === "offer" ? "a guide, region or part of an offer" : "a guide or region";
    const note = `I did not use these words: ${unused.map((w) => `“${w}”`).join(", ")} (not ${known} I know). If one names the role or place you mean, ask again with it.`;
    if (answer.kind === "offer") answer.notes = [...(answer.notes ?? []), note];
    else answer.scriptNotes = [...(answer.scriptNotes ?? []), note];
  }
  // "london in dollars": the figures stay the guide's, and the answer says so.
  if (query.currency && (answer.kind === "band" || answer.kind === "regions" || answer.kind === "script"))
    return { ...answer, askedCurrency: query.currency };
  return answer;
}

function aboutGuide(guide: Guide, query: Query, sources: AnswerSources): Answer {
  const { index, today } = sources;
  switch (query.intent) {
    case "offer":
      return offerOrRegions(guide, query, sources);
    case "script":
      return scriptAnswer(
        guide,
        (query.region && guide.bands.find((b) => b.regionSlug === query.region!.key)) || null,
        sources,
        query.offer?.competing,
      );
    case "freshness":
      return freshnessAnswer(guide, facts(guide, today), guideFollowUps(guide, null));
    case "targets":
      return targetsAnswer(guide, query, sources);
    case "level":
      return {
        kind: "level",
        ...facts(guide, today),
        internal: guide.levelMapping.internal,
        equivalences: [...index.equivalencesOf(guide)],
        raw: guide.levelMapping.raw,
        followUps: guideFollowUps(guide, null),
        command: `level ${bandCommand(guide)}`,
      };
    default:
      return bandAnswer(guide, query, today);
  }
}

/** One button a guide (the first LIST_LIMIT): its band in the asked region when it has one, else all regions. */
function bandFollowUps(
  guides: readonly Guide[],
  label: (g: Guide) => string,
  regionKey?: string,
): FollowUp[] {
  return guides.slice(0, LIST_LIMIT).map((g) => ({
    label: label(g),
    command: bandCommand(g, regionIfBand(g, regionKey)),
    kind: "band" as const,
  }));
}

/** What a "which guide?" is for: the query's intent, or pay (an offer check of pay someone has now). */
function chooseFor(query: Query): ChooseFor {
  return query.intent === "offer" && query.offer?.current ? "pay" : (query.intent as GuideIntent);
}

/** The /comp words that ask the query's question about one guide (its region kept when the guide has it). */
function guideCommand(query: Query, guide: Guide): string {
  const region = regionIfBand(guide, query.region?.key);
  switch (query.intent as GuideIntent) {
    case "offer":
      return query.offer
        ? offerCommand(guide, region ?? null, query.offer)
        : `offer ${bandCommand(guide, region)}`;
    case "freshness":
      return `updated ${bandCommand(guide)}`;
    case "targets":
      return `targets ${bandCommand(guide, region)}${askedWithIt(query.offer)}`;
    case "level":
      return `level ${bandCommand(guide)}`;
    case "script":
      return `script ${bandCommand(guide, region)}${askedWithIt(query.offer)}`;
  }
}

/**
 * What to ask for: the guide's band for one region and its script (whose figures are the guide's targets).
 * A guide with several regions and none asked: which region?
 */
function targetsAnswer(guide: Guide, query: Query, sources: AnswerSources): Answer {
  const band = askedBand(guide, query);
  if (!band && query.region) return bandAnswer(guide, query, sources.today);
  if (!band)
    return chooseRegion(guide, (slug) => `targets ${bandCommand(guide, slug)}${askedWithIt(query.offer)}`);
  const script = scriptAnswer(guide, band, sources, query.offer?.competing);
  // "what should I say to get 200k base?": where each wanted figure sits in the band, above the script.
  const wanted = query.offer?.wanted ? wantedLines(band, query.offer) : null;
  return {
    ...script,
    purpose: "targets",
    command: `targets ${bandCommand(guide, band.regionSlug)}`,
    ...(wanted ? { wanted } : {}),
  };
}

/** The band a question is about: the region asked, or the guide's only one when none was asked. */
function askedBand(guide: Guide, query: Query): Band | undefined {
  if (query.region) return guide.bands.find((b) => b.regionSlug === query.region!.key);
  return guide.bands.length === 1 ? guide.bands[0] : undefined;
}

/** An offer needs one band: the region asked, or the guide's only one; otherwise ask which region. */
function offerOrRegions(guide: Guide, query: Query, sources: AnswerSources): Answer {
  const offer = query.offer!;
  const band = askedBand(guide, query);
  if (!band) {
    return {
      kind: "region-not-found",
      ...facts(guide, sources.today),
      askedRegion: query.region?.display ?? "",
      available: guide.bands,
      ...(offer.current ? { paidNow: true } : {}),
      followUps: guide.bands.map((b) => offerFollowUp(guide, b, offer)),
    };
  }
  const answer = offerAnswer({
    guide,
    band,
    offer,
    body: sources.body(guide),
    facts: facts(guide, sources.today),
    format: formatMoney,
  });
  // "what if they add a 20k signing bonus?" after an offer check: offers are never kept, so say what was checked,
  // and what the conversation gave (a match from it has no words of this message).
  if (offer.afterFigures && answer.kind === "offer" && answer.currencyMismatch === null) {
    const talked = (m: { matched: string } | null | undefined) => m?.matched === "";
    const which =
      talked(query.company) || talked(query.region)
        ? `About ${guide.companyDisplay}'s ${band.region} band, from our conversation. `
        : `The role, ${guide.roleDisplay}, is from our conversation. `;
    answer.notes = [
      `${which}I keep no figures between messages, so only the ones in this message are checked: send the whole ${offer.current ? "pay" : "offer"} in one message to check it together.`,
      ...(answer.notes ?? []),
    ];
  }
  // "london vs nyc offer 150k base": one band at a time; say where the others are, never silently drop them.
  const others = (query.moreRegions ?? []).filter((r) => r.key !== band.regionSlug);
  if (answer.kind === "offer" && answer.currencyMismatch === null && others.length > 0) {
    const read = answer.offer.currency ?? band.currency;
    const said = others.map((r) => {
      const other = guide.bands.find((b) => b.regionSlug === r.key);
      if (!other) return `${guide.companyDisplay} has no ${r.display} band for this role.`;
      return other.currency === read
        ? `${other.region}: its button below checks the same figures there.`
        : `${other.region}: its band is in ${other.currency} and these figures are read in ${read}; send them in ${other.currency} to check them there (figures are never converted).`;
    });
    answer.notes = [
      `An offer is checked against one band at a time, here ${band.region}. ${said.join(" ")}`,
      ...(answer.notes ?? []),
    ];
  }
  return answer;
}

function bandAnswer(guide: Guide, query: Query, today: string): Answer {
  if (!query.region && query.unknown.length > 0) {
    // "segment ml-ai-engineer xyzzy": the last word was meant as a place we do not know.
    return regionNotFound(guide, query.unknownText ?? query.unknown.join(" "), today);
  }
  if (query.region && query.moreRegions && query.moreRegions.length > 0) {
    return namedRegions(guide, [query.region, ...query.moreRegions], today);
  }
  if (!query.region) {
    return {
      kind: "regions",
      ...facts(guide, today),
      bands: guide.bands,
      followUps: guideFollowUps(guide, null),
      command: bandCommand(guide),
    };
  }
  const band = guide.bands.find((b) => b.regionSlug === query.region!.key);
  if (!band) {
    return regionNotFound(guide, query.region.display, today);
  }
  return {
    kind: "band",
    ...facts(guide, today),
    band,
    followUps: [...guideFollowUps(guide, band.regionSlug), allRegionsFollowUp(guide)],
    command: bandCommand(guide, band.regionSlug),
  };
}

/** A region the guide has no band for (as the question wrote it): which regions it has, as buttons. */
function regionNotFound(guide: Guide, askedRegion: string, today: string): Answer {
  return {
    kind: "region-not-found",
    ...facts(guide, today),
    askedRegion,
    available: guide.bands,
    followUps: guideFollowUps(guide, null, false),
  };
}

/**
 * The bands of the regions a question named ("london vs new york"), side by side, each in its own currency;
 * a named region the guide has no band for is said, not dropped. None found: which regions there are.
 */
function namedRegions(guide: Guide, named: EntityMatch[], today: string): Answer {
  const bands = named.flatMap((m) => guide.bands.filter((b) => b.regionSlug === m.key));
  const missing = named.filter((m) => !hasBand(guide, m.key)).map((m) => m.display);
  if (bands.length === 0) {
    return regionNotFound(guide, missing.join(" or "), today);
  }
  return {
    kind: "regions",
    ...facts(guide, today),
    bands,
    named: { missing },
    followUps: [
      ...bands.map((b) => regionFollowUp(guide, b)),
      allRegionsFollowUp(guide),
      scriptFollowUp(guide),
    ],
    command: [bandCommand(guide), ...bands.map((b) => b.regionSlug)].join(" "),
  };
}

/** The script for one band (its figures in the band's currency), or as the guide wrote it (band null). */
function scriptAnswer(
  guide: Guide,
  band: Band | null,
  sources: AnswerSources,
  competing?: Competing,
): ScriptAnswer {
  const body = sources.body(guide);
  const { script, notes, levers } = safeScript(guide, band, body, competing);
  return {
    kind: "script",
    ...facts(guide, sources.today),
    band,
    dnaSummary: body?.dnaSummary ?? (guide.negotiationDnaSummary || null),
    levers,
    script,
    scriptNotes: notes,
    disclaimer: DISCLAIMER,
    followUps: guideFollowUps(guide, null, false),
    command: `script ${bandCommand(guide, band?.regionSlug)}`,
  };
}

function catalogAnswer(index: SearchIndex): Answer {
  const all = index.listCompanies();
  return {
    kind: "catalog",
    companies: all.slice(0, CATALOG_LIMIT).map(({ company, guides }) => ({
      key: company.key,
      display: company.display,
      roles: guides.map((g) => ({ key: g.role, display: g.roleDisplay })),
    })),
    guideCount: index.guideCount,
    companyCount: all.length,
    truncated: all.length > CATALOG_LIMIT,
    command: "list",
  };
}

function levelLookupAnswer(query: Query, index: SearchIndex): Answer {
  const level = query.level!;
  const matches = index.levelLinksOf(
    level.company,
    (mapped) => levelMatches(mapped, level.level),
    LIST_LIMIT,
  );
  return {
    kind: "level-lookup",
    company: level.companyDisplay,
    level: levelDisplay(level.level, matches),
    matches,
    followUps: matches.map(({ guide }) => ({
      label: `${guide.roleDisplay} · ${guide.companyDisplay}`,
      command: bandCommand(guide),
      kind: "band" as const,
    })),
    command: `level ${level.company} ${level.level}`,
  };
}

/** The asked level as the guides spell it ("einstein ml" -> "Einstein ML"); "l5" -> "L5". */
function levelDisplay(asked: string, matches: readonly { equivalence: { level: string } }[]): string {
  const spelled = new Map<string, string>();
  for (const m of matches)
    for (const w of m.equivalence.level.split(/[^\p{L}\p{N}-]+/u)) spelled.set(w.toLowerCase(), w);
  return asked
    .split(" ")
    .map((w) => spelled.get(w) ?? (/\d/.test(w) ? w.toUpperCase() : w))
    .join(" ");
}
