/**
 * The Slack-free core behind every surface: guides in, questions in, answers out.
 * Data flows one way: text -> Query (src/questions) -> Answer (src/answers) -> renderers (src/render).
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { LRUCache } from "lru-cache";
import { buildAnswer } from "./answers/build.ts";
import type { Answer } from "./answers/types.ts";
import { warmUpSteps } from "./answers/warm-up.ts";
import { readGuideBody } from "./guides/body.ts";
import { defaultCacheDir } from "./guides/cache.ts";
import type { GuideChange } from "./guides/library.ts";
import { loadGuides, type PendingCacheWrite } from "./guides/load.ts";
import type { ScannedFolders } from "./guides/scan.ts";
import type { Guide, GuideBody, GuideProblem } from "./guides/types.ts";
import { parseQuestion } from "./questions/parse.ts";
import type { ConversationContext, Query } from "./questions/types.ts";
import { SearchIndex } from "./search/index.ts";

export type Surface = "slash" | "mention" | "dm" | "console";

export interface AskOptions {
  surface: Surface;
  /** What the conversation (thread, DM, console session) asked about before. */
  context?: ConversationContext;
}

export interface Reply {
  query: Query;
  answer: Answer;
  /** The context to remember for the next question in the same conversation. */
  context: ConversationContext;
}

export interface LoadOptions {
  /** Today's date (YYYY-MM-DD) for overdue checks; defaults to the real date (UTC). */
  today?: () => string;
  /** Index cache directory, or false for none. Default: defaultCacheDir(), for catalogues of 1,000+ files. */
  cache?: string | false;
  /** Leave the cache write to the caller (`cacheWrite`), to run once the bot is serving (see loadGuides). */
  deferCacheWrite?: boolean;
  /**
   * Build "did you mean" (load fuse.js, about 10 ms, and keep every phrase as codes for match-bound.ts) after
   * start, in slices, when the caller runs `warmUp`, not before the first answer. A suggestion asked for before
   * that builds it then.
   */
  deferSuggestions?: boolean;
}

export interface CompBotApi {
  readonly guideCount: number;
  readonly guides: readonly Guide[];
  /** Never throws: bad input gives a help or not-found answer. */
  ask(text: string, options: AskOptions): Reply;
  /** Serve a new set of guides (hot reload), swapped in atomically. */
  replaceGuides(guides: readonly Guide[]): void;
  /**
   * Hot reload of some guides: `changes` says which, `all` gives every guide to serve if the index has to
   * be rebuilt. Optional: without it, callers use replaceGuides(all()).
   */
  updateGuides?(
    changes: readonly GuideChange[],
    all: () => readonly Guide[] | Promise<readonly Guide[]>,
  ): Promise<void>;
  /** Optional: builds what `deferSuggestions` left, a slice at a time between questions. */
  warmUp?(): Promise<void>;
  /** Optional: runs what the first questions of a process would otherwise wait for, a step at a time; once. */
  warmUpFirstQuestions?(): Promise<void>;
}

export type LoadCompBot = (
  guidesDir: string,
  options?: LoadOptions,
) => Promise<{
  bot: CompBotApi;
  problems: GuideProblem[];
  cacheWrite?: PendingCacheWrite | null;
  /** The folders listed while loading, when a helper thread listed them (the guide watcher starts from them). */
  folders?: ScannedFolders;
}>;

const DAY_MS = 86_400_000;
let todayCache = { day: Number.NaN, date: "" };
/** Today's date (UTC, YYYY-MM-DD); the string is built once a day, not once a question. */
export const realToday = (): string => {
  const day = Math.floor(Date.now() / DAY_MS);
  if (day !== todayCache.day) todayCache = { day, date: new Date(day * DAY_MS).toISOString().slice(0, 10) };
  return todayCache.date;
};

/**
 * Guides replaced in the index per synchronous step of a hot reload (about 35 µs each at 50,000 guides):
 * 1,000 at once held the event loop about 35 ms.
 */
export const IN_PLACE_SLICE = 200;

/** How many parsed guide bodies stay in memory (bodies are read from disk on demand). */
const BODY_CACHE_SIZE = 256;

/**
 * Replies kept for questions asked again (the same words, surface, conversation and day), until any guide
 * changes. A reply is a function of those and of the guides, so a kept one is the answer the question would
 * get now. Questions longer than REPLY_MEMO_MAX_CHARS are not kept (a pasted paragraph is rarely asked twice).
 */
export const REPLY_MEMO_SIZE = 500;
export const REPLY_MEMO_MAX_CHARS = 300;

export class CompBot implements CompBotApi {
  private readonly bodies = new Map<string, GuideBody | null>();
  private readonly replies = new LRUCache<string, Reply>({ max: REPLY_MEMO_SIZE });
  private firstQuestionsWarmed = false;

  constructor(
    private current: SearchIndex,
    private readonly today: () => string = realToday,
  ) {}

  get index(): SearchIndex {
    return this.current;
  }

  /**
   * Serves a new set of guides (hot reload). The index is built first and swapped in one assignment:
   * a question in progress finishes on the index it started with.
   */
  replaceGuides(guides: readonly Guide[]): void {
    const next = new SearchIndex(guides);
    this.current = next;
    this.bodies.clear();
    this.replies.clear();
  }

