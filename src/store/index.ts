/**
 * The store CompBot's Slack modes use. Typical use (run.ts):
 *
 *   const store = await openStore({ databaseUrl: config.databaseUrl, logger });  // never throws
 *   const slack = createSlackApp({ config, bot, logger, store });
 *   ...
 *   await store.close();
 */
import type { Logger } from "@slack/bolt";
import { type MemoryLimits, MemoryStore } from "./memory.ts";
import { type ResilientOptions, ResilientStore } from "./resilient.ts";
import type { Store } from "./types.ts";

export { MemoryStore } from "./memory.ts";
export { ResilientStore } from "./resilient.ts";
export type { Store, UnansweredRow } from "./types.ts";

export interface OpenStoreOptions {
  /** PostgreSQL URL; undefined = the in-memory store. */
  databaseUrl: string | undefined;
  logger: Pick<Logger, "info" | "warn" | "error" | "debug">;
  limits?: MemoryLimits;
  /** Faster timings for tests (probe interval, call timeout). */
  tuning?: Omit<ResilientOptions, "logger" | "fallback">;
}

/**
 * The in-memory store without DATABASE_URL. With it: PostgreSQL (migrated at start, under the advisory lock)
 * with the in-memory fallback; when PostgreSQL is not there, one WARN line and CompBot runs on memory until it is.
 * The PostgreSQL client (`pg`, about 0.1 s to load) is only loaded then: a start on memory does without it.
 */
export async function openStore({
  databaseUrl,
  logger,
  limits = {},
  tuning = {},
}: OpenStoreOptions): Promise<Store> {
  if (databaseUrl === undefined) return new MemoryStore(limits);
  const { PostgresStore } = await import("./postgres.ts");
  const primary = new PostgresStore({
    connectionString: databaseUrl,
    onPoolError: (error) => logger.debug(`PostgreSQL connection closed: ${error.message}`),
  });
  const store = new ResilientStore(primary, { logger, fallback: new MemoryStore(limits), ...tuning });
  await store.open();
  return store;
}
