/**
 * What is recorded of a question no guide answered: only the normalised words the search worked with, never the
 * question as typed and never who asked.
 *
 * Why the search's words and not the text: a question is free text ("I'm Dana, Acme offered me 180k base, is
 * that fair for a widget engineer in Paris?"). The parser already keeps only the words that carried meaning: the
 * company, role and region it recognised (as keys) and the words it could not match (`unknown`). Those are what a
 * guide author needs ("acme widget engineer paris"), and they leave out names of the asker's choosing only as far
 * as the parser drops filler words, so on top of that every unmatched word with a digit or a currency sign is dropped (no
 * offer figure, no level number, no date), and the result is capped at MAX_WORDS words of at most MAX_WORD_LENGTH
 * characters.
 */
import type { Answer } from "../answers/types.ts";
import type { Query } from "../questions/types.ts";
import { countryNamed } from "../search/aliases.ts";
import { slugify, words } from "../text/normalize.ts";

export const MAX_WORDS = 8;
export const MAX_WORD_LENGTH = 40;

/** Kinds of answer that mean "no guide answered this". */
export const UNANSWERED_KINDS: ReadonlySet<Answer["kind"]> = new Set(["not-found", "region-not-found"]);

const FIGURE = /[\p{N}\p{Sc}]/u;

/** The words to record for this reply, or null when a guide answered it (or nothing worth keeping is left). */
export function unansweredText(reply: { query: Query; answer: Answer }): string | null {
  if (!UNANSWERED_KINDS.has(reply.answer.kind)) return null;
  const { query } = reply;
  // Recognised names come from our guides; only the unmatched words can carry the asker's figures.
  // A country is recorded as asked ("india"), not as the first of its regions the index tried.
  const country = query.region ? countryNamed(query.region.matched) : undefined;
  const region = country ? slugify(country.replace(/^the /i, "")) : query.region?.key;
  const known = [query.company?.key, query.role?.key, region].filter((k): k is string => k !== undefined);
  const unmatched = query.unknown.flatMap((w) => words(w)).filter((w) => !FIGURE.test(w));
  const kept: string[] = [];
  for (const part of [...known, ...unmatched]) {
    if (part.length > MAX_WORD_LENGTH || kept.includes(part)) continue;
    kept.push(part);
    if (kept.length === MAX_WORDS) break;
  }
  return kept.length > 0 ? kept.join(" ") : null;
}
