/**
 * The catalogue as people browse it (Slack-free): pickers that search as the user types, the catalogue's
 * freshness, and suggested prompts that run real questions. Everything is plain data built from the loaded
 * guides; the Slack side turns it into options, a Home view or `assistant.threads.setSuggestedPrompts`.
 *
 * Pickers never walk the whole catalogue: each distinct company and role name is indexed once per set of guides
 * (a sorted list of name words, built on first use and dropped with the guides on reload), and a search is a
 * binary search for the first typed word followed by a bounded scan.
 */
import type { Band, Guide } from "../guides/types.ts";
import { words } from "../text/normalize.ts";
import { lowerBound } from "../text/sorted.ts";

export interface PickOption {
  /** What the picker sends back: a company slug, a role slug, a region slug, or `<company>/<role>`. */
  value: string;
  label: string;
}

export interface Freshness {
  guides: number;
  /** Guides whose next review date is before today. */
  overdue: number;
  /** The most recent `last_updated` (YYYY-MM-DD), or null without guides. */
  newestUpdate: string | null;
}

/** A suggested prompt: a button title and the question it sends. */
export interface Prompt {
  title: string;
  message: string;
}

/** Candidates scanned at most per search (a very common first word cannot make a search slow). */
const SCAN_LIMIT = 5_000;

interface Named {
  key: string;
  display: string;
  words: string[];
  guides: Guide[];
}

interface Browse {
  companies: Map<string, Named>;
  /** [word, entry] for every word of every company name and slug, sorted by word. */
  companyWords: [string, Named][];
  roleWords: [string, Named][];
  freshness: Map<string, Freshness>;
}

const cache = new WeakMap<readonly Guide[], Browse>();

function named(map: Map<string, Named>, key: string, display: string, guide: Guide): void {
  const found = map.get(key);
  if (found) {
    found.guides.push(guide);
    return;
  }
  map.set(key, { key, display, words: [...new Set([...words(display), ...words(key)])], guides: [guide] });
}

function wordList(map: Map<string, Named>): [string, Named][] {
  const out = [...map.values()].flatMap((entry) => entry.words.map((w): [string, Named] => [w, entry]));
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function browseOf(guides: readonly Guide[]): Browse {
  const cached = cache.get(guides);
  if (cached) return cached;
  const companies = new Map<string, Named>();
  const roles = new Map<string, Named>();
  for (const g of guides) {
    named(companies, g.company, g.companyDisplay, g);
    named(roles, g.role, g.roleDisplay, g);
  }
  const browse: Browse = {
    companies,
    companyWords: wordList(companies),
    roleWords: wordList(roles),
    freshness: new Map(),
  };
  cache.set(guides, browse);
  return browse;
}

/** [from, to) of the entries whose word starts with `prefix`. */
function prefixRange(list: [string, Named][], prefix: string): [number, number] {
  const word = ([w]: [string, Named]) => w;
  return [lowerBound(list, prefix, word), lowerBound(list, `${prefix}\uffff`, word)];
}

/** Entries with a word starting with `prefix` (binary search, then a bounded scan), each once. */
function byWordPrefix(list: [string, Named][], prefix: string): Named[] {
  const [from, to] = prefixRange(list, prefix);
  const out = new Set<Named>();
  for (let i = from; i < to && i < from + SCAN_LIMIT; i++) out.add(list[i]![1]);
  return [...out];
}

/**
 * The typed word that narrows the search most (fewest candidates start with it), so "company 9999" looks up 9999.
 * `size` is how many candidates an entry stands for: 1 a company for the company picker, its guides for the guide
 * picker (one role word stands for every guide of that role, so "designer 9999" looks up 9999 too).
 */
function mostSelective(
  typed: readonly string[],
  lists: [string, Named][][],
  size: (entry: Named) => number = () => 1,
): string | undefined {
  let best: string | undefined;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const w of typed) {
    let count = 0;
    for (const list of lists) {
      const [from, to] = prefixRange(list, w);
      for (let i = from; i < to; i++) count += size(list[i]![1]);
    }
    if (count < bestCount) {
      best = w;
      bestCount = count;
    }
  }
  return best;
}

/** Every typed word starts some word of `names`. */
function matchesAll(typed: readonly string[], names: readonly string[]): boolean {
  return typed.every((t) => names.some((w) => w.startsWith(t)));
}

const byDisplay = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

/** Companies whose name matches what was typed (all of them, A–Z, when nothing was typed), at most `limit`. */
export function pickCompanies(guides: readonly Guide[], typed: string, limit = 100): PickOption[] {
  const b = browseOf(guides);
  const t = words(typed);
  const key = mostSelective(t, [b.companyWords]);
  const candidates =
    key === undefined
      ? [...b.companies.values()].slice(0, SCAN_LIMIT)
      : byWordPrefix(b.companyWords, key).filter((c) => matchesAll(t, c.words));
  return candidates
    .map((c) => ({ value: c.key, label: c.display }))
    .sort(byDisplay)
    .slice(0, limit);
}

