/**
 * The real Bolt app in HTTP mode (in this process) on a PostgreSQL store, while the real PostgreSQL server is
 * stopped, started again, or holds a lock: CompBot keeps answering from memory, /readyz says 503, and the shared
 * store is used again within 5 s of PostgreSQL coming back.
 */
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLineLogger } from "../../src/slack/log.ts";
import { openStore } from "../../src/store/index.ts";
import type { Store } from "../../src/store/types.ts";
import { FAKE_BOT_USER_ID, type Json } from "../support/fake-slack.ts";
import { type PostgresServer, startPostgres } from "../support/postgres.ts";
import { appMentionEvent, eventCallback, slashCommand, uniqueId } from "../support/signing.ts";
import { allText, type Harness, logSink, startHttpHarness } from "../support/slack-harness.ts";

const BOT = `<@${FAKE_BOT_USER_ID}>`;
/** The bound: the shared store is used again within 5 s of PostgreSQL answering again. */
const BACK_WITHIN_MS = 5_000;

let server: PostgresServer;
let url: string;

beforeAll(async () => {
  server = await startPostgres();
  url = await server.createDatabase("faults");
}, 60_000);

afterAll(async () => {
  await server?.close();
});

interface Running {
  h: Harness;
  store: Store;
  storeLogs: ReturnType<typeof logSink>;
}
let running: Running | undefined;

async function start(): Promise<Running> {
  const storeLogs = logSink();
  const logger = createLineLogger({ level: "debug", write: storeLogs.write });
  const store = await openStore({ databaseUrl: url, logger });
  const h = await startHttpHarness({ store });
  running = { h, store, storeLogs };
  return running;
}

afterEach(async () => {
  if (!server.running) await server.start();
  await running?.h.close();
  await running?.store.close();
  running = undefined;
});

