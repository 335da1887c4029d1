/**
 * Synthetic guide catalogues for the benchmark, from a seeded PRNG (same seed + size → same bytes).
 *
 * - `generateCorpus` writes N guides in the real layout (guides/<company>/<role>.md) and format (the seed
 *   guide's frontmatter fields, a 3–4 KB body with a comp table, levers, a Negotiate Up script, evidence),
 *   a few percent stored as mojibake (UTF-8 read as Windows-1252, like the seed) and, optionally, a few
 *   broken files; plus a labelled query set (known answers, and names that do not exist).
 * - `ensureCorpus` keeps generated corpora in os.tmpdir(), keyed by seed, size and generator version.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Bump when the output changes, so cached corpora in the temp dir are not reused. */
export const GENERATOR_VERSION = 4;

// ---------------------------------------------------------------------------------------------- PRNG

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
  /** `k` distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, k);
  }
}

// ------------------------------------------------------------------------------------------ vocabulary

export interface RoleDef {
  display: string;
  slug: string;
}

export const ROLES: readonly RoleDef[] = [
  "Software Engineer",
  "Backend Engineer",
  "Frontend Engineer",
  "Full Stack Engineer",
  "Mobile Engineer",
  "iOS Engineer",
  "Android Engineer",
  "ML/AI Engineer",
  "Data Scientist",
  "Data Engineer",
  "Data Analyst",
  "Analytics Engineer",
  "Product Manager",
  "Technical Program Manager",
  "Engineering Manager",
  "Product Designer",
  "UX Researcher",
  "Site Reliability Engineer",
  "DevOps Engineer",
  "Security Engineer",
  "Platform Engineer",
  "Infrastructure Engineer",
  "Solutions Architect",
  "Sales Engineer",
  "Account Executive",
  "Customer Success Manager",
  "Product Marketing Manager",
  "Research Scientist",
  "Applied Scientist",
  "QA Engineer",
  "Embedded Engineer",
  "Hardware Engineer",
  "Staff Engineer",
  "Principal Engineer",
  "Director of Engineering",
  "Technical Writer",
  "Developer Advocate",
  "Recruiter",
  "Business Analyst",
  "Financial Analyst",
].map((display) => ({ display, slug: slug(display) }));

export interface RegionDef {
  name: string;
  slug: string;
  currency: string;
  /** Multiplier from the USD figures of a San Francisco band. */
  factor: number;
  symbol: string;
  /** Relative frequency. */
  weight: number;
  aliases: readonly string[];
}

const REGION_DATA: ReadonlyArray<[string, string, number, string, number, string[]]> = [
  ["San Francisco", "USD", 1, "$", 30, ["sf", "bay area", "san fran"]],
  ["New York", "USD", 0.97, "$", 26, ["nyc", "new york city"]],
  ["London", "GBP", 0.7, "£", 22, ["ldn", "uk"]],
  ["Seattle", "USD", 0.95, "$", 14, ["sea"]],
  ["Austin", "USD", 0.85, "$", 8, ["atx"]],
  ["Boston", "USD", 0.9, "$", 8, []],
  ["Los Angeles", "USD", 0.9, "$", 7, []],
  ["Chicago", "USD", 0.82, "$", 6, []],
  ["Denver", "USD", 0.8, "$", 4, []],
  ["Remote", "USD", 0.8, "$", 10, []],
  ["Toronto", "CAD", 0.95, "C$", 7, ["yyz"]],
  ["Vancouver", "CAD", 0.92, "C$", 4, []],
  ["Berlin", "EUR", 0.55, "€", 9, []],
  ["Munich", "EUR", 0.58, "€", 4, []],
  ["Amsterdam", "EUR", 0.6, "€", 6, []],
  ["Paris", "EUR", 0.55, "€", 5, []],
  ["Dublin", "EUR", 0.62, "€", 5, []],
  ["Madrid", "EUR", 0.45, "€", 3, []],
  ["Zurich", "CHF", 0.9, "CHF ", 4, []],
  ["Stockholm", "SEK", 6.5, "SEK ", 3, []],
  ["Warsaw", "PLN", 1.6, "PLN ", 3, []],
  ["Tel Aviv", "ILS", 2.4, "₪", 4, []],
  ["Bangalore", "INR", 22, "₹", 6, ["bengaluru"]],
  ["Singapore", "SGD", 1.05, "S$", 5, []],
  ["Sydney", "AUD", 1.1, "A$", 4, []],
  ["Tokyo", "JPY", 95, "¥", 4, []],
  ["Sao Paulo", "BRL", 2.3, "R$", 3, []],
];

