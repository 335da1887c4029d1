/** GET /readyz: 200 when guides are loaded and the store answers, 503 saying which otherwise; /healthz unchanged. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCompBot } from "../../src/bot.ts";
import { createSlackApp, type SlackApp } from "../../src/slack/app.ts";
import { createLineLogger } from "../../src/slack/log.ts";
import { FakeSlack, type Json } from "../support/fake-slack.ts";
import { TEST_APP_TOKEN, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../support/signing.ts";
import { startHttpHarness, startSocketHarness } from "../support/slack-harness.ts";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function getJson(url: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Json };
}

describe("/readyz", () => {
  it("HTTP mode, in-memory store, guides loaded: 200; /healthz is still liveness only", async () => {
    const h = await startHttpHarness();
    closers.push(() => h.close());
    expect(await getJson(`${h.base}/readyz`)).toEqual({
      status: 200,
      body: { ok: true, guides: 1, store: "memory", problems: [] },
    });
    expect(await getJson(`${h.base}/healthz`)).toEqual({ status: 200, body: { ok: true, guides: 1 } });
  });

  it("Socket Mode: served by the health server", async () => {
    const h = await startSocketHarness();
    closers.push(() => h.close());
    expect(await getJson(`http://127.0.0.1:${h.slack.port}/readyz`)).toEqual({
      status: 200,
      body: { ok: true, guides: 1, store: "memory", problems: [] },
    });
  });

  it("no guide loaded: 503 saying so (liveness still 200)", async () => {
    const empty = mkdtempSync(join(tmpdir(), "compbot-noguides-"));
    const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN });
    const { bot } = await loadCompBot(empty, { cache: false });
    const slack: SlackApp = createSlackApp({
      config: {
        mode: "http",
        botToken: TEST_BOT_TOKEN,
        signingSecret: TEST_SIGNING_SECRET,
        port: 0,
        slackApiUrl: fake.apiUrl,
        guidesDir: empty,
        logLevel: "error",
      },
      bot,
      logger: createLineLogger({ level: "error", write: () => undefined }),
    });
    await slack.start();
    closers.push(async () => {
      await slack.stop();
      await fake.close();
      rmSync(empty, { recursive: true, force: true });
    });
    const base = `http://127.0.0.1:${slack.port}`;
    expect(await getJson(`${base}/readyz`)).toEqual({
      status: 503,
      body: { ok: false, guides: 0, store: "memory", problems: ["guides: none loaded"] },
    });
    expect((await getJson(`${base}/healthz`)).status).toBe(200);
  });
});
