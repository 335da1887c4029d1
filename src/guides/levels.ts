/**
 * Level equivalences: "Segment ML/AI = Google L4-L5 ML = Meta ML E5" → [{Google, "L4-L5 ML"}, {Meta, "ML E5"}],
 * and token-based matching of an asked level ("l5", "E5", "L4-L5") against a level text.
 */
import type { LevelEquivalence } from "./types.ts";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiled patterns of recent company names (a catalogue parses many guides of the same company). */
const companyPatterns = new Map<string, RegExp>();

/** Whether `part` names the company `display` (as its first word or words, case-insensitive). */
function namesCompany(part: string, display: string): boolean {
  const d = display.trim();
  if (d === "") return false;
  let pattern = companyPatterns.get(d);
  if (pattern === undefined) {
    if (companyPatterns.size >= 1_024) companyPatterns.clear();
    pattern = new RegExp(`^${escapeRegExp(d)}(?![\\p{L}\\p{N}])`, "iu");
    companyPatterns.set(d, pattern);
  }
  return pattern.test(part);
}

/**
 * Parses `level_mapping.raw`. The part naming the guide's own company is skipped; every other part gives
 * its first word as the company and the rest as the level. Never throws.
 */
export function parseLevelMapping(raw: string, companyDisplay: string): LevelEquivalence[] {
  const result: LevelEquivalence[] = [];
  for (const piece of raw.split("=")) {
    const part = piece.trim().replace(/\s+/g, " ");
    if (part === "" || namesCompany(part, companyDisplay)) continue;
    const space = part.indexOf(" ");
    if (space === -1) result.push({ company: part, level: "" });
    else result.push({ company: part.slice(0, space), level: part.slice(space + 1).trim() });
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
