/**
 * The in-memory store: one process, bounded by entry counts and by the retention times. The default when
 * DATABASE_URL is not set, and the fallback of ResilientStore while PostgreSQL is down.
 */
import type { ConversationContext } from "../questions/types.ts";
import {
  type CleanupResult,
  CONTEXT_RETENTION_MS,
  type ContextWrite,
  EVENT_RETENTION_MS,
  type Store,
  UNANSWERED_RETENTION_MS,
  type UnansweredRow,
} from "./types.ts";

export const DEDUPE_CAPACITY = 10_000;
/** Threads (mentions) and DM channels remembered at most; the least recently used are forgotten first. */
export const CONVERSATION_CAPACITY = 5_000;
/** Distinct unanswered questions remembered at most; the least recently asked are forgotten first. */
export const UNANSWERED_CAPACITY = 10_000;

export interface MemoryLimits {
  dedupeCapacity?: number;
  dedupeTtlMs?: number;
  conversations?: number;
  contextTtlMs?: number;
  unanswered?: number;
  unansweredTtlMs?: number;
}

/**
 * Event ids seen, bounded twice: at most `capacity` ids, and ids older than `ttlMs` are forgotten.
 * Insertion order = age order, since an id is only ever added once (or re-added after expiring).
 */
export class EventDeduper {
  private readonly seen = new Map<string, number>();

  constructor(
    readonly capacity = DEDUPE_CAPACITY,
    readonly ttlMs = EVENT_RETENTION_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.seen.size;
  }

  /** True the first time an id is offered (within ttl and capacity); false for a repeat. */
  firstTime(eventId: string): boolean {
    const now = this.now();
    this.expire(now);
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, now);
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next();
      if (oldest.done) break;
      this.seen.delete(oldest.value);
    }
    return true;
  }

  /** Forget ids older than the ttl; returns how many. */
  expire(now = this.now()): number {
    let removed = 0;
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs) break;
      this.seen.delete(id);
      removed++;
    }
    return removed;
  }
}

/**
 * A Map in age order (oldest first): writing a key makes it the newest; over capacity the oldest goes; entries
 * older than ttl are not returned, and
 * expire() drops them.
 */
class AgedMap<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError("capacity must be a positive integer");
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): V | undefined {
    const found = this.entries.get(key);
    if (found === undefined || now - found.at >= this.ttlMs) return undefined;
    return found.value;
  }

  set(key: string, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: now });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Drop entries older than the ttl (they are at the front); returns how many. */
  expire(now: number): number {
    let removed = 0;
    for (const [key, { at }] of this.entries) {
      if (now - at < this.ttlMs) break;
      this.entries.delete(key);
      removed++;
    }
    return removed;
  }

  /** Delete the keys `matches` accepts; returns how many. */
  deleteWhere(matches: (key: string) => boolean): number {
    let removed = 0;
    for (const key of [...this.entries.keys()]) {
      if (matches(key)) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  values(): IterableIterator<[string, { value: V; at: number }]> {
    return this.entries.entries();
  }
}

export class MemoryStore implements Store {
  readonly kind = "memory";
  private readonly events: EventDeduper;
  private readonly contexts: AgedMap<ConversationContext>;
  private readonly unanswered: AgedMap<{ count: number; first: number }>;
  private readonly unansweredTtlMs: number;

  constructor(
    limits: MemoryLimits = {},
    private readonly now: () => number = Date.now,
  ) {
    this.events = new EventDeduper(
      limits.dedupeCapacity ?? DEDUPE_CAPACITY,
      limits.dedupeTtlMs ?? EVENT_RETENTION_MS,
      now,
    );
    this.contexts = new AgedMap(
      limits.conversations ?? CONVERSATION_CAPACITY,
      limits.contextTtlMs ?? CONTEXT_RETENTION_MS,
    );
    this.unansweredTtlMs = limits.unansweredTtlMs ?? UNANSWERED_RETENTION_MS;
    this.unanswered = new AgedMap(limits.unanswered ?? UNANSWERED_CAPACITY, this.unansweredTtlMs);
  }

  /** Entries held now, per kind (each bounded by its capacity). */
  get sizes(): { events: number; contexts: number; unanswered: number } {
    return { events: this.events.size, contexts: this.contexts.size, unanswered: this.unanswered.size };
  }

  /** Synchronous claim, for callers that must not wait (ResilientStore checks it before PostgreSQL). */
  claimEventNow(eventId: string, remember?: ContextWrite): boolean {
    const won = this.events.firstTime(eventId);
    if (won && remember !== undefined) this.setContextNow(remember.key, remember.context);
    return won;
  }

  async claimEvent(eventId: string, remember?: ContextWrite): Promise<boolean> {
    return this.claimEventNow(eventId, remember);
  }

  getContextNow(key: string): ConversationContext | undefined {
    return this.contexts.get(key, this.now());
  }

  async getContext(key: string): Promise<ConversationContext | undefined> {
    return this.getContextNow(key);
  }

  setContextNow(key: string, context: ConversationContext): void {
    this.contexts.set(key, { ...context }, this.now());
  }

  async setContext(key: string, context: ConversationContext): Promise<void> {
    this.setContextNow(key, context);
  }

  async forgetTeam(teamId: string): Promise<number> {
    return this.contexts.deleteWhere((key) => key.split(":")[1] === teamId);
  }

  async recordUnanswered(text: string): Promise<void> {
    const now = this.now();
    const previous = this.unanswered.get(text, now);
    this.unanswered.set(text, { count: (previous?.count ?? 0) + 1, first: previous?.first ?? now }, now);
  }

  async topUnanswered(limit: number): Promise<UnansweredRow[]> {
    const now = this.now();
    const rows: UnansweredRow[] = [];
    for (const [text, { value, at }] of this.unanswered.values()) {
      if (now - at >= this.unansweredTtlMs) continue;
      rows.push({ text, count: value.count, firstAsked: new Date(value.first), lastAsked: new Date(at) });
    }
    rows.sort((a, b) => b.count - a.count || b.lastAsked.getTime() - a.lastAsked.getTime());
    return rows.slice(0, Math.max(0, limit));
  }

  async cleanup(): Promise<CleanupResult> {
    const now = this.now();
    return {
      events: this.events.expire(now),
      contexts: this.contexts.expire(now),
      unanswered: this.unanswered.expire(now),
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
