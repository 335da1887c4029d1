/**
 * A quick reader for the YAML that guide frontmatter is written in, for the bulk loader (fast-split.ts):
 * block mappings with plain keys, block sequences (of mappings or of scalars, indented or at the key's own
 * column), one-line plain, single- and double-quoted scalars, blank lines and whole-line comments.
 *
 * Plain scalars are typed by js-yaml's own implicit types (the default safe schema that gray-matter loads
 * with), in js-yaml's order, so numbers, nulls, booleans and dates come out exactly as js-yaml makes them.
 * Anything else (flow collections, anchors, aliases, tags, block scalars, scalars over several lines,
 * escapes, tabs, carriage returns, comments after a value, unusual indentation, duplicate keys, characters
 * js-yaml refuses…) gives `undefined`, and the caller hands the text to js-yaml itself: the result, or the
 * error, is then js-yaml's. Equality with js-yaml is tested on the seed, generated catalogues, edge cases
 * and thousands of random edits of the seed's frontmatter (simple-yaml.test.ts).
 *
 * Why: js-yaml was about 60% of the parse of a guide without its body (the work of a start without a cache).
 */
import { remembered } from "../text/recent.ts";
import { yamlSafeSchema } from "./yaml-libraries.ts";

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

/** js-yaml's implicit types, in the order its composeNode tries them on a plain scalar (js-yaml loaded then). */
let implicitTypes: ImplicitType[] | undefined;

/**
 * Which of js-yaml's implicit types takes a plain scalar (null: none, it stays a string). Trying them costs a
 * few regular expressions, and keys and values recur from guide to guide: remembered. The value itself is
 * made each time, so no two guides share a date object.
 */
