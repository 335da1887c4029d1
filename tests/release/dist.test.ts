/**
 * The compiled build: `npm run build` (src/ -> dist/), then `node dist/main.js` with no tsx loader, in every
 * mode: the console (no Slack variables), HTTP mode and Socket Mode against the fake Slack. The parse workers
 * start on their compiled `.js` file (a worker that fails to start is silently replaced by the calling
 * thread, so the test counts the files the workers parsed).
 * The Dockerfile's HEALTHCHECK command, run as it is written, says healthy while it runs and not after.
 * `npm run verify:release` repeats the HTTP check on a clean copy with the dev dependencies pruned.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { COMPILED, type CompBotProcess, REPO_ROOT, spawnCompBot } from "../support/compbot-process.ts";
import { FAKE_BOT_USER_ID, FakeSlack } from "../support/fake-slack.ts";
import { makeGuidesDir } from "../support/make-guide.ts";
import {
  appMentionEvent,
  eventCallback,
  eventCallbackBody,
  sendSigned,
  slashCommand,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  uniqueId,
} from "../support/signing.ts";
import { allText } from "../support/slack-harness.ts";

/** The Dockerfile's HEALTHCHECK command (exec form), as Docker would run it in the container. */
function dockerHealthcheck(): string[] {
  const dockerfile = readFileSync(path.join(REPO_ROOT, "Dockerfile"), "utf8").replace(/\\\n\s*/g, "");
  const line = dockerfile.split("\n").find((l) => l.startsWith("HEALTHCHECK "));
  const command = line?.match(/ CMD (\[.*\])$/)?.[1];
  if (!command) throw new Error("Dockerfile: no HEALTHCHECK … CMD [...] line");
  return JSON.parse(command) as string[];
}