export const REGIONS: readonly RegionDef[] = REGION_DATA.map(
  ([name, currency, factor, symbol, weight, aliases]) => ({
    name,
    slug: slug(name),
    currency,
    factor,
    symbol,
    weight,
    aliases,
  }),
);

const SYLLABLES_A = [
  "al",
  "ar",
  "bel",
  "bra",
  "cal",
  "cor",
  "dan",
  "del",
  "el",
  "fen",
  "gal",
  "hal",
  "in",
  "jor",
  "kal",
  "kor",
  "lum",
  "mar",
  "mer",
  "nor",
  "nov",
  "or",
  "pal",
  "per",
  "quan",
  "ral",
  "ros",
  "sal",
  "sen",
  "sol",
  "tal",
  "tor",
  "ul",
  "val",
  "ven",
  "vor",
  "wil",
  "zen",
  "ast",
  "bri",
  "cas",
  "dor",
  "ev",
  "fal",
  "gar",
  "hel",
  "ist",
  "lin",
  "mon",
  "nex",
  "oc",
  "pri",
  "rin",
  "sty",
  "tri",
  "ver",
  "xan",
  "yor",
];
const SYLLABLES_B = ["a", "e", "i", "o", "u", "ea", "io", "ia", "ae", "ou"];
const SYLLABLES_C = [
  "tix",
  "ra",
  "nix",
  "da",
  "lo",
  "vex",
  "tra",
  "phy",
  "ly",
  "mo",
  "sys",
  "net",
  "go",
  "rix",
  "ma",
  "dex",
  "na",
  "tic",
  "ro",
  "va",
  "lis",
  "ton",
  "gen",
  "dia",
  "mix",
  "zo",
  "bit",
  "quo",
  "lar",
  "ven",
  "sta",
];
const SUFFIXES = [
  "Labs",
  "Systems",
  "Robotics",
  "Health",
  "Cloud",
  "Networks",
  "Bio",
  "Energy",
  "Capital",
  "Games",
  "Logistics",
  "Mobility",
  "Technologies",
  "Works",
  "Dynamics",
  "Foods",
  "Media",
  "Motors",
];
/** Accented letters some display names carry (so mojibake and folding are exercised). */
const ACCENTED: ReadonlyArray<[string, string]> = [
  ["e", "é"],
  ["o", "ö"],
  ["a", "å"],
  ["u", "ü"],
];

/** Words a made-up company or role must not be (they mean something to the question parser). */
const RESERVED = new Set(
  `a an the and or but for at in on of to from with by as is are was be what which who how much many does do can
  tell show give get need want about comp compensation salary pay band range total base stock rsu equity bonus
  package offer data guide market role job level levels script negotiate list help remote us uk sea atx sf nyc
  ldn mle swe sde pm em sre ml ai la ny lon ber ams dub sto chi den bos`.split(/\s+/),
);

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Folded words joined by spaces, as names are compared. */
export function phrase(text: string): string {
  return slug(text).replace(/-/g, " ");
}

