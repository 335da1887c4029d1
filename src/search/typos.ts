/**
 * A typo dictionary in the SymSpell style: every term is stored under each string obtained by deleting as
 * many characters as its length allows edits (allowedEdits), kept as a hash of that string, so a typo'd word
 * finds its term through a shared delete in a few binary searches, whatever the number of terms. Candidates
 * are then checked with the real (Damerau) edit distance.
 * This is the fast path; fuse.js ranks "did you mean" candidates when this finds nothing close enough.
 */
import { lowerBound } from "../text/sorted.ts";

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

/** Bits of a posting (see TypoDictionary) that hold the term's number; the variant's 32-bit hash is above them. */
/** A number as its own key (lowerBound over the postings). */
const same = (n: number): number => n;
const TERM_BITS = 2 ** 21;
/**
 * Postings counted, placed or scanned in one step of `prepareSteps`, and about the size of one of its buckets.
 * Sorting all 120,000 postings of 50,000 guides at once took about 25 ms, in which a hot reload's questions
 * waited.
 */
const SORT_RUN = 1024;

/** FNV-1a (32-bit) of `text` without the characters at `skipA` and `skipB` (-1: none), without building it. */
export function hashWithout(text: string, skipA = -1, skipB = -1): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    if (i === skipA || i === skipB) continue;
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

export class TypoDictionary<T> {
  private readonly terms = new Map<string, T[]>();
  /** Every term, by the number it was given when added. */
  private readonly termList: string[] = [];
  /**
   * The delete variants, as numbers: each (variant hash × TERM_BITS + term number), sorted, so that a variant's
   * terms are one run found by binary search. No variant is built as a string: at 50,000 guides there are
   * about 100,000 of them, and a map keyed by them was the index's largest share of objects and about a
   * tenth of its build time. Two variants with the same hash only add candidates: every candidate is checked
   * with the real edit distance, so the hits are the same as with the variants themselves.
   */
  private postings = new Float64Array(0);
  /** Postings of the terms added since the last look-up, not yet sorted in: the first `pendingCount`. */
  private pending = new Float64Array(1024);
  private pendingCount = 0;

  add(term: string, value: T): void {
    const values = this.terms.get(term);
    if (values) {
      if (!values.includes(value)) values.push(value);
      return;
    }
    this.terms.set(term, [value]);
    const id = this.termList.length;
    if (id >= TERM_BITS) throw new RangeError(`TypoDictionary: more than ${TERM_BITS} terms`);
    this.termList.push(term);
    const post = (hash: number) => {
      if (this.pendingCount === this.pending.length) {
        const grown = new Float64Array(this.pending.length * 2);
        grown.set(this.pending);
        this.pending = grown;
      }
      this.pending[this.pendingCount++] = hash * TERM_BITS + id;
    };
    const edits = allowedEdits(term.length);
    post(hashWithout(term));
    for (let i = 0; edits >= 1 && i < term.length; i++) {
      post(hashWithout(term, i));
      for (let j = i + 1; edits >= 2 && j < term.length; j++) post(hashWithout(term, i, j));
    }
  }

  /**
   * Sorts in what was added since the last look-up, which the next look-up would otherwise do while a user
   * waits (about 25 ms for the 120,000 postings of 50,000 guides).
   */
  prepare(): void {
    this.sorted();
  }

