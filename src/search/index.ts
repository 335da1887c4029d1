/**
 * The search index over the loaded guides. Two stages, as measured in shared/performance-notes.md:
 * 1. exact look-ups of phrases (slugs, display names, aliases) in one map;
 * 2. a typo dictionary over the small distinct lists of companies, roles, regions and outside-level companies.
 * fuse.js ranks "did you mean" candidates over the same lists when neither stage finds anything.
 * Only frontmatter facts live here; guide bodies are read on demand elsewhere.
 */
import { equivalencesOf, type GuideRefSpans, noRefSpans, refSpansOf } from "../guides/packed.ts";
import type { Guide, LevelEquivalence } from "../guides/types.ts";
import { runStepsInSlices, Slice } from "../runtime/slices.ts";
import { fold, phraseKey, slugify } from "../text/normalize.ts";
import { ShardedMap } from "../text/sharded-map.ts";
import { lowerBound } from "../text/sorted.ts";
import { COUNTRIES, REGION_ALIASES } from "./aliases.ts";
import { CatalogueSplit } from "./catalogue-split.ts";
import { DecodeMemos, type MemoTargets } from "./decode-memo.ts";
import { type Entity, type EntityHit, type EntityKind, entityId, type Named } from "./entities.ts";
import { LevelLinks } from "./level-links.ts";
import { roleVariants } from "./role-variants.ts";
import { Suggester } from "./suggester.ts";
import { TypoDictionary } from "./typos.ts";

export type { Entity, EntityHit, EntityKind } from "./entities.ts";

const EMPTY_SET: ReadonlySet<string> = new Set();

/** A guide whose level mapping names an outside company, with the equivalence that names it. */
export interface LevelLink {
  guide: Guide;
  equivalence: LevelEquivalence;
}

export class SearchIndex {
  private readonly list: Guide[];
  /**
   * Each guide id's position in `list` (the guide is `list[position]`): an in-place replacement finds a
   * guide's place among its company's and role's guides by position, without a map of its own to build.
   * Only a hot reload needs it, so it is built after start-up, in slices (`warmInSlices`), or when first
   * needed (`positions`): at 50,000 guides it took about 30 ms of a cached start's index build.
   */
  private byId: ShardedMap<number> | null = null;
  private readonly byCompany = new Map<string, Guide[]>();
  private readonly byRole = new Map<string, Guide[]>();
  private readonly companies = new Map<string, Named>();
  private readonly roles = new Map<string, Named>();
  /** Every region we recognise: those with a band in some guide and the built-in gazetteer. */
  private readonly regions = new Map<string, Named>();
  private readonly regionsWithBands = new Set<string>();
  private readonly levelCompanies = new Map<string, Named>();
  /** The guides whose mapping names each outside company (level-links.ts), and its distinct levels. */
  private readonly levelLinks = new Map<string, LevelLinks>();
  /** phrase key -> entities, with whether the phrase is the entity's own name or an alias. */
  private readonly phrases = new Map<string, { entity: Entity; alias: boolean }[]>();
  private readonly typos = new TypoDictionary<Entity>();
  /** "Did you mean" over every phrase (fuse.js), built by `warm` or on the first suggestion. */
  private readonly suggester = new Suggester<Entity>(() =>
    [...this.phrases.entries()].flatMap(([phrase, list]) =>
      list.map(({ entity }) => ({ phrase, value: entity })),
    ),
  );
  private maxPhraseWords = 1;
  /** The first word of every phrase: no phrase starts at any other word of a question (see startsPhrase). */
  private readonly firstWords = new Set<string>();
  /** Build-time memos: names already indexed (re-adding one changes nothing), so 50k guides build fast. */
  private readonly seenRegionNames = new Set<string>();
  private readonly seenAliases = new Set<string>();
  private readonly levelCompanyKeys = new Map<string, string>();
  /** Level mappings read with the catalogue's company names (see equivalencesOf). */
  private readonly catalogue: CatalogueSplit;
  /** Guides whose equivalences read differently once the catalogue's names are known. */
  private readonly equivalencesById = new Map<string, readonly LevelEquivalence[]>();
  /** Packed guides' decodes: what was done per string of each (decode-memo.ts), and one guide's spans. */
  private readonly memos = new DecodeMemos();
  private readonly spans: GuideRefSpans = noRefSpans();
  private readonly memoTargets: MemoTargets = {
    bandRegion: (region) => this.addBandRegion(region),
    bandSlug: (slug) => this.regionsWithBands.add(slug),
    mayResplit: (company) => this.catalogue.mayResplit(company),
    linksOf: (company) => this.linksOf(company),
  };

