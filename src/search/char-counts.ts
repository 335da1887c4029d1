/**
 * Which phrases a fuzzy pattern could match at all, from how many of each character they hold.
 *
 * fuse.js's bitap finds the pattern in a phrase with at most k errors (a character changed, added or left
 * out). Every character of the pattern is either matched to an equal character of the phrase, each of the
 * phrase's characters used once, or costs an error. So a phrase that lacks more than k of the pattern's
 * characters (counted with repeats) cannot match: "quillon bench works" needs q, u, i, b, e, c, h and two n,
 * and "arlar works" lacks 12 of its 19 characters where 8 errors are allowed. The test is a lower bound on the
 * errors, never above them, so no phrase that would match is left out; at 50,000 guides it leaves about
 * 3-20% of the 2,554 phrases for fuse.js to search (suggester.ts).
 *
 * Counts are kept per phrase in one byte array, a column per character: the first COLUMNS - 1 characters
 * seen get their own column, every other character shares the last one (a phrase's count there is the sum of
 * its shared characters, and the pattern's shared characters are tested together: still a lower bound).
 */

/** Columns per phrase: its own for each of the first 63 characters seen, the 64th shared by the rest. */
const COLUMNS = 64;
const SHARED = COLUMNS - 1;

export class CharCounts {
  private readonly columns = new Map<number, number>();
  private readonly counts: Uint8Array;
  private added = 0;

  /** Room for `capacity` phrases, added in order with `add`. */
  constructor(readonly capacity: number) {
    this.counts = new Uint8Array(capacity * COLUMNS);
  }

  get size(): number {
    return this.added;
  }

  /** Counts the characters of the next phrase (as fuse.js reads it: lower case, UTF-16 units). */
  add(phrase: string): void {
    if (this.added >= this.capacity) throw new RangeError(`CharCounts holds ${this.capacity} phrases`);
    const row = this.added * COLUMNS;
    const text = phrase.toLowerCase();
    for (let i = 0; i < text.length; i++) {
      const at = row + this.column(text.charCodeAt(i), true);
      if (this.counts[at]! < 255) this.counts[at]!++;
    }
    this.added++;
  }

  /**
   * The positions of the phrases that lack at most `maxErrors` of `pattern`'s characters (in lower case, as
   * fuse.js reads it), in the order they were added.
   */
  candidates(text: string, maxErrors: number): number[] {
    const pattern = text.toLowerCase();
    // The pattern's characters by column, with their counts; unseen characters all fall in the shared one.
    const need = new Map<number, number>();
    for (let i = 0; i < pattern.length; i++) {
      const column = this.column(pattern.charCodeAt(i), false);
      need.set(column, (need.get(column) ?? 0) + 1);
    }
    const columns = [...need.keys()];
    const wanted = [...need.values()];
    const found: number[] = [];
    for (let phrase = 0; phrase < this.added; phrase++) {
      const row = phrase * COLUMNS;
      let missing = 0;
      for (let c = 0; c < columns.length && missing <= maxErrors; c++) {
        const have = this.counts[row + columns[c]!]!;
        // A count of 255 is at least 255: nothing is known to be missing.
        if (have < 255 && wanted[c]! > have) missing += wanted[c]! - have;
      }
      if (missing <= maxErrors) found.push(phrase);
    }
    return found;
  }

  private column(code: number, assign: boolean): number {
    const known = this.columns.get(code);
    if (known !== undefined) return known;
    if (!assign || this.columns.size >= SHARED) return SHARED;
    const column = this.columns.size;
    this.columns.set(code, column);
    return column;
  }
}
