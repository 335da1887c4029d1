/** The answer when nothing matches: what was not found, and a ranked "did you mean". */

import type { Query } from "../questions/types.ts";
import type { EntityHit, EntityKind, SearchIndex } from "../search/index.ts";
import { bandCommand, guideLabel, hasBand, regionIfBand } from "./commands.ts";
import type { FollowUp, NotFoundAnswer } from "./types.ts";

const MAX_GUESSED_WORDS = 4;
const MAX_SUGGESTIONS = 5;

/** Nothing matches: say what was not found and rank what would work. */
export function notFound(query: Query, index: SearchIndex): NotFoundAnswer {
  const asked = describe(query);
  const suggestions: FollowUp[] = [];
  const seen = new Set<string>();
  // A role has thousands of guides at 50,000: stop at the fifth suggestion (each reads the guide's bands).
  const full = () => suggestions.length >= MAX_SUGGESTIONS;
  const add = (f: FollowUp) => {
    if (!seen.has(f.command) && !full()) {
      seen.add(f.command);
      suggestions.push(f);
    }
  };
  const regionKey = query.region?.key;

  // The company is known: offer its guides.
  if (query.company) {
    for (const g of index.guidesOfCompany(query.company.key)) {
      if (full()) break;
      add({
        label: guideLabel(g),
        command: bandCommand(g, regionIfBand(g, regionKey)),
        kind: "suggestion",
      });
    }
  }
  if (query.role) {
    for (const g of index.guidesOfRole(query.role.key)) {
      if (full()) break;
      add({
        label: guideLabel(g),
        command: bandCommand(g, regionIfBand(g, regionKey)),
        kind: "suggestion",
      });
    }
  }
  // Loose "did you mean" for the words we could not read.
  const kinds: EntityKind[] = query.company ? ["role"] : query.role ? ["company"] : ["company", "role"];
  // Bounded: only the first few unknown words are worth a guess.
  const guessable = query.unknown.slice(0, MAX_GUESSED_WORDS);
  const phrase = guessable.join(" ");
  // (No guess for an empty phrase: suggest() needs two characters; none when the guides above filled the list.)
  const hits: EntityHit[] = full() ? [] : index.suggest(phrase, kinds);
  if (guessable.length > 1 && !full())
    for (const word of guessable)
      if (hits.length < MAX_SUGGESTIONS) hits.push(...index.suggest(word, kinds, 3));
  for (const hit of hits.sort((a, b) => a.score - b.score)) {
    if (full()) break;
    const guides =
      hit.entity.kind === "company"
        ? index.guidesOfCompany(hit.entity.key)
        : index.guidesOfRole(hit.entity.key);
    // A name with one guide suggests that guide; with several (every name in the index has one), the name.
    if (guides.length === 1) {
      const only = guides[0]!;
      add({
        label: guideLabel(only),
        command: bandCommand(only, regionIfBand(only, regionKey)),
        kind: "suggestion",
      });
    } else {
      add({
        label: hit.entity.display,
        command: hit.entity.key,
        kind: hit.entity.kind === "company" ? "company" : "role",
      });
    }
  }
  // Only a region: the guides that have a band there.
  if (!query.company && !query.role && regionKey && query.unknown.length === 0) {
    for (const g of index.guides) {
      if (full()) break;
      if (hasBand(g, regionKey))
        add({
          label: guideLabel(g),
          command: bandCommand(g, regionKey),
          kind: "suggestion",
        });
    }
  }
  return { kind: "not-found", asked, unknown: query.unknown, suggestions };
}

function describe(query: Query): string {
  const parts: string[] = [];
  if (query.company) parts.push(query.company.display);
  if (query.role) parts.push(query.role.display);
  if (query.unknown.length > 0) parts.push(query.unknownText ?? query.unknown.join(" "));
  const what = parts.join(" ");
  const where = query.region ? ` in ${query.region.display}` : "";
  if (!what && query.region) return `a company and role${where} (you named only a region)`;
  if (query.company && !query.role && query.unknown.length === 0) return `a role at ${query.company.display}`;
  // Nothing named at all (no region either): the words as typed.
  return `${what}${where}` || query.text;
}
