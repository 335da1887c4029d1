/**
 * The real process: `node --import tsx src/main.ts` in HTTP mode (and once in Socket Mode) against the fake Slack.
 * - SIGTERM / SIGINT while an answer is in flight (the fake holds chat.postMessage): the answer is still
 *   delivered, the rest of the handler still runs, and the process exits 0 within 5 s. SIGTERM while Slack is
 *   still starting (auth.test held): handled once it has started, exit 0.
 * - Missing or malformed variables: one line on stderr, exit code 2, no stack trace, no secret value.
 * - Secrets: at debug level, through start, a command, events, a fault and shutdown, no token or signing
 *   secret appears in stdout, stderr or any /healthz body.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PATH } from "../../src/slack/app.ts";
import { type CompBotProcess, spawnCompBot } from "../support/compbot-process.ts";
import { FAKE_BOT_USER_ID, FakeSlack, type Json } from "../support/fake-slack.ts";
import {
  appMentionEvent,
  eventCallback,
  eventCallbackBody,
  sendSigned,
  slashCommand,
  uniqueId,
} from "../support/signing.ts";
import { allText } from "../support/slack-harness.ts";

// Distinctive values, so that a leak cannot hide behind a common word. All three contain "SEKRET".
const BOT_TOKEN = "xoxb-4242-SEKRETbot-Zq9vT1w";
const APP_TOKEN = "xapp-test-A0COMPBOT-SEKRETapp-Zq9vT1w";
const SIGNING_SECRET = "SigningSEKRET4242Zq9vT1wAbCdEf";
const SECRETS = [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, "SEKRET"];

const SHUTDOWN_LIMIT_MS = 5_000;

let fake: FakeSlack;
const spawned: CompBotProcess[] = [];
/** Everything any process printed, and every /healthz body, for the secrets scan at the end. */
const seen: string[] = [];

beforeAll(async () => {
  fake = await FakeSlack.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
});
afterEach(() => {
  for (const p of spawned.splice(0)) {
    p.kill();
    seen.push(p.stdout, p.stderr);
  }
});
afterAll(async () => {
  await fake?.close();
});

function start(env: Record<string, string>): CompBotProcess {
  const p = spawnCompBot(env);
  spawned.push(p);
  return p;
}

function startHttp(): CompBotProcess {
  return start({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: "0",
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "debug",
    GUIDES_DIR: "guides",
  });
}

async function listening(p: CompBotProcess): Promise<string> {
  const match = await p.waitFor(/listening for Slack on port (\d+)/);
  return `http://127.0.0.1:${match[1]}`;
}

async function health(base: string): Promise<Json> {
  const res = await fetch(`${base}/healthz`);
  const text = await res.text();
  seen.push(text);
  expect(res.status).toBe(200);
  return JSON.parse(text) as Json;
}

const send = (base: string, request: Parameters<typeof sendSigned>[1], retryNum?: number) =>
  sendSigned(`${base}${EVENTS_PATH}`, request, {
    secret: SIGNING_SECRET,
    ...(retryNum !== undefined ? { retryNum } : {}),
  });

