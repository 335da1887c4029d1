/**
 * "Did you mean": fuse.js over every phrase the index knows, each once per value it names. Built on the first
 * search, or ahead of it (`build` at start; `buildInSlices` for an index built while questions are answered:
 * at 50,000 guides the whole build takes about 80 ms of CPU).
 */
import { createRequire } from "node:module";
import type Fuse from "fuse.js";
import type { Slice } from "../runtime/slices.ts";

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

const OPTIONS = {
  keys: ["phrase"],
  includeScore: true,
  threshold: 0.45,
  ignoreLocation: true,
  minMatchCharLength: 2,
};

/** fuse.js's bitap search works on patterns of up to 32 characters; names are shorter than that. */
const MAX_PATTERN = 32;

export class Suggester<T> {
  private fuse: Fuse<Doc<T>> | null = null;
  /** Counts `reset`s: a build in slices that a reset overtook is dropped. */
  private generation = 0;

  /** `docs`: every phrase with what it names, read when the searcher is built. */
  constructor(private readonly docs: () => Doc<T>[]) {}

  get built(): boolean {
    return this.fuse !== null;
  }

  /** Phrases were added: the searcher is built again when next needed. */
  reset(): void {
    this.fuse = null;
    this.generation++;
  }

  build(): Fuse<Doc<T>> {
    this.fuse ??= new (fuseClass())(this.docs(), OPTIONS);
    return this.fuse;
  }

  /**
   * The same searcher as `build`, its phrases added a slice at a time (runtime/slices.ts), the event loop
   * free before each slice. A search meanwhile builds it at once; a `reset` meanwhile drops what the slices
   * built.
   */
  async buildInSlices(slice: Slice): Promise<void> {
    if (this.fuse) return;
    const generation = this.generation;
    const fuse = new (fuseClass())<Doc<T>>([], OPTIONS);
    const docs = this.docs();
    await slice.next();
    for (let i = 0; i < docs.length; i++) {
      fuse.add(docs[i]!);
      if (slice.full() && i + 1 < docs.length) await slice.next();
    }
    if (this.generation === generation) this.fuse ??= fuse;
  }

  /** Up to `limit` phrases close to `text`, best first. */
  search(text: string, limit: number): Suggestion<T>[] {
    return this.build()
      .search(text.slice(0, MAX_PATTERN), { limit })
      .map((r) => ({ phrase: r.item.phrase, value: r.item.value, score: r.score ?? 1 }));
  }
}
