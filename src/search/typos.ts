/**
 * A typo dictionary in the SymSpell style: every term is stored under each string obtained by deleting as
 * many characters as its length allows edits (allowedEdits), kept as a hash of that string, so a typo'd word
 * finds its term through a shared delete in a few searches of small buckets, whatever the number of terms.
 * Candidates are then checked with the real (Damerau) edit distance.
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

/**
 * Rows of editDistance's table, reused from call to call (a look-up may check tens of candidates, and each call
 * built an array per row). Grown when a longer word comes.
 */
let rows = new Int32Array(3 * 64);

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions): exact up to `limit`; past it,
 * some number above `limit` (it stops as soon as every path is past it).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Rows i-2, i-1 and i of the table, at offsets in `rows`; a row holds one cell per prefix of b
  // (0 … b.length characters).
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let prevPrev = 0; // not read before row 2 (a swap needs two characters)
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    // Before the second character of either string there is no swap (a[-1] and b[-1] do not exist).
    const aBefore = i >= 2 ? a.charCodeAt(i - 2) : -1;
    rows[cur] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + cost);
      if (j >= 2 && ai === b.charCodeAt(j - 2) && aBefore === bj)
        v = Math.min(v, rows[prevPrev + j - 2]! + 1);
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const free = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = free;
  }
  return rows[prev + b.length]!;
}

/** Bits of a posting (see TypoDictionary) that hold the term's number; the variant's 32-bit hash is above them. */
const TERM_BITS = 2 ** 21;
/**
 * The postings' directory: for each value of a hash's top DIRECTORY_BITS bits, where its postings begin. A
 * look-up searches tens of variants; a binary search over all the postings (about 1 MB at 50,000 guides)
 * missed the processor's cache at most of its steps, a bucket of the directory holds about two postings.
 */
const DIRECTORY_BITS = 16;
/** A posting's bucket: its hash's top DIRECTORY_BITS bits (posting ÷ 2^(21 + 32 − DIRECTORY_BITS), exact). */
const BUCKET_SCALE = 2 ** (21 + 32 - DIRECTORY_BITS);

/** A posting's bucket in the directory. */
const bucketOf = (posting: number): number => Math.floor(posting / BUCKET_SCALE);

/**
 * directory[b] = the first posting in bucket b or after it; directory[2^DIRECTORY_BITS] = postings.length.
 * Built from counts (directory[b + 1] = how many postings bucket b holds) by summing them up.
 */
function summedDirectory(counts: Uint32Array): Uint32Array {
  for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
  return counts;
}

function directoryOf(postings: Float64Array): Uint32Array {
  const counts = new Uint32Array(2 ** DIRECTORY_BITS + 1);
  for (let k = 0; k < postings.length; k++) counts[bucketOf(postings[k]!) + 1]!++;
  return summedDirectory(counts);
}

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
  /** Where each bucket of `postings` begins (directoryOf), replaced with them. */
  private directory = directoryOf(this.postings);
  /** Postings of the terms added since the last look-up, not yet sorted in: the first `pendingCount`. */
  private pending = new Float64Array(1024);
  private pendingCount = 0;
  /** Per term number, the last look-up that checked it (`mark`): a term reached twice is checked once. */
  private marks = new Uint32Array(0);
  private mark = 0;

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
    const counts = new Uint32Array(2 ** DIRECTORY_BITS + 1);
    for (let i = 0; i < n; i++) {
      if (i === 0 || sorted[i] !== sorted[kept - 1]) {
        counts[bucketOf(sorted[i]!) + 1]!++;
        sorted[kept++] = sorted[i]!;
      }
      if (i % SORT_RUN === SORT_RUN - 1) yield;
    }
    // A look-up or `prepare` sorted everything meanwhile (new postings, which stand): this work is dropped.
    if (this.postings !== base) return;
    this.postings = sorted.slice(0, kept);
    this.directory = summedDirectory(counts);
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
    this.directory = directoryOf(this.postings);
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
    const directory = this.directory;
    const termList = this.termList;
    // Terms checked in this look-up carry its mark (a number per term, not a set of strings).
    if (this.marks.length < termList.length) this.marks = new Uint32Array(termList.length * 2);
    if (this.mark === 0xffffffff) {
      this.marks.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    const marks = this.marks;
    const hits: TypoHit<T>[] = [];
    const visit = (hash: number) => {
      const from = hash * TERM_BITS;
      const to = from + TERM_BITS;
      // The first posting of this hash: binary search in the hash's bucket (a few postings).
      const bucket = hash >>> (32 - DIRECTORY_BITS);
      let low = directory[bucket]!;
      let high = directory[bucket + 1]!;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (postings[middle]! < from) low = middle + 1;
        else high = middle;
      }
      for (let k = low; k < postings.length && postings[k]! < to; k++) {
        const id = postings[k]! - from;
        if (marks[id] === mark) continue;
        marks[id] = mark;
        const term = termList[id]!;
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