describe.each(["SIGTERM", "SIGINT"] as const)("%s while an answer is in flight (HTTP mode)", (signal) => {
  it("finishes the answer, then exits 0 within 5 s", async () => {
    const p = startHttp();
    const base = await listening(p);
    expect((await health(base)).ok).toBe(true);

    // A /comp, answered in the ack.
    const res = await send(
      base,
      slashCommand({ text: "segment ml-ai-engineer london", response_url: fake.responseUrl("p") }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("£132K–£165K");

    // A fault on the way: one ok:false, answered with an apology, logged in one line.
    const failing = uniqueId("C0FAULT");
    fake.failNext("chat.postMessage", "channel_not_found", (c) => c.body.channel === failing);
    await send(
      base,
      eventCallback(appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> list`, channel: failing })),
    );
    await p.waitFor(/ERROR \[compbot\] app_mention failed: .*channel_not_found/);

    // The slow one: chat.postMessage is held by the fake until after the signal.
    const slow = uniqueId("C0SLOW");
    const since = fake.mark();
    fake.fault("chat.postMessage", { kind: "hold" }, { when: (c) => c.body.channel === slow });
    const event = appMentionEvent({
      text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`,
      channel: slow,
    });
    expect((await send(base, eventCallback(event))).status).toBe(200);
    const held = await fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === slow, {
      since,
    });
    expect(held.outcome).toBeUndefined(); // in flight

    p.child.kill(signal);
    await p.waitFor(new RegExp(`${signal} received`));
    const exit = p.exitWithin(SHUTDOWN_LIMIT_MS);
    fake.releaseHeld();
    expect(await exit).toBe(0);

    expect(held.outcome).toBe("ok");
    expect(held.body.thread_ts).toBe(event.ts);
    expect(allText(held.body)).toContain("£132K–£165K");
    expect(fake.callsTo("chat.postMessage", since).filter((c) => c.body.channel === slow)).toHaveLength(1);
    expect(p.stderr).toMatch(/CompBot stopped/);
    expect(p.stderr).not.toMatch(/still in flight|took too long/);
  });
});

describe("SIGTERM while Slack is still starting (HTTP mode: auth.test held)", () => {
  it("is handled once it has started: exit 0, never killed by the signal's default action", async () => {
    const since = fake.mark();
    fake.fault("auth.test", { kind: "hold" });
    const p = startHttp();
    await fake.nextCall((c) => c.method === "auth.test", { since, timeoutMs: 30_000 });
    p.child.kill("SIGTERM");
    // The signal is in before Slack has answered: let it answer, then the start finishes and the stop follows.
    await new Promise((resolve) => setTimeout(resolve, 200));
    fake.releaseHeld();
    expect(await p.exitWithin(SHUTDOWN_LIMIT_MS + 1_000)).toBe(0);
    expect(p.stderr + p.stdout).toMatch(
      /listening for Slack on port \d+[\s\S]*SIGTERM received[\s\S]*CompBot stopped/,
    );
  });
});

describe("SIGTERM with more of the handler still to run", () => {
  it("a script mention whose DM is held: after the signal the DM is delivered and the note still posted", async () => {
    const p = startHttp();
    const base = await listening(p);
    const since = fake.mark();
    const channel = uniqueId("C0SCRIPT");
    const user = uniqueId("U0SCRIPT");
    const dm = `D${user.replace(/^U/, "")}`;
    fake.fault("chat.postMessage", { kind: "hold" }, { when: (c) => c.body.channel === dm });
    await send(
      base,
      eventCallback(
        appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> script segment ml-ai-engineer`, user, channel }),
      ),
    );
    await fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === dm, { since });
    const beforeSignal = fake.mark();

    p.child.kill("SIGTERM");
    await p.waitFor(/SIGTERM received/);
    const exit = p.exitWithin(SHUTDOWN_LIMIT_MS);
    fake.releaseHeld();
    // The handler's next step (the ephemeral note in the thread) runs after the signal.
    const note = await fake.nextCall(
      (c) => c.method === "chat.postEphemeral" && c.body.channel === channel && c.outcome === "ok",
      {
        since: beforeSignal,
      },
    );
    expect(allText(note.body)).toContain("direct message");
    expect(await exit).toBe(0);
  });
});

describe("Socket Mode process", () => {
  it("connects, answers, survives a fault, and exits 0 on SIGTERM", async () => {
    const since = fake.mark();
    const sinceSocket = fake.markSocket();
    const p = start({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      PORT: "0",
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "debug",
      GUIDES_DIR: "guides",
    });
    await p.waitFor(/connected to Slack \(Socket Mode/);
    const channel = uniqueId("C0SMP");
    fake.failNext("chat.postMessage", "not_in_channel", (c) => c.body.channel === channel);
    const first = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> list`, channel });
    fake.sendToSockets({
      envelope_id: uniqueId("env-"),
      type: "events_api",
      payload: eventCallbackBody(first),
    });
    await p.waitFor(/ERROR \[compbot\] app_mention failed: .*not_in_channel/);
    const second = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`, channel });
    fake.sendToSockets({
      envelope_id: uniqueId("env-"),
      type: "events_api",
      payload: eventCallbackBody(second),
    });
    const post = await fake.nextCall(
      (c) => c.method === "chat.postMessage" && c.body.thread_ts === second.ts && c.outcome === "ok",
      { since },
    );
    expect(allText(post.body)).toContain("£132K–£165K");
    expect(fake.socketMessages.items.filter((m) => m.seq > sinceSocket).length).toBeGreaterThanOrEqual(2);

    p.child.kill("SIGTERM");
    expect(await p.exitWithin(SHUTDOWN_LIMIT_MS)).toBe(0);
    await fake.allSocketsClosed();
  });
});

describe("bad configuration", () => {
  const cases: { name: string; env: Record<string, string>; variable: string; value?: string }[] = [
    {
      name: "malformed bot token",
      env: { SLACK_BOT_TOKEN: "xoxp-SEKRETuser-token", SLACK_SIGNING_SECRET: SIGNING_SECRET },
      variable: "SLACK_BOT_TOKEN",
      value: "xoxp-SEKRETuser-token",
    },
    {
      name: "missing bot token",
      env: { SLACK_SIGNING_SECRET: SIGNING_SECRET },
      variable: "SLACK_BOT_TOKEN",
    },
    {
      name: "malformed signing secret",
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: "SEKRET-with-dashes!" },
      variable: "SLACK_SIGNING_SECRET",
      value: "SEKRET-with-dashes!",
    },
    {
      name: "malformed app token",
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: "xoxb-SEKRETnot-an-app-token" },
      variable: "SLACK_APP_TOKEN",
      value: "xoxb-SEKRETnot-an-app-token",
    },
    {
      name: "malformed PORT",
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: "http" },
      variable: "PORT",
    },
    {
      name: "malformed LOG_LEVEL",
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, LOG_LEVEL: "verbose" },
      variable: "LOG_LEVEL",
    },
  ];

  it.each(cases)("$name: one line on stderr naming $variable, exit code 2, no stack, no value", async (c) => {
    const p = start(c.env);
    expect(await p.exitWithin(15_000)).toBe(2);
    expect(p.stdout).toBe("");
    const lines = p.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^compbot: ${c.variable} `));
    expect(p.stderr).not.toMatch(/\n\s+at |Error:/);
    if (c.value !== undefined) expect(p.stderr).not.toContain(c.value);
    expect(p.stderr).not.toContain("SEKRET");
  });

  it("a bot token Slack rejects: start-up fails with one clear line, without the token", async () => {
    const p = start({
      SLACK_BOT_TOKEN: "xoxb-9999-SEKRETrevoked-Zq9",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: "0",
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "debug",
      GUIDES_DIR: "guides",
    });
    expect(await p.exitWithin(15_000)).not.toBe(0);
    expect(p.stderr).toMatch(
      /compbot: Slack rejected SLACK_BOT_TOKEN at start-up \(auth\.test: invalid_auth\)/,
    );
    expect(p.stderr).not.toMatch(/\n\s+at /);
    expect(p.stderr).not.toContain("SEKRET");
  });
});

describe("secrets", () => {
  it("no token or signing secret appeared in any output or /healthz body (debug level, every run above)", () => {
    expect(seen.join("").length).toBeGreaterThan(10_000); // debug output of several runs was collected
    for (const text of seen) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });
});
