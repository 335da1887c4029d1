/**
 * The /comp round trip over loopback HTTP: the real Bolt app (createSlackApp, HTTP mode, signature checks
 * on) serving CompBot over a generated catalogue, side by side with a bare Bolt app that acks a fixed
 * message (same HTTPReceiver settings: signature checks on, default options). Both apps run in this
 * process, alone on its thread; the fake Slack Web API (auth.test, response_url) and the load generator
 * run in a child process (bench/slack-load.ts), so they never compete with the app under test for its
 * thread. Each app calls auth.test once, at start (its bot id is then known); the fake's call counts are
 * reported, so a regression (auth.test per request, answers also posted to response_url) shows.
 * Signed requests (HMAC v0) at a fixed concurrency for a fixed time; requests/s, p50/p99, errors. The
 * questions are benchQuestions (generate.ts): more different ones than the app keeps replies for.
 */
import { fork } from "node:child_process";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { App, HTTPReceiver } from "@slack/bolt";
import { loadCompBot } from "../src/bot.ts";
import { createSlackApp, EVENTS_PATH, type SlackApp } from "../src/slack/app.ts";
import type { HttpConfig } from "../src/slack/config.ts";
import { createLineLogger } from "../src/slack/log.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../tests/support/signing.ts";
import { benchQuestions, type LabelledQuery } from "./generate.ts";
import type { ChildMessage, LoadFigures, LoadRequest } from "./slack-load.ts";

export interface SlackCell extends LoadFigures {
  app: "CompBot" | "bare Bolt";
  concurrency: number;
}

export interface SlackBench {
  guides: number;
  seconds: number;
  requests: number;
  results: SlackCell[];
  /** Web API calls the fake Slack saw in the whole run, by method ("respond": response_url posts). */
  calls: Record<string, number>;
}

const SECONDS = 5;

export async function benchSlack(
  guidesDir: string,
  queries: readonly LabelledQuery[],
  log: (line: string) => void,
): Promise<SlackBench> {
  const texts = benchQuestions(queries);
  const child = fork(fileURLToPath(new URL("./slack-load.ts", import.meta.url)), [JSON.stringify(texts)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let waiting: ((m: ChildMessage) => void) | null = null;
  let failed: ((e: Error) => void) | null = null;
  child.on("message", (m: ChildMessage) => waiting?.(m));
  child.on("exit", (code) => failed?.(new Error(`load generator exited (${code})`)));
  const next = (send?: LoadRequest) =>
    new Promise<ChildMessage>((resolve, reject) => {
      waiting = resolve;
      failed = reject;
      if (send) child.send(send);
    });
  const results: SlackCell[] = [];
  let calls: Record<string, number> = {};
  try {
    const ready = await next();
    if (ready.type !== "ready") throw new Error("load generator did not start");
    const { real, bare, barePort, guides } = await startBenchApps(guidesDir, ready.apiUrl);

    try {
      for (const concurrency of [10, 50]) {
        for (const [app, port] of [
          ["CompBot", real.port!],
          ["bare Bolt", barePort],
        ] as const) {
          log(`[slack] ${app}, ${concurrency} concurrent, ${SECONDS} s`);
          const done = await next({ type: "load", port, concurrency, seconds: SECONDS });
          if (done.type !== "result") throw new Error("unexpected message from the load generator");
          results.push({ app, concurrency, ...done.figures });
          calls = done.calls;
        }
      }
    } finally {
      await real.stop();
      await bare.stop();
    }
    return {
      guides,
      seconds: SECONDS,
      requests: Math.min(...results.map((r) => r.requests)),
      results,
      calls,
    };
  } finally {
    failed = null;
    if (child.connected) child.send({ type: "exit" });
    setTimeout(() => child.kill(), 2_000).unref();
  }
}

/**
 * The two apps every Slack bench compares, started: CompBot (createSlackApp, HTTP mode, over `guidesDir`
 * parsed without a cache) and a bare Bolt app that acks `/comp` with a fixed message (same HTTPReceiver
 * settings). Both talk to the fake Web API at `apiUrl` and log nothing. `guides`: how many CompBot serves.
 */
export async function startBenchApps(
  guidesDir: string,
  apiUrl: string,
): Promise<{ real: SlackApp; bare: App; barePort: number; guides: number }> {
  const quiet = createLineLogger({ level: "error", write: () => {} });
  const { bot } = await loadCompBot(guidesDir, { today: () => "2026-03-01", cache: false });
  const config: HttpConfig = {
    mode: "http",
    botToken: TEST_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    port: 0,
    slackApiUrl: apiUrl,
    guidesDir,
    logLevel: "error",
  };
  const real = createSlackApp({ config, bot, logger: quiet });
  await real.start();
  const bare = new App({
    token: TEST_BOT_TOKEN,
    receiver: new HTTPReceiver({ signingSecret: TEST_SIGNING_SECRET, endpoints: EVENTS_PATH, logger: quiet }),
    clientOptions: { slackApiUrl: apiUrl },
    logger: quiet,
  });
  bare.command("/comp", async ({ ack }) => {
    await ack("CompBot is thinking about it.");
  });
  const server = (await bare.start(0)) as unknown as http.Server;
  return { real, bare, barePort: (server.address() as AddressInfo).port, guides: bot.guideCount };
}
