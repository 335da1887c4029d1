/**
 * From the names, intents and levels read in a question to its Query: which company, role and region it is about
 * (a pair with a guide first), which intent wins, and what a follow-up in a conversation takes from it.
 */
import type { Guide } from "../guides/types.ts";
import { countryNamed } from "../search/aliases.ts";
import type { EntityHit, SearchIndex } from "../search/index.ts";
import { fold, words } from "../text/normalize.ts";
import type { ConversationContext, EntityMatch, Intent, LevelRef, Query } from "./types.ts";
import { LEVEL_TOKEN, ROLE_WORDS } from "./vocabulary.ts";

/** A run of the question's words that names something in the index. */
export interface Span {
  start: number;
  end: number;
  text: string;
  hits: EntityHit[];
}

/** An outside company and the words after it that name one of its levels ("salesforce" + "einstein ml"). */
export interface LevelRun {
  company: EntityHit["entity"];
  words: string[];
}

/** The intents that ask about one guide: alone in a conversation, about the guide talked about. */
const GUIDE_INTENTS: ReadonlySet<Intent> = new Set<Intent>(["script", "targets", "freshness", "level"]);

function toMatch(span: Span, hit: EntityHit): EntityMatch {
  return {
    key: hit.entity.key,
    display: hit.entity.display,
    matched: span.text,
    kind: hit.via,
    score: hit.score,
  };
}

type Candidate = { span: Span; hit: EntityHit };

function candidates(spans: Span[], kind: EntityHit["entity"]["kind"]): Candidate[] {
  return spans
    .flatMap((span) => span.hits.filter((hit) => hit.entity.kind === kind).map((hit) => ({ span, hit })))
    .sort((a, b) => a.hit.score - b.hit.score);
}

