/** The store contract against a real PostgreSQL server started by this file; plus PostgreSQL-only checks. */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresStore } from "../../src/store/postgres.ts";
import { type PostgresServer, startPostgres } from "../support/postgres.ts";
import { storeContract } from "./contract.ts";

let server: PostgresServer;
let url: string;

beforeAll(async () => {
  server = await startPostgres();
  url = await server.createDatabase("contract");
  const store = new PostgresStore({ connectionString: url });
  await store.migrate();
  await store.close();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

storeContract("postgres", async (clock) => {
  const store = new PostgresStore({ connectionString: url, now: clock });
  await store.pool.query("TRUNCATE compbot_events, compbot_contexts, compbot_unanswered");
  return { store, dispose: () => store.close() };
});

describe("postgres store", () => {
  it("old rows inserted directly are deleted by cleanup; fresh ones stay", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("TRUNCATE compbot_events, compbot_contexts, compbot_unanswered");
      await client.query(
        `INSERT INTO compbot_events VALUES ('EvStale', now() - interval '61 minutes'), ('EvFresh', now())`,
      );
      await client.query(
        `INSERT INTO compbot_contexts VALUES ('dm:T:Dold', '{"company":"acme"}', now() - interval '25 hours'),
                                             ('dm:T:Dnew', '{"company":"acme"}', now())`,
      );
      await client.query(
        `INSERT INTO compbot_unanswered VALUES ('old words', 4, now() - interval '100 days', now() - interval '91 days'),
                                               ('new words', 2, now() - interval '100 days', now() - interval '1 day')`,
      );
      const store = new PostgresStore({ connectionString: url });
      try {
        expect(await store.cleanup()).toEqual({ events: 1, contexts: 1, unanswered: 1 });
      } finally {
        await store.close();
      }
      const left = await client.query(
        `SELECT (SELECT string_agg(event_id, ',') FROM compbot_events) AS events,
                (SELECT string_agg(key, ',') FROM compbot_contexts) AS contexts,
                (SELECT string_agg(text, ',') FROM compbot_unanswered) AS unanswered`,
      );
      expect(left.rows[0]).toEqual({ events: "EvFresh", contexts: "dm:T:Dnew", unanswered: "new words" });
    } finally {
      await client.end();
    }
  });

  it("a context row that is not a context object reads as none", async () => {
    const store = new PostgresStore({ connectionString: url });
    try {
      await store.pool.query(
        `INSERT INTO compbot_contexts VALUES ('dm:T:Dbad', '{"company":42}', now())
         ON CONFLICT (key) DO UPDATE SET context = EXCLUDED.context`,
      );
      expect(await store.getContext("dm:T:Dbad")).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it("claims made at the same time by two replicas: each id is won exactly once, in fewer statements than claims", async () => {
    // Each statement reads the clock once for its own time (and once for the expiry bound), so with a clock that
    // moves 1 s per reading, the claims of one statement share a claimed_at and different statements never do.
    let tick = Date.UTC(2026, 11, 1);
    const clock = () => (tick += 1_000);
    const a = new PostgresStore({ connectionString: url, now: clock });
    const b = new PostgresStore({ connectionString: url, now: clock });
    try {
      await a.pool.query("TRUNCATE compbot_events");
      const ids = Array.from({ length: 200 }, (_, i) => `EvBatch${String(i).padStart(3, "0")}`);
      // Every id is claimed by both replicas, in opposite orders, all at once.
      const claims = await Promise.all([
        ...ids.map(async (id) => ({ id, won: await a.claimEvent(id) })),
        ...[...ids].reverse().map(async (id) => ({ id, won: await b.claimEvent(id) })),
      ]);
      const winners = new Map<string, number>();
      for (const c of claims) if (c.won) winners.set(c.id, (winners.get(c.id) ?? 0) + 1);
      expect(winners.size).toBe(200);
      expect([...winners.values()].every((n) => n === 1)).toBe(true);

      const rows = await a.pool.query<{ n: string; statements: string }>(
        "SELECT count(*) AS n, count(DISTINCT claimed_at) AS statements FROM compbot_events",
      );
      expect(rows.rows[0]?.n).toBe("200");
      // 400 claims went to the database; batching sent them in far fewer statements (at most 2 in flight per store).
      expect(Number(rows.rows[0]?.statements)).toBeLessThan(40);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("an id claimed twice at the same time (so twice in one batch) is won by its first call only", async () => {
    const store = new PostgresStore({ connectionString: url });
    try {
      await store.pool.query("TRUNCATE compbot_events");
      const ids = Array.from({ length: 20 }, (_, i) => `EvTwice${i}`).flatMap((id) => [id, id]);
      const results = await Promise.all(ids.map((id) => store.claimEvent(id)));
      expect(results).toEqual(ids.map((_, i) => i % 2 === 0));
    } finally {
      await store.close();
    }
  });

  it("a claim with a context is one statement: the context row carries the claim's own time", async () => {
    // The clock moves 1 s per reading: two statements could not write the same time.
    let tick = Date.UTC(2026, 11, 2);
    const store = new PostgresStore({ connectionString: url, now: () => (tick += 1_000) });
    try {
      await store.pool.query("TRUNCATE compbot_events, compbot_contexts");
      expect(
        await store.claimEvent("EvOneTrip", { key: "thread:T1:C1:1.5", context: { company: "acme" } }),
      ).toBe(true);
      const rows = await store.pool.query<{ same: boolean }>(
        `SELECT e.claimed_at = c.updated_at AS same FROM compbot_events e, compbot_contexts c
         WHERE e.event_id = 'EvOneTrip' AND c.key = 'thread:T1:C1:1.5'`,
      );
      expect(rows.rows).toEqual([{ same: true }]);
    } finally {
      await store.close();
    }
  });

  it("one batch, one key: a retry's context is never written over the new event's; of two new events the later wins", async () => {
    // One batch in flight: the first claim goes alone, the others queue behind it and go together. The clock moves
    // 1 s per reading, so each statement has its own claimed_at.
    let tick = Date.UTC(2026, 11, 3);
    const store = new PostgresStore({
      connectionString: url,
      batchesInFlight: 1,
      now: () => (tick += 1_000),
    });
    try {
      await store.pool.query("TRUNCATE compbot_events, compbot_contexts");
      expect(await store.claimEvent("EvSeen")).toBe(true);
      const key = "thread:T1:C1:2.5";
      const other = "thread:T1:C1:3.5";
      const results = await Promise.all([
        store.claimEvent("EvAhead"),
        store.claimEvent("EvNew", { key, context: { company: "segment" } }),
        store.claimEvent("EvSeen", { key, context: { company: "stripe" } }),
        store.claimEvent("EvFirst", { key: other, context: { company: "acme" } }),
        store.claimEvent("EvSecond", { key: other, context: { company: "globex" } }),
      ]);
      expect(results).toEqual([true, true, false, true, true]);
      expect(await store.getContext(key)).toEqual({ company: "segment" });
      expect(await store.getContext(other)).toEqual({ company: "globex" });
      // The new claims behind the first went as one statement (one claimed_at): the case above was one batch.
      const times = await store.pool.query<{ n: string }>(
        "SELECT count(DISTINCT claimed_at) AS n FROM compbot_events WHERE event_id IN ('EvNew', 'EvFirst', 'EvSecond')",
      );
      expect(times.rows[0]?.n).toBe("1");
    } finally {
      await store.close();
    }
  });

  it("context writes at the same time: the last write of a key wins, every key is stored", async () => {
    // One batch in flight: the first write goes alone, all the others queue behind it and go as one batch.
    const store = new PostgresStore({ connectionString: url, batchesInFlight: 1 });
    try {
      await store.pool.query("TRUNCATE compbot_contexts");
      const keys = Array.from({ length: 10 }, (_, i) => `thread:T1:C1:${i}.0`);
      await Promise.all(
        keys.flatMap((key) => [
          store.setContext(key, { company: "acme", role: "ml-engineer" }),
          store.setContext(key, { company: "segment", role: "ml-ai-engineer" }),
        ]),
      );
      for (const key of keys) {
        expect(await store.getContext(key)).toEqual({ company: "segment", role: "ml-ai-engineer" });
      }
    } finally {
      await store.close();
    }
  });
});
