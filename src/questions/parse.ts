/**
 * Words in, Query out. One grammar for every surface: `/comp` words ("script segment ml-ai-engineer"),
 * mentions and DMs in plain words ("what's the total comp for an ML engineer at Segment in London?").
 * The index is only read, to recognise names; nothing here builds answers.
 */

import { levelMatches } from "../guides/levels.ts";
import { repairMojibake } from "../guides/repair.ts";
import { askedCurrency } from "../money/currency.ts";
import { numberWordsToDigits } from "../money/number-words.ts";
import type { EntityHit, SearchIndex } from "../search/index.ts";
import { words } from "../text/normalize.ts";
import { readCompeting } from "./competing.ts";
import { decide, type LevelRun, type Span } from "./decide.ts";
import { hasFigures, type ParsedOffer, parseOffer } from "./offer.ts";
import { readRelativeWish, relativeFigures } from "./relative-wish.ts";
import type { ConversationContext, Intent, Query } from "./types.ts";
import {
  ALL_REGIONS_PHRASES,
  BAND_PARTS,
  CURRENT_PAY,
  FIGURE_AFTER_KEYWORD,
  FILLER,
  HELP_WORD,
  INTENT_PHRASES,
  LEVEL_TOKEN,
  MONEY_BEFORE_KEYWORD,
  MONEY_FIGURE,
  OFFER_WORD,
  SENTENCE_END,
  WANTED,
} from "./vocabulary.ts";

