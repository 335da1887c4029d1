/**
 * Schema migrations: versioned, applied in order, each in its own transaction, recorded in
 * compbot_schema_migrations, and run under a PostgreSQL advisory lock so that replicas starting together apply
 * each migration once (the second waits for the first, then finds nothing left to do).
 *
 * The list lives in migrations/index.ts (one file per migration). Another module adds its own by appending a
 * { version, name, sql } there with the next version number.
 */
import type pg from "pg";

export interface Migration {
  /** Positive, unique, increasing in the list. Never renumber or edit a migration once released. */
  version: number;
  /** Short name for logs and the migrations table. */
  name: string;
  /** SQL run in one transaction (several statements allowed). */
  sql: string;
}

/** pg_advisory_lock key: any fixed 64-bit number, the same in every CompBot version. */
export const MIGRATION_LOCK_KEY = 4_213_770_512;
export const MIGRATIONS_TABLE = "compbot_schema_migrations";
/** How long one start may wait for the lock and run the migrations. */
const MIGRATION_STATEMENT_TIMEOUT = "60s";

/** Throws when versions are not positive, unique and increasing. */
export function checkMigrations(migrations: readonly Migration[]): void {
  let last = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= last) {
      throw new Error(
        `Migration ${m.version} (${m.name}) is out of order: versions must be whole numbers, increasing from 1`,
      );
    }
    last = m.version;
  }
}

/** Apply the migrations not applied yet; returns the versions applied by this call. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<number[]> {
  checkMigrations(migrations);
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(`SET statement_timeout = '${MIGRATION_STATEMENT_TIMEOUT}'`);
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const done = new Set(
        (await client.query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`)).rows.map(
          (r) => r.version,
        ),
      );
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query("BEGIN");
        try {
          await client.query(m.sql);
          await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name) VALUES ($1, $2)`, [
            m.version,
            m.name,
          ]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw new Error(`Migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {
        broken = true; // closing the connection releases the lock
      });
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    if (!broken) await client.query("RESET statement_timeout").catch(() => undefined);
    // A client that failed midway is closed rather than returned to the pool (its session may hold the lock).
    client.release(broken);
  }
}
