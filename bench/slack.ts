/**
 * The /comp round trip over loopback HTTP: the real Bolt app (createSlackApp, HTTP mode, signature checks
 * on) serving CompBot over a generated catalogue, side by side with a bare Bolt app that acks a fixed
 * message (same HTTPReceiver settings). Both talk to the tests' FakeSlack for auth.test and response_url
 * posts. Signed requests (HMAC v0) at a fixed concurrency for a fixed time; requests/s, p50/p99, errors.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver } from "@slack/bolt";
import { loadCompBot } from "../src/bot.ts";
import { createSlackApp, EVENTS_PATH } from "../src/slack/app.ts";
import type { HttpConfig } from "../src/slack/config.ts";
import { createLineLogger } from "../src/slack/log.ts";
import { FakeSlack } from "../tests/support/fake-slack.ts";
import {
  nowSeconds,
  sign,
  slashCommand,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../tests/support/signing.ts";
import type { LabelledQuery } from "./generate.ts";

export interface SlackCell {
  app: "CompBot" | "bare Bolt";
  concurrency: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface SlackBench {
  guides: number;
  seconds: number;
  requests: number;
  results: SlackCell[];
}

const SECONDS = 5;

function post(agent: http.Agent, port: number, body: string): Promise<number> {
  const timestamp = nowSeconds();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: EVENTS_PATH,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(TEST_SIGNING_SECRET, body, timestamp),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

async function load(
  port: number,
  concurrency: number,
  bodies: readonly string[],
): Promise<Omit<SlackCell, "app" | "concurrency">> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  // Warm-up: a few requests per connection.
  await Promise.all(
    Array.from({ length: concurrency * 3 }, (_, i) => post(agent, port, bodies[i % bodies.length]!)),
  );
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const body = bodies[next++ % bodies.length]!;
      const s = performance.now();
      try {
        const status = await post(agent, port, body);
        if (status !== 200) errors++;
      } catch {
        errors++;
      }
      times.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = times.sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  return {
    requests: times.length,
    rps: Math.round(times.length / elapsed),
    p50Ms: +at(0.5).toFixed(1),
    p99Ms: +at(0.99).toFixed(1),
    errors,
  };
}

export async function benchSlack(
  guidesDir: string,
  queries: readonly LabelledQuery[],
  log: (line: string) => void,
): Promise<SlackBench> {
  const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN });
  const quiet = createLineLogger({ level: "error", write: () => {} });
  const bodies = queries
    .slice(0, 500)
    .map((q, i) => slashCommand({ text: q.text, response_url: fake.responseUrl(`b${i}`) }).body);
  const results: SlackCell[] = [];
  try {
    const { bot } = await loadCompBot(guidesDir, { today: () => "2026-03-01", cache: false });
    const config: HttpConfig = {
      mode: "http",
      botToken: TEST_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
      port: 0,
      slackApiUrl: fake.apiUrl,
      guidesDir,
      logLevel: "error",
    };
    const real = createSlackApp({ config, bot, logger: quiet });
    await real.start();

    const bare = new App({
      token: TEST_BOT_TOKEN,
      receiver: new HTTPReceiver({
        signingSecret: TEST_SIGNING_SECRET,
        endpoints: EVENTS_PATH,
        logger: quiet,
      }),
      clientOptions: { slackApiUrl: fake.apiUrl },
      logger: quiet,
    });
    bare.command("/comp", async ({ ack }) => {
      await ack("CompBot is thinking about it.");
    });
    const server = (await bare.start(0)) as unknown as http.Server;
    const barePort = (server.address() as AddressInfo).port;

    try {
      for (const concurrency of [10, 50]) {
        log(`[slack] CompBot, ${concurrency} concurrent, ${SECONDS} s`);
        results.push({ app: "CompBot", concurrency, ...(await load(real.port!, concurrency, bodies)) });
        log(`[slack] bare Bolt, ${concurrency} concurrent, ${SECONDS} s`);
        results.push({ app: "bare Bolt", concurrency, ...(await load(barePort, concurrency, bodies)) });
      }
    } finally {
      await real.stop();
      await bare.stop();
    }
    return {
      guides: bot.guideCount,
      seconds: SECONDS,
      requests: Math.min(...results.map((r) => r.requests)),
      results,
    };
  } finally {
    await fake.close();
  }
}