export function decide(
  text: string,
  index: SearchIndex,
  spans: Span[],
  intents: Set<Intent>,
  allRegions: boolean,
  levelTokens: string[],
  asked: string[],
  context: ConversationContext,
  levelRun: LevelRun | null,
  offerAsked: boolean,
  /** The question names a part of a band ("and the stock?"): a follow-up about the band talked about. */
  partAsked: boolean,
): Query {
  let unknown = asked;
  const companies = candidates(spans, "company");
  const roles = candidates(spans, "role");
  const regions = candidates(spans, "region");
  const levelCompanies = candidates(spans, "level-company");

  // Company and role together, preferring a pair that has a guide, then the closest match.
  let company: Candidate | undefined;
  let role: Candidate | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const c of companies.length ? companies : [undefined]) {
    for (const r of roles.length ? roles : [undefined]) {
      if (c && r && c.span === r.span) continue;
      const paired = c && r && index.guide(c.hit.entity.key, r.hit.entity.key) ? 0 : 10;
      const cost = paired + (c?.hit.score ?? 1) + (r?.hit.score ?? 1);
      if (cost < bestCost) {
        bestCost = cost;
        company = c;
        role = r;
      }
    }
  }

  // A region, preferring one the chosen guide has a band for.
  const guide = company && role ? index.guide(company.hit.entity.key, role.hit.entity.key) : undefined;
  const region =
    regions.find((r) => guide?.bands.some((b) => b.regionSlug === r.hit.entity.key)) ??
    regions.find((r) => r.span !== company?.span && r.span !== role?.span);

  // An outside level: "level google l5", "google l5 equivalent".
  let level: LevelRef | null = null;
  const levelCompany = levelCompanies.find((c) => c.span !== company?.span) ?? levelCompanies[0];
  if (levelRun) {
    level = {
      company: levelRun.company.key,
      companyDisplay: levelRun.company.display,
      // Level tokens alone ("l4 l5", as "L4-L5" is read) keep the range's dash.
      level: [...levelRun.words, ...levelTokens].join(
        levelRun.words.every((w) => LEVEL_TOKEN.test(w)) ? "-" : " ",
      ),
    };
    // The outside company's name is not a guide's company here.
    if (company && levelRun.company.key === fold(company.hit.entity.display)) company = undefined;
  } else if (levelTokens.length > 0 && !levelCompany && company && unknown.length > 0) {
    // "amazon l6 segment": the level is the unknown company's, never the guide company's ("Segment L6").
    const named = unknown.join(" ");
    level = { company: named, companyDisplay: named, level: levelTokens.join("-") };
    unknown = [];
  } else if (levelTokens.length > 0 && (levelCompany || company)) {
    const source = levelCompany ?? company!;
    const key = source.hit.entity.kind === "level-company" ? source.hit.entity.key : source.span.text;
    level = {
      company: key,
      companyDisplay: index.levelCompany(key)?.display ?? source.hit.entity.display,
      level: levelTokens.join("-"),
    };
  } else if (levelTokens.length > 0 && intents.has("level")) {
    level = { company: "", companyDisplay: "", level: levelTokens.join("-") };
  }

  let companyMatch = company ? toMatch(company.span, company.hit) : null;
  let roleMatch = role ? toMatch(role.span, role.hit) : null;

  // "segment ml": words left over that belong to the name of exactly one of the company's roles.
  if (companyMatch && !roleMatch && unknown.length > 0) {
    const fit = roleOfCompany(index, companyMatch.key, unknown);
    if (fit) {
      roleMatch = {
        key: fit.role,
        display: fit.roleDisplay,
        matched: unknown.join(" "),
        kind: "fuzzy",
        score: 0.2,
      };
      unknown = [];
    }
  }
  // "segment sf: offer is 200k base, they won't budge", "how do I negotiate with segment in london? they won't
  // budge": an offer, a script or what to ask for at a company with one guide, in a region it names, with words
  // we do not know that could not name a role (ROLE_WORDS): the words are set aside, said back by the answer, as
  // they are when the guide is named whole. Words that could name a role keep the question unanswered ("segment
  // data scientist sf offer 150k" is not the ML engineer's offer).
  let setAside: string[] = [];
  if (
    (offerAsked || intents.has("script") || intents.has("targets")) &&
    companyMatch &&
    !roleMatch &&
    region &&
    !level &&
    index.guidesOfCompany(companyMatch.key).length === 1 &&
    !unknown.some((w) => ROLE_WORDS.has(w))
  ) {
    setAside = unknown;
    unknown = [];
  }
  // A country the guide has no band in is named as the country ("no Germany band"), not as its first region.
  const country = region ? countryNamed(region.hit.phrase) : undefined;
  const inCountry = guide?.bands.some((b) => b.regionSlug === region?.hit.entity.key);
  const regionMatch = region
    ? { ...toMatch(region.span, region.hit), ...(country && !inCountry ? { display: country } : {}) }
    : null;
  const moreRegions = region ? otherRegions(regions, region, [company?.span, role?.span], guide) : [];

  // A follow-up in a conversation ("and London?", "what about the script?") reuses what it asked about. Only a
  // question about one guide is one: help ("help", "hi") and the catalogue ("list") are not, whatever was
  // talked about before.
  let fromContext = false;
  // An offer's figures ("base 150k stock 120k") are checked against the guide talked about, too.
  const followUpIntent = offerAsked || [...intents].some((asked) => GUIDE_INTENTS.has(asked));
  if (unknown.length === 0 && !level) {
    const ctxCompany = context.company ? index.company(context.company) : undefined;
    const ctxRole = context.role ? index.role(context.role) : undefined;
    if (
      !companyMatch &&
      !roleMatch &&
      ctxCompany &&
      ctxRole &&
      (regionMatch || followUpIntent || allRegions || partAsked)
    ) {
      companyMatch = fromCtx(ctxCompany);
      roleMatch = fromCtx(ctxRole);
      fromContext = true;
    } else if (!companyMatch && roleMatch && ctxCompany && index.guide(ctxCompany.key, roleMatch.key)) {
      companyMatch = fromCtx(ctxCompany);
      fromContext = true;
    } else if (companyMatch && !roleMatch && ctxRole && index.guide(companyMatch.key, ctxRole.key)) {
      roleMatch = fromCtx(ctxRole);
      fromContext = true;
    }
  }

  // "offer base 150k", "script please" about the guide talked about, after its London band: London.
  let regionOrTalked = regionMatch;
  const sameGuide =
    companyMatch !== null &&
    roleMatch !== null &&
    companyMatch.key === context.company &&
    roleMatch.key === context.role;
  if (
    !regionOrTalked &&
    context.region &&
    sameGuide &&
    (offerAsked ||
      intents.has("script") ||
      intents.has("targets") ||
      (fromContext && partAsked && !allRegions))
  ) {
    const band = index
      .guide(context.company!, context.role!)
      ?.bands.find((b) => b.regionSlug === context.region);
    if (band) regionOrTalked = fromCtx({ key: band.regionSlug, display: band.region });
  }

  const hasEntities = Boolean(companyMatch || roleMatch || regionMatch || level);
  let intent: Intent;
  if (intents.has("level") && level?.company && !(companyMatch && roleMatch && !levelCompany)) {
    intent = "level-lookup";
  } else if (intents.has("level") && (companyMatch || roleMatch)) {
    intent = "level";
  } else if (!intents.has("level") && level?.company && !roleMatch) {
    intent = "level-lookup";
  } else if (intents.has("freshness")) {
    intent = "freshness";
  } else if (intents.has("targets")) {
    intent = "targets";
  } else if (intents.has("script")) {
    intent = "script";
  } else if (intents.has("list") && !companyMatch && !roleMatch) {
    intent = "list";
  } else if (!hasEntities && unknown.length === 0) {
    intent = intents.has("level") ? "level" : "help";
  } else if (companyMatch && roleMatch) {
    intent = "band";
  } else if (companyMatch) {
    intent = "company";
  } else if (roleMatch) {
    intent = "role";
  } else {
    intent = "band";
  }

  return {
    intent,
    text,
    company: companyMatch,
    role: roleMatch,
    region: regionOrTalked,
    ...(moreRegions.length > 0 ? { moreRegions } : {}),
    level,
    unknown,
    ...(setAside.length > 0 ? { setAside } : {}),
    offer: null,
    fromContext,
  };
}