/** Questions longer than this are read only this far (a Slack message can be 40,000 characters). */
export const MAX_QUESTION_CHARS = 1_000;
const MAX_WORDS = 60;
const MAX_FUZZY_SPAN = 3;
/** Longest phrase looked up with typos (longer ones are not names we know). */
const MAX_FUZZY_CHARS = 40;
const MAX_FUZZY_TRIES = 24;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Removes Slack markup: user/channel mentions go, links keep their label, a leading "/comp" goes. */
export function cleanQuestion(text: string): string {
  // Pasted text can carry the same mojibake as guide files; control characters never mean anything here.
  return (
    numberWordsToDigits(repairMojibake(text.slice(0, MAX_QUESTION_CHARS * 2)).text)
      .replace(CONTROL_CHARS, " ")
      .replace(/<[@#!][^>]*>/g, " ")
      // Slack formatting typed around words ("*base* 150k", "`150k`", "~old~"); "_" only at a word's edge.
      .replace(/[*~`]+/g, " ")
      .replace(/(^|\s)_+|_+(?=\s|$)/g, "$1 ")
      // "@compbot" typed as text (a mention Slack did not turn into one, or the console); not an e-mail address.
      .replace(/(?<![\w.])@[\w.-]+/g, " ")
      .replace(/<([^>|]*)\|([^>]*)>/g, " $2 ")
      .replace(/<([^>]*)>/g, " $1 ")
      .replace(/^\s*\/comp\b/i, " ")
      .slice(0, MAX_QUESTION_CHARS)
      .trim()
  );
}

export function parseQuestion(text: string, index: SearchIndex, context: ConversationContext = {}): Query {
  const cleaned = cleanQuestion(text);
  const offerSaid = OFFER_WORD.test(cleaned);
  // An offer's figures are read first; the words left over name the guide.
  let offer: ParsedOffer | null = null;
  let rest = cleaned;
  if (
    offerSaid ||
    FIGURE_AFTER_KEYWORD.test(cleaned) ||
    MONEY_BEFORE_KEYWORD.test(cleaned) ||
    // "I make 150k", "I'm on £95k": pay now, though its part is not named (the answer asks which it is).
    (CURRENT_PAY.test(cleaned) && MONEY_FIGURE.test(cleaned))
  ) {
    // Another company's offer first: its figures are never the guide's offer, its name never the guide's.
    const { competing, text } = readCompeting(
      cleaned,
      index,
      // In a conversation about a guide, "I also have an offer from Google" is another company's.
      (r) => parseWords(r, r, index, context, true).company?.key ?? null,
    );
    // "I want 20% more": a wish as a share of the offer's own figure, read apart so that 20% is no bonus.
    const relative = readRelativeWish(text);
    const read = offerWishAndNow(relative ? relative.text : text);
    const { now } = read;
    let { parsed, wish } = read;
    if (relative && !wish) {
      // More than pay now: the pay told beside the offer, or all the figures when no offer was said.
      const from = relative.wish.than === "now" ? (now ?? (offerSaid ? null : parsed)) : parsed;
      const made = relativeFigures(relative, from);
      if ("wish" in made) wish = made.wish;
      else parsed = { ...parsed, unreadable: [...parsed.unreadable, made.unreadable] };
    }
    if (hasFigures(parsed) || parsed.unreadable.length > 0 || offerSaid || competing) {
      offer = {
        ...parsed,
        ...(wish ? { wish } : {}),
        ...(now ? { now } : {}),
        ...(competing ? { competing } : {}),
      };
      rest = [parsed.rest, wish?.rest, now?.rest].join(" , ");
    }
  }
  // "I currently make 150k base": pay now, not an offer; it is checked the same way, and the answer says so.
  if (offer && !offer.now && !offerSaid && CURRENT_PAY.test(cleaned)) offer = { ...offer, current: true };
  // "what should I say to get 200k base?", "can I ask for 180k?": what the person wants, not what is offered.
  else if (offer && !offerSaid && WANTED.test(cleaned)) offer = { ...offer, wanted: true };
  // "segment london in dollars": the currency asked for is said back (figures are never converted).
  const asked = offer ? null : askedCurrency(rest);
  if (asked) rest = `${rest.slice(0, asked.index)} ${rest.slice(asked.index + asked.text.length)}`;
  const read = parseWords(cleaned, rest, index, context, offer !== null);
  const query = asked ? { ...read, currency: asked.code } : read;
  if (!offer) return query;
  // After an offer or pay check, a follow-up offer is told its own figures are all that is checked.
  if (query.fromContext && context.checkedFigures) offer = { ...offer, afterFigures: true };
  // A bare "offer" (no guide named) is still an offer check: the answer asks which guide.
  const keep = query.intent === "list" || (query.intent === "help" && HELP_WORD.test(cleaned));
  // Only another company's offer was given ("I have a competing offer from Google at 400k, what should I ask
  // Segment for?"): what to ask for, or the script asked for, with it in the person's words.
  const onlyCompeting = offer.competing && !hasFigures(offer) && offer.unreadable.length === 0;
  if (onlyCompeting && !keep)
    return { ...query, intent: query.intent === "script" ? "script" : "targets", offer };
  return { ...query, intent: keep ? query.intent : offer.wanted ? "targets" : "offer", offer };
}

/**
 * "They offered 150k base, should I ask for 170k?": the clause from the wish's verb to the end of its sentence is
 * read apart (the wish) and the rest as the offer, when the wish has figures of its own; else all is the offer.
 * "They offered 200k base, I make 180k base now": the same for the pay someone has now, told beside an offer; its
 * clause also ends where the offer's words begin ("I make 180k base but they offered 200k").
 */
function offerWishAndNow(cleaned: string): {
  parsed: ParsedOffer;
  wish: ParsedOffer | null;
  now: ParsedOffer | null;
} {
  const offerSaid = OFFER_WORD.test(cleaned);
  let text = cleaned;
  // Pay now is read apart even when its only figure has no part named ("I currently earn 175k"): asked about as pay.
  const apart = (found: RegExpExecArray | null, payNow: boolean): ParsedOffer | null => {
    if (!found) return null;
    const after = text.slice(found.index);
    const ends = [after.search(SENTENCE_END)];
    if (payNow) ends.push(after.slice(found[0].length).search(OFFER_WORD) + found[0].length);
    const end = Math.min(...ends.filter((e) => e >= found[0].length));
    const clause = Number.isFinite(end) ? after.slice(0, end) : after;
    const read = payNow ? parseOffer(clause, "your pay now") : parseOffer(clause);
    if (!hasFigures(read) && !(payNow && read.unreadable.length > 0)) return null;
    text = `${text.slice(0, found.index)} , ${text.slice(found.index + clause.length)}`;
    return read;
  };
  if (!offerSaid) {
    if (!CURRENT_PAY.test(text)) return { parsed: parseOffer(cleaned), wish: null, now: null };
    // "I make 150k base now, should I ask for 170k base?": the wish apart from the pay.
    const wish = apart(WANTED.exec(text), false);
    // "200k base, 50k stock. my current comp is 250k total": pay now in a clause of its own beside other
    // figures; those are checked as an offer, and the answer says that was not said. All pay now: a pay check.
    const before = text;
    const now = apart(CURRENT_PAY.exec(text), true);
    const rest = parseOffer(text);
    if (now && hasFigures(now) && hasFigures(rest))
      return { parsed: { ...rest, assumedOffer: true }, wish, now };
    return { parsed: parseOffer(before, "your pay"), wish, now: null };
  }
  const wish = apart(WANTED.exec(text), false);
  const now = apart(CURRENT_PAY.exec(text), true);
  return { parsed: parseOffer(text), wish, now };
}

/** `offerAsked`: the question had an offer's figures, so it may be a follow-up about the guide talked about. */
function parseWords(
  cleaned: string,
  rest: string,
  index: SearchIndex,
  context: ConversationContext,
  offerAsked = false,
): Query {
  const ws = words(rest).slice(0, MAX_WORDS);
  const used = new Array<boolean>(ws.length).fill(false);

  // 1. Intent phrases ("script", "level", "what should i say"…), longest first.
  const intents = new Set<Intent>();
  let allRegions = false;
  const present = new Set(ws);
  for (const [parts, intent] of INTENT_PARTS) {
    if (present.has(parts[0]!) && markPhrase(ws, used, parts)) intents.add(intent);
  }
  for (const parts of ALL_REGIONS_PARTS) {
    if (present.has(parts[0]!) && markPhrase(ws, used, parts)) allRegions = true;
  }

  // 2. Exact names and aliases, longest phrase first, left to right.
  const spans: Span[] = [];
  let levelRun: LevelRun | null = null;
  // (A used word fails every span's anySet check.)
  for (let i = 0; i < ws.length; i++) {
    // Most words of a question begin no name: no phrase to build and look up from them.
    if (!index.startsPhrase(ws[i]!)) continue;
    for (let n = Math.min(index.longestPhrase, ws.length - i); n >= 1; n--) {
      if (anySet(used, i, i + n)) continue;
      const phrase = ws.slice(i, i + n).join(" ");
      const hits = index.exact(phrase);
      if (hits.length > 0) {
        spans.push({ start: i, end: i + n, text: phrase, hits });
        used.fill(true, i, i + n);
        // "level salesforce einstein ml": the words after an outside company that name one of its levels.
        const run: number = levelRun
          ? 0
          : levelWordsAfter(ws, used, i + n, hits, index, intents.has("level"));
        if (run > 0) {
          const company = hits.find((h) => h.entity.kind === "level-company")!.entity;
          levelRun = { company, words: ws.slice(i + n, i + n + run) };
          used.fill(true, i + n, i + n + run);
          n += run;
        }
        i += n - 1;
        break;
      }
    }
  }

  // 3. Outside levels (l5, e5, ic4).
  const levelTokens: string[] = [];
  ws.forEach((w, i) => {
    if (!used[i] && LEVEL_TOKEN.test(w)) {
      levelTokens.push(w);
      used[i] = true;
    }
  });

  // 4. Filler words and bare numbers carry nothing on their own ("what", "of", "data"), but may sit inside
  //    a typo'd name ("data scientits", "dirrector of engineering"): they are soft until step 5 is done.
  const soft = ws.map((w, i) => !used[i] && (FILLER.has(w) || /^\d+$/.test(w)));

  // 5. Typos: runs of words still unread, longest span first. Bounded: a typo'd name is short, and a
  //    question has only a few of them, so junk input cannot make this slow.
  let fuzzyTries = 0;
  for (let i = 0; i < ws.length && fuzzyTries < MAX_FUZZY_TRIES; i++) {
    for (let n = Math.min(MAX_FUZZY_SPAN, ws.length - i); n >= 1; n--) {
      if (anySet(used, i, i + n)) continue;
      // A span needs at least one word that is not filler.
      if (allSet(soft, i, i + n)) continue;
      const phrase = ws.slice(i, i + n).join(" ");
      if (phrase.length > MAX_FUZZY_CHARS) continue;
      fuzzyTries++;
      const hits = index.fuzzy(phrase);
      if (hits.length > 0) {
        spans.push({ start: i, end: i + n, text: phrase, hits });
        used.fill(true, i, i + n);
        i += n - 1;
        break;
      }
    }
  }

  // 6. A typo'd intent word among the words still unread ("scirpt", "levle"): one edit away from it.
  ws.forEach((w, i) => {
    if (used[i] || soft[i]) return;
    const intent = typoIntent(w);
    if (intent) {
      intents.add(intent);
      used[i] = true;
    }
  });

  const unknown = ws.filter((_, i) => !used[i] && !soft[i]);
  const query = decide(
    cleaned,
    index,
    spans,
    intents,
    allRegions,
    levelTokens,
    unknown,
    context,
    levelRun,
    offerAsked,
    ws.some((w) => BAND_PARTS.has(w)),
  );
  // The unknown words as asked, filler inside them kept, when they are still unknown (see Query.unknownText).
  if (query.unknown.length > 0) query.unknownText = unreadRuns(ws, used, soft);
  return query;
}

/** Each run of unread words, without the filler at its ends, that has a word other than filler; space-joined. */
/** Filler words that also begin job titles ("data scientist", "people partner", "information security"). */
const TITLE_START: ReadonlySet<string> = new Set(["data", "info", "information", "market", "people"]);

function unreadRuns(ws: readonly string[], used: readonly boolean[], soft: readonly boolean[]): string {
  const runs: string[] = [];
  for (let i = 0; i < ws.length; ) {
    if (used[i] || soft[i]) {
      i++;
      continue;
    }
    // From an unread word that is not filler to the last such word before the next read one; a filler word
    // that begins job titles right before it is part of it ("data scientist", not "scientist").
    let first = i;
    while (first > 0 && !used[first - 1] && TITLE_START.has(ws[first - 1]!)) first--;
    let last = i;
    let j = i + 1;
    for (; j < ws.length && !used[j]; j++) if (!soft[j]) last = j;
    runs.push(ws.slice(first, last + 1).join(" "));
    i = j;
  }
  return runs.join(" ");
}

/** Longest level phrase tried after an outside company. */
const MAX_LEVEL_WORDS = 5;

/**
 * How many words from `from` name a level of the outside company the hits name (0: none). Only when the
 * question asks about levels, or the name is not also one of our guides' companies (so "segment ml" stays a
 * question about Segment's guide).
 */
function levelWordsAfter(
  ws: readonly string[],
  used: readonly boolean[],
  from: number,
  hits: readonly EntityHit[],
  index: SearchIndex,
  levelAsked: boolean,
): number {
  const company = hits.find((h) => h.entity.kind === "level-company");
  if (!company) return 0;
  if (!levelAsked && hits.some((h) => h.entity.kind === "company")) return 0;
  const levels = [...index.levelTextsOf(company.entity.key)];
  for (let k = Math.min(MAX_LEVEL_WORDS, ws.length - from); k >= 1; k--) {
    if (anySet(used, from, from + k)) continue;
    const asked = ws.slice(from, from + k).join(" ");
    if (levels.some((level) => levelMatches(level, asked))) return k;
  }
  return 0;
}

/** One-word intent phrases long enough to recognise with a typo (shorter ones would catch real words). */
const TYPO_INTENTS = INTENT_PHRASES.filter(([phrase]) => !phrase.includes(" ") && phrase.length >= 5);

/** The intent of a word one edit (or one swap of neighbours) away from a one-word intent phrase. */
function typoIntent(word: string): Intent | null {
  if (word.length < 5 || /\d/.test(word)) return null;
  for (const [phrase, intent] of TYPO_INTENTS) if (withinOneEdit(word, phrase)) return intent;
  return null;
}

/** Damerau-Levenshtein distance at most 1 (insert, delete, substitute, or swap two neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

/** Intent and all-regions phrases as words, split once. */
const INTENT_PARTS = INTENT_PHRASES.map(([phrase, intent]) => [phrase.split(" "), intent] as const);
const ALL_REGIONS_PARTS = ALL_REGIONS_PHRASES.map((phrase) => phrase.split(" "));

function anySet(flags: readonly boolean[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (flags[i]) return true;
  return false;
}

function allSet(flags: readonly boolean[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!flags[i]) return false;
  return true;
}

/** Marks every unused occurrence of the phrase (as words) in ws; true when there was one. */
function markPhrase(ws: string[], used: boolean[], parts: readonly string[]): boolean {
  let found = false;
  for (let i = 0; i + parts.length <= ws.length; i++) {
    if (parts.every((p, k) => ws[i + k] === p && !used[i + k])) {
      used.fill(true, i, i + parts.length);
      found = true;
    }
  }
  return found;
}
