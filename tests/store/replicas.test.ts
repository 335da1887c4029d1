/**
 * Two real CompBot processes in HTTP mode (`node --import tsx src/main.ts`), one real PostgreSQL, the fake Slack:
 * both start together on an empty database, a Slack retry that reaches the other replica is not answered again,
 * a thread keeps its context across replicas, and buttons and the offer modal work on either one.
 */
import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CompBotProcess, REPO_ROOT, spawnCompBot } from "../support/compbot-process.ts";
import { FAKE_BOT_USER_ID, FakeSlack, type Json } from "../support/fake-slack.ts";
import { viewSubmissionPayload } from "../support/offer-modal.ts";
import { type PostgresServer, startPostgres } from "../support/postgres.ts";
import {
  appMentionEvent,
  blockActionsPayload,
  directMessageEvent,
  eventCallback,
  type SendOptions,
  type SignedRequest,
  sendSigned,
  slashCommand,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  uniqueId,
} from "../support/signing.ts";
import { allText, buttonsOf } from "../support/slack-harness.ts";
import { messageActionPayload } from "../support/surface-payloads.ts";

const BOT = `<@${FAKE_BOT_USER_ID}>`;

let server: PostgresServer;
let url: string;
let fake: FakeSlack;
const replicas: { proc: CompBotProcess; base: string }[] = [];

function replicaEnv(databaseUrl: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    GUIDES_DIR: "guides",
    LOG_LEVEL: "debug",
    DATABASE_URL: databaseUrl,
  };
}

async function startReplica(databaseUrl: string): Promise<{ proc: CompBotProcess; base: string }> {
  const proc = spawnCompBot(replicaEnv(databaseUrl));
  try {
    const [, port] = await proc.waitFor(/listening for Slack on port (\d+)/, 60_000);
    return { proc, base: `http://127.0.0.1:${port}` };
  } catch (error) {
    proc.kill();
    throw error;
  }
}

async function stopReplica(r: { proc: CompBotProcess }): Promise<void> {
  r.proc.child.kill("SIGTERM");
  await r.proc.exitWithin(10_000).catch(() => r.proc.kill());
}

beforeAll(async () => {
  [server, fake] = await Promise.all([
    startPostgres(),
    FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN }),
  ]);
  url = await server.createDatabase("replicas");
  // Both replicas start at the same time on the empty database.
  replicas.push(...(await Promise.all([startReplica(url), startReplica(url)])));
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map(stopReplica));
  await fake?.close();
  await server?.close();
}, 30_000);

const A = () => replicas[0]!;
const B = () => replicas[1]!;

function send(r: { base: string }, request: SignedRequest, options?: SendOptions): Promise<Response> {
  return sendSigned(`${r.base}/slack/events`, request, options);
}

/** `npm run report -- unanswered` as a process (tsx, like npm's script), with DATABASE_URL from `env`. */
function runReport(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/store/report-cli.ts", "unanswered"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_OPTIONS: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function form(payload: Json): SignedRequest {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: "application/x-www-form-urlencoded",
  };
}

async function posted(channel: string, since: number) {
  return fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === channel, {
    since,
    timeoutMs: 10_000,
  });
}

