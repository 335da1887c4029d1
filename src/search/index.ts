/**
 * The search index over the loaded guides. Two stages, as measured in shared/performance-notes.md:
 * 1. exact look-ups of phrases (slugs, display names, aliases) in one map;
 * 2. a typo dictionary over the small distinct lists of companies, roles, regions and outside-level companies.
 * fuse.js ranks "did you mean" candidates over the same lists when neither stage finds anything.
 * Only frontmatter facts live here; guide bodies are read on demand elsewhere.
 */
import Fuse from "fuse.js";
import { companyKey, splitCompanyLevel } from "../guides/levels.ts";
import type { Guide, LevelEquivalence } from "../guides/types.ts";
import { fold, phraseKey, slugify, words } from "../text/normalize.ts";
import { REGION_ALIASES, ROLE_SHORTHANDS, ROLE_WORD_SYNONYMS } from "./aliases.ts";
import { TypoDictionary } from "./typos.ts";

export type EntityKind = "company" | "role" | "region" | "level-company";

export interface Entity {
  kind: EntityKind;
  /** Slug for companies, roles and regions; folded name for outside-level companies. */
  key: string;
  display: string;
}

export interface EntityHit {
  entity: Entity;
  /** The stored phrase that matched. */
  phrase: string;
  distance: number;
  /** 0 = perfect … 1 = nothing in common. */
  score: number;
  via: "exact" | "alias" | "fuzzy";
}

interface Named {
  key: string;
  display: string;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

const entityId = (e: Entity) => `${e.kind}:${e.key}`;

export class SearchIndex {
  readonly guides: readonly Guide[];
  private readonly byId = new Map<string, Guide>();
  private readonly byCompany = new Map<string, Guide[]>();
  private readonly byRole = new Map<string, Guide[]>();
  private readonly companies = new Map<string, Named>();
  private readonly roles = new Map<string, Named>();
  /** Every region we recognise: those with a band in some guide and the built-in gazetteer. */
  private readonly regions = new Map<string, Named>();
  private readonly regionsWithBands = new Set<string>();
  private readonly levelCompanies = new Map<string, Named>();
  private readonly levelLinks = new Map<string, { guide: Guide; equivalence: LevelEquivalence }[]>();
  /** The distinct level texts mapped at each outside company ("google" -> {"L4-L5 ML", "L5"}). */
  private readonly levelTexts = new Map<string, Set<string>>();
  /** phrase key -> entities, with whether the phrase is the entity's own name or an alias. */
  private readonly phrases = new Map<string, { entity: Entity; alias: boolean }[]>();
  private readonly typos = new TypoDictionary<Entity>(2);
  private fuse: Fuse<{ phrase: string; entity: Entity }> | null = null;
  private maxPhraseWords = 1;
  /** Build-time memos: names already indexed (re-adding one changes nothing), so 50k guides build fast. */
  private readonly seenRegionNames = new Set<string>();
  private readonly seenAliases = new Set<string>();
  private readonly levelCompanyKeys = new Map<string, string>();
  /** The catalogue's company names (companyKey), for splitting level mappings (see equivalencesOf). */
  private readonly catalogueNames = new Set<string>();
  /** Their first words: a mapping part that starts with none of them is split as the loader split it. */
  private readonly catalogueFirstWords = new Set<string>();
  /** "company\0level" as the loader split it -> the split with the catalogue's names known. */
  private readonly resplit = new Map<string, LevelEquivalence>();
  /** Guides whose equivalences read differently once the catalogue's names are known. */
  private readonly equivalencesById = new Map<string, LevelEquivalence[]>();

  constructor(guides: readonly Guide[]) {
    this.guides = guides;
    this.noteCatalogueNames(guides);
    for (const guide of guides) this.addGuide(guide);
    for (const [display, aliases] of Object.entries(REGION_ALIASES)) {
      const region = this.addRegion(display);
      for (const alias of aliases) this.addPhrase(alias, region, true);
    }
  }

  get guideCount(): number {
    return this.guides.length;
  }

  guide(company: string, role: string): Guide | undefined {
    return this.byId.get(`${company}/${role}`);
  }

  guidesOfCompany(company: string): readonly Guide[] {
    return this.byCompany.get(company) ?? [];
  }

  guidesOfRole(role: string): readonly Guide[] {
    return this.byRole.get(role) ?? [];
  }

  company(key: string): Named | undefined {
    return this.companies.get(key);
  }

  role(key: string): Named | undefined {
    return this.roles.get(key);
  }

  region(key: string): Named | undefined {
    return this.regions.get(key);
  }

  hasBandsIn(regionKey: string): boolean {
    return this.regionsWithBands.has(regionKey);
  }

  levelCompany(key: string): Named | undefined {
    return this.levelCompanies.get(key);
  }

