/**
 * The PostgreSQL store (client `pg`, one Pool per process). Every statement is bounded: the server cancels it
 * after STATEMENT_TIMEOUT_MS, the client gives up after QUERY_TIMEOUT_MS, and getting a connection gives up after
 * CONNECT_TIMEOUT_MS. Times are passed from the process clock (`now`), so expiry is the same rule as the memory
 * store's and tests can control it.
 */
import pg from "pg";
import type { ConversationContext } from "../questions/types.ts";
import { z } from "../runtime/zod.ts";
import { Batcher } from "./batch.ts";
import { migrate } from "./migrate.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import {
  type CleanupResult,
  CONTEXT_RETENTION_MS,
  type ContextWrite,
  EVENT_RETENTION_MS,
  type Store,
  UNANSWERED_RETENTION_MS,
  type UnansweredRow,
} from "./types.ts";

export const STATEMENT_TIMEOUT_MS = 2_000;
export const QUERY_TIMEOUT_MS = 2_500;
export const CONNECT_TIMEOUT_MS = 1_500;
export const POOL_SIZE = 10;
/** Event claims (and, separately, context writes) at the database at once; the rest wait and go as one batch.
 * One measured better than two under 50 clients (`npm run load -- --replicas 2 --database`, README). */
export const BATCHES_IN_FLIGHT = 1;
/** Claims or context writes in one statement at most. */
export const MAX_BATCH = 500;
/** Rows one cleanup pass deletes at most per table (the next pass takes the rest). */
export const CLEANUP_BATCH = 10_000;

export interface PostgresStoreOptions {
  connectionString: string;
  now?: () => number;
  poolSize?: number;
  /** Batches of claims (and of context writes) at the database at once (default BATCHES_IN_FLIGHT). */
  batchesInFlight?: number;
  /** Called for errors of idle pooled connections (the server restarting, a dropped socket). */
  onPoolError?: (error: Error) => void;
}

/** One claim in a batch: an event id and, maybe, the context to store if the claim is won. */
interface Claim {
  id: string;
  remember: ContextWrite | undefined;
}

const StoredContext = z.object({
  company: z.string().optional(),
  role: z.string().optional(),
  region: z.string().optional(),
  checkedFigures: z.boolean().optional(),
});

/** The pool's settings: bounded statements, queries and connection attempts. */
export function poolConfig(connectionString: string, max = POOL_SIZE): pg.PoolConfig {
  return {
    connectionString,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 5 * 60_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
    application_name: "compbot",
  };
}

/** Claim a batch of event ids ($1) at $2 where no live claim (newer than $3) exists; returns the ids won. */
const CLAIM_EVENTS = `INSERT INTO compbot_events (event_id, claimed_at)
  SELECT id, $2 FROM unnest($1::text[]) AS id
  ON CONFLICT (event_id) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
  WHERE compbot_events.claimed_at <= $3
  RETURNING event_id`;

/**
 * CLAIM_EVENTS, and the context of each won claim: keys $4, the claiming event ids $5, contexts (JSON) $6, in
 * arrival order. Of two won claims for one key, the later one's context is written; keys go in sorted order.
 */
const CLAIM_EVENTS_WITH_CONTEXTS = `WITH won AS (${CLAIM_EVENTS}),
  written AS (
    INSERT INTO compbot_contexts (key, context, updated_at)
    SELECT DISTINCT ON (t.k) t.k, t.c::jsonb, $2
    FROM unnest($4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(k, e, c, n)
    WHERE t.e IN (SELECT event_id FROM won)
    ORDER BY t.k, t.n DESC
    ON CONFLICT (key) DO UPDATE SET context = EXCLUDED.context, updated_at = EXCLUDED.updated_at
  )
  SELECT event_id FROM won`;