  /**
   * `prepare` in steps, for a caller that frees the event loop between some of them (SearchIndex.warmInSlices).
   * The postings are spread into buckets by the top bits of their value (so every posting of a bucket is
   * below every posting of the next), each bucket is sorted on its own (about SORT_RUN postings each), and the
   * repeats are dropped: each step handles about SORT_RUN postings. What is sorted is what was added when it
   * began: a term added meanwhile stays pending (sorted in by the next look-up or `prepare`), and if a look-up
   * sorted everything meanwhile, this result is dropped.
   */
  *prepareSteps(): Generator<void, void, void> {
    const base = this.postings;
    const count = this.pendingCount;
    if (count === 0) return;
    const n = base.length + count;
    const all = new Float64Array(n);
    all.set(base);
    all.set(this.pending.subarray(0, count), base.length);
    yield;
    // Postings are below 2^53 (a 32-bit hash times TERM_BITS, 2^21, plus a term number); with a power of two
    // of buckets, `v * scale` is exact, and its floor is v's bucket.
    let buckets = 1;
    while (buckets * SORT_RUN < n) buckets *= 2;
    const scale = buckets / 2 ** 53;
    const ends = new Uint32Array(buckets);
    for (let i = 0; i < n; i++) {
      ends[Math.floor(all[i]! * scale)]!++;
      if (i % SORT_RUN === SORT_RUN - 1) yield;
    }
    for (let k = 1; k < buckets; k++) ends[k]! += ends[k - 1]!;
    const at = Uint32Array.from({ length: buckets }, (_, k) => (k === 0 ? 0 : ends[k - 1]!));
    const sorted = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = all[i]!;
      sorted[at[Math.floor(v * scale)]!++] = v;
      if (i % SORT_RUN === SORT_RUN - 1) yield;
    }
    for (let k = 0; k < buckets; k++) {
      sorted.subarray(k === 0 ? 0 : ends[k - 1]!, ends[k]!).sort();
      yield;
    }
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (i === 0 || sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i]!;
      if (i % SORT_RUN === SORT_RUN - 1) yield;
    }
    // A look-up or `prepare` sorted everything meanwhile (new postings, which stand): this work is dropped.
    if (this.postings !== base) return;
    this.postings = sorted.slice(0, kept);
    // Terms added meanwhile: still pending, moved to the front.
    this.pending.copyWithin(0, count, this.pendingCount);
    this.pendingCount -= count;
  }

  /** Postings added and not yet sorted in (0 after `prepare` or a look-up). */
  get unsorted(): number {
    return this.pendingCount;
  }

  /** The postings with the pending ones sorted in (a term's repeated variants, "aab" without either a, once). */
  private sorted(): Float64Array {
    if (this.pendingCount === 0) return this.postings;
    const all = new Float64Array(this.postings.length + this.pendingCount);
    all.set(this.postings);
    all.set(this.pending.subarray(0, this.pendingCount), this.postings.length);
    all.sort();
    let kept = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[kept - 1]) all[kept++] = all[i]!;
    this.postings = all.slice(0, kept);
    this.pending = new Float64Array(1024);
    this.pendingCount = 0;
    return this.postings;
  }

  /**
   * Terms within the edits allowed for `input`'s length, closest first. Exact matches have distance 0. The
   * input's delete variants are hashed where they stand (hashWithout), as `add` hashes a term's: building
   * each as a string, in a set, was most of a look-up's time and garbage. A variant reached twice ("aab"
   * without either a) is looked up twice and finds the same terms, which are taken once.
   */
  lookup(input: string): TypoHit<T>[] {
    // One more character than typed: a word missing a letter may be a long term with two typos.
    const limit = allowedEdits(input.length + 1);
    const postings = this.sorted();
    const seen = new Set<string>();
    const hits: TypoHit<T>[] = [];
    const visit = (hash: number) => {
      // The first posting of this hash, by binary search; then its run.
      const from = hash * TERM_BITS;
      for (
        let k = lowerBound(postings, from, same);
        k < postings.length && postings[k]! < from + TERM_BITS;
        k++
      ) {
        const term = this.termList[postings[k]! - from]!;
        if (seen.has(term)) continue;
        seen.add(term);
        // A term may only be reached with the edits its own length allows, too ("la" is never a typo of "lax").
        const termLimit = Math.min(limit, allowedEdits(term.length));
        const distance = editDistance(input, term, termLimit);
        if (distance > termLimit) continue;
        for (const value of this.terms.get(term)!) hits.push({ term, value, distance });
      }
    };
    visit(hashWithout(input));
    for (let i = 0; limit >= 1 && i < input.length; i++) {
      visit(hashWithout(input, i));
      for (let j = i + 1; limit >= 2 && j < input.length; j++) visit(hashWithout(input, i, j));
    }
    return hits.sort((x, y) => x.distance - y.distance || x.term.localeCompare(y.term));
  }
}