  /** Guides whose level mapping names `company` at a level for which `matches(level)` holds. */
  levelLinksOf(company: string): readonly { guide: Guide; equivalence: LevelEquivalence }[] {
    return this.levelLinks.get(company) ?? [];
  }

  /**
   * A guide's level equivalences, with company names split knowing the catalogue's companies: a guide's
   * mapping "Contoso Labs Einstein" names Contoso Labs when the catalogue has a Contoso Labs guide.
   */
  equivalencesOf(guide: Guide): readonly LevelEquivalence[] {
    return this.equivalencesById.get(guide.id) ?? guide.levelMapping.equivalences;
  }

  /** The distinct level texts some guide maps at an outside company. */
  levelTextsOf(company: string): ReadonlySet<string> {
    return this.levelTexts.get(company) ?? EMPTY_SET;
  }

  /** Sorted companies with their guides, for the catalogue. */
  listCompanies(): { company: Named; guides: readonly Guide[] }[] {
    return [...this.companies.values()]
      .sort((a, b) => a.display.localeCompare(b.display))
      .map((company) => ({ company, guides: this.byCompany.get(company.key) ?? [] }));
  }

  get longestPhrase(): number {
    return this.maxPhraseWords;
  }

  /** Stage 1: the entities a phrase names exactly (own names and aliases). */
  exact(phrase: string): EntityHit[] {
    const found = this.phrases.get(phrase);
    if (!found) return [];
    return found.map(({ entity, alias }) => ({
      entity,
      phrase,
      distance: 0,
      score: 0,
      via: alias ? "alias" : "exact",
    }));
  }

  /** Stage 2: the entities a phrase names with a typo or two (never for short words). */
  fuzzy(phrase: string): EntityHit[] {
    return this.typos.lookup(phrase).map((hit) => ({
      entity: hit.value,
      phrase: hit.term,
      distance: hit.distance,
      score: Math.min(1, hit.distance / Math.max(1, Math.min(phrase.length, hit.term.length))),
      via: hit.distance === 0 ? "exact" : "fuzzy",
    }));
  }

