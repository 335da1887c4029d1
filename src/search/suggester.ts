/**
 * "Did you mean": fuse.js over every phrase the index knows, each once per value it names. A search gives
 * fuse.js only the phrases that could match the pattern at all (match-bound.ts): at 50,000 guides, searching
 * all 2,554 phrases took 5-25 ms a pattern, and a "not found" answer searches up to five. What is built ahead
 * (`build` at start; `buildInSlices` for an index built while questions are answered) is the phrases in the
 * bound's form.
 */
import { createRequire } from "node:module";
import type Fuse from "fuse.js";
import { runSteps, runStepsInSlices, type Slice, type Steps } from "../runtime/slices.ts";
import { MatchBound } from "./match-bound.ts";

const require = createRequire(import.meta.url);
let FuseClass: typeof Fuse | undefined;
/**
 * fuse.js, loaded when the first searcher is built: a start answers its first questions without it (it is built
 * after start, once the watcher has started), and loading it took about 10 ms of the start's main thread. Its
 * CommonJS build is the same code as its ES one.
 */
const fuseClass = (): typeof Fuse => {
  FuseClass ??= require("fuse.js") as typeof Fuse;
  return FuseClass;
};

interface Doc<T> {
  phrase: string;
  value: T;
}

export interface Suggestion<T> {
  phrase: string;
  value: T;
  /** fuse.js's score: 0 = perfect … 1 = nothing in common. */
  score: number;
}

/** fuse.js's options. Its threshold also bounds the errors a match may have (`maxErrors`). */
export const FUSE_OPTIONS = {
  keys: ["phrase"],
  includeScore: true,
  threshold: 0.45,
  ignoreLocation: true,
  minMatchCharLength: 2,
};

/** fuse.js's bitap search works on patterns of up to 32 characters; names are shorter than that. */
const MAX_PATTERN = 32;

/**
 * The most errors fuse.js accepts in a match of `pattern` (in lower case, as fuse.js reads it): bitap tries
 * 0, 1, 2 … errors, fewer than the pattern's length, while errors / length is within the threshold. None
 * (null) for a pattern fuse.js would cut in 32-character chunks, each matched on its own, or a blank one (for
 * which fuse.js lists every phrase, unscored).
 */
export function maxErrors(pattern: string): number | null {
  if (pattern.trim() === "" || pattern.length > MAX_PATTERN) return null;
  let errors = 0;
  while (errors + 1 < pattern.length && (errors + 1) / pattern.length <= FUSE_OPTIONS.threshold) errors++;
  return errors;
}

/** How many searches `buildInSlices` runs once it has built the searcher. */
export const WARM_UP_SEARCHES = 3;

/**
 * Patterns for the warm-up searches: phrases from the start, middle and end of `docs`, each with its first
 * letter changed, so that each search goes the way a typo's does (the bound's candidates, then fuse.js's
 * bitap with errors) and finds the phrase it came from.
 */
export function warmUpPatterns(docs: readonly { phrase: string }[]): string[] {
  const patterns: string[] = [];
  for (let k = 0; k < WARM_UP_SEARCHES && docs.length > 0; k++) {
    const phrase = docs[Math.floor((k * (docs.length - 1)) / Math.max(1, WARM_UP_SEARCHES - 1))]!.phrase;
    if (phrase.length < 3) continue;
    patterns.push(`${phrase[0] === "q" ? "x" : "q"}${phrase.slice(1, MAX_PATTERN)}`);
  }
  return patterns;
}

interface Searcher<T> {
  docs: Doc<T>[];
  bound: MatchBound;
}

export class Suggester<T> {
  private searcher: Searcher<T> | null = null;
  /** Counts `reset`s: a build in slices that a reset overtook is dropped. */
  private generation = 0;

  /** `docs`: every phrase with what it names, read when the searcher is built. */
  constructor(private readonly docs: () => Doc<T>[]) {}

  get built(): boolean {
    return this.searcher !== null;
  }

  /** Phrases were added: the searcher is built again when next needed. */
  reset(): void {
    this.searcher = null;
    this.generation++;
  }

  build(): Searcher<T> {
    this.searcher ??= runSteps(this.buildSteps());
    return this.searcher;
  }

  /**
   * The same searcher as `build`, a phrase a step of `slice` (runtime/slices.ts), the event loop free between
   * slices. A search meanwhile builds it at once; a `reset` meanwhile drops what the slices built.
   * Then a few searches, each in a turn of its own, results unused: the first search of a process runs fuse.js's
   * code for the first time (compiled then, and slow until it has run a while), and a user's first "did you
   * mean" was 2-4 times as slow as the ones after it (README, Performance).
   */
  async buildInSlices(slice: Slice): Promise<void> {
    if (this.searcher) return;
    const generation = this.generation;
    const searcher = await runStepsInSlices(this.buildSteps(), slice);
    if (this.generation !== generation) return;
    this.searcher ??= searcher;
    for (const pattern of warmUpPatterns(searcher.docs)) {
      await slice.next();
      if (this.generation !== generation) return;
      this.search(pattern, 5);
    }
  }

  /** Loads fuse.js, then takes in the phrases, stopping before each. */
  private *buildSteps(): Steps<Searcher<T>> {
    fuseClass();
    const docs = this.docs();
    const bound = new MatchBound(docs.length);
    for (const doc of docs) {
      yield;
      bound.add(doc.phrase);
    }
    return { docs, bound };
  }

  /**
   * Up to `limit` phrases close to `text`, best first: fuse.js's results over the phrases that could match
   * (the same as over all of them: a phrase's score depends on it and the pattern alone, and ties keep the
   * phrases' order).
   */
  search(text: string, limit: number): Suggestion<T>[] {
    const { docs, bound } = this.build();
    const pattern = text.slice(0, MAX_PATTERN);
    const errors = maxErrors(pattern.toLowerCase());
    const phrases = errors === null ? docs : bound.candidates(pattern, errors).map((i) => docs[i]!);
    if (phrases.length === 0) return [];
    return new (fuseClass())(phrases, FUSE_OPTIONS)
      .search(pattern, { limit })
      .map((r) => ({ phrase: r.item.phrase, value: r.item.value, score: r.score ?? 1 }));
  }
}
