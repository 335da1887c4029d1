/**
 * Level equivalences: "Segment ML/AI = Google L4-L5 ML = Meta ML E5" → [{Google, "L4-L5 ML"}, {Meta, "ML E5"}],
 * and token-based matching of an asked level ("l5", "E5", "L4-L5") against a level text.
 */
import { escapeRegExp } from "../text/normalize.ts";
import { remembered } from "../text/recent.ts";
import type { LevelEquivalence } from "./types.ts";

/** Compiled patterns of recent company names (a catalogue parses many guides of the same company). */
const companyPattern = remembered((name: string) => new RegExp(`^${escapeRegExp(name)}`, "iu"), 1_024);

/**
 * A letter or a number at `lastIndex`. Shared, and kept out of each company's pattern: a `\p{…}` class in a
 * case-insensitive Unicode pattern costs about 0.6 ms to compile, once per company name (1.3 s of each parse
 * worker's time at 2,000 companies).
 */
const WORD_CHARACTER = /[\p{L}\p{N}]/uy;

/** Only ASCII characters (nothing from U+0080 on). */
const ASCII = /^[^\u0080-\u{10FFFF}]*$/u;

/** Whether `part` names the company `display` (as its first word or words, case-insensitive). */
function namesCompany(part: string, display: string): boolean {
  const d = display.trim();
  if (d === "") return false;
  const length = prefixLength(part, d);
  if (length === null) return false;
  // Not followed by a letter or number: "Meta" names "Meta E5", not "Metaverse E5".
  WORD_CHARACTER.lastIndex = length;
  return !WORD_CHARACTER.test(part);
}

/** How long the start of `part` that reads `name` in any case is, or null when it does not start with it. */
function prefixLength(part: string, name: string): number | null {
  const start = part.slice(0, name.length);
  if (ASCII.test(name) && ASCII.test(start)) {
    // Plain ASCII on both sides (nearly every guide): Unicode case folding is ASCII lower case there.
    return start.toLowerCase() === name.toLowerCase() ? name.length : null;
  }
  return companyPattern(name).exec(part)?.[0].length ?? null;
}

/**
 * Companies people often name in level mappings, multi-word ones first among them ("Jane Street L3" is
 * Jane Street's L3, not Jane's "Street L3"). The index adds the catalogue's own companies (see
 * SearchIndex.equivalencesOf). Written as they are usually spelled; matched case- and accent-insensitively.
 */
export const WELL_KNOWN_COMPANIES: readonly string[] = [
  "Jane Street",
  "Two Sigma",
  "Hudson River Trading",
  "Goldman Sachs",
  "Morgan Stanley",
  "JP Morgan",
  "JPMorgan Chase",
  "Capital One",
  "Palo Alto Networks",
  "Scale AI",
  "Hugging Face",
  "DE Shaw",
  "D. E. Shaw",
  "Jump Trading",
  "Bank of America",
  "Deutsche Bank",
  "Warner Bros",
  "Electronic Arts",
  "Epic Games",
  "Riot Games",
  "Tower Research",
  "Point72",
  "Citadel Securities",
  "Google DeepMind",
  "Google",
  "Meta",
  "Facebook",
  "Amazon",
  "AWS",
  "Apple",
  "Microsoft",
  "Netflix",
  "Salesforce",
  "Oracle",
  "IBM",
  "Intel",
  "Nvidia",
  "Adobe",
  "Uber",
  "Lyft",
  "Airbnb",
  "Stripe",
  "Shopify",
  "Snowflake",
  "Databricks",
  "Datadog",
  "Atlassian",
  "LinkedIn",
  "Twitter",
  "X",
  "Snap",
  "Pinterest",
  "Dropbox",
  "Spotify",
  "Twilio",
  "Segment",
  "mParticle",
  "OpenAI",
  "Anthropic",
  "DeepMind",
  "Coinbase",
  "Robinhood",
  "Citadel",
  "Bloomberg",
  "Workday",
  "ServiceNow",
  "Cisco",
  "VMware",
  "SAP",
  "Block",
  "Square",
  "PayPal",
  "Intuit",
  "Zoom",
];

/** Folded words of a name ("Jane Street" -> "jane street"), for matching names as phrases. */
export function companyKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
    .join(" ");
}

const WELL_KNOWN = new Set(WELL_KNOWN_COMPANIES.map(companyKey));
/** Most words a company name has that we look for. */
const MAX_COMPANY_WORDS = 4;

/**
 * Words that start a level rather than continue a company name ("Meta ML E5", "mParticle AI Lead"): titles,
 * tracks and level prefixes. A word with a digit (L5, E5, IC4) starts a level too.
 */
const LEVEL_WORDS = new Set(
  `ml ai senior sr staff principal lead leader distinguished fellow junior jr mid associate member technical
  engineer engineering swe sde sre mts ic manager em director vp head chief intern new grad research scientist
  data software product applied level grade band tier i ii iii iv v`.split(/\s+/),
);