/**
 * The regions named in other words than `taken` (the chosen region's, the company's, the role's): the closest
 * match of each span, in the order written, each region once and never the chosen one again.
 */
function otherRegions(
  regions: Candidate[],
  chosen: Candidate,
  taken: (Span | undefined)[],
  guide: Guide | undefined,
): EntityMatch[] {
  const bySpan = new Map<Span, Candidate[]>();
  for (const r of regions) {
    if (taken.includes(r.span)) continue;
    bySpan.set(r.span, [...(bySpan.get(r.span) ?? []), r]);
  }
  const keys = new Set<string>([chosen.hit.entity.key]);
  const out: EntityMatch[] = [];
  for (const [, hits] of [...bySpan.entries()].sort(([a], [b]) => a.start - b.start)) {
    // A country ("us", "germany") names several regions: every one the guide has a band for. Otherwise (and
    // without a guide) a span's best candidate, which comes first (the chosen region, in its own span).
    const country = hits.filter((h) => h.hit.distance === 0).length > 1;
    const picked =
      country && guide
        ? hits.filter((h) => guide.bands.some((b) => b.regionSlug === h.hit.entity.key))
        : hits.slice(0, 1);
    for (const r of picked) {
      if (keys.has(r.hit.entity.key)) continue;
      keys.add(r.hit.entity.key);
      out.push(toMatch(r.span, r.hit));
    }
  }
  return out;
}

/** The one guide of a company whose role name has every one of these words, if exactly one has. */
function roleOfCompany(index: SearchIndex, company: string, asked: readonly string[]): Guide | null {
  const fits = index.guidesOfCompany(company).filter((g) => {
    const have = new Set([...words(g.roleDisplay), ...words(g.role)]);
    return asked.every((w) => have.has(w));
  });
  return fits.length === 1 ? fits[0]! : null;
}

function fromCtx(named: { key: string; display: string }): EntityMatch {
  return { key: named.key, display: named.display, matched: "", kind: "exact", score: 0 };
}
