/**
 * `npm run bench:dispatch [-- --guides 10000 --events 20000 --rounds 3]`: what Bolt and our app do for one
 * `/comp`, without the network. The real app (createSlackApp over a generated catalogue) and a bare Bolt app
 * that acks a fixed message (bench/slack.ts startBenchApps) get the same slash-command bodies through `App.processEvent`, 50 at a time, and
 * the process's CPU time per event is reported for each, round after round. No HTTP, no signature check, no
 * load generator sharing the cores: the figure moves little from run to run, so a change to the listeners,
 * the middleware or the answer path shows here when bench/process.ts's req/s drown it in noise.
 * Each app calls auth.test once (the fake Slack in this process), then never the Web API again.
 */
import { parseArgs } from "node:util";
import type { App } from "@slack/bolt";
import { FakeSlack } from "../tests/support/fake-slack.ts";
import { TEST_BOT_TOKEN } from "../tests/support/signing.ts";
import { ensureCorpus } from "./generate.ts";
import { startBenchApps } from "./slack.ts";

const CONCURRENCY = 50;

const { values } = parseArgs({
  options: {
    guides: { type: "string", default: "10000" },
    events: { type: "string", default: "20000" },
    rounds: { type: "string", default: "3" },
  },
});
const corpus = await ensureCorpus(42, Number(values.guides));
const texts = corpus.queries.slice(0, 500).map((q) => q.text);
const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, record: false });
const { real, bare } = await startBenchApps(corpus.guidesDir, fake.apiUrl);

/** A slash command's body as Bolt's HTTP receiver hands it over (form fields, parsed). */
const bodies = texts.map((text) => ({
  token: "legacy-verification-token",
  team_id: "T0001",
  team_domain: "bench",
  channel_id: "C0001",
  channel_name: "general",
  user_id: "U0001",
  user_name: "bench",
  command: "/comp",
  text,
  api_app_id: "A0001",
  is_enterprise_install: "false",
  response_url: fake.responseUrl("dispatch"),
  trigger_id: "1.2.3",
}));

let acked = 0;
async function dispatch(app: App, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const body = bodies[next++ % bodies.length]!;
        await app.processEvent({
          body: { ...body },
          // As the HTTP receiver does: the response body is serialized (Bolt's buildContentResponse).
          ack: async (response?: unknown) => {
            acked += typeof response === "string" ? response.length : JSON.stringify(response ?? "").length;
          },
          retryNum: undefined,
          retryReason: undefined,
          customProperties: {},
        });
      }
    }),
  );
}

const apps: [string, App][] = [
  ["CompBot", real.app],
  ["bare Bolt", bare],
];
const events = Number(values.events);
for (const [, app] of apps) await dispatch(app, Math.min(events, 5_000)); // warm-up
const rows: string[] = [];
for (let round = 1; round <= Number(values.rounds); round++) {
  const cells: string[] = [];
  for (const [name, app] of apps) {
    const before = process.cpuUsage();
    await dispatch(app, events);
    const used = process.cpuUsage(before);
    cells.push(`${name} ${((used.user + used.system) / events).toFixed(1)} µs`);
  }
  rows.push(`round ${round}: ${cells.join(", ")} of CPU per /comp`);
}
await real.stop();
await bare.stop();
await fake.close();
console.log(
  `${corpus.n} guides, ${events} /comp per app per round, ${CONCURRENCY} at a time (${acked} bytes acked)`,
);
for (const row of rows) console.log(row);
