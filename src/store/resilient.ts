/**
 * PostgreSQL first, memory when PostgreSQL is down or slow.
 *
 * - Every call to PostgreSQL is bounded by `callTimeoutMs` (default 1 s): a slow or unreachable database never
 *   holds up a Slack request for longer than that; the call is answered from the in-memory fallback instead.
 *   (No store call comes before an acknowledgement: Bolt acks events before any middleware, and /comp, buttons
 *   and the modal do not use the store before answering. The bound keeps an event's answer from waiting.)
 * - An error (connection refused or lost) marks the shared store down at once, TIMEOUTS_BEFORE_DOWN calls in a
 *   row without an answer too (one WARN line); later calls go straight to memory, without waiting. A single slow
 *   answer on a busy machine does not switch the replica to memory. A probe runs every `probeIntervalMs`
 *   (default 1 s): pending migrations, then a read of the events table; when it succeeds the shared store is
 *   used again (one INFO line), so within about 1-2 s of PostgreSQL coming back.
 * - Writes (event claims, contexts) also go to memory, so this process keeps its own dedupe and threads while
 *   the database is away. What that costs: while PostgreSQL is down, replicas do not see each other's claims
 *   and contexts (a retry that reaches another replica may be answered twice), and unanswered questions are
 *   counted in memory only (not in the report).
 * - Expired rows are deleted every `cleanupIntervalMs` (default 10 min), bounded per pass.
 */
import type { Logger } from "@slack/bolt";
import type { ConversationContext } from "../questions/types.ts";
import { MemoryStore } from "./memory.ts";
import type { PostgresStore } from "./postgres.ts";
import type { CleanupResult, ContextWrite, Store, UnansweredRow } from "./types.ts";

export const STORE_CALL_TIMEOUT_MS = 1_000;
/** Calls in a row that time out before the store is marked down (an error marks it down at once). */
export const TIMEOUTS_BEFORE_DOWN = 2;
export const PROBE_INTERVAL_MS = 1_000;
export const PROBE_TIMEOUT_MS = 3_000;
export const CLEANUP_INTERVAL_MS = 10 * 60_000;
/** How long the first start waits for PostgreSQL (connect + migrations) before answering from memory. */
export const OPEN_TIMEOUT_MS = 5_000;

export interface ResilientOptions {
  logger: Pick<Logger, "info" | "warn" | "error" | "debug">;
  fallback?: MemoryStore;
  callTimeoutMs?: number;
  probeIntervalMs?: number;
  cleanupIntervalMs?: number;
  openTimeoutMs?: number;
}

class StoreTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

function bounded<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout(ms)), ms);
    timer.unref();
  });
  // The losing promise must not become an unhandled rejection.
  promise.catch(() => undefined);
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message =
      error.message || (error as AggregateError).errors?.map((e: Error) => e.message).join("; ");
    return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
  }
  return String(error);
}

export class ResilientStore implements Store {
  readonly kind = "postgres";
  readonly fallback: MemoryStore;
  private up = false;
  private migrated = false;
  private closed = false;
  private probing: NodeJS.Timeout | undefined;
  private cleaning: NodeJS.Timeout | undefined;
  private probeRunning = false;
  private timeoutsInARow = 0;
  private readonly callTimeoutMs: number;
  private readonly probeIntervalMs: number;
  private readonly logger: ResilientOptions["logger"];

  constructor(
    readonly primary: PostgresStore,
    private readonly options: ResilientOptions,
  ) {
    this.fallback = options.fallback ?? new MemoryStore();
    this.callTimeoutMs = options.callTimeoutMs ?? STORE_CALL_TIMEOUT_MS;
    this.probeIntervalMs = options.probeIntervalMs ?? PROBE_INTERVAL_MS;
    this.logger = options.logger;
  }

  /** True while PostgreSQL is in use (false: answering from memory). */
  get shared(): boolean {
    return this.up;
  }

  /**
   * Connect and migrate, bounded by openTimeoutMs. Never throws: when PostgreSQL is not there, one WARN line, and
   * CompBot runs on memory until the probe finds it.
   */
  async open(): Promise<void> {
    try {
      await bounded(this.prepare(), this.options.openTimeoutMs ?? OPEN_TIMEOUT_MS);
      this.up = true;
      this.logger.info("Shared store: PostgreSQL is ready");
      void this.cleanupNow();
    } catch (error) {
      this.markDown(`PostgreSQL is not answering at start (${reason(error)})`);
    }
    const every = this.options.cleanupIntervalMs ?? CLEANUP_INTERVAL_MS;
    this.cleaning = setInterval(() => void this.cleanupNow(), every);
    this.cleaning.unref();
  }

