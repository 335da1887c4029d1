/**
 * Child process of the /comp round-trip bench (bench/slack.ts): hosts the fake Slack Web API (auth.test,
 * response_url) and the load generator, so neither competes with the app under test for its thread.
 * Talks to its parent over IPC: it answers "ready" with the fake's URL, then runs each "load" request
 * (signed /comp requests at a fixed concurrency for a fixed time) and answers with the figures and the
 * Web API calls the fake has seen so far.
 */
import http from "node:http";
import { EVENTS_PATH } from "../src/slack/app.ts";
import { FakeSlack } from "../tests/support/fake-slack.ts";
import {
  postSigned,
  type SignedRequest,
  slashCommand,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
} from "../tests/support/signing.ts";

export interface LoadRequest {
  type: "load";
  port: number;
  concurrency: number;
  seconds: number;
}
export interface LoadFigures {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}
export type ChildMessage =
  | { type: "ready"; apiUrl: string }
  | { type: "result"; figures: LoadFigures; calls: Record<string, number> };

async function load(request: LoadRequest, requests: readonly SignedRequest[]): Promise<LoadFigures> {
  const { port, concurrency } = request;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(`http://127.0.0.1:${port}${EVENTS_PATH}`);
  // Warm-up: a few requests per connection.
  await Promise.all(
    Array.from({ length: concurrency * 3 }, (_, i) =>
      postSigned(agent, target, requests[i % requests.length]!),
    ),
  );
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const deadline = start + request.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const signed = requests[next++ % requests.length]!;
      const s = performance.now();
      try {
        const { status } = await postSigned(agent, target, signed);
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

if (process.send) {
  const texts = JSON.parse(process.argv[2] ?? "[]") as string[];
  const calls: Record<string, number> = {};
  const fake = await FakeSlack.start({
    botToken: TEST_BOT_TOKEN,
    appToken: TEST_APP_TOKEN,
    record: false,
    onCall: (call) => {
      calls[call.method] = (calls[call.method] ?? 0) + 1;
    },
  });
  // A complete slash-command payload, as Slack sends it (response_url included).
  const requests = texts.map((text, i) => slashCommand({ text, response_url: fake.responseUrl(`b${i}`) }));
  const send = (message: ChildMessage) => process.send!(message);
  process.on("message", (message: LoadRequest | { type: "exit" }) => {
    if (message.type === "exit") {
      void fake.close().then(() => process.exit(0));
      return;
    }
    void load(message, requests).then((figures) => send({ type: "result", figures, calls: { ...calls } }));
  });
  send({ type: "ready", apiUrl: fake.apiUrl });
}