const implicitTypeOf = remembered((plain: string): ImplicitType | null => {
  implicitTypes ??= (yamlSafeSchema() as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;
  return implicitTypes.find((type) => type.resolve(plain)) ?? null;
}, 16_384);

/** A plain scalar as js-yaml types it. */
function typed(plain: string): unknown {
  const type = implicitTypeOf(plain);
  return type === null ? plain : type.construct(plain);
}

/** Thrown inside the reader when the text leaves the subset; parseSimpleYaml then returns undefined. */
class Outside {}
const outside = new Outside();

/**
 * Characters this reader leaves to js-yaml: controls (tab and CR included), C1 controls, line and paragraph
 * separators, surrogates (paired or not), BOM and non-characters.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNUSUAL = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/** First characters with a meaning in YAML: a plain scalar starting with one is left to js-yaml. */
const INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

/**
 * The only plain scalars starting with a letter that js-yaml's implicit types take (null and bool; int, float,
 * timestamp and merge start with a digit, a sign, a dot, "_" or "<"): every other one stays a string, with no
 * need to try the types. (Checked against js-yaml's resolvers in simple-yaml.test.ts.)
 */
const LETTER_WORDS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/**
 * Digits only, not starting with 0: js-yaml's int type takes these first, and makes parseInt(text, 10) of
 * them, which is the text's Number. (A leading 0 is octal there; checked in the test.)
 */
function isDecimal(plain: string): boolean {
  if (plain.charCodeAt(0) === 48) return false;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isKeyChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === DASH;

/** A plain scalar (or key) as js-yaml types it, the usual ones (words, decimal numbers) without trying types. */
function plainScalar(plain: string): unknown {
  if (isLetter(plain.charCodeAt(0))) return LETTER_WORDS.has(plain) ? typed(plain) : plain;
  if (isDecimal(plain)) return Number(plain);
  return typed(plain);
}

/**
 * One parse: the text, and its lines that have content (not blank, not a comment) as a flat array of
 * (indent, start of content, end of content without trailing spaces) triples.
 */
class Reader {
  readonly lines: number[] = [];
  /** The line being read. */
  at = 0;
  constructor(readonly text: string) {
    const n = text.length;
    let pos = 0;
    while (pos <= n) {
      let eol = text.indexOf("\n", pos);
      if (eol === -1) eol = n;
      // The line ends with "\n" or the text: neither is a space.
      let start = pos;
      while (text.charCodeAt(start) === SPACE) start++;
      // On a blank line this goes back to its start (the "\n" before it stops it): end <= start, skipped.
      let end = eol;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      if (end > start && text.charCodeAt(start) !== HASH) this.lines.push(start - pos, start, end);
      pos = eol + 1;
    }
    // A last line at indent -1, shallower than any: it ends every mapping and sequence being read.
    this.lines.push(-1, n, n);
  }

  indent(at: number): number {
    return this.lines[3 * at]!;
  }
  start(at: number): number {
    return this.lines[3 * at + 1]!;
  }
  end(at: number): number {
    return this.lines[3 * at + 2]!;
  }

  /**
   * A `-` followed by a space starts a sequence item. A `-` that ends its line is refused either way: as an
   * empty item when spaces were cut after it, otherwise as a line that is neither an item nor a key.
   */
  isItem(at: number): boolean {
    const start = this.start(at);
    return this.text.charCodeAt(start) === DASH && this.text.charCodeAt(start + 1) === SPACE;
  }

  /** Where the `:` after a plain key at the start of the line is, or -1 when the line is not `key:`/`key: …`. */
  keyEnd(at: number): number {
    const { text } = this;
    const start = this.start(at);
    const end = this.end(at);
    const first = text.charCodeAt(start);
    if (!isLetter(first) && first !== 95) return -1;
    let k = start + 1;
    while (isKeyChar(text.charCodeAt(k))) k++;
    if (k - start > 64 || text.charCodeAt(k) !== COLON) return -1;
    return k + 1 === end || text.charCodeAt(k + 1) === SPACE ? k : -1;
  }

  scalar(start: number, end: number): unknown {
    const { text } = this;
    const first = text[start]!;
    if (first === '"' || first === "'") {
      // The next quote must be the line's last character: no quote inside, none missing.
      if (text.indexOf(first, start + 1) !== end - 1) throw outside;
      const inner = text.slice(start + 1, end - 1);
      if (first === '"' && inner.includes("\\")) throw outside;
      return inner;
    }
    if (INDICATORS.includes(first)) throw outside;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) throw outside;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) throw outside;
    }
    return plainScalar(text.slice(start, end));
  }

  /** Reads the mapping whose keys are at `indent`, from line `this.at` on; leaves `this.at` after it. */
  readMapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const { text } = this;
    for (;;) {
      const at = this.at;
      if (this.indent(at) < indent) break;
      if (this.indent(at) > indent) throw outside;
      const colon = this.keyEnd(at);
      if (colon === -1) throw outside;
      const key = text.slice(this.start(at), colon);
      // js-yaml types keys too ("True" is stored as "true"), refuses duplicates, and guards __proto__.
      if (key === "__proto__" || plainScalar(key) !== key || Object.hasOwn(out, key)) throw outside;
      // Past the line's end come spaces cut from it, then "\n": rest >= end means no value on this line.
      let rest = colon + 1;
      while (text.charCodeAt(rest) === SPACE) rest++;
      const end = this.end(at);
      const next = ++this.at;
      // A deeper line after a scalar (it would continue the scalar, or be an error) is refused above.
      if (rest < end) out[key] = this.scalar(rest, end);
      else if (this.indent(next) > indent) out[key] = this.readBlock(this.indent(next));
      else if (this.indent(next) === indent && this.isItem(next)) out[key] = this.readSequence(indent);
      else out[key] = null;
    }
    return out;
  }

  /** Reads the sequence whose items are at `indent`, from line `this.at` on; leaves `this.at` after it. */
  readSequence(indent: number): unknown[] {
    const out: unknown[] = [];
    const { text } = this;
    for (;;) {
      const at = this.at;
      if (this.indent(at) < indent) break;
      if (this.indent(at) > indent) throw outside;
      if (!this.isItem(at)) break;
      const start = this.start(at);
      let item = start + 1;
      while (text.charCodeAt(item) === SPACE) item++;
      if (item >= this.end(at)) throw outside;
      // The item's content as a line of its own, at its column: a mapping or a scalar.
      this.lines[3 * at] = indent + (item - start);
      this.lines[3 * at + 1] = item;
      // (An item that starts with "- " again is a scalar starting with "-": refused by scalar.)
      if (this.keyEnd(at) !== -1) out.push(this.readMapping(this.indent(at)));
      else {
        out.push(this.scalar(item, this.end(at)));
        this.at++;
      }
    }
    return out;
  }

  readBlock(indent: number): unknown {
    return this.isItem(this.at) ? this.readSequence(indent) : this.readMapping(indent);
  }
}

/**
 * The mapping js-yaml's safeLoad would return for `text`, or undefined when the text is outside the subset
 * this reader knows, or is empty (only blank lines and comments).
 */
export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const reader = new Reader(text);
  if (reader.indent(0) === -1) return undefined; // only blank lines and comments
  try {
    // A first line indented, or any line after the mapping, is deeper than 0: refused in readMapping.
    return reader.readMapping(0);
  } catch {
    // Outside the subset, or anything unforeseen: js-yaml decides.
    return undefined;
  }
}