/** Splits "Company Level words" into company and level. Known names win; else the words before the level. */
export function splitCompanyLevel(
  part: string,
  isKnown: (key: string) => boolean = () => false,
): LevelEquivalence {
  const ws = part.split(" ").filter((w) => w !== "");
  if (ws.length === 0) return { company: "", level: "" };
  // The longest run of leading words that names a known company.
  for (let n = Math.min(MAX_COMPANY_WORDS, ws.length); n >= 1; n--) {
    const key = companyKey(ws.slice(0, n).join(" "));
    if (key !== "" && (isKnown(key) || WELL_KNOWN.has(key))) {
      return { company: ws.slice(0, n).join(" "), level: ws.slice(n).join(" ") };
    }
  }
  // Otherwise the company is the words before the first word that starts a level (at least one word).
  let n = 1;
  while (n < ws.length && n < MAX_COMPANY_WORDS && !startsLevel(ws[n]!)) n++;
  if (n === ws.length || n === MAX_COMPANY_WORDS) n = 1; // no level word: the first word, as written
  return { company: ws.slice(0, n).join(" "), level: ws.slice(n).join(" ") };
}

/**
 * splitCompanyLevel with only the well-known names, remembered: the parts of level mappings ("Google L5",
 * "Meta E5") recur across a catalogue's guides, and the parser splits every guide's.
 */
const splitWithWellKnown = remembered((part: string) => splitCompanyLevel(part));

function startsLevel(word: string): boolean {
  return /\p{N}/u.test(word) || LEVEL_WORDS.has(companyKey(word));
}

/**
 * Parses `level_mapping.raw`. The part naming the guide's own company is skipped; every other part is split
 * into company and level by splitCompanyLevel (known company names, multi-word ones included, else the words
 * before the level). Never throws.
 */
export function parseLevelMapping(
  raw: string,
  companyDisplay: string,
  isKnown?: (key: string) => boolean,
): LevelEquivalence[] {
  const result: LevelEquivalence[] = [];
  for (const piece of raw.split("=")) {
    const part = piece.trim().replace(/\s+/g, " ");
    if (part === "" || namesCompany(part, companyDisplay)) continue;
    // A fresh object each time: a guide's equivalences are its own.
    result.push(isKnown ? splitCompanyLevel(part, isKnown) : { ...splitWithWellKnown(part) });
  }
  return result;
}

/** Longest letter+number range we expand ("L1-L20" is fine, "L1-L999" is left as its two ends). */
const MAX_RANGE = 20;

const RANGE = /^([\p{L}]*)(\d+)[-–—]([\p{L}]*)(\d+)$/u;

/**
 * Lower-cased level tokens of a text, with ranges expanded: "L4-L5 ML" → {l4, l5, ml}, "IC4–IC6" → {ic4, ic5,
 * ic6}. The range itself ("l4-l5") is kept too, so an asked "L4-L5" can match as written.
 */
function levelTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const words = text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/\s*([-–—])\s*(?=[\p{L}]*\d)/gu, "$1") // "L4 - L5" → "L4-L5"
    .split(/[^\p{L}\p{N}\-–—]+/u)
    .filter((w) => w !== "");
  for (const word of words) {
    const m = RANGE.exec(word);
    if (m) {
      const [, p1 = "", n1 = "", p2 = "", n2 = ""] = m;
      const lo = Number(n1);
      const hi = Number(n2);
      const prefix2 = p2 === "" ? p1 : p2;
      tokens.add(word.replace(/[–—]/g, "-"));
      if (p1 === prefix2 && hi >= lo && hi - lo <= MAX_RANGE) {
        for (let n = lo; n <= hi; n++) tokens.add(`${p1}${n}`);
      } else {
        tokens.add(`${p1}${n1}`);
        tokens.add(`${prefix2}${n2}`);
      }
      continue;
    }
    for (const sub of word.split(/[-–—]+/)) if (sub !== "") tokens.add(sub);
  }
  return tokens;
}

/**
 * Whether an asked level matches a level text, case-insensitively and by whole tokens: "L4-L5 ML" matches
 * "l4", "L5", "L4-L5" and "ml"; "ML E5" matches "e5" but not "l6"; "L5" never matches "L50". Every level the
 * asked text names (ranges expanded) must appear in the level text.
 */
export function levelMatches(levelText: string, asked: string): boolean {
  const have = levelTokens(levelText);
  const wanted = levelTokens(asked);
  if (wanted.size === 0) return false;
  for (const token of wanted) {
    if (have.has(token)) continue;
    // A range asked as written ("l4-l5") is satisfied by its expanded members, checked separately.
    if (RANGE.test(token)) continue;
    return false;
  }
  return true;
}