describe("two replicas, one PostgreSQL", { timeout: 60_000 }, () => {
  it("both started together on an empty database: the schema was applied once", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const applied = await client.query("SELECT version FROM compbot_schema_migrations ORDER BY version");
      expect(applied.rows).toEqual([{ version: 1 }, { version: 2 }]);
    } finally {
      await client.end();
    }
    const applying = replicas.filter((r) => /applied migration\(s\) 1, 2/.test(r.proc.stderr));
    expect(applying).toHaveLength(1);
    for (const r of replicas) {
      expect(r.proc.stderr).toMatch(/Shared store: PostgreSQL is ready/);
      expect(r.proc.stderr).not.toMatch(/ (WARN|ERROR) /);
      const ready = await fetch(`${r.base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ok: true, guides: 1, store: "postgres", problems: [] });
    }
  });

  it("an event delivered to A and retried by Slack to B is answered once", async () => {
    const since = fake.mark();
    const request = eventCallback(
      appMentionEvent({ text: `${BOT} segment ml-ai-engineer london`, channel: "C0RETRY" }),
    );
    expect((await send(A(), request)).status).toBe(200);
    await posted("C0RETRY", since);
    expect((await send(B(), request, { retryNum: 1, retryReason: "http_timeout" })).status).toBe(200);
    await B().proc.waitFor(new RegExp(`Skipping event ${request.eventId}: already handled \\(retry 1\\)`));
    expect(fake.callsTo("chat.postMessage", since).filter((c) => c.body.channel === "C0RETRY")).toHaveLength(
      1,
    );
  });

  it("the same event reaching A and B at the same moment is answered once", async () => {
    const since = fake.mark();
    const requests = Array.from({ length: 5 }, (_, i) =>
      eventCallback(appMentionEvent({ text: `${BOT} segment`, channel: `C0RACE${i}` })),
    );
    await Promise.all(
      requests.flatMap((request) => [send(A(), request), send(B(), request, { retryNum: 1 })]),
    );
    for (let i = 0; i < requests.length; i++) await posted(`C0RACE${i}`, since);
    // Each event was skipped by exactly one of the two replicas.
    for (const request of requests) {
      const skip = new RegExp(`Skipping event ${request.eventId}:`);
      await Promise.any(replicas.map((r) => r.proc.waitFor(skip, 10_000)));
      const skipped = replicas.filter((r) => r.proc.stderr.includes(`Skipping event ${request.eventId}:`));
      expect(skipped).toHaveLength(1);
    }
    const answers = fake
      .callsTo("chat.postMessage", since)
      .filter((c) => String(c.body.channel).startsWith("C0RACE"));
    expect(answers.map((c) => c.body.channel).sort()).toEqual([
      "C0RACE0",
      "C0RACE1",
      "C0RACE2",
      "C0RACE3",
      "C0RACE4",
    ]);
  });

  it("a thread follow-up answered first by A, then arriving at B, keeps its context ('and New York?')", async () => {
    let since = fake.mark();
    const first = appMentionEvent({ text: `${BOT} segment ml-ai-engineer london`, channel: "C0THREAD" });
    await send(A(), eventCallback(first));
    expect(allText((await posted("C0THREAD", since)).body)).toContain("£132K–£165K");

    since = fake.mark();
    await send(
      B(),
      eventCallback(
        appMentionEvent({ text: `${BOT} and New York?`, channel: "C0THREAD", thread_ts: String(first.ts) }),
      ),
    );
    const followUp = await posted("C0THREAD", since);
    expect(followUp.body.thread_ts).toBe(first.ts);
    expect(allText(followUp.body), `${A().proc.stderr}\n-----\n${B().proc.stderr}`).toContain("$182K–$222K");
  });

  it("a DM follow-up at the other replica keeps the DM's context", async () => {
    let since = fake.mark();
    await send(
      B(),
      eventCallback(directMessageEvent({ text: "segment ml-ai-engineer london", channel: "D0REPL" })),
    );
    await posted("D0REPL", since);
    since = fake.mark();
    await send(A(), eventCallback(directMessageEvent({ text: "and san francisco?", channel: "D0REPL" })));
    expect(allText((await posted("D0REPL", since)).body)).toContain("$188K–$228K");
  });

  it("a button of A's answer clicked at B works (follow-up, share)", async () => {
    const res = await send(
      A(),
      slashCommand({
        text: "segment ml-ai-engineer london",
        response_url: fake.responseUrl(uniqueId("cmd")),
      }),
    );
    const buttons = buttonsOf((await res.json()) as Json);
    const region = buttons.find((b) => b.value === "segment ml-ai-engineer new-york");
    const share = buttons.find((b) => b.actionId === "compbot_share");
    expect(region).toBeDefined();
    expect(share).toBeDefined();

    let id = uniqueId("click");
    let since = fake.mark();
    await send(
      B(),
      form(
        blockActionsPayload({
          actionId: region!.actionId,
          value: region!.value,
          responseUrl: fake.responseUrl(id),
        }),
      ),
    );
    let reply = await fake.nextCall((c) => c.method === "respond" && c.respondId === id, { since });
    expect(reply.body.response_type).toBe("ephemeral");
    expect(allText(reply.body)).toContain("$182K–$222K");

    id = uniqueId("click");
    since = fake.mark();
    await send(
      B(),
      form(
        blockActionsPayload({
          actionId: share!.actionId,
          value: share!.value,
          responseUrl: fake.responseUrl(id),
        }),
      ),
    );
    reply = await fake.nextCall((c) => c.method === "respond" && c.respondId === id, { since });
    expect(reply.body.response_type).toBe("in_channel");
    expect(allText(reply.body)).toContain("£132K–£165K");
  });

  it("👎 on one answer clicked at A, then again at B: reported once and thanked once", async () => {
    const messageTs = `${Math.floor(Date.now() / 1000)}.000900`;
    const click = (respondId: string) =>
      form(
        messageActionPayload({
          action: {
            type: "button",
            action_id: "compbot_feedback_down",
            value: "down|band|segment ml-ai-engineer london",
          },
          messageTs,
          responseUrl: fake.responseUrl(respondId),
        }),
      );
    const reports = () =>
      [A(), B()]
        .flatMap((r) => (r.proc.stdout + r.proc.stderr).split("\n"))
        .filter((l) => l.includes("Feedback report (down)")).length;
    const before = reports();
    const first = uniqueId("fb");
    const since = fake.mark();
    await send(A(), click(first));
    const thanks = await fake.nextCall((c) => c.method === "respond" && c.respondId === first, { since });
    expect(allText(thanks.body)).toContain("Thanks for telling us");

    const second = uniqueId("fb");
    await send(B(), click(second));
    // B says (debug) that it had been done, and neither reports nor thanks again.
    await B().proc.waitFor(/feedback: already thanked for this answer/, 10_000);
    expect(fake.callsTo("respond", since).filter((c) => c.respondId === second)).toEqual([]);
    expect(reports() - before).toBe(1);

    // What the store keeps of it: hashes, no user id, no message.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const rows = await db.query<{ event_id: string }>(
        "SELECT event_id FROM compbot_events WHERE event_id LIKE 'feedback:%'",
      );
      expect(rows.rows.length).toBeGreaterThanOrEqual(2);
      for (const { event_id } of rows.rows) expect(event_id).toMatch(/^feedback:[0-9a-f]{40}$/);
    } finally {
      await db.end();
    }
  });

  it("the offer modal opened by A is submitted to B: everything it needs travels in private_metadata", async () => {
    const click = blockActionsPayload({
      actionId: "compbot_offer_open",
      value: "segment ml-ai-engineer london",
      channel: "C0OFFER",
      user: "U0ALICE",
    });
    let since = fake.mark();
    await send(A(), form(click));
    const open = await fake.nextCall(
      (c) => c.method === "views.open" && c.body.trigger_id === click.trigger_id,
      { since },
    );
    since = fake.mark();
    const res = await send(B(), form(viewSubmissionPayload(open.body.view as Json, { base: "150k" })));
    expect(res.status).toBe(200);
    const eph = await fake.nextCall(
      (c) => c.method === "chat.postEphemeral" && c.body.channel === "C0OFFER",
      { since },
    );
    expect(eph.body.user).toBe("U0ALICE");
    expect(allText(eph.body)).toContain("Offer check · ML/AI Engineer · Segment · London");
  });

  it("unanswered questions from both replicas are counted together (words only); the report prints them", async () => {
    await send(
      A(),
      slashCommand({ text: "acme widget engineer", response_url: fake.responseUrl(uniqueId("cmd")) }),
    );
    await send(
      B(),
      slashCommand({ text: "acme widget engineer", response_url: fake.responseUrl(uniqueId("cmd")) }),
    );
    const since = fake.mark();
    await send(
      B(),
      eventCallback(
        appMentionEvent({ text: `${BOT} globex designer in paris, offered 95k`, channel: "C0UNANS" }),
      ),
    );
    await posted("C0UNANS", since);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // Recorded after the answer: wait until both counts are in (each replica writes its own).
      let rows: Json[] = [];
      for (let i = 0; i < 50; i++) {
        rows = (await client.query("SELECT text, count::int FROM compbot_unanswered ORDER BY text")).rows;
        if (rows.length === 2 && rows[0]?.count === 2) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(rows).toEqual([
        { text: "acme widget engineer", count: 2 },
        { text: "paris globex designer", count: 1 },
      ]);
      const columns = (
        await client.query(
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'compbot_unanswered' ORDER BY column_name",
        )
      ).rows.map((r) => r.column_name);
      expect(columns).toEqual(["count", "first_asked", "last_asked", "text"]);
    } finally {
      await client.end();
    }
    const report = await runReport({ DATABASE_URL: url });
    expect(report.code).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(report.stdout).toBe(
      [
        "Top 2 unanswered questions of the last 90 days (normalised words, most asked first):",
        "",
        "asked  last asked  words",
        `    2  ${today}  acme widget engineer`,
        `    1  ${today}  paris globex designer`,
        "",
      ].join("\n"),
    );
  });

  it("the report without a database says so and exits 1", async () => {
    const report = await runReport({ DATABASE_URL: "" });
    expect(report.code).toBe(1);
    expect(report.stdout).toBe("");
    expect(report.stderr).toMatch(/^compbot report: no database\. DATABASE_URL is not set/);
  });
});

describe("a replica whose PostgreSQL is not there at start", { timeout: 60_000 }, () => {
  it("starts, logs one line, /readyz is 503, answers /comp from memory", async () => {
    // A port where nothing listens: PostgreSQL is down.
    const closed = `postgres://compbot@127.0.0.1:${server.port + 1}/nothing`;
    const r = await startReplica(closed);
    try {
      const warnings = r.proc.stderr.split("\n").filter((l) => / (WARN|ERROR) /.test(l));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/Shared store unavailable: PostgreSQL is not answering at start/);
      const ready = await fetch(`${r.base}/readyz`);
      expect(ready.status).toBe(503);
      const res = await send(
        r,
        slashCommand({
          text: "segment ml-ai-engineer london",
          response_url: fake.responseUrl(uniqueId("cmd")),
        }),
      );
      expect(allText((await res.json()) as Json)).toContain("£132K–£165K");
    } finally {
      await stopReplica(r);
    }
  });
});