export class PostgresStore implements Store {
  readonly kind = "postgres";
  readonly pool: pg.Pool;
  private readonly now: () => number;
  private readonly claims: Batcher<Claim, boolean>;
  private readonly contexts: Batcher<ContextWrite, undefined>;

  constructor(options: PostgresStoreOptions) {
    this.now = options.now ?? Date.now;
    this.pool = new pg.Pool(poolConfig(options.connectionString, options.poolSize));
    const batching = { maxInFlight: options.batchesInFlight ?? BATCHES_IN_FLIGHT, maxBatch: MAX_BATCH };
    this.claims = new Batcher((claims) => this.claimBatch(claims), batching);
    this.contexts = new Batcher((writes) => this.setContextBatch(writes), batching);
    // Without a listener, an idle connection's error (server restart) would crash the process.
    this.pool.on("error", (error) => options.onPoolError?.(error));
  }

  /** Apply pending schema migrations (under the advisory lock); returns the versions applied. */
  migrate(): Promise<number[]> {
    return migrate(this.pool, MIGRATIONS);
  }

  private at(offsetMs = 0): Date {
    return new Date(this.now() - offsetMs);
  }

  claimEvent(eventId: string, remember?: ContextWrite): Promise<boolean> {
    return this.claims.submit({ id: eventId, remember });
  }

  /**
   * One statement for a batch of claims. Each id is claimed atomically (a new id is inserted; an expired one is
   * claimed again; a live one is left alone) and RETURNING names the ids this batch won. Ids are sorted so that
   * two replicas' batches lock rows in the same order (no deadlock); an id twice in one batch is claimed once,
   * by its first call. The contexts of the won claims are written by the same statement (after the claims, keys
   * sorted, so the lock order holds).
   */
  private async claimBatch(claims: readonly Claim[]): Promise<boolean[]> {
    const firsts = new Map<string, Claim>();
    for (const c of claims) if (!firsts.has(c.id)) firsts.set(c.id, c);
    const unique = [...firsts.keys()].sort();
    // Only a claim's first call can win, so only its context can be written.
    const writes = [...firsts.values()].flatMap((c) => (c.remember === undefined ? [] : [c]));
    const claimValues = [unique, this.at(), this.at(EVENT_RETENTION_MS)];
    const result = await this.pool.query<{ event_id: string }>(
      writes.length === 0
        ? { name: "compbot_claim_events", text: CLAIM_EVENTS, values: claimValues }
        : {
            name: "compbot_claim_events_with_contexts",
            text: CLAIM_EVENTS_WITH_CONTEXTS,
            values: [
              ...claimValues,
              writes.map((c) => c.remember?.key),
              writes.map((c) => c.id),
              writes.map((c) => JSON.stringify(c.remember?.context)),
            ],
          },
    );
    const won = new Set(result.rows.map((r) => r.event_id));
    return claims.map((c) => c === firsts.get(c.id) && won.has(c.id));
  }

  async getContext(key: string): Promise<ConversationContext | undefined> {
    const result = await this.pool.query<{ context: unknown }>({
      name: "compbot_get_context",
      text: "SELECT context FROM compbot_contexts WHERE key = $1 AND updated_at > $2",
      values: [key, this.at(CONTEXT_RETENTION_MS)],
    });
    const row = result.rows[0];
    if (row === undefined) return undefined;
    const parsed = StoredContext.safeParse(row.context);
    if (!parsed.success) return undefined;
    const context: ConversationContext = {};
    if (parsed.data.company !== undefined) context.company = parsed.data.company;
    if (parsed.data.role !== undefined) context.role = parsed.data.role;
    if (parsed.data.region !== undefined) context.region = parsed.data.region;
    if (parsed.data.checkedFigures !== undefined) context.checkedFigures = parsed.data.checkedFigures;
    return context;
  }

  async setContext(key: string, context: ConversationContext): Promise<void> {
    await this.contexts.submit({ key, context });
  }

