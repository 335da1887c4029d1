/**
 * The store: every piece of state that must outlive a process or be shared between replicas.
 *
 * - event dedupe: an Events API `event_id` is claimed once (kept EVENT_RETENTION_MS);
 * - conversation context: a thread or DM key -> what it is about (kept CONTEXT_RETENTION_MS since its last
 *   write);
 * - unanswered questions: normalised words + a count, no user id and no figure (kept UNANSWERED_RETENTION_MS
 *   since last asked).
 *
 * Implementations: MemoryStore (one process, bounded; the default), PostgresStore (DATABASE_URL), and
 * ResilientStore, which puts a PostgresStore first and falls back to a MemoryStore while PostgreSQL is down or
 * slow. Every method is async; none is called on the path of a Slack acknowledgement without a time bound.
 */
import type { ConversationContext } from "../questions/types.ts";

export const EVENT_RETENTION_MS = 60 * 60_000;
export const CONTEXT_RETENTION_MS = 24 * 60 * 60_000;
export const UNANSWERED_RETENTION_MS = 90 * 24 * 60 * 60_000;

/** One line of the unanswered-questions report. */
export interface UnansweredRow {
  /** Normalised words (see unanswered.ts): lower case, no figures. */
  text: string;
  count: number;
  firstAsked: Date;
  lastAsked: Date;
}

/** Rows deleted by one cleanup pass. */
export interface CleanupResult {
  events: number;
  contexts: number;
  unanswered: number;
}

/** A conversation's context to remember, with the event claim that decides whether it is written. */
export interface ContextWrite {
  key: string;
  context: ConversationContext;
}

export interface Store {
  /** "memory", or "postgres" for a store backed by PostgreSQL (possibly on its in-memory fallback right now). */
  readonly kind: "memory" | "postgres";
  /**
   * True the first time `eventId` is claimed (or when its earlier claim has expired); false for a repeat.
   * Atomic across every process sharing the store. With `remember`, a call that wins the claim also stores that
   * context (as setContext would), in the same step: one round trip to PostgreSQL instead of two. A call that
   * loses writes nothing.
   */
  claimEvent(eventId: string, remember?: ContextWrite): Promise<boolean>;
  /** The context remembered for a conversation key, unless expired. */
  getContext(key: string): Promise<ConversationContext | undefined>;
  setContext(key: string, context: ConversationContext): Promise<void>;
  /**
   * Forget every conversation of one workspace (a workspace that uninstalled CompBot): the keys
   * `<kind>:<team id>:…` (see conversationKey). Resolves with how many were forgotten.
   */
  forgetTeam(teamId: string): Promise<number>;
  /** Count one more ask of an unanswered question (already normalised: see unansweredText). */
  recordUnanswered(text: string): Promise<void>;
  /** The most asked unanswered questions, most asked first (ties: most recently asked first). */
  topUnanswered(limit: number): Promise<UnansweredRow[]>;
  /** Delete expired rows (bounded per call). */
  cleanup(): Promise<CleanupResult>;
  /** Resolves when the store answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