  /** `build` false: an empty shell for `built` to fill in slices. */
  constructor(guides: readonly Guide[], build = true) {
    this.list = [...guides];
    // `built` records the names itself, in slices: 50,000 guides' took about 11 ms.
    this.catalogue = new CatalogueSplit(build ? this.list : []);
    if (!build) return;
    for (let i = 0; i < this.list.length; i++) this.addGuide(this.list[i]!, i);
    this.addRegionAliases();
  }

  /**
   * The same index as `new SearchIndex(guides)` followed by `warm()`, built in slices (runtime/slices.ts: at
   * most `slice` guides, then phrases, then positions, each) with the event loop free in between: a hot reload
   * that has to rebuild never holds up the questions being answered meanwhile, nor the first typo after it.
   */
  static async built(guides: readonly Guide[], slice = 2_000): Promise<SearchIndex> {
    const index = new SearchIndex(guides, false);
    const list = index.list;
    const clock = new Slice(slice);
    for (let i = 0; i < list.length; i++) {
      index.catalogue.add(list[i]!);
      if (clock.full()) await clock.next();
    }
    for (let i = 0; i < list.length; i++) {
      index.addGuide(list[i]!, i);
      if (clock.full()) await clock.next();
    }
    await clock.next();
    index.addRegionAliases();
    await index.warmInSlices(slice);
    return index;
  }

  private addRegionAliases(): void {
    for (const [display, aliases] of Object.entries(REGION_ALIASES)) {
      const region = this.addRegion(display);
      for (const alias of aliases) this.addPhrase(alias, region, true);
    }
    // A country names each of its regions: one phrase, several region hits, in the order listed.
    for (const country of COUNTRIES) {
      for (const phrase of country.phrases) {
        for (const display of country.regions) this.addPhrase(phrase, this.addRegion(display), true);
      }
    }
  }

  /** Every guide, in the order given (file order). */
  get guides(): readonly Guide[] {
    return this.list;
  }

  get guideCount(): number {
    return this.list.length;
  }

  /**
   * Hot reload without a rebuild. When every change replaces a guide of this index by one of the same file
   * that adds exactly the same names and levels (an edit of figures, dates, sources: `namesOf` is equal), each
   * new guide takes its old one's places, all in one synchronous step: the index is then the same as one
   * built from scratch over the new guides. Otherwise (a guide added, removed or renamed…) nothing is
   * changed and false is returned: the caller builds a new index.
   */
  replaceInPlace(changes: readonly { before: Guide | null; after: Guide | null }[]): boolean {
    const swaps = new Map<Guide, Guide>();
    for (const { before, after } of changes) {
      if (
        !before ||
        !after ||
        this.list[this.positions().get(before.id) ?? -1] !== before ||
        swaps.has(before)
      )
        return false;
      if (after.file !== before.file) return false;
      const split = (g: Guide, record: boolean) => this.splitWithCatalogue(g, record);
      if (namesOf(after, split(after, false)) !== namesOf(before, this.equivalencesOf(before))) return false;
      swaps.set(before, after);
    }
    const positions = this.positions();
    const at = (g: Guide) => positions.get(g.id)!;
    for (const [before, after] of swaps) {
      // The same id (namesOf is equal), so the same position.
      const position = at(before);
      this.list[position] = after;
      replaceAt(this.byCompany.get(before.company)!, position, at, after);
      replaceAt(this.byRole.get(before.role)!, position, at, after);
      this.equivalencesById.delete(before.id);
      // The same equivalences as before (namesOf is equal): the level links name the guide by its position,
      // which it keeps; only its re-split equivalences, if any, are recorded again.
      this.splitWithCatalogue(after, true);
    }
    return true;
  }

  /** The guide of `company` and `role` (one at most: the loader and the library keep the first of an id). */
  guide(company: string, role: string): Guide | undefined {
    const guides = this.byCompany.get(company);
    if (guides) for (const guide of guides) if (guide.role === role) return guide;
    return undefined;
  }

  /** Whether the guides' positions are mapped yet (for tests: not by the build, by `warmInSlices`). */
  get positionsMapped(): boolean {
    return this.byId !== null;
  }

  /** `byId`, built now if it is not yet. */
  private positions(): ShardedMap<number> {
    this.byId ??= this.mapPositions(new ShardedMap(), 0, this.list.length);
    return this.byId;
  }

