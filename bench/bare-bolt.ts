/**
 * A bare Bolt app for bench/process.ts: HTTP mode, signature checks on, default receiver options, `/comp`
 * acked with a fixed message. Run as its own process, like CompBot, so both are measured the same way.
 * Environment: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT.
 */
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const env = process.env;
const receiver = new HTTPReceiver({ signingSecret: env.SLACK_SIGNING_SECRET!, endpoints: "/slack/events" });
const app = new App({
  token: env.SLACK_BOT_TOKEN!,
  receiver,
  clientOptions: { slackApiUrl: env.SLACK_API_URL! },
  logLevel: LogLevel.ERROR,
});
app.command("/comp", async ({ ack }) => {
  await ack("CompBot is thinking about it.");
});
await app.start(Number(env.PORT));
process.stdout.write(`bare Bolt listening on ${env.PORT}\n`);
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)));