/** Levenshtein with adjacent transpositions (OSA), stopping early past `limit`. Independent of src/. */
export function distance(a: string, b: string, limit = 99): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let pp: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, pp[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    pp = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

export interface CompanyDef {
  display: string;
  slug: string;
  aliases: string[];
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** About `count` plausible company names (unique base words; some multi-word, some with aliases). */
export function makeCompanies(rng: Rng, count: number): CompanyDef[] {
  const out: CompanyDef[] = [];
  const bases = new Set<string>();
  const roleWords = new Set(ROLES.flatMap((r) => phrase(r.display).split(" ")));
  const regionPhrases = REGIONS.flatMap((r) => [phrase(r.name), ...r.aliases]);
  let guard = 0;
  while (out.length < count && guard++ < count * 50) {
    let base = rng.pick(SYLLABLES_A) + rng.pick(SYLLABLES_B) + rng.pick(SYLLABLES_C);
    if (rng.chance(0.25)) base = rng.pick(SYLLABLES_A) + rng.pick(SYLLABLES_C);
    if (base.length < 5 || bases.has(base) || RESERVED.has(base) || roleWords.has(base)) continue;
    if (regionPhrases.some((r) => distance(base, r, 2) <= 2)) continue;
    bases.add(base);
    let word = cap(base);
    if (rng.chance(0.04)) {
      const [plain, accented] = rng.pick(ACCENTED);
      const at = word.indexOf(plain, 1);
      if (at > 0) word = word.slice(0, at) + accented + word.slice(at + 1);
    }
    const multi = rng.chance(0.3);
    const display = multi ? `${word} ${rng.pick(SUFFIXES)}` : word;
    const aliases: string[] = [];
    if (multi && rng.chance(0.5)) aliases.push(word);
    else if (!multi && rng.chance(0.08)) aliases.push(`${word} Inc`);
    out.push({ display, slug: slug(display), aliases });
  }
  return out;
}

// ------------------------------------------------------------------------------------------- guides

export interface GuideSpec {
  company: CompanyDef;
  role: RoleDef;
  regions: RegionDef[];
  file: string;
  /** A broken file (schema or YAML error): it has no guide, and queries never ask for it. */
  broken: boolean;
  mojibake: boolean;
}

function weightedRegions(rng: Rng, k: number): RegionDef[] {
  const chosen: RegionDef[] = [];
  const pool = [...REGIONS];
  while (chosen.length < k) {
    const total = pool.reduce((s, r) => s + r.weight, 0);
    let x = rng.float() * total;
    let i = 0;
    for (; i < pool.length - 1; i++) {
      x -= pool[i]!.weight;
      if (x < 0) break;
    }
    chosen.push(pool.splice(i, 1)[0]!);
  }
  return chosen;
}

const round = (n: number, step: number) => Math.round(n / step) * step;

function money(region: RegionDef, n: number): string {
  if (n >= 1_000_000) return `${region.symbol}${(n / 1_000_000).toFixed(2)}M`;
  return `${region.symbol}${Math.round(n / 1000)}K`;
}

const LEVER_TITLES = [
  "Competing Offer",
  "Scarce Skill Set",
  "Revenue Impact",
  "Retention Risk",
  "Platform Ownership",
  "Market Expansion",
  "Signing Bonus Gap",
  "Equity Refresh",
  "Launch Timing",
  "Team Leadership",
];
const THEMES = [
  "payments infrastructure",
  "customer data",
  "developer tooling",
  "observability",
  "logistics optimisation",
  "digital health",
  "fraud detection",
  "marketplace growth",
  "autonomous systems",
  "cloud security",
  "generative AI products",
  "energy trading",
];
const OTHER_COMPANIES = [
  "Google",
  "Meta",
  "Amazon",
  "Microsoft",
  "Apple",
  "Stripe",
  "Airbnb",
  "Netflix",
  "Uber",
];

function guideText(rng: Rng, spec: GuideSpec): string {
  const { company, role } = spec;
  const seniority = 0.75 + rng.float() * 0.6;
  const bonus = rng.pick([0, 5, 8, 10, 10, 12, 15, 20]);
  const bonusHigh = bonus + rng.pick([0, 5]);
  const bands = spec.regions.map((region) => {
    const f = region.factor * seniority;
    const baseLow = round(150_000 * f * (0.9 + rng.float() * 0.2), 1000);
    const baseHigh = round(baseLow * (1.15 + rng.float() * 0.15), 1000);
    const stockLow = round(80_000 * f * rng.float() * 2, 1000);
    const stockHigh = round(stockLow * (1.4 + rng.float() * 0.6), 1000);
    const totalLow = round(baseLow + stockLow / 4 + (baseLow * bonus) / 100, 1000);
    const totalHigh = round(baseHigh + stockHigh / 4 + (baseHigh * bonusHigh) / 100, 1000);
    return { region, baseLow, baseHigh, stockLow, stockHigh, totalLow, totalHigh };
  });
  const year = rng.pick([2025, 2026]);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const pad = (n: number) => String(n).padStart(2, "0");
  const lastUpdated = `${year}-${pad(month)}-${pad(day)}`;
  const reviewMonth = month + 3 > 12 ? month - 9 : month + 3;
  const nextReview = `${month + 3 > 12 ? year + 1 : year}-${pad(reviewMonth)}-${pad(day)}`;
  const theme = rng.pick(THEMES);
  const others = rng.sample(OTHER_COMPANIES, 3);
  const dna = `${rng.pick(["Top-Tier", "Cash-Heavy", "Equity-Led", "Balanced"])} ${company.display} ${rng.pick(["RSU", "Options", "Cash"])} + Signing Bonus | ${cap(theme)} ${year}`;
  const bonusText = bonus === bonusHigh ? `${bonus}` : `"${bonus}-${bonusHigh}"`;

  const fm: string[] = [
    "---",
    `company: ${company.slug}`,
    `company_display: ${company.display}`,
    `role: ${role.slug}`,
    `role_display: ${role.display}`,
    `role_type: ${rng.pick(["standard", "standard", "standard", "specialist", "leadership"])}`,
    `last_updated: ${lastUpdated}`,
    `data_quality: ${rng.pick(["high", "high", "medium", "low"])}`,
    `salary_data_quarter: ${year - 1}-Q${rng.int(1, 4)}`,
    `next_review_due: ${nextReview}`,
  ];
  if (company.aliases.length > 0) {
    fm.push("company_aliases:");
    for (const alias of company.aliases) fm.push(`  - ${alias}`);
  }
  fm.push("compensation:");
  for (const b of bands) {
    fm.push(
      `  - region: ${b.region.name}`,
      `    base_low: ${b.baseLow}`,
      `    base_high: ${b.baseHigh}`,
      `    stock_low: ${b.stockLow}`,
      `    stock_high: ${b.stockHigh}`,
      `    bonus_pct: ${bonusText}`,
      `    total_comp_low: ${b.totalLow}`,
      `    total_comp_high: ${b.totalHigh}`,
      `    currency: ${b.region.currency}`,
    );
  }
  const levelRaw = `${company.display} ${role.display} = ${others[0]} L${rng.int(3, 6)} = ${others[1]} E${rng.int(3, 6)} = ${others[2]} IC${rng.int(2, 5)}`;
  fm.push(
    "level_mapping:",
    `  internal: ${rng.chance(0.5) ? "null" : `"${rng.pick(["Senior", "Staff", "Mid", "L2", "IC3"])}"`}`,
    `  raw: ${levelRaw}`,
    "data_sources:",
    "  - Levels.fyi",
  );
  if (rng.chance(0.5)) fm.push(`  - ${rng.pick(["Glassdoor", "Blind", "Recruiter calls", "Pave"])}`);
  fm.push(`negotiation_dna_summary: "${dna}"`, "---");

  const table = [
    "| Region | Base Salary | Stock (RSU/4yr) | Bonus | Total Comp |",
    "|--------|-------------|-----------------|-------|------------|",
    ...bands.map(
      (b) =>
        `| ${b.region.name} | ${money(b.region, b.baseLow)}–${money(b.region, b.baseHigh)} | ${money(b.region, b.stockLow)}–${money(b.region, b.stockHigh)} | ${bonus}–${bonusHigh}% | ${money(b.region, b.totalLow)}–${money(b.region, b.totalHigh)} |`,
    ),
  ];
  const levers = rng
    .sample(LEVER_TITLES, 4)
    .map(
      (title, i) =>
        `${i + 1}. **${title}:** "I bring ${theme} experience that ${company.display} needs right now — ${rng.pick(
          [
            "my offer should reflect that scarcity, not a generic benchmark.",
            "competing teams have made that clear in their numbers.",
            "the equity grant is where that value belongs.",
            "a signing bonus closes the gap with my current unvested equity.",
          ],
        )}"`,
    );
  const first = bands[0]!;
  const body = [
    `### ${role.display} | ${company.display} Global Negotiation Guide`,
    "",
    `**Negotiation DNA:** ${dna}`,
    "",
    ...table,
    "",
    "**Negotiation DNA**",
    "",
    `${company.display} ${role.display}s work on ${theme} — the part of the business that customers notice first and that leadership funds last. In ${year}, this role sits close to revenue, which gives candidates real leverage: teams are measured on shipping, and an unfilled seat costs more than a stronger offer.`,
    "",
    `${company.display} pays ${rng.pick(["competitive", "top-of-market", "solid", "above-median"])} equity with ${rng.pick(["annual refreshers", "a one-year cliff", "front-loaded vesting", "quarterly vesting"])}. Recruiters have room on stock and signing bonus; base bands are firmer — push where the flexibility is.`,
    "",
    `**Level Mapping:** ${levelRaw}`,
    "",
    `### ${rng.chance(0.3) ? "🏗️ " : ""}${cap(theme)} Lever`,
    "",
    `In ${year}, ${company.display}'s roadmap leans on ${theme}. ${role.display}s who have shipped in this space are rare — hiring managers know the search took months, and that a declined offer restarts it. Say it plainly and let the numbers follow.`,
    "",
    `Your work moves measurable outcomes — ${rng.pick(["conversion", "retention", "latency", "fraud losses", "margin"])} — and that is the language compensation committees respond to. Quantify it before the call.`,
    "",
    "**Global Levers**",
    "",
    ...levers,
    "",
    `> **Negotiate Up Strategy:** "I'd like ${money(first.region, first.stockHigh)} in RSUs over 4 years with a ${money(first.region, first.baseHigh)} base, ${bonusHigh}% bonus, and a ${money(first.region, round(first.baseLow * 0.15, 1000))} signing bonus. I'm bringing ${theme} experience that shortens your roadmap — I have competing offers at ${money(first.region, first.totalHigh)}+." Accept if above ${money(first.region, round((first.stockLow + first.stockHigh) / 2, 1000))} RSUs.`,
    "",
    "#### Evidence & Sources",
    `- [${company.display} — ${role.display} Hiring Plan ${year}]`,
    `- [${company.display} Comp — Levels.fyi ${year - 1}-${year}]`,
    `- [${cap(theme)} — Talent Market ${year}]`,
    `- [${role.display} — Compensation Benchmarks ${year}]`,
    "",
  ];
  let text = `${fm.join("\n")}\n${body.join("\n")}`;
  if (spec.broken) {
    // Alternate between a schema error, a YAML syntax error and a missing field.
    const kind = rng.int(0, 2);
    if (kind === 0) text = text.replace(/currency: [A-Z]{3}/, "currency: usd");
    else if (kind === 1) text = text.replace("data_sources:\n", "data_sources: [unclosed\n");
    else text = text.replace(/negotiation_dna_summary: .*\n/, "");
  }
  return text;
}

/** What a UTF-8 text looks like after its bytes were read as Windows-1252 (like the seed guide). */
export function toMojibake(text: string): string {
  return new TextDecoder("windows-1252").decode(new TextEncoder().encode(text));
}

// ------------------------------------------------------------------------------------------- queries

export interface LabelledQuery {
  text: string;
  /** What kind of question it is (exact, typo-company, alias-region, free-text, unknown-company…). */
  kind: string;
  /** The guide id meant, or null when the right answer is "not found". */
  expect: string | null;
  /** Region slug the answer must show, when the question names one. */
  region: string | null;
}

function typo(rng: Rng, word: string): string {
  const op = rng.int(0, 2);
  const i = rng.int(1, word.length - 2);
  if (op === 0) return word.slice(0, i) + word.slice(i + 1);
  if (op === 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  const letter = "abcdefghijklmnopqrstuvwxyz"[rng.int(0, 25)]!;
  return word.slice(0, i) + letter + word.slice(i);
}

/** Phrases that name something real (to check that typos and made-up names are honest). */
function namePhrases(companies: readonly CompanyDef[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const c of companies) {
    owner.set(phrase(c.display), c.slug);
    for (const a of c.aliases) owner.set(phrase(a), c.slug);
  }
  return owner;
}

const FREE_TEXT: ReadonlyArray<(c: string, r: string, g: string) => string> = [
  (c, r, g) => `what's the total comp for a ${r} at ${c} in ${g}?`,
  (c, r, g) => `how much does ${c} pay a ${r} in ${g}`,
  (c, r, g) => `${c} ${r} salary ${g}`,
  (c, r, g) => `What would a ${r} make at ${c} in ${g}?`,
  (c, r, g) => `comp band for ${r} @ ${c}, ${g} please`,
  (c, r, g) => `hey, can you tell me the ${r} range at ${c} for ${g}?`,
];

const MADE_UP_ROLES = [
  "Chief Happiness Officer",
  "Balloon Artist",
  "Tugboat Captain",
  "Sommelier",
  "Beekeeper",
  "Glassblower",
  "Puppeteer",
  "Lighthouse Keeper",
  "Falconer",
  "Cartographer",
  "Chimney Sweep",
  "Blacksmith",
];

function madeUpName(rng: Rng): string {
  const a = [
    "zyq",
    "xob",
    "qwu",
    "vyx",
    "jub",
    "kwy",
    "fyz",
    "pux",
    "wox",
    "yib",
    "zub",
    "gyq",
    "hux",
    "muz",
  ];
  const b = ["ob", "ux", "yz", "ek", "iq", "aj", "uv", "oz", "af", "eb"];
  const c = ["bolt", "frim", "glax", "plov", "snix", "thwa", "drub", "klem", "brug", "quib"];
  return cap(rng.pick(a) + rng.pick(b) + (rng.chance(0.5) ? rng.pick(c) : ""));
}

export function makeQueries(
  rng: Rng,
  guides: readonly GuideSpec[],
  companies: readonly CompanyDef[],
  counts = { known: 1000, unknown: 300 },
): LabelledQuery[] {
  const valid = guides.filter((g) => !g.broken);
  const owner = namePhrases(companies);
  const phrases = [...owner.keys()];
  const roleTexts = ROLES.map((r) => phrase(r.display));
  const regionTexts = REGIONS.flatMap((r) => [phrase(r.name), ...r.aliases]);
  const out: LabelledQuery[] = [];

  /** The typo'd company is honest when no other company's name or alias is within 2 edits of it. */
  /** No run of its words may be another company's exact name ("noroven bio" holds "noroven"). */
  const noOtherName = (typed: string, target: string) => {
    const ws = typed.split(" ");
    for (let i = 0; i < ws.length; i++)
      for (let j = i + 1; j <= ws.length; j++) {
        const who = owner.get(ws.slice(i, j).join(" "));
        if (who !== undefined && who !== target) return false;
      }
    return true;
  };
  const honestCompanyTypo = (typed: string, target: string) =>
    noOtherName(typed, target) &&
    distance(typed, phrase(companies.find((c) => c.slug === target)!.display), 2) <= 2 &&
    phrases.every((p) => owner.get(p) === target || distance(typed, p, 2) > 2) &&
    roleTexts.every((p) => distance(typed, p, 2) > 2) &&
    regionTexts.every((p) => distance(typed, p, 2) > 2);

  const kinds = [
    "exact-slugs",
    "exact-display",
    "typo-company",
    "typo-role",
    "typo-region",
    "alias-region",
    "alias-role",
    "alias-company",
    "shuffled",
    "free-text",
    "no-region",
  ];
  let guard = 0;
  while (out.filter((q) => q.expect !== null).length < counts.known && guard++ < counts.known * 20) {
    const g = rng.pick(valid);
    const band = rng.pick(g.regions);
    const kind = kinds[out.length % kinds.length]!;
    let company = g.company.display;
    let role = g.role.display;
    let region = band.name;
    let parts: string[] | null = null;
    let regionExpected: string | null = band.slug;
    if (kind === "exact-slugs") parts = [g.company.slug, g.role.slug, band.slug];
    else if (kind === "typo-company") {
      const words = phrase(company).split(" ");
      const at = words.findIndex((w) => w.length >= 6);
      if (at === -1) continue;
      words[at] = typo(rng, words[at]!);
      const typed = words.join(" ");
      if (!honestCompanyTypo(typed, g.company.slug)) continue;
      company = typed;
    } else if (kind === "typo-role") {
      const words = phrase(role).split(" ");
      const at = words.findIndex((w) => w.length >= 7);
      if (at === -1) continue;
      words[at] = typo(rng, words[at]!);
      const typed = words.join(" ");
      if (roleTexts.some((p) => p !== phrase(role) && distance(typed, p, 2) <= 2)) continue;
      role = typed;
    } else if (kind === "typo-region") {
      if (band.slug.replace(/-/g, "").length < 6) continue;
      const typed = typo(rng, phrase(region));
      if (regionTexts.some((p) => p !== phrase(region) && distance(typed, p, 2) <= 2)) continue;
      region = typed;
    } else if (kind === "alias-region") {
      if (band.aliases.length === 0) continue;
      region = rng.pick(band.aliases);
    } else if (kind === "alias-role") {
      const shorthand: Record<string, string[]> = {
        "ml-ai-engineer": ["ml engineer", "ai engineer", "mle", "machine learning engineer"],
        "software-engineer": ["swe"],
        "product-manager": ["pm"],
        "engineering-manager": ["em"],
        "site-reliability-engineer": ["sre"],
      };
      const options = shorthand[g.role.slug];
      if (!options) continue;
      role = rng.pick(options);
    } else if (kind === "alias-company") {
      if (g.company.aliases.length === 0) continue;
      company = rng.pick(g.company.aliases);
    } else if (kind === "shuffled") {
      parts = rng.shuffle([company, role, region]);
      if (parts[0] === company && parts[1] === role) continue;
    } else if (kind === "free-text") {
      out.push({
        text: rng.pick(FREE_TEXT)(
          company,
          role,
          rng.chance(0.3) && band.aliases.length ? band.aliases[0]! : region,
        ),
        kind,
        expect: `${g.company.slug}/${g.role.slug}`,
        region: band.slug,
      });
      continue;
    } else if (kind === "no-region") {
      regionExpected = null;
      parts = [company, role];
    }
    parts ??= [company, role, region];
    out.push({
      text: parts.join(" "),
      kind,
      expect: `${g.company.slug}/${g.role.slug}`,
      region: regionExpected,
    });
  }

  // Not-found: made-up companies (≥ 3 edits from every real name and alias) with real roles, and made-up
  // roles with real companies.
  const madeUpRoleOk = MADE_UP_ROLES.filter((r) =>
    roleTexts.every(
      (p) =>
        distance(phrase(r), p, 3) >= 3 &&
        phrase(r)
          .split(" ")
          .every((w) => !p.split(" ").includes(w)),
    ),
  );
  guard = 0;
  while (out.filter((q) => q.expect === null).length < counts.unknown && guard++ < counts.unknown * 50) {
    const g = rng.pick(valid);
    const band = rng.pick(g.regions);
    if (rng.chance(0.7)) {
      const name = madeUpName(rng);
      const p = phrase(name);
      if (RESERVED.has(p)) continue;
      if (phrases.some((q) => distance(p, q, 3) < 3)) continue;
      if (regionTexts.some((q) => distance(p, q, 3) < 3) || roleTexts.some((q) => distance(p, q, 3) < 3))
        continue;
      const text = rng.chance(0.5)
        ? `${name} ${g.role.display} ${band.name}`
        : rng.pick(FREE_TEXT)(name, g.role.display, band.name);
      out.push({ text, kind: "unknown-company", expect: null, region: null });
    } else {
      const role = rng.pick(madeUpRoleOk);
      out.push({
        text: `${g.company.display} ${role} ${band.name}`,
        kind: "unknown-role",
        expect: null,
        region: null,
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------- corpus

export interface CorpusOptions {
  seed: number;
  n: number;
  /** Where guides/<company>/<role>.md are written. */
  dir: string;
  /** Share of files stored as mojibake (default 3%). */
  mojibake?: number;
  /** Share of broken files (default 0.2%). */
  broken?: number;
  queries?: { known: number; unknown: number };
}

export interface Corpus {
  dir: string;
  guidesDir: string;
  n: number;
  seed: number;
  queries: LabelledQuery[];
  companies: number;
  brokenFiles: number;
  mojibakeFiles: number;
}

export function planCorpus(options: CorpusOptions): {
  specs: GuideSpec[];
  companies: CompanyDef[];
  texts: (spec: GuideSpec) => string;
  queries: LabelledQuery[];
} {
  const rng = new Rng(options.seed);
  const companyCount = Math.min(2000, Math.max(20, Math.round(options.n / 25)));
  const companies = makeCompanies(rng, companyCount);
  const pairs: Array<[number, number]> = [];
  for (let c = 0; c < companies.length; c++) for (let r = 0; r < ROLES.length; r++) pairs.push([c, r]);
  rng.shuffle(pairs);
  if (pairs.length < options.n)
    throw new Error(`at most ${pairs.length} guides for ${companies.length} companies`);
  const mojibakeRate = options.mojibake ?? 0.03;
  const brokenRate = options.broken ?? 0.002;
  const specs = pairs.slice(0, options.n).map(([c, r]): GuideSpec => {
    const company = companies[c]!;
    const role = ROLES[r]!;
    return {
      company,
      role,
      regions: weightedRegions(rng, rng.int(3, 6)),
      file: path.join(company.slug, `${role.slug}.md`),
      broken: rng.chance(brokenRate),
      mojibake: rng.chance(mojibakeRate),
    };
  });
  specs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const queries = makeQueries(new Rng(options.seed ^ 0x5eed), specs, companies, options.queries);
  // Each guide's text comes from its own PRNG stream, so texts can be produced in any order.
  const texts = (spec: GuideSpec) => {
    const h = createHash("sha1").update(`${options.seed}:${spec.file}`).digest();
    const text = guideText(new Rng(h.readUInt32LE(0)), spec);
    return spec.mojibake ? toMojibake(text) : text;
  };
  return { specs, companies, texts, queries };
}

/** Writes the corpus to `options.dir` (guides under `dir/guides`, queries in `dir/queries.json`). */
export async function generateCorpus(options: CorpusOptions): Promise<Corpus> {
  const { specs, companies, texts, queries } = planCorpus(options);
  const guidesDir = path.join(options.dir, "guides");
  rmSync(guidesDir, { recursive: true, force: true });
  for (const c of new Set(specs.map((s) => s.company.slug)))
    mkdirSync(path.join(guidesDir, c), { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < specs.length) {
      const spec = specs[next++]!;
      await writeFile(path.join(guidesDir, spec.file), texts(spec));
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  const corpus: Corpus = {
    dir: options.dir,
    guidesDir,
    n: options.n,
    seed: options.seed,
    queries,
    companies: companies.length,
    brokenFiles: specs.filter((s) => s.broken).length,
    mojibakeFiles: specs.filter((s) => s.mojibake).length,
  };
  writeFileSync(path.join(options.dir, "corpus.json"), JSON.stringify(corpus));
  return corpus;
}

/** The corpus for (seed, n) in os.tmpdir(), generated once and reused while complete. */
export async function ensureCorpus(seed: number, n: number): Promise<Corpus & { reused: boolean }> {
  const dir = path.join(os.tmpdir(), `compbot-bench-v${GENERATOR_VERSION}-${seed}-${n}`);
  const marker = path.join(dir, "corpus.json");
  if (existsSync(marker)) {
    try {
      return { ...(JSON.parse(readFileSync(marker, "utf8")) as Corpus), reused: true };
    } catch {
      // Regenerate below.
    }
  }
  rmSync(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return { ...(await generateCorpus({ seed, n, dir })), reused: false };
}

/** Questions of other kinds about a guide, from its company, role and region slugs (benchQuestions). */
const OTHER_KINDS: ReadonlyArray<(company: string, role: string, region: string) => string> = [
  (c, r, g) => `offer ${c} ${r} ${g} base 150k stock 100k bonus 10%`,
  (c, r) => `script ${c} ${r}`,
  (c, r) => `level ${c} ${r}`,
  (c, r, g) => `targets ${c} ${r} ${g}`,
  (c, r) => `when was ${c} ${r} updated`,
  () => "list",
  () => "help",
];

/**
 * The questions of every sequential phase and of the throughput phase: each of the corpus's (a guide's band,
 * named exactly, with typos, aliases, in a sentence, without a region; a name it lacks), and after every fourth,
 * a question of another kind (OTHER_KINDS, in turn) about a guide the corpus names by its slugs. More of them
 * than the app keeps replies for (src/bot.ts, REPLY_MEMO_SIZE: 500), asked in turn, so none is answered from that memo; and
 * the first of each kind runs code for the first time, as a user's does.
 */
export function benchQuestions(queries: readonly LabelledQuery[]): string[] {
  const guides = queries
    .filter((q) => q.kind === "exact-slugs")
    .map((q) => q.text.split(" "))
    .filter((words) => words.length === 3) as [string, string, string][];
  const out: string[] = [];
  let other = 0;
  queries.forEach((q, i) => {
    out.push(q.text);
    if (i % 4 === 3 && guides.length > 0) {
      const [company, role, region] = guides[other % guides.length]!;
      out.push(OTHER_KINDS[other % OTHER_KINDS.length]!(company, role, region));
      other++;
    }
  });
  return out;
}

// Allow `tsx bench/generate.ts <n> [seed]` to print where a corpus is.
if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 42);
  const t = performance.now();
  const corpus = await ensureCorpus(seed, n);
  console.log(
    `${corpus.guidesDir}: ${n} guides, ${corpus.companies} companies, ${corpus.queries.length} queries, ${corpus.mojibakeFiles} mojibake, ${corpus.brokenFiles} broken (${corpus.reused ? "reused" : "generated"} in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
}
