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
});