async function getJson(h: Harness, path: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${h.base}${path}`);
  return { status: res.status, body: (await res.json()) as Json };
}

async function comp(h: Harness, text: string): Promise<{ status: number; text: string }> {
  const res = await h.send(slashCommand({ text, response_url: h.fake.responseUrl(uniqueId("cmd")) }));
  return { status: res.status, text: allText((await res.json()) as Json) };
}

/** Deliver a mention and return the answer posted in its thread. */
async function mention(h: Harness, text: string, channel: string, threadTs?: string) {
  const event = appMentionEvent({
    text: `${BOT} ${text}`,
    channel,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  const request = eventCallback(event);
  const since = h.fake.mark();
  expect((await h.send(request)).status).toBe(200);
  const call = await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === channel, {
    since,
  });
  return { call, eventId: request.eventId, ts: String(event.ts) };
}

async function rows(sql: string, params: unknown[] = []): Promise<Json[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const warnings = (r: Running) => r.storeLogs.logs.filter((l) => / (WARN|ERROR) /.test(l));

describe("PostgreSQL down at start", { timeout: 60_000 }, () => {
  it("CompBot starts, /readyz is 503, one log line, answers from memory; PostgreSQL back -> shared again", async () => {
    await server.stop();
    const r = await start();
    expect(warnings(r)).toHaveLength(1);
    expect(warnings(r)[0]).toMatch(
      /WARN \[compbot\] Shared store unavailable: PostgreSQL is not answering at start \(.*ECONNREFUSED.*\); answering from memory until it is back/,
    );

    expect(await getJson(r.h, "/readyz")).toEqual({
      status: 503,
      body: {
        ok: false,
        guides: 1,
        store: "postgres",
        problems: ["store: PostgreSQL is not answering (running on the in-memory fallback)"],
      },
    });
    expect((await getJson(r.h, "/healthz")).status).toBe(200);

    const answer = await comp(r.h, "segment ml-ai-engineer london");
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("£132K–£165K");
    const first = await mention(r.h, "segment ml-ai-engineer london", "C0DOWN");
    expect(allText(first.call.body)).toContain("£132K–£165K");
    // The thread's context is kept in memory meanwhile.
    const followUp = await mention(r.h, "and new york?", "C0DOWN", first.ts);
    expect(allText(followUp.call.body)).toContain("$182K–$222K");

    const backFrom = r.storeLogs.logs.length;
    await server.start();
    await r.storeLogs.nextLog(/INFO \[compbot\] Shared store: PostgreSQL is answering again; using it/, {
      from: backFrom,
      timeoutMs: BACK_WITHIN_MS,
    });
    expect((await getJson(r.h, "/readyz")).status).toBe(200);
    const later = await mention(r.h, "segment ml-ai-engineer london", "C0DOWN");
    expect(
      await rows("SELECT event_id FROM compbot_events WHERE event_id = $1", [later.eventId]),
    ).toHaveLength(1);
    // Migrations ran once PostgreSQL was there.
    expect(await rows("SELECT version FROM compbot_schema_migrations ORDER BY version")).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    expect(warnings(r)).toHaveLength(1);
  });
});

describe("PostgreSQL stopping and coming back mid-run", { timeout: 60_000 }, () => {
  it("no crash, every /comp and mention answered; the shared store is used again within 5 s", async () => {
    const r = await start();
    expect(await getJson(r.h, "/readyz")).toEqual({
      status: 200,
      body: { ok: true, guides: 1, store: "postgres", problems: [] },
    });
    const before = await mention(r.h, "segment ml-ai-engineer london", "C0MIDRUN");
    const key = `thread:T0TEAM:C0MIDRUN:${before.ts}`;
    expect(await rows("SELECT context FROM compbot_contexts WHERE key = $1", [key])).toEqual([
      { context: { company: "segment", role: "ml-ai-engineer", region: "london" } },
    ]);

    await server.stop();
    // The first call after the stop meets the dead connections: it is answered from memory all the same.
    const during = await mention(r.h, "segment ml-ai-engineer new york", "C0MIDRUN");
    expect(allText(during.call.body)).toContain("$182K–$222K");
    const answers = await Promise.all(
      ["segment ml-ai-engineer london", "segment", "acme widget engineer", "list"].map((q) => comp(r.h, q)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers[0]?.text).toContain("£132K–£165K");
    expect((await getJson(r.h, "/readyz")).status).toBe(503);
    expect(warnings(r)).toHaveLength(1);
    expect(warnings(r)[0]).toMatch(/Shared store unavailable: PostgreSQL failed a call/);

    const backFrom = r.storeLogs.logs.length;
    await server.start();
    await r.storeLogs.nextLog(/Shared store: PostgreSQL is answering again/, {
      from: backFrom,
      timeoutMs: BACK_WITHIN_MS,
    });
    expect((await getJson(r.h, "/readyz")).status).toBe(200);
    // The thread from before the outage still has its context (it was in PostgreSQL).
    const followUp = await mention(r.h, "and new york?", "C0MIDRUN", before.ts);
    expect(allText(followUp.call.body)).toContain("$182K–$222K");
    const after = await mention(r.h, "segment ml-ai-engineer london", "C0MIDRUN");
    expect(await rows("SELECT 1 FROM compbot_events WHERE event_id = $1", [after.eventId])).toHaveLength(1);
    expect(r.h.logs.filter((l) => / ERROR /.test(l))).toEqual([]);
  });
});

describe("a slow store", { timeout: 60_000 }, () => {
  it("a locked table: every call gives up after its bound and is answered from memory; unlocked -> shared again", async () => {
    const r = await start();
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query(
        "LOCK TABLE compbot_events, compbot_contexts, compbot_unanswered IN ACCESS EXCLUSIVE MODE",
      );
      const answer = await comp(r.h, "acme widget engineer");
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("acme widget engineer");
      const during = await mention(r.h, "segment ml-ai-engineer london", "C0SLOW");
      expect(allText(during.call.body)).toContain("£132K–£165K");
      // The store gave up by its own bound (1 s, twice in a row), not by PostgreSQL's statement timeout (2 s).
      await r.storeLogs.nextLog(
        /Shared store unavailable: PostgreSQL failed a call \(no answer within 1000 ms\)/,
      );
      expect((await getJson(r.h, "/readyz")).status).toBe(503);
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      await locker.end();
    }
    await r.storeLogs.nextLog(/Shared store: PostgreSQL is answering again/, { timeoutMs: BACK_WITHIN_MS });
    expect((await getJson(r.h, "/readyz")).status).toBe(200);
  });
});