  private async prepare(): Promise<void> {
    if (!this.migrated) {
      const applied = await this.primary.migrate();
      this.migrated = true;
      if (applied.length > 0) this.logger.info(`Shared store: applied migration(s) ${applied.join(", ")}`);
    }
    await this.primary.warm();
  }

  private markDown(why: string): void {
    if (this.closed) return;
    const wasUp = this.up;
    this.up = false;
    if (this.probing === undefined) {
      this.logger.warn(
        `Shared store unavailable: ${why}; answering from memory until it is back (/readyz says 503)`,
      );
      this.probing = setInterval(() => void this.probe(), this.probeIntervalMs);
      this.probing.unref();
    } else if (wasUp) {
      this.logger.debug(`Shared store: ${why}`);
    }
  }

  private async probe(): Promise<void> {
    if (this.probeRunning || this.up || this.closed) return;
    this.probeRunning = true;
    try {
      // Off the request path: a busy machine may take a while to open connections; that is no reason to stay down.
      await bounded(this.prepare(), PROBE_TIMEOUT_MS);
      if (this.closed) return;
      this.up = true;
      this.timeoutsInARow = 0;
      clearInterval(this.probing);
      this.probing = undefined;
      this.logger.info("Shared store: PostgreSQL is answering again; using it");
    } catch {
      // Still down: the next probe tries again. Logged once, when it went down.
    } finally {
      this.probeRunning = false;
    }
  }

  /** Run `op` on PostgreSQL (bounded) while it is up; on failure, mark it down and answer with `otherwise`. */
  private async first<T>(op: (s: PostgresStore) => Promise<T>, otherwise: () => T | Promise<T>): Promise<T> {
    if (!this.up) return otherwise();
    try {
      const result = await bounded(op(this.primary), this.callTimeoutMs);
      this.timeoutsInARow = 0;
      return result;
    } catch (error) {
      if (!(error instanceof StoreTimeout) || ++this.timeoutsInARow >= TIMEOUTS_BEFORE_DOWN) {
        this.markDown(`PostgreSQL failed a call (${reason(error)})`);
      }
      return otherwise();
    }
  }

  async claimEvent(eventId: string, remember?: ContextWrite): Promise<boolean> {
    // This process saw it already: no need to ask the database. (The context goes to memory too, as setContext's
    // does: the fallback has it if PostgreSQL goes down.)
    if (!this.fallback.claimEventNow(eventId, remember)) return false;
    return this.first(
      (s) => s.claimEvent(eventId, remember),
      () => true,
    );
  }

  async getContext(key: string): Promise<ConversationContext | undefined> {
    return this.first(
      (s) => s.getContext(key),
      () => this.fallback.getContextNow(key),
    );
  }

  async setContext(key: string, context: ConversationContext): Promise<void> {
    this.fallback.setContextNow(key, context);
    await this.first(
      (s) => s.setContext(key, context),
      () => undefined,
    );
  }

  /** Forgets in memory and, while it is up, in PostgreSQL (down: its rows expire after 24 hours). */
  async forgetTeam(teamId: string): Promise<number> {
    const local = await this.fallback.forgetTeam(teamId);
    return this.first(
      (s) => s.forgetTeam(teamId),
      () => local,
    );
  }

  async recordUnanswered(text: string): Promise<void> {
    await this.first(
      (s) => s.recordUnanswered(text),
      () => this.fallback.recordUnanswered(text),
    );
  }

  async topUnanswered(limit: number): Promise<UnansweredRow[]> {
    return this.first(
      (s) => s.topUnanswered(limit),
      () => this.fallback.topUnanswered(limit),
    );
  }

  private async cleanupNow(): Promise<void> {
    try {
      await this.cleanup();
    } catch (error) {
      this.logger.debug(`Shared store cleanup failed: ${reason(error)}`);
    }
  }

  /** Expired rows in memory, and in PostgreSQL when it is up (not bounded by the call timeout: off the request path). */
  async cleanup(): Promise<CleanupResult> {
    const local = await this.fallback.cleanup();
    if (!this.up) return local;
    return this.primary.cleanup();
  }

  /** Resolves when PostgreSQL answers now; rejects while the store runs on memory. */
  async ping(): Promise<void> {
    if (!this.up) throw new Error("PostgreSQL is not answering (running on the in-memory fallback)");
    try {
      await bounded(this.primary.ping(), Math.max(this.callTimeoutMs, 1_000));
    } catch (error) {
      this.markDown(`PostgreSQL failed a health check (${reason(error)})`);
      throw new Error(`PostgreSQL is not answering (${reason(error)})`);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.probing);
    clearInterval(this.cleaning);
    this.probing = undefined;
    await bounded(this.primary.close(), 1_000).catch(() => undefined);
  }
}