  /** One statement for a batch of context writes: the last write of a key in the batch wins; keys in sorted order. */
  private async setContextBatch(writes: readonly ContextWrite[]): Promise<undefined[]> {
    const last = new Map<string, ConversationContext>();
    for (const w of writes) last.set(w.key, w.context);
    const keys = [...last.keys()].sort();
    await this.pool.query({
      name: "compbot_set_contexts",
      text: `INSERT INTO compbot_contexts (key, context, updated_at)
             SELECT k, c::jsonb, $3 FROM unnest($1::text[], $2::text[]) AS t(k, c)
             ON CONFLICT (key) DO UPDATE SET context = EXCLUDED.context, updated_at = EXCLUDED.updated_at`,
      values: [keys, keys.map((k) => JSON.stringify(last.get(k))), this.at()],
    });
    return writes.map(() => undefined);
  }

  async forgetTeam(teamId: string): Promise<number> {
    // Keys are <kind>:<team id>:… ; the second field is compared whole (no LIKE, so "T1" never matches "T10").
    const result = await this.pool.query("DELETE FROM compbot_contexts WHERE split_part(key, ':', 2) = $1", [
      teamId,
    ]);
    return result.rowCount ?? 0;
  }

  async recordUnanswered(text: string): Promise<void> {
    // An expired row (not cleaned up yet) starts again from 1.
    await this.pool.query(
      `INSERT INTO compbot_unanswered (text, count, first_asked, last_asked) VALUES ($1, 1, $2, $2)
       ON CONFLICT (text) DO UPDATE SET
         count = CASE WHEN compbot_unanswered.last_asked <= $3 THEN 1 ELSE compbot_unanswered.count + 1 END,
         first_asked = CASE WHEN compbot_unanswered.last_asked <= $3 THEN EXCLUDED.first_asked
                            ELSE compbot_unanswered.first_asked END,
         last_asked = EXCLUDED.last_asked`,
      [text, this.at(), this.at(UNANSWERED_RETENTION_MS)],
    );
  }

  async topUnanswered(limit: number): Promise<UnansweredRow[]> {
    const result = await this.pool.query<{
      text: string;
      count: string;
      first_asked: Date;
      last_asked: Date;
    }>(
      `SELECT text, count, first_asked, last_asked FROM compbot_unanswered
       WHERE last_asked > $1 ORDER BY count DESC, last_asked DESC LIMIT $2`,
      [this.at(UNANSWERED_RETENTION_MS), Math.max(0, Math.floor(limit))],
    );
    return result.rows.map((r) => ({
      text: r.text,
      count: Number(r.count),
      firstAsked: r.first_asked,
      lastAsked: r.last_asked,
    }));
  }

  async cleanup(): Promise<CleanupResult> {
    const deleted = async (table: string, key: string, column: string, retentionMs: number) => {
      const result = await this.pool.query(
        `DELETE FROM ${table} WHERE ${key} IN
           (SELECT ${key} FROM ${table} WHERE ${column} <= $1 LIMIT ${CLEANUP_BATCH})`,
        [this.at(retentionMs)],
      );
      return result.rowCount ?? 0;
    };
    return {
      events: await deleted("compbot_events", "event_id", "claimed_at", EVENT_RETENTION_MS),
      contexts: await deleted("compbot_contexts", "key", "updated_at", CONTEXT_RETENTION_MS),
      unanswered: await deleted("compbot_unanswered", "text", "last_asked", UNANSWERED_RETENTION_MS),
    };
  }

  /** A read of a table every request uses: fails while PostgreSQL is down, waits while that table is locked. */
  async ping(): Promise<void> {
    await this.pool.query("SELECT 1 FROM compbot_events LIMIT 1");
  }

  /** Open `n` pooled connections now, so that the first requests do not each wait for a new one. */
  async warm(n = 4): Promise<void> {
    await Promise.all(Array.from({ length: Math.min(n, POOL_SIZE) }, () => this.ping()));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