  /**
   * Hot reload of some guides. Edits that keep every name and level (figures, dates…) are applied to the
   * index in place, IN_PLACE_SLICE guides per synchronous step with the event loop free in between; anything
   * else builds a new index in slices, the event loop answering meanwhile from the current one, and swaps it
   * in one assignment. Each guide changes in one step: a question sees a guide entirely before or entirely
   * after its edit. Of a burst of edits, some may be in place before others, as they would be had the watcher
   * seen them in two batches. Calls must not overlap (the watcher runs them one after another).
   */
  async updateGuides(
    changes: readonly GuideChange[],
    all: () => readonly Guide[] | Promise<readonly Guide[]>,
  ): Promise<void> {
    for (let start = 0; start < changes.length; start += IN_PLACE_SLICE) {
      if (start > 0) await nextTurn();
      const slice = changes.slice(start, start + IN_PLACE_SLICE);
      const inPlace = this.current.replaceInPlace(slice);
      // In the same synchronous step as the change: no question sees a reply kept from before it.
      this.replies.clear();
      if (!inPlace) {
        // Names changed: a new index over every guide served now (the slices already in place included).
        const next = await SearchIndex.built(await all());
        this.current = next;
        this.bodies.clear();
        // Again: questions asked while it was built were answered (and kept) from the index it replaces.
        this.replies.clear();
        return;
      }
      for (const { before } of slice) if (before) this.bodies.delete(before.id);
    }
  }

  get guideCount(): number {
    return this.index.guideCount;
  }

  /** The index's "did you mean" and guide positions, in slices (see SearchIndex.warmInSlices). */
  warmUp(): Promise<void> {
    return this.current.warmInSlices();
  }

  /**
   * What the first questions of a process would otherwise wait for (answers/warm-up.ts), a step a turn; once.
   * Run beside auth.test (run.ts): the event loop would otherwise wait idle for its answer.
   */
  async warmUpFirstQuestions(): Promise<void> {
    if (this.firstQuestionsWarmed) return;
    this.firstQuestionsWarmed = true;
    const steps = warmUpSteps(this.current, (g) => this.body(g), this.today());
    for (;;) {
      await nextTurn();
      try {
        if (steps.next().done) return;
      } catch {
        return;
      }
    }
  }

  get guides(): readonly Guide[] {
    return this.index.guides;
  }

  /** The reply for a question asked again since the guides last changed is the one built then (REPLY_MEMO_SIZE). */
  ask(text: string, options: AskOptions): Reply {
    const today = this.today();
    const key = text.length <= REPLY_MEMO_MAX_CHARS ? replyKey(text, options, today) : null;
    const kept = key === null ? undefined : this.replies.get(key);
    if (kept) return kept;
    const index = this.current;
    const query = parseQuestion(text, index, options.context);
    const answer = buildAnswer(query, { index, today, body: (g) => this.body(g) });
    const reply: Reply = Object.freeze({
      query,
      answer,
      context: nextContext(answer, options.context ?? {}),
    });
    if (key !== null) this.replies.set(key, reply);
    return reply;
  }

  private body(guide: Guide): GuideBody | null {
    if (this.bodies.has(guide.id)) {
      const cached = this.bodies.get(guide.id) ?? null;
      this.bodies.delete(guide.id);
      this.bodies.set(guide.id, cached);
      return cached;
    }
    let body: GuideBody | null;
    try {
      body = readGuideBody(guide.file);
    } catch {
      body = null;
    }
    this.bodies.set(guide.id, body);
    if (this.bodies.size > BODY_CACHE_SIZE) this.bodies.delete(this.bodies.keys().next().value!);
    return body;
  }
}

/** Everything besides the guides that a reply depends on. */
function replyKey(text: string, { surface, context }: AskOptions, today: string): string {
  return JSON.stringify([
    today,
    surface,
    context?.company ?? null,
    context?.role ?? null,
    context?.region ?? null,
    context?.checkedFigures === true,
    text,
  ]);
}

/**
 * After an answer about one guide, the conversation is about that guide, and about the region of the band it
 * showed (a band, an offer check, a script for one region). A level mapping or the data's dates keep the
 * region talked about; every region at once, or one the guide lacks, leave none.
 */
function nextContext(answer: Answer, previous: ConversationContext): ConversationContext {
  if ("guide" in answer) {
    const next: ConversationContext = { company: answer.guide.company, role: answer.guide.role };
    const sameGuide = previous.company === next.company && previous.role === next.role;
    const region =
      "band" in answer && answer.band
        ? answer.band.regionSlug
        : (answer.kind === "level" || answer.kind === "freshness") && sameGuide
          ? previous.region
          : undefined;
    if (region) next.region = region;
    if (answer.kind === "offer") next.checkedFigures = true;
    return next;
  }
  if (answer.kind === "company") return { company: answer.company.key };
  if (answer.kind === "role") return { role: answer.role.key };
  return previous;
}

/** Only catalogues of this many files or more use the index cache: smaller ones parse in well under a second. */
const CACHE_MIN_FILES = 1_000;

export const loadCompBot: LoadCompBot = async (guidesDir, options = {}) => {
  const today = options.today ?? realToday;
  const cache = options.cache === undefined ? defaultCacheDir() : options.cache;
  const { guides, problems, cacheWrite, folders } = await loadGuides(guidesDir, {
    today: today(),
    cache,
    cacheMinFiles: options.cache === undefined ? CACHE_MIN_FILES : 0,
    deferCacheWrite: options.deferCacheWrite ?? false,
  });
  const index = new SearchIndex(guides);
  index.warm({ suggestions: !options.deferSuggestions });
  const bot = new CompBot(index, today);
  return { bot, problems, cacheWrite: cacheWrite ?? null, ...(folders ? { folders } : {}) };
};