function runHealthcheck(port: string): number | null {
  const [program, ...args] = dockerHealthcheck();
  expect(program).toBe("node");
  const env = { ...process.env, NODE_OPTIONS: "", PORT: port };
  return spawnSync(process.execPath, args, { env, timeout: 10_000 }).status;
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const BUILD_TIMEOUT_MS = 240_000;
const SHUTDOWN_LIMIT_MS = 5_000;

let fake: FakeSlack;
const spawned: CompBotProcess[] = [];
const tempDirs: string[] = [];

beforeAll(async () => {
  await promisify(execFile)(npm, ["run", "build"], { cwd: REPO_ROOT });
  fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN });
}, BUILD_TIMEOUT_MS);
afterEach(() => {
  for (const p of spawned.splice(0)) p.kill();
});
afterAll(async () => {
  await fake?.close();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function startCompiled(env: Record<string, string>): CompBotProcess {
  const p = spawnCompBot({ GUIDES_DIR: "guides", ...env }, COMPILED);
  spawned.push(p);
  return p;
}

describe("npm run build", () => {
  it("writes dist/ with main.js and the parse worker, and no tests", () => {
    expect(existsSync(path.join(REPO_ROOT, "dist/main.js"))).toBe(true);
    expect(existsSync(path.join(REPO_ROOT, "dist/guides/parse-worker.js"))).toBe(true);
    expect(existsSync(path.join(REPO_ROOT, "dist/console/ask.js"))).toBe(true);
    expect(existsSync(path.join(REPO_ROOT, "dist/guides/check-cli.js"))).toBe(true);
    expect(existsSync(path.join(REPO_ROOT, "dist/guides/load.test.js"))).toBe(false);
  });
});

describe("node dist/main.js", () => {
  it("console mode (no Slack variables): answers piped questions", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, COMPBOT_CACHE_DIR: "off", NODE_OPTIONS: "" };
    for (const name of ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "PORT"])
      delete env[name];
    const run = spawnSync(process.execPath, COMPILED, {
      cwd: REPO_ROOT,
      env: { ...env, GUIDES_DIR: "guides" },
      input: "/comp segment ml-ai-engineer london\n",
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.stderr).not.toMatch(/tsx|ERR_/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("ML/AI Engineer · Segment · London");
    expect(run.stdout).toContain("£132K–£165K");
  });

  it("HTTP mode: /healthz and the Dockerfile HEALTHCHECK, a signed /comp, a mention answered in its thread, exit 0 on SIGTERM", async () => {
    const p = startCompiled({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      PORT: "0",
      SLACK_API_URL: fake.apiUrl,
    });
    const port = (await p.waitFor(/listening for Slack on port (\d+) \(HTTP mode, 1 guides\)/))[1];
    const base = `http://127.0.0.1:${port}`;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, guides: 1 });
    expect(runHealthcheck(port!)).toBe(0);

    const res = await sendSigned(
      `${base}/slack/events`,
      slashCommand({ text: "segment ml-ai-engineer london", response_url: fake.responseUrl("dist") }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("£132K–£165K");

    const since = fake.mark();
    const channel = uniqueId("C0DIST");
    const event = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`, channel });
    expect((await sendSigned(`${base}/slack/events`, eventCallback(event))).status).toBe(200);
    const post = await fake.nextCall(
      (c) => c.method === "chat.postMessage" && c.body.channel === channel && c.outcome === "ok",
      { since },
    );
    expect(post.body.thread_ts).toBe(event.ts);
    expect(allText(post.body)).toContain("£132K–£165K");

    p.child.kill("SIGTERM");
    expect(await p.exitWithin(SHUTDOWN_LIMIT_MS)).toBe(0);
    expect(p.stderr).not.toMatch(/tsx/);
    // Docker's HEALTHCHECK reports the stopped process as unhealthy.
    expect(runHealthcheck(port!)).toBe(1);
  });

  it("Socket Mode: connects, answers a mention, exit 0 on SIGTERM", async () => {
    const since = fake.mark();
    const p = startCompiled({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_APP_TOKEN: TEST_APP_TOKEN,
      PORT: "0",
      SLACK_API_URL: fake.apiUrl,
    });
    await p.waitFor(/connected to Slack \(Socket Mode, 1 guides\)/);
    const channel = uniqueId("C0DISTSM");
    const event = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> segment ml-ai-engineer london`, channel });
    fake.sendToSockets({
      envelope_id: uniqueId("env-"),
      type: "events_api",
      payload: eventCallbackBody(event),
    });
    const post = await fake.nextCall(
      (c) => c.method === "chat.postMessage" && c.body.channel === channel && c.outcome === "ok",
      { since },
    );
    expect(allText(post.body)).toContain("£132K–£165K");

    p.child.kill("SIGTERM");
    expect(await p.exitWithin(SHUTDOWN_LIMIT_MS)).toBe(0);
    await fake.allSocketsClosed();
  });

  it("the compiled loader parses in worker threads started on dist/guides/parse-worker.js", () => {
    const specs = Array.from({ length: 3 }, (_, i) => ({
      company: `acme${i}`,
      companyDisplay: `Acme ${i}`,
      role: "backend-engineer",
      roleDisplay: "Backend Engineer",
    }));
    const guides = makeGuidesDir(specs);
    const scriptDir = mkdtempSync(path.join(tmpdir(), "compbot-dist-"));
    tempDirs.push(guides, scriptDir);
    const script = path.join(scriptDir, "load.mjs");
    const load = pathToFileURL(path.join(REPO_ROOT, "dist/guides/load.js")).href;
    writeFileSync(
      script,
      [
        `import { loadGuides } from ${JSON.stringify(load)};`,
        `const r = await loadGuides(${JSON.stringify(guides)}, { today: "2026-06-01", workers: 2 });`,
        "console.log(JSON.stringify({ guides: r.guides.length, parallel: r.parallel }));",
      ].join("\n"),
    );
    const run = spawnSync(process.execPath, [script], {
      env: { ...process.env, NODE_OPTIONS: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ guides: 3, parallel: { workers: 2, filesInWorkers: 3 } });
  });
});
