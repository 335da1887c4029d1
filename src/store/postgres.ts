/**
 * The PostgreSQL store (client `pg`, one Pool per process). Every statement is bounded: the server cancels it
 * after STATEMENT_TIMEOUT_MS, the client gives up after QUERY_TIMEOUT_MS, and getting a connection gives up after
 * CONNECT_TIMEOUT_MS. Times are passed from the process clock (`now`), so expiry is the same rule as the memory
 * store's and tests can control it.
 */
import pg from "pg";
import { z } from "zod";
import type { ConversationContext } from "../questions/types.ts";
import { migrate } from "./migrate.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import {
  type CleanupResult,
  CONTEXT_RETENTION_MS,
  EVENT_RETENTION_MS,
  type Store,
  UNANSWERED_RETENTION_MS,
  type UnansweredRow,
} from "./types.ts";

export const STATEMENT_TIMEOUT_MS = 2_000;
export const QUERY_TIMEOUT_MS = 2_500;
export const CONNECT_TIMEOUT_MS = 1_500;
export const POOL_SIZE = 10;
/** Rows one cleanup pass deletes at most per table (the next pass takes the rest). */
export const CLEANUP_BATCH = 10_000;

export interface PostgresStoreOptions {
  connectionString: string;
  now?: () => number;
  poolSize?: number;
  /** Called for errors of idle pooled connections (the server restarting, a dropped socket). */
  onPoolError?: (error: Error) => void;
}

const StoredContext = z.object({ company: z.string().optional(), role: z.string().optional() });

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

export class PostgresStore implements Store {
  readonly kind = "postgres";
  readonly pool: pg.Pool;
  private readonly now: () => number;

  constructor(options: PostgresStoreOptions) {
    this.now = options.now ?? Date.now;
    this.pool = new pg.Pool(poolConfig(options.connectionString, options.poolSize));
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

  async claimEvent(eventId: string): Promise<boolean> {
    // One atomic statement: a new id is inserted; an expired one is claimed again; a live one is left alone.
    const result = await this.pool.query(
      `INSERT INTO compbot_events (event_id, claimed_at) VALUES ($1, $2)
       ON CONFLICT (event_id) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
       WHERE compbot_events.claimed_at <= $3`,
      [eventId, this.at(), this.at(EVENT_RETENTION_MS)],
    );
    return result.rowCount === 1;
  }

  async getContext(key: string): Promise<ConversationContext | undefined> {
    const result = await this.pool.query<{ context: unknown }>(
      "SELECT context FROM compbot_contexts WHERE key = $1 AND updated_at > $2",
      [key, this.at(CONTEXT_RETENTION_MS)],
    );
    const row = result.rows[0];
    if (row === undefined) return undefined;
    const parsed = StoredContext.safeParse(row.context);
    if (!parsed.success) return undefined;
    const context: ConversationContext = {};
    if (parsed.data.company !== undefined) context.company = parsed.data.company;
    if (parsed.data.role !== undefined) context.role = parsed.data.role;
    return context;
  }

  async setContext(key: string, context: ConversationContext): Promise<void> {
    await this.pool.query(
      `INSERT INTO compbot_contexts (key, context, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET context = EXCLUDED.context, updated_at = EXCLUDED.updated_at`,
      [key, JSON.stringify(context), this.at()],
    );
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
