/**
 * deploy/nginx.conf, the proxy config compose.yaml uses, run by the real nginx on loopback in front of two
 * CompBot replicas (HTTP mode, memory store), each with its own fake Slack so that every answer shows which
 * replica gave it. The only changes to the committed file: its two upstream servers and its listen port,
 * pointed at this test's loopback ports.
 * - Signed requests through nginx are answered: the raw body and the Slack signature headers arrive unchanged
 *   (a replica refuses a request whose signature does not match, 401).
 * - Requests are spread over both replicas; X-Slack-Retry-Num reaches them.
 * - A stopped replica is skipped: every request is answered by the other one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CompBotProcess, REPO_ROOT, spawnCompBot } from "../support/compbot-process.ts";
import { type ApiCall, FAKE_BOT_USER_ID, FakeSlack } from "../support/fake-slack.ts";
import { freePort, type Nginx, startNginx } from "../support/nginx.ts";
import {
  appMentionEvent,
  eventCallback,
  eventCallbackBody,
  type SignedRequest,
  sendSigned,
  slashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  uniqueId,
} from "../support/signing.ts";
import { allText } from "../support/slack-harness.ts";

const SITE = readFileSync(path.join(REPO_ROOT, "deploy/nginx.conf"), "utf8");

/** `text` with `from` replaced; `from` must occur exactly once, so a changed config fails loudly here. */
function replaceOnce(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`deploy/nginx.conf: expected one "${from}", found ${count}`);
  return text.replace(from, to);
}

interface Replica {
  name: string;
  fake: FakeSlack;
  process: CompBotProcess;
  port: number;
}

const replicas: Replica[] = [];
let nginx: Nginx;

async function startReplica(name: string): Promise<Replica> {
  const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN });
  const process = spawnCompBot({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    PORT: "0",
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "debug",
    GUIDES_DIR: "guides",
  });
  const replica: Replica = { name, fake, process, port: 0 };
  replicas.push(replica);
  replica.port = Number((await process.waitFor(/listening for Slack on port (\d+)/, 30_000))[1]);
  return replica;
}

beforeAll(async () => {
  const [a, b] = await Promise.all([startReplica("compbot-1"), startReplica("compbot-2")]);
  const port = await freePort();
  let site = replaceOnce(SITE, "server compbot-1:3000", `server 127.0.0.1:${a!.port}`);
  site = replaceOnce(site, "server compbot-2:3000", `server 127.0.0.1:${b!.port}`);
  site = replaceOnce(site, "listen 80;", `listen 127.0.0.1:${port};`);
  nginx = await startNginx(site, port);
}, 60_000);

afterAll(async () => {
  await nginx?.stop();
  for (const r of replicas) {
    r.process.kill();
    await r.fake.close();
  }
});

const throughNginx = (request: SignedRequest, options: Parameters<typeof sendSigned>[2] = {}) =>
  sendSigned(`${nginx.url}/slack/events`, request, options);

/** The chat.postMessage that answered in `channel`, from whichever replica's fake Slack got it. */
function answerIn(channel: string, from: Replica[] = replicas): Promise<{ replica: Replica; call: ApiCall }> {
  return Promise.any(
    from.map((replica) =>
      replica.fake
        .nextCall(
          (c) => c.method === "chat.postMessage" && c.body.channel === channel && c.outcome === "ok",
          {
            timeoutMs: 10_000,
          },
        )
        .then((call) => ({ replica, call })),
    ),
  );
}

const postsIn = (channel: string) =>
  replicas.flatMap((r) => r.fake.callsTo("chat.postMessage").filter((c) => c.body.channel === channel));

describe("nginx with deploy/nginx.conf in front of two replicas", () => {
  it("passes a signed /comp through unchanged, and a bad signature is still refused by the replica", async () => {
    const request = slashCommand({
      text: "segment ml-ai-engineer london",
      response_url: replicas[0]!.fake.responseUrl("nginx"),
    });
    const res = await throughNginx(request);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("£132K–£165K");

    const forged = await throughNginx(request, { secret: "a-different-signing-secret-0000000" });
    expect(forged.status).toBe(401);
  });

  it("spreads events over both replicas; a pretty-printed, non-ASCII body keeps its signature", async () => {
    const channels = Array.from({ length: 4 }, () => uniqueId("C0NGINX"));
    const answers = [];
    for (const channel of channels) {
      const event = appMentionEvent({
        text: `<@${FAKE_BOT_USER_ID}>   what's the total comp for an ML engineer at Segment in London? (£, –, ü)`,
        channel,
      });
      // Whitespace and UTF-8 the replica must see byte for byte: the signature covers the raw body.
      const body = JSON.stringify(eventCallbackBody(event), null, 2);
      const res = await throughNginx({ body, contentType: "application/json" });
      expect(res.status).toBe(200);
      answers.push(answerIn(channel));
    }
    const answered = await Promise.all(answers);
    for (const { call } of answered) expect(allText(call.body)).toContain("£132K–£165K");
    expect(new Set(answered.map((a) => a.replica.name))).toEqual(new Set(["compbot-1", "compbot-2"]));
    for (const channel of channels) expect(postsIn(channel)).toHaveLength(1);

    const upstreams = nginx
      .accessLog()
      .filter((line) => line.startsWith("/slack/events "))
      .map((line) => line.split(" ")[1]);
    for (const r of replicas) expect(upstreams).toContain(`127.0.0.1:${r.port}`);
  });

  it("passes X-Slack-Retry-Num: a redelivery of an event both replicas handled is skipped", async () => {
    const channel = uniqueId("C0RETRY");
    const request = eventCallback(
      appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`, channel }),
    );
    for (const r of replicas) {
      const res = await sendSigned(`http://127.0.0.1:${r.port}/slack/events`, request);
      expect(res.status).toBe(200);
      await answerIn(channel, [r]);
    }
    const res = await throughNginx(request, { retryNum: 2, retryReason: "http_timeout" });
    expect(res.status).toBe(200);
    const skipped = new RegExp(`Skipping event ${request.eventId}: already handled \\(retry 2\\)`);
    await Promise.any(replicas.map((r) => r.process.waitFor(skipped, 10_000)));
    expect(postsIn(channel)).toHaveLength(2);
  });

  it("skips a replica that is stopped: every request is answered by the other one", async () => {
    const [alive, stopped] = replicas as [Replica, Replica];
    stopped.process.child.kill("SIGTERM");
    expect(await stopped.process.exitWithin(5_000)).toBe(0);

    for (let i = 0; i < 4; i++) {
      const res = await throughNginx(
        slashCommand({
          text: "segment ml-ai-engineer london",
          response_url: replicas[0]!.fake.responseUrl("nginx"),
        }),
      );
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("£132K–£165K");
    }
    for (let i = 0; i < 2; i++) {
      const channel = uniqueId("C0FAILOVER");
      const event = appMentionEvent({
        text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`,
        channel,
      });
      expect((await throughNginx(eventCallback(event))).status).toBe(200);
      const { replica } = await answerIn(channel, [alive]);
      expect(replica.name).toBe(alive.name);
    }
  });
});
