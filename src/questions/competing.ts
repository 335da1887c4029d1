/**
 * Another company's offer told beside the question ("competing offer from Google at 400k total, Segment offered
 * 200k base"): read apart, so that its figures are never placed as the guide's offer and its company never
 * names the guide. The answer says it back and may put it in the script, in the person's own words.
 */
import { scanFigures } from "../money/read.ts";
import type { SearchIndex } from "../search/index.ts";
import { words } from "../text/normalize.ts";
import { hasFigures, type ParsedOffer, parseOffer } from "./offer.ts";
import { OFFER_WORD, SENTENCE_END } from "./vocabulary.ts";

export interface Competing {
  /** The company as the index names it when it knows it ("Google"), else as written ("a startup"). */
  company: string;
  /** Its figures by part ("400k total", "250k base"). */
  offer: ParsedOffer;
  /** One figure with no part named ("an offer from Google at 400k"): said back as written, never placed. */
  unnamed: { amount: number; high: number; currency: string | null } | null;
}

/** Words that end a company's name after "offer from": "at", "of", a figure, punctuation. */
const NAME_END = String.raw`(?=\s*(?:[:;,.!?(]|\s-|$)|\s+(?:at|of|for|with|worth|is|was|that|which|paying|giving|and|but|who|in|totall?(?:ing)?)\b|\s+[$£€]?\d)`;
const NAME = String.raw`(?!(?:least|most|around|about|roughly|approximately)\b)(?<who>[a-z](?:[\w&'’-]|\.(?=\w))*(?:\s+[a-z0-9](?:[\w&'’-]|\.(?=\w))*){0,2}?)`;
/**
 * "competing offer from google", "another offer with meta", "an offer from openai", "a counter from meta" (when it
 * is not the guide's).
 */
const COMPETING = new RegExp(
  String.raw`\b(?<adj>(?:competing|rival|outside|other|another|second|better|higher|external)\s+)?(?:offers?\s+(?:from|with|by|at)|counter(?:[- ]?offers?)?\s+(?:from|by)|counteroffers?\s+(?:from|by))\s+${NAME}${NAME_END}`,
  "i",
);

/** "google offered 250k base", "meta has offered me…": a one-word name before "offered" (a company, if known). */
const OFFERED_BY =
  /(?<![\w-])(?<who>[a-z][\w&'’-]*)\s+(?:(?:has|have|had|just|also|now|then)\s+)*(?:offered|is\s+offering)\b/gi;

/**
 * Reads another company's offer out of `text`: the clause from "offer from <company>" to the end of its
 * sentence, or to where the next offer's words begin. Without a word such as "competing", "an offer from X" is
 * another company's only when the rest of the question names a company too (else it is the offer to check).
 * "Google offered 250k base" is read the same way when the index knows Google as a company, and, if Google has
 * guides, when another guide's company was named before it.
 */
export function readCompeting(
  text: string,
  index: SearchIndex,
  namesCompany: (rest: string) => string | null,
): { competing: Competing | null; text: string } {
  const found = COMPETING.exec(text);
  const who = found?.groups?.who;
  if (!found || !who) {
    for (const by of text.matchAll(OFFERED_BY)) {
      const name = by.groups!.who!;
      const known = knownCompany(index, name);
      if (!known) continue;
      // A company with a guide is another's only after the question has named another guide's company first
      // ("segment sf offered 200k, google offered 250k"; not "segment offered me 200k, currently at google").
      // (The same company named before is caught by readFrom, as the company the rest names.)
      if (known.entity.kind === "company" && namesCompany(text.slice(0, by.index)) === null) continue;
      const read = readFrom(text, by as RegExpExecArray, by.index, name, index, namesCompany);
      if (read.competing) return read;
    }
    return { competing: null, text };
  }
  // "I have a 240k base offer from openai": the clause begins where its sentence or its part of it does.
  const before = text.slice(0, found.index);
  const start = Math.max(...[...before.matchAll(CLAUSE_START)].map((m) => m.index + m[0].length), 0);
  const from = /\d/.test(text.slice(start, found.index)) ? start : found.index;
  return readFrom(text, found, from, who, index, namesCompany);
}

/** Where a clause can begin, before "offer from": a sentence's end, a dash, a semicolon, "but", "and". */
const CLAUSE_START =
  /[.!?;:](?!\d)\s*|\s[-–—/]\s|,\s*(?:but|and|while|plus)?\s*|\s(?:but|and|while|plus)\s/gi;

function readFrom(
  text: string,
  found: RegExpExecArray,
  start: number,
  who: string,
  index: SearchIndex,
  namesCompany: (rest: string) => string | null,
): { competing: Competing | null; text: string } {
  const after = text.slice(start);
  const lead = found.index - start;
  const tail = after.slice(lead + found[0].length);
  const ends = [tail.search(SENTENCE_END), tail.search(OFFER_WORD)].filter((e) => e >= 0);
  const clause = after.slice(0, lead + found[0].length + (ends.length > 0 ? Math.min(...ends) : tail.length));
  const read = parseOffer(clause);
  // One figure with no part: "at 400k", "at 300000-350000" (a bare number counts from 1,000).
  const all = hasFigures(read) ? [] : scanFigures(clause.slice(lead + found[0].length));
  const lone = all.length === 1 ? all[0]! : null;
  const unnamed =
    lone && !lone.percent && (lone.scaled || lone.currency || lone.low >= 1000)
      ? { amount: lone.low, high: lone.high, currency: lone.currency }
      : null;
  if (!hasFigures(read) && !unnamed) return { competing: null, text };
  const known = knownCompany(index, who);
  const rest = `${text.slice(0, start)} , ${read.rest.replace(found[0], " ")} , ${text.slice(start + clause.length)}`;
  if (!found.groups?.adj) {
    // "I have an offer from Segment: 200k base" is the offer to check.
    const other = namesCompany(rest);
    if (other === null || (known?.entity.kind === "company" && other === known.entity.key))
      return { competing: null, text };
  }
  const company = known ? known.entity.display : who;
  return { competing: { company, offer: read, unnamed }, text: rest };
}

/** The index's company (a guide's, else one its level mappings name) called `name`, if any. */
function knownCompany(index: SearchIndex, name: string) {
  const hits = index.exact(words(name).join(" "));
  return hits.find((h) => h.entity.kind === "company") ?? hits.find((h) => h.entity.kind === "level-company");
}
