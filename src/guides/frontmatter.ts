/**
 * Splitting a guide into frontmatter and body with gray-matter, safely and cheaply:
 * - always with an options object, which turns off gray-matter's cache (it keeps every text it has seen);
 * - only YAML: gray-matter would `eval` a `---js` block, so any other language is refused, and its
 *   JavaScript engine is replaced by one that throws, as a second lock;
 * - only the frontmatter block goes through gray-matter (it hashes and copies its whole input), the body is
 *   cut off by the same rule gray-matter uses.
 */
import { grayMatter } from "./yaml-libraries.ts";

export class FrontmatterLanguageError extends Error {
  constructor(readonly language: string) {
    super(`expected YAML frontmatter, found a "---${language}" block`);
  }
}

const refuseCode = (): object => {
  throw new FrontmatterLanguageError("js");
};

/** Options for every gray-matter call in CompBot. */
export const MATTER_OPTIONS = { engines: { javascript: refuseCode, js: refuseCode } };

export interface SplitGuide {
  /** Parsed frontmatter: an object for well-formed guides, but YAML can yield any value. */
  data: unknown;
  /** The raw frontmatter text, as gray-matter gives it. */
  matter: string;
  /** The markdown body. */
  content: string;
}

function whole(text: string): SplitGuide {
  const f = grayMatter()(text, MATTER_OPTIONS);
  return { data: f.data, matter: f.matter, content: f.content };
}

/**
 * Same result as `matter(text, {})` for YAML frontmatter. Throws gray-matter's YAML errors, and a
 * FrontmatterLanguageError for a non-YAML block (`---js`).
 */
export function splitGuide(text: string): SplitGuide {
  if (!text.startsWith("---") || text[3] === "-") return whole(text);
  const eol = text.search(/\r?\n/);
  if (eol === -1) return whole(text);
  const language = text.slice(3, eol).trim();
  if (language !== "" && !/^(?:yaml|yml)$/i.test(language)) throw new FrontmatterLanguageError(language);
  const close = text.indexOf("\n---", eol);
  if (close === -1) return whole(text);
  const head = grayMatter()(text.slice(0, close + 4), MATTER_OPTIONS);
  let content = text.slice(close + 4);
  if (content[0] === "\r") content = content.slice(1);
  if (content[0] === "\n") content = content.slice(1);
  return { data: head.data, matter: head.matter, content };
}
