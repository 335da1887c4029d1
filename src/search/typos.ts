/**
 * A typo dictionary in the SymSpell style: every term is stored under each string obtained by deleting as
 * many characters as its length allows edits (allowedEdits), so a typo'd word finds its term through a shared
 * delete in a few map look-ups, whatever the number of terms. Candidates are then checked with the real (Damerau) edit distance.
 * This is the fast path; fuse.js ranks "did you mean" candidates when this finds nothing close enough.
 */

export interface TypoHit<T> {
  term: string;
  value: T;
  distance: number;
}

/** How many edits a word of this length may carry and still be recognised. Short words get none. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

function deletes(term: string, maxEdits: number, out: Set<string>): void {
  let frontier = [term];
  for (let edit = 0; edit < maxEdits; edit++) {
    const next: string[] = [];
    for (const word of frontier) {
      for (let i = 0; i < word.length; i++) {
        const shorter = word.slice(0, i) + word.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Rows i-2, i-1 and i of the table; a row holds one cell per prefix of b (0 … b.length characters).
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let prevPrev = prev; // not read before row 2 (a swap needs two characters)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      // A swap of neighbours; before the second character of either string, a[-1] or b[-1] is undefined.
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

export class TypoDictionary<T> {
  private readonly terms = new Map<string, T[]>();
  /**
   * Delete variant -> the terms it comes from, in the order added: one term as itself (most variants have
   * just one), several as a list. At 50,000 guides there are about 100,000 variants; a Set apiece was the
   * index's largest share of objects.
   */
  private readonly byDelete = new Map<string, string | string[]>();

  add(term: string, value: T): void {
    const values = this.terms.get(term);
    if (values) {
      if (!values.includes(value)) values.push(value);
      return;
    }
    this.terms.set(term, [value]);
    const variants = new Set<string>([term]);
    deletes(term, allowedEdits(term.length), variants);
    for (const variant of variants) {
      const bucket = this.byDelete.get(variant);
      // A new term reaches each of its variants once (variants is a set), so no bucket holds a term twice.
      if (bucket === undefined) this.byDelete.set(variant, term);
      else if (typeof bucket === "string") this.byDelete.set(variant, [bucket, term]);
      else bucket.push(term);
    }
  }

  /** Terms within the edits allowed for `input`'s length, closest first. Exact matches have distance 0. */
  lookup(input: string): TypoHit<T>[] {
    // One more character than typed: a word missing a letter may be a long term with two typos.
    const limit = allowedEdits(input.length + 1);
    const variants = new Set<string>([input]);
    deletes(input, limit, variants);
    const seen = new Set<string>();
    const hits: TypoHit<T>[] = [];
    for (const variant of variants) {
      const bucket = this.byDelete.get(variant);
      if (bucket === undefined) continue;
      for (const term of typeof bucket === "string" ? [bucket] : bucket) {
        if (seen.has(term)) continue;
        seen.add(term);
        // A term may only be reached with the edits its own length allows, too ("la" is never a typo of "lax").
        const termLimit = Math.min(limit, allowedEdits(term.length));
        const distance = editDistance(input, term, termLimit);
        if (distance > termLimit) continue;
        for (const value of this.terms.get(term)!) hits.push({ term, value, distance });
      }
    }
    return hits.sort((x, y) => x.distance - y.distance || x.term.localeCompare(y.term));
  }
}
