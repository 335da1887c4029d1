/** The names people type for a role, from its display name (the search index adds them as aliases). */
import { words } from "../text/normalize.ts";
import { ROLE_SHORTHANDS, ROLE_WORD_SYNONYMS } from "./aliases.ts";

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