  /** "Did you mean": ranked candidates for a phrase that matched nothing, loosely (fuse.js). */
  suggest(phrase: string, kinds: readonly EntityKind[], limit = 5): EntityHit[] {
    if (phrase.trim().length < 2) return [];
    this.fuse ??= new Fuse(
      [...this.phrases.entries()].flatMap(([p, list]) => list.map(({ entity }) => ({ phrase: p, entity }))),
      { keys: ["phrase"], includeScore: true, threshold: 0.45, ignoreLocation: true, minMatchCharLength: 2 },
    );
    const seen = new Set<string>();
    const hits: EntityHit[] = [];
    // fuse.js's bitap search works on patterns of up to 32 characters; names are shorter than that.
    for (const result of this.fuse.search(phrase.slice(0, 32), { limit: limit * 8 })) {
      const { entity } = result.item;
      if (!kinds.includes(entity.kind)) continue;
      if (entity.kind === "region" && !this.regionsWithBands.has(entity.key)) continue;
      const id = entityId(entity);
      if (seen.has(id)) continue;
      seen.add(id);
      hits.push({ entity, phrase: result.item.phrase, distance: -1, score: result.score ?? 1, via: "fuzzy" });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  private addGuide(guide: Guide): void {
    this.byId.set(guide.id, guide);
    push(this.byCompany, guide.company, guide);
    push(this.byRole, guide.role, guide);

    if (!this.companies.has(guide.company)) {
      this.companies.set(guide.company, { key: guide.company, display: guide.companyDisplay });
      const company: Entity = { kind: "company", key: guide.company, display: guide.companyDisplay };
      this.addPhrase(guide.company, company, false);
      this.addPhrase(guide.companyDisplay, company, false);
    }
    const company: Entity = { kind: "company", key: guide.company, display: guide.companyDisplay };
    for (const alias of stringList(guide.extra.company_aliases)) {
      const seen = `company\0${guide.company}\0${alias}`;
      if (this.seenAliases.has(seen)) continue;
      this.seenAliases.add(seen);
      this.addPhrase(alias, company, true);
    }

    const role: Entity = { kind: "role", key: guide.role, display: guide.roleDisplay };
    if (!this.roles.has(guide.role)) {
      this.roles.set(guide.role, { key: guide.role, display: guide.roleDisplay });
      this.addPhrase(guide.role, role, false);
      this.addPhrase(guide.roleDisplay, role, false);
      for (const variant of roleVariants(guide.roleDisplay)) this.addPhrase(variant, role, true);
    }
    for (const alias of stringList(guide.extra.role_aliases)) {
      const seen = `role\0${guide.role}\0${alias}`;
      if (this.seenAliases.has(seen)) continue;
      this.seenAliases.add(seen);
      this.addPhrase(alias, role, true);
    }

    for (const band of guide.bands) {
      if (!this.seenRegionNames.has(band.region)) {
        this.seenRegionNames.add(band.region);
        this.addRegion(band.region);
      }
      this.regionsWithBands.add(band.regionSlug);
    }

    for (const equivalence of this.splitWithCatalogue(guide)) {
      let key = this.levelCompanyKeys.get(equivalence.company);
      if (key === undefined) {
        key = fold(equivalence.company);
        this.levelCompanyKeys.set(equivalence.company, key);
      }
      if (!this.levelCompanies.has(key)) {
        this.levelCompanies.set(key, { key, display: equivalence.company });
        this.addPhrase(
          equivalence.company,
          { kind: "level-company", key, display: equivalence.company },
          false,
        );
      }
      push(this.levelLinks, key, { guide, equivalence });
      const texts = this.levelTexts.get(key);
      if (texts) texts.add(equivalence.level);
      else this.levelTexts.set(key, new Set([equivalence.level]));
    }
  }

  /** Records the catalogue's company names before guides are added (their mappings are split with them). */
  private noteCatalogueNames(guides: readonly Guide[]): void {
    let last = "";
    for (const guide of guides) {
      if (guide.companyDisplay === last) continue;
      last = guide.companyDisplay;
      const key = companyKey(last);
      this.catalogueNames.add(key);
      this.catalogueFirstWords.add(key.split(" ")[0]!);
    }
  }

  /** The guide's equivalences re-split with the catalogue's company names (memoised by part). */
  private splitWithCatalogue(guide: Guide): readonly LevelEquivalence[] {
    const original = guide.levelMapping.equivalences;
    let changed: LevelEquivalence[] | null = null;
    original.forEach((eq, i) => {
      const space = eq.company.indexOf(" ");
      const first = (space === -1 ? eq.company : eq.company.slice(0, space)).toLowerCase();
      if (!this.catalogueFirstWords.has(/^[a-z0-9]*$/.test(first) ? first : companyKey(first))) return;
      const id = `${eq.company}\0${eq.level}`;
      let split = this.resplit.get(id);
      if (split === undefined) {
        split = splitCompanyLevel(`${eq.company} ${eq.level}`.trim(), (k) => this.catalogueNames.has(k));
        if (split.company === eq.company && split.level === eq.level) split = eq;
        this.resplit.set(id, split);
      }
      if (split !== eq) {
        changed ??= [...original];
        changed[i] = split;
      }
    });
    if (changed === null) return original;
    this.equivalencesById.set(guide.id, changed);
    return changed;
  }

  private addRegion(display: string): Entity {
    const key = slugify(display);
    if (!this.regions.has(key)) this.regions.set(key, { key, display });
    const region: Entity = { kind: "region", key, display: this.regions.get(key)!.display };
    this.addPhrase(display, region, false);
    this.addPhrase(key, region, false);
    return region;
  }

  private addPhrase(text: string, entity: Entity, alias: boolean): void {
    const phrase = phraseKey(text);
    if (!phrase) return;
    const list = this.phrases.get(phrase) ?? [];
    if (list.some((item) => entityId(item.entity) === entityId(entity))) return;
    list.push({ entity, alias });
    this.phrases.set(phrase, list);
    this.maxPhraseWords = Math.max(this.maxPhraseWords, phrase.split(" ").length);
    this.typos.add(phrase, entity);
    this.fuse = null;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function stringList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * What people type for a role: "ML/AI Engineer" -> "ml engineer", "ai engineer", "ml ai engineer",
 * "machine learning engineer", "artificial intelligence engineer", "mle"…
 */
export function roleVariants(display: string): string[] {
  const out = new Set<string>();
  const parts = display.split(/\s+/);
  // Alternatives separated by "/" inside one word: "ML/AI" -> ["ML", "AI"].
  const choices = parts.map((part) => (part.includes("/") ? [...part.split("/"), part] : [part]));
  const combos = choices.reduce<string[][]>(
    (acc, options) => acc.flatMap((prefix) => options.map((option) => [...prefix, option])),
    [[]],
  );
  for (const combo of combos.slice(0, 32)) {
    const base = words(combo.join(" "));
    out.add(base.join(" "));
    const expanded = base.flatMap((w) => {
      const synonym = ROLE_WORD_SYNONYMS[w]?.[0];
      return synonym ? words(synonym) : [w];
    });
    out.add(expanded.join(" "));
  }
  // A shorthand names exactly one kind of role: "pm" is a Product Manager, not a Product Marketing Manager;
  // "mle" is an ML Engineer, and so an "ML/AI Engineer" (whose variants include "ml engineer").
  for (const [shorthand, expansion] of Object.entries(ROLE_SHORTHANDS)) {
    if (out.has(expansion.join(" "))) out.add(shorthand);
  }
  out.delete("");
  return [...out];
}