  /** Maps the ids of `list[from..to)` to their positions in `byId`; returns it. */
  private mapPositions(byId: ShardedMap<number>, from: number, to: number): ShardedMap<number> {
    for (let i = from; i < to; i++) byId.set(this.list[i]!.id, i);
    return byId;
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

  /**
   * Guides whose level mapping names `company` (a folded name), in guide-list order: those whose level
   * `accepts` (all by default), at most `limit` of them.
   */
  levelLinksOf(
    company: string,
    accepts: (level: string) => boolean = () => true,
    limit = Infinity,
  ): LevelLink[] {
    const links = this.levelLinks.get(company);
    if (links === undefined) return [];
    return links.find(accepts, limit).map(({ position, company: spelled, level }) => ({
      guide: this.list[position]!,
      equivalence: { company: spelled, level },
    }));
  }

  /**
   * A guide's level equivalences, with company names split knowing the catalogue's companies: a guide's
   * mapping "Contoso Labs Einstein" names Contoso Labs when the catalogue has a Contoso Labs guide.
   */
  equivalencesOf(guide: Guide): readonly LevelEquivalence[] {
    return this.equivalencesById.get(guide.id) ?? equivalencesOf(guide);
  }

  /** The distinct level texts some guide maps at an outside company ("google" -> {"L4-L5 ML", "L5"}). */
  levelTextsOf(company: string): ReadonlySet<string> {
    return this.levelLinks.get(company)?.levels ?? EMPTY_SET;
  }

  /** Sorted companies with their guides, for the catalogue. */
  listCompanies(): { company: Named; guides: readonly Guide[] }[] {
    return [...this.companies.values()]
      .sort((a, b) => a.display.localeCompare(b.display))
      .map((company) => ({ company, guides: this.byCompany.get(company.key)! }));
  }

  get longestPhrase(): number {
    return this.maxPhraseWords;
  }

  /**
   * Whether some phrase (name or alias) begins with this word: when not, `exact` finds nothing for any phrase
   * that begins with it, and a parser can skip them all.
   */
  startsPhrase(word: string): boolean {
    return this.firstWords.has(word);
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

  /**
   * Builds what the first typo or "did you mean" would otherwise build while a user waits: the typo
   * dictionary's sorted postings (about 25 ms at 50,000 guides) and, unless `suggestions` is false, "did you
   * mean" (suggester.ts: fuse.js loaded, every phrase kept as codes for match-bound.ts). Called once at start, before the
   * first question.
   */
  warm({ suggestions = true }: { suggestions?: boolean } = {}): void {
    this.typos.prepare();
    if (suggestions) this.suggester.build();
  }

  /** Whether `warm` has nothing left to build (for tests). */
  get warmed(): boolean {
    return this.suggester.built && this.typos.unsorted === 0;
  }

  /**
   * `warm`, "did you mean" a slice of phrases at a time with the event loop free in between (see
   * `SearchIndex.built`, and CompBot.warmUp after start; slices of at most `slice` items, runtime/slices.ts).
   * The same result; then the guides' positions, in slices too.
   */
  async warmInSlices(slice = 2_000): Promise<void> {
    const clock = new Slice(slice);
    await clock.next();
    await runStepsInSlices(this.typos.prepareSteps(), clock);
    await this.suggester.buildInSlices(clock);
    // Positions do not move once the index is built (an in-place replacement keeps each id's), so a map
    // built across turns is right; one that `positions` built meanwhile is kept.
    // Sharded (text/sharded-map.ts): one Map of 50,000 ids grew past 32,768 in one step of about 10 ms.
    const byId = new ShardedMap<number>();
    await clock.next();
    for (let i = 0; i < this.list.length && this.byId === null; i++) {
      byId.set(this.list[i]!.id, i);
      if (clock.full()) await clock.next();
    }
    this.byId ??= byId;
  }

  /** "Did you mean": ranked candidates for a phrase that matched nothing, loosely (fuse.js). */
  suggest(phrase: string, kinds: readonly EntityKind[], limit = 5): EntityHit[] {
    if (phrase.trim().length < 2) return [];
    const seen = new Set<string>();
    const hits: EntityHit[] = [];
    for (const result of this.suggester.search(phrase, limit * 8)) {
      const entity = result.value;
      if (!kinds.includes(entity.kind)) continue;
      if (entity.kind === "region" && !this.regionsWithBands.has(entity.key)) continue;
      const id = entityId(entity);
      if (seen.has(id)) continue;
      seen.add(id);
      hits.push({ entity, phrase: result.phrase, distance: -1, score: result.score, via: "fuzzy" });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** Adds `guide`, `list[position]`. */
  private addGuide(guide: Guide, position: number): void {
    push(this.byCompany, guide.company, guide);
    push(this.byRole, guide.role, guide);

    if (!this.companies.has(guide.company)) {
      this.companies.set(guide.company, { key: guide.company, display: guide.companyDisplay });
      const company: Entity = { kind: "company", key: guide.company, display: guide.companyDisplay };
      this.addPhrase(guide.company, company, false);
      this.addPhrase(guide.companyDisplay, company, false);
    }
    for (const alias of stringList(guide.extra.company_aliases)) {
      const seen = `company\0${guide.company}\0${alias}`;
      if (this.seenAliases.has(seen)) continue;
      this.seenAliases.add(seen);
      this.addPhrase(alias, { kind: "company", key: guide.company, display: guide.companyDisplay }, true);
    }

    if (!this.roles.has(guide.role)) {
      this.roles.set(guide.role, { key: guide.role, display: guide.roleDisplay });
      const role: Entity = { kind: "role", key: guide.role, display: guide.roleDisplay };
      this.addPhrase(guide.role, role, false);
      this.addPhrase(guide.roleDisplay, role, false);
      for (const variant of roleVariants(guide.roleDisplay)) this.addPhrase(variant, role, true);
    }
    for (const alias of stringList(guide.extra.role_aliases)) {
      const seen = `role\0${guide.role}\0${alias}`;
      if (this.seenAliases.has(seen)) continue;
      this.seenAliases.add(seen);
      this.addPhrase(alias, { kind: "role", key: guide.role, display: guide.roleDisplay }, true);
    }

    if (refSpansOf(guide, this.spans)) {
      const memo = this.memos.of(this.spans.strings);
      memo.addBands(this.spans, this.memoTargets);
      if (memo.addLinks(position, this.spans, this.memoTargets)) return;
    } else {
      for (const band of guide.bands) {
        this.addBandRegion(band.region);
        this.regionsWithBands.add(band.regionSlug);
      }
    }
    for (const equivalence of this.splitWithCatalogue(guide)) {
      this.linksOf(equivalence.company).add(position, equivalence.company, equivalence.level);
    }
  }

  private addBandRegion(region: string): void {
    if (this.seenRegionNames.has(region)) return;
    this.seenRegionNames.add(region);
    this.addRegion(region);
  }

  /** The links under an outside company as a mapping spells it (the company known from then on). */
  private linksOf(spelled: string): LevelLinks {
    let key = this.levelCompanyKeys.get(spelled);
    if (key === undefined) {
      key = fold(spelled);
      this.levelCompanyKeys.set(spelled, key);
    }
    if (!this.levelCompanies.has(key)) {
      this.levelCompanies.set(key, { key, display: spelled });
      this.addPhrase(spelled, { kind: "level-company", key, display: spelled }, false);
    }
    let links = this.levelLinks.get(key);
    if (links === undefined) {
      links = new LevelLinks();
      this.levelLinks.set(key, links);
    }
    return links;
  }

  /** The guide's equivalences read with the catalogue's names; recorded (`record`) when they read otherwise. */
  private splitWithCatalogue(guide: Guide, record = true): readonly LevelEquivalence[] {
    const original = equivalencesOf(guide);
    const split = this.catalogue.split(original);
    if (record && split !== original) this.equivalencesById.set(guide.id, split);
    return split;
  }

  private addRegion(display: string): Entity {
    const key = slugify(display);
    if (!this.regions.has(key)) this.regions.set(key, { key, display });
    const region: Entity = { kind: "region", key, display: this.regions.get(key)!.display };
    // The slug's words are the display name's words: the display name's phrase names it by its slug too.
    this.addPhrase(display, region, false);
    return region;
  }

  private addPhrase(text: string, entity: Entity, alias: boolean): void {
    const phrase = phraseKey(text);
    if (!phrase) return;
    const list = this.phrases.get(phrase) ?? [];
    if (list.some((item) => entityId(item.entity) === entityId(entity))) return;
    list.push({ entity, alias });
    this.phrases.set(phrase, list);
    const space = phrase.indexOf(" ");
    this.firstWords.add(space === -1 ? phrase : phrase.slice(0, space));
    this.maxPhraseWords = Math.max(this.maxPhraseWords, phrase.split(" ").length);
    this.typos.add(phrase, entity);
    this.suggester.reset();
  }
}

/** Everything of a guide that decides the names and lists it adds to the index (see replaceInPlace). */
function namesOf(g: Guide, equivalences: readonly LevelEquivalence[]): string {
  return JSON.stringify([
    g.id,
    g.company,
    g.companyDisplay,
    g.role,
    g.roleDisplay,
    stringList(g.extra.company_aliases),
    stringList(g.extra.role_aliases),
    g.bands.map((b) => [b.region, b.regionSlug]),
    equivalences.map((q) => [q.company, q.level]),
  ]);
}

/**
 * Puts `after` in the place of the guide at `position` in a list of guides in guide-list order (the
 * per-company and per-role lists are; replacing a guide in place keeps its position).
 */
function replaceAt(list: Guide[], position: number, positionOf: (g: Guide) => number, after: Guide): void {
  list[lowerBound(list, position, positionOf)] = after;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A frontmatter field that holds a name or a list of names: its names (anything else in it is ignored). */
function stringList(value: unknown): readonly string[] {
  // Most guides have no aliases: no arrays are made for them (called twice per guide at every build).
  if (value === undefined) return NO_NAMES;
  if (typeof value === "string") return [value];
  return [value].flat().filter((v): v is string => typeof v === "string");
}
const NO_NAMES: readonly string[] = Object.freeze([]);