/** The roles of one company that match what was typed. */
export function pickRoles(
  guides: readonly Guide[],
  company: string,
  typed: string,
  limit = 100,
): PickOption[] {
  const found = browseOf(guides).companies.get(company);
  if (!found) return [];
  const t = words(typed);
  return found.guides
    .filter((g) => matchesAll(t, [...words(g.roleDisplay), ...words(g.role)]))
    .map((g) => ({ value: g.role, label: g.roleDisplay }))
    .sort(byDisplay)
    .slice(0, limit);
}

function bandLabel(band: Band): string {
  return `${band.region} · ${band.currency}`;
}

/** The regions of one guide that match what was typed. */
export function pickRegions(
  guides: readonly Guide[],
  company: string,
  role: string,
  typed: string,
  limit = 100,
): PickOption[] {
  const guide = browseOf(guides)
    .companies.get(company)
    ?.guides.find((g) => g.role === role);
  if (!guide) return [];
  const t = words(typed);
  return guide.bands
    .filter((band) => matchesAll(t, [...words(band.region), ...words(band.regionSlug)]))
    .map((band) => ({ value: band.regionSlug, label: bandLabel(band) }))
    .slice(0, limit);
}

/**
 * Guides (`<company>/<role>`) whose names match every typed word; the candidates come from the most selective
 * word (a company or role name starting with it), scanned up to SCAN_LIMIT.
 */
export function pickGuides(guides: readonly Guide[], typed: string, limit = 100): PickOption[] {
  const b = browseOf(guides);
  const t = words(typed);
  const key = mostSelective(t, [b.companyWords, b.roleWords], (entry) => entry.guides.length);
  const pool =
    key === undefined
      ? [...b.companies.values()].slice(0, limit).flatMap((c) => c.guides)
      : [
          ...byWordPrefix(b.companyWords, key).flatMap((c) => c.guides),
          ...byWordPrefix(b.roleWords, key).flatMap((r) => r.guides),
        ];
  const seen = new Set<string>();
  const out: PickOption[] = [];
  for (let i = 0; i < pool.length && i < SCAN_LIMIT && out.length < limit; i++) {
    const g = pool[i]!;
    if (seen.has(g.id)) continue;
    seen.add(g.id);
    const names = [
      ...words(g.companyDisplay),
      ...words(g.company),
      ...words(g.roleDisplay),
      ...words(g.role),
    ];
    if (matchesAll(t, names)) out.push({ value: g.id, label: `${g.companyDisplay} · ${g.roleDisplay}` });
  }
  return out.sort(byDisplay);
}

/** How many guides, how many overdue for review on `today`, and the newest update (computed once a day). */
export function freshness(guides: readonly Guide[], today: string): Freshness {
  const b = browseOf(guides);
  const cached = b.freshness.get(today);
  if (cached) return cached;
  let overdue = 0;
  let newestUpdate: string | null = null;
  for (const g of guides) {
    if (g.nextReviewDue < today) overdue++;
    if (newestUpdate === null || g.lastUpdated > newestUpdate) newestUpdate = g.lastUpdated;
  }
  const result = { guides: guides.length, overdue, newestUpdate };
  b.freshness.clear();
  b.freshness.set(today, result);
  return result;
}

/** A round figure inside the band's base range, as people write it ("150k"). */
function roundBase(band: Band): string {
  const mid = (band.base.low + band.base.high) / 2;
  return `${Math.max(1, Math.round(mid / 1000))}k`;
}

/**
 * Up to four prompts that run real questions on a guide from the catalogue (a band, an offer check, a level
 * lookup, a script), or general ones (help, the list) when no guide has a band.
 */
export function suggestedPrompts(guides: readonly Guide[]): Prompt[] {
  const guide = guides.find((g) => g.bands.length > 0);
  if (guide === undefined) {
    return [
      { title: "What can you answer?", message: "help" },
      { title: "Which guides are there?", message: "list" },
    ];
  }
  const band = guide.bands[0]!;
  const words = `${guide.company} ${guide.role}`;
  const who = `${guide.roleDisplay} at ${guide.companyDisplay}`;
  return [
    { title: `Band: ${who}, ${band.region}`, message: `${words} ${band.regionSlug}` },
    {
      title: `Check an offer: ${who}`,
      message: `offer ${words} ${band.regionSlug} base ${roundBase(band)}`,
    },
    { title: `Level mapping: ${who}`, message: `level ${words}` },
    { title: `Negotiation script: ${who}`, message: `script ${words}` },
  ];
}
