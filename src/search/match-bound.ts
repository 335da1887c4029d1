/**
 * Which phrases a fuzzy pattern could match at all: a lower bound on the errors of its best match in each.
 *
 * fuse.js's bitap finds the pattern in a phrase with at most k errors (a character changed, added or left
 * out). In any such match, the pattern's characters that are not errors are matched, in order, to equal
 * characters of the phrase: a common subsequence. So the errors are at least the pattern's length less the
 * longest common subsequence of pattern and phrase (LCS), and a phrase whose LCS falls short of that by more
 * than k cannot match. "quillon bench works" (19 characters, 8 errors allowed) has at most "l works" in
 * common with "arlar works": 12 errors at least. At 50,000 guides the bound leaves 0-200 of the 2,554 phrases
 * for fuse.js to search (suggester.ts), the phrases it matches among them.
 *
 * The LCS is computed a text character at a time on one 32-bit word (Hyyrö's bit-vector method), for
 * patterns of up to 32 characters, as fuse.js's are. Phrases are kept as one byte a character, a code per
 * character: the first SHARED characters seen get their own code, every other one shares the last (where a
 * shared character of the phrase counts as equal to any shared character of the pattern: the LCS can only
 * grow, so the bound stays a lower one).
 */

/** Codes 0-62: a character each; 63: every character seen after the first 63. */
const SHARED = 63;
/** Patterns this long or shorter are bounded; longer ones keep every phrase. */
export const MAX_BOUNDED_PATTERN = 32;

export class MatchBound {
  private readonly codes = new Map<number, number>();
  /** Every phrase's characters as codes, one after another; phrase i is text[starts[i]] … text[starts[i + 1] - 1]. */
  private text = new Uint8Array(1024);
  private readonly starts: Uint32Array;
  private added = 0;

  /** Room for `capacity` phrases, added in order with `add`. */
  constructor(readonly capacity: number) {
    this.starts = new Uint32Array(capacity + 1);
  }

  get size(): number {
    return this.added;
  }

  /** Takes in the next phrase (as fuse.js reads it: lower case, UTF-16 units). */
  add(phrase: string): void {
    if (this.added >= this.capacity) throw new RangeError(`MatchBound holds ${this.capacity} phrases`);
    const lower = phrase.toLowerCase();
    let end = this.starts[this.added]!;
    if (end + lower.length > this.text.length) {
      const grown = new Uint8Array(Math.max(this.text.length * 2, end + lower.length));
      grown.set(this.text);
      this.text = grown;
    }
    for (let i = 0; i < lower.length; i++) this.text[end++] = this.code(lower.charCodeAt(i), true);
    this.added++;
    this.starts[this.added] = end;
  }

  /**
   * The positions of the phrases a match of `pattern` (read in lower case, as fuse.js does) could have at
   * most `maxErrors` errors in, in the order they were added. Every phrase for a pattern over
   * MAX_BOUNDED_PATTERN characters.
   */
  candidates(text: string, maxErrors: number): number[] {
    const pattern = text.toLowerCase();
    const found: number[] = [];
    if (pattern.length > MAX_BOUNDED_PATTERN) {
      for (let i = 0; i < this.added; i++) found.push(i);
      return found;
    }
    // Bit i of masks[code]: the pattern's character i has that code.
    const masks = new Int32Array(SHARED + 1);
    for (let i = 0; i < pattern.length; i++) masks[this.code(pattern.charCodeAt(i), false)]! |= 1 << i;
    const all = pattern.length === 32 ? -1 : (1 << pattern.length) - 1;
    const needed = pattern.length - maxErrors;
    for (let phrase = 0; phrase < this.added; phrase++) {
      // Bits of v still set: pattern positions not (yet) in the longest common subsequence.
      let v = -1;
      for (let at = this.starts[phrase]!, end = this.starts[phrase + 1]!; at < end; at++) {
        const u = v & masks[this.text[at]!]!;
        v = (v + u) | (v - u);
      }
      if (popcount(~v & all) >= needed) found.push(phrase);
    }
    return found;
  }

  private code(char: number, assign: boolean): number {
    const known = this.codes.get(char);
    if (known !== undefined) return known;
    if (!assign || this.codes.size >= SHARED) return SHARED;
    const code = this.codes.size;
    this.codes.set(char, code);
    return code;
  }
}

function popcount(x: number): number {
  let n = 0;
  for (let bits = x; bits !== 0; bits &= bits - 1) n++;
  return n;
}
