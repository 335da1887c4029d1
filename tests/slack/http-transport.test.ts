/** HTTP mode plumbing: signatures, url_verification, /healthz, start-up token check, errors, secrets in logs. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCompBot } from "../../src/bot.ts";
import { createSlackApp } from "../../src/slack/app.ts";
import { createLineLogger } from "../../src/slack/log.ts";
import { APOLOGY } from "../../src/slack/messages.ts";
import { FAKE_BOT_USER_ID, FakeSlack } from "../support/fake-slack.ts";
import {
  appMentionEvent,
  eventCallback,
  nowSeconds,
  sendSigned,
  slashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  uniqueId,
} from "../support/signing.ts";
import { allText, GUIDES_DIR, type Harness, startHttpHarness } from "../support/slack-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(async () => {
  await h?.close();
});

const command = () => slashCommand({ text: "segment", response_url: h.fake.responseUrl(uniqueId("cmd")) });

describe("HTTP transport", () => {
  it("verified the bot token exactly once at start (auth.test with the bot token)", () => {
    const tests = h.fake.callsTo("auth.test");
    expect(tests).toHaveLength(1);
    expect(tests[0]?.token).toBe(TEST_BOT_TOKEN);
  });

  it("bound an ephemeral port on request (PORT=0)", () => {
    expect(h.slack.port).toBeGreaterThan(0);
    expect(h.slack.mode).toBe("http");
  });

  it("refuses a bad signature with 401", async () => {
    const res = await h.send(command(), { signature: `v0=${"0".repeat(64)}` });
    expect(res.status).toBe(401);
  });

  it("refuses a body signed with another secret with 401", async () => {
    const res = await h.send(command(), { secret: "ffffffffffffffffffffffffffffffff" });
    expect(res.status).toBe(401);
  });

  it("refuses a stale timestamp (older than 5 minutes) with 401, even correctly signed", async () => {
    const res = await h.send(command(), { timestamp: nowSeconds() - 10 * 60 });
    expect(res.status).toBe(401);
  });

  it("answers url_verification with the challenge", async () => {
    const body = JSON.stringify({ token: "x", challenge: "challenge-abc123", type: "url_verification" });
    const res = await h.send({ body, contentType: "application/json" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("challenge-abc123");
  });

  it("GET /healthz -> 200 JSON with the number of guides", async () => {
    const { bot } = await loadCompBot(GUIDES_DIR);
    const res = await fetch(`${h.base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ ok: true, guides: bot.guideCount });
  });

  it("unknown paths are 404", async () => {
    const res = await fetch(`${h.base}/nope`);
    expect(res.status).toBe(404);
  });

  it("a failing Web API call is logged in one line and the user gets an apology; the app keeps answering", async () => {
    const since = h.fake.mark();
    h.fake.failNext("chat.postMessage", "msg_too_long", (c) => c.body.channel === "C0FAIL");
    const event = appMentionEvent({
      text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`,
      channel: "C0FAIL",
    });
    await h.send(eventCallback(event));
    const apology = await h.fake.nextCall(
      (c) =>
        c.method === "chat.postMessage" && c.body.channel === "C0FAIL" && allText(c.body).includes("Sorry"),
      { since },
    );
    expect(apology.body.thread_ts).toBe(event.ts);
    expect(allText(apology.body)).toContain(APOLOGY);
    const errors = h.logs.filter((l) => / ERROR /.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/app_mention failed: .*msg_too_long/);
    // Still answering.
    const res = await h.send(command());
    expect(res.status).toBe(200);
  });

  it("no token or signing secret appears in any log line (debug level)", () => {
    expect(h.logs.length).toBeGreaterThan(0);
    for (const line of h.logs) {
      expect(line).not.toContain(TEST_BOT_TOKEN);
      expect(line).not.toContain(TEST_SIGNING_SECRET);
    }
  });
});

/** HTTP mode on an ephemeral port against `fake`, with the test token and secret. */
function httpConfig(fake: FakeSlack) {
  return {
    mode: "http" as const,
    botToken: TEST_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    port: 0,
    slackApiUrl: fake.apiUrl,
    guidesDir: GUIDES_DIR,
    logLevel: "error" as const,
  };
}

describe("start-up", () => {
  it("a token Slack rejects fails start() with a clear line, without the token", async () => {
    const fake = await FakeSlack.start({ botToken: "xoxb-the-real-one" });
    const { bot } = await loadCompBot(GUIDES_DIR);
    const logs: string[] = [];
    const slack = createSlackApp({
      config: httpConfig(fake),
      bot,
      logger: createLineLogger({ level: "debug", write: (line) => logs.push(line) }),
    });
    try {
      const error = await slack.start().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(
        "Slack rejected SLACK_BOT_TOKEN at start-up (auth.test: invalid_auth)",
      );
      expect(slack.port).toBeUndefined();
      expect(logs.join("\n")).not.toContain(TEST_BOT_TOKEN);
    } finally {
      await slack.stop();
      await fake.close();
    }
  });

  it("start(ready): auth.test first, then no port until `ready` settles (a rejected one too), then it listens", async () => {
    const fake = await FakeSlack.start();
    const { bot } = await loadCompBot(GUIDES_DIR);
    const config = httpConfig(fake);
    for (const outcome of ["resolve", "reject"] as const) {
      const slack = createSlackApp({ config, bot });
      let settle: () => void = () => {};
      const ready = new Promise<void>((resolve, reject) => {
        settle = outcome === "resolve" ? resolve : () => reject(new Error("warm-up failed"));
      });
      const since = fake.mark();
      const started = slack.start(ready);
      try {
        // auth.test asked, and 50 ms later (its answer long back) still no port: start() waits for `ready`.
        await fake.nextCall((c) => c.method === "auth.test", { since });
        await new Promise((r) => setTimeout(r, 50));
        expect(slack.port).toBeUndefined();
        settle();
        await started;
        const res = await sendSigned(`http://127.0.0.1:${slack.port}/slack/events`, {
          body: JSON.stringify({ challenge: "c3", type: "url_verification" }),
          contentType: "application/json",
        });
        expect(res.status).toBe(200);
      } finally {
        settle();
        await started.catch(() => {});
        await slack.stop();
      }
    }
    await fake.close();
  });

  it("port 0 really is ephemeral: two apps start side by side", async () => {
    const fake = await FakeSlack.start();
    const { bot } = await loadCompBot(GUIDES_DIR);
    const config = httpConfig(fake);
    const a = createSlackApp({ config, bot });
    const b = createSlackApp({ config, bot });
    try {
      await a.start();
      await b.start();
      expect(a.port).not.toBe(b.port);
      const res = await sendSigned(`http://127.0.0.1:${b.port}/slack/events`, {
        body: JSON.stringify({ challenge: "c2", type: "url_verification" }),
        contentType: "application/json",
      });
      expect(res.status).toBe(200);
    } finally {
      await a.stop();
      await b.stop();
      await fake.close();
    }
  });
});
