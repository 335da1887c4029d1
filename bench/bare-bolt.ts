/**
 * A bare Bolt app for bench/process.ts: HTTP mode, signature checks on, default receiver options, `/comp`
 * acked with a fixed message: a line of text, or with BARE_REPLY_FILE the message in that file (JSON, a reply
 * of CompBot's), so that the bench can weigh what sending a reply that size costs the same app.
 * Run as its own process, like CompBot, so both are measured the same way.
 * Environment: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT, BARE_REPLY_FILE (optional).
 */
import { readFileSync } from "node:fs";
import { App, HTTPReceiver, LogLevel, type RespondArguments } from "@slack/bolt";

const env = process.env;
const reply: string | RespondArguments = env.BARE_REPLY_FILE
  ? (JSON.parse(readFileSync(env.BARE_REPLY_FILE, "utf8")) as RespondArguments)
  : "CompBot is thinking about it.";
const receiver = new HTTPReceiver({ signingSecret: env.SLACK_SIGNING_SECRET!, endpoints: "/slack/events" });
const app = new App({
  token: env.SLACK_BOT_TOKEN!,
  receiver,
  clientOptions: { slackApiUrl: env.SLACK_API_URL! },
  logLevel: LogLevel.ERROR,
});
app.command("/comp", async ({ ack }) => {
  await ack(reply);
});
await app.start(Number(env.PORT));
process.stdout.write(`bare Bolt listening on ${env.PORT}\n`);
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)));
