/** Schema migrations against a real PostgreSQL: versioned, idempotent, safe when replicas start together. */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMigrations, type Migration, migrate } from "../../src/store/migrate.ts";
import { MIGRATIONS } from "../../src/store/migrations/index.ts";
import { poolConfig } from "../../src/store/postgres.ts";
import { type PostgresServer, startPostgres } from "../support/postgres.ts";

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    return result.rows.map((r) => r.tablename);
  } finally {
    await client.end();
  }
}

async function appliedVersions(url: string): Promise<{ version: number; name: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT version, name FROM compbot_schema_migrations ORDER BY version")).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("two starts at once on an empty database both succeed; each migration is applied once", async () => {
    const url = await server.createDatabase("race");
    const pools = Array.from({ length: 4 }, () => new pg.Pool(poolConfig(url, 2)));
    try {
      const results = await Promise.all(pools.map((pool) => migrate(pool, MIGRATIONS)));
      // Exactly one start applied versions 1 and 2; the others found them done.
      expect(results.flat()).toEqual([1, 2]);
      expect(await appliedVersions(url)).toEqual([
        { version: 1, name: "shared state: events, contexts, unanswered" },
        { version: 2, name: "installations (OAuth), tokens sealed" },
      ]);
      expect(await tables(url)).toEqual([
        "compbot_contexts",
        "compbot_events",
        "compbot_installations",
        "compbot_schema_migrations",
        "compbot_unanswered",
      ]);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it("running again applies nothing; a migration added later is applied on the next start", async () => {
    const url = await server.createDatabase("later");
    const pool = new pg.Pool(poolConfig(url, 2));
    try {
      expect(await migrate(pool, MIGRATIONS)).toEqual([1, 2]);
      expect(await migrate(pool, MIGRATIONS)).toEqual([]);
      const added: Migration = {
        version: 3,
        name: "another module's table",
        sql: "CREATE TABLE compbot_later (id int PRIMARY KEY)",
      };
      expect(await migrate(pool, [...MIGRATIONS, added])).toEqual([3]);
      expect(await migrate(pool, [...MIGRATIONS, added])).toEqual([]);
      expect((await appliedVersions(url)).map((r) => r.version)).toEqual([1, 2, 3]);
      expect(await tables(url)).toContain("compbot_later");
    } finally {
      await pool.end();
    }
  });

  it("a failing migration is rolled back whole, names itself, and leaves the lock free", async () => {
    const url = await server.createDatabase("failing");
    const pool = new pg.Pool(poolConfig(url, 2));
    try {
      const bad: Migration = {
        version: 3,
        name: "broken",
        sql: "CREATE TABLE compbot_half (id int); SELECT no_such_column FROM compbot_half",
      };
      await expect(migrate(pool, [...MIGRATIONS, bad])).rejects.toThrow(/^Migration 3 \(broken\) failed: /);
      expect(await tables(url)).not.toContain("compbot_half");
      expect((await appliedVersions(url)).map((r) => r.version)).toEqual([1, 2]);
      // The advisory lock was released: the next start does not wait.
      expect(await migrate(pool, MIGRATIONS)).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("versions must be whole numbers increasing from 1", () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, sql: "" });
    expect(() => checkMigrations([m(1), m(2), m(5)])).not.toThrow();
    expect(() => checkMigrations([m(2), m(1)])).toThrow(/Migration 1 \(m1\) is out of order/);
    expect(() => checkMigrations([m(1), m(1)])).toThrow(/out of order/);
    expect(() => checkMigrations([m(0)])).toThrow(/out of order/);
    expect(() => checkMigrations([m(1.5)])).toThrow(/out of order/);
  });
});
