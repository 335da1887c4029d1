/** Text normalisation shared by the index (when it stores names) and the parser (when it reads questions). */

const COMBINING_MARKS = /\p{M}+/gu;
/** Anything that is not a letter or a digit separates words ("ml-ai-engineer", "ML/AI", "london?"). */
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** A literal text as a RegExp source that matches exactly it: "C$" matches "C$", not a "C" at a line's end. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Lower case, accents folded, compatibility forms unified ("São Paulo" -> "sao paulo", "ｓｆ" -> "sf"). */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase();
}

/** Words of a text, folded: "ML/AI Engineer" -> ["ml", "ai", "engineer"]. */
export function words(text: string): string[] {
  return fold(text)
    .replace(/['’]s\b/g, "")
    .split(SEPARATORS)
    .filter((w) => w.length > 0);
}

/** The key a phrase is stored under: its words joined by one space. */
export function phraseKey(text: string): string {
  return words(text).join(" ");
}

/** A URL- and command-friendly slug: "San Francisco" -> "san-francisco". */
export function slugify(text: string): string {
  return words(text).join("-");
}
