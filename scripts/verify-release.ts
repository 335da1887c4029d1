/**
 * `npm run verify:release`: what the Dockerfile does, replayed outside Docker (these machines cannot build
 * images), on the committed HEAD:
 * 1. a clean copy (`git archive HEAD`) in a temp folder; `npm ci`, `npm run build`, `npm prune --omit=dev`;
 *    tsx and typescript must then be gone, and the copy's own guides/ too (the image has none: they come from
 *    a volume through GUIDES_DIR);
 * 2. `node dist/main.js` in HTTP mode (against the fake Slack, with GUIDES_DIR a separate folder holding the
 *    repository's guides): /healthz answers 200, a signed /comp is answered, SIGTERM exits 0 within 5 s;
 * 3. the console mode answers a piped question, and the guide loader's worker threads parse files with no
 *    tsx installed.
 * Exit 0 when every step passed; otherwise the failing step, its output, and exit 1.
 * `--keep` leaves the temp folder for inspection.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FakeSlack } from "../tests/support/fake-slack.ts";
import { sendSigned, slashCommand, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../tests/support/signing.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** A figure of the bundled Segment guide's London band: the answer must contain it. */
const LONDON_BASE = "£132K–£165K";
const START_TIMEOUT_MS = 30_000;
const SHUTDOWN_LIMIT_MS = 5_000;

class StepFailed extends Error {}

function step(name: string): () => void {
  const started = Date.now();
  process.stdout.write(`verify:release: ${name} …`);
  return () => process.stdout.write(` ok (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  if (result.status !== 0) {
    throw new StepFailed(
      `${command} ${args.join(" ")} exited ${result.status}:\n${result.stdout}${result.stderr}`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The environment of the started process: only what the image sets, nothing from a developer's shell. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG"];
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production" };
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...extra };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new StepFailed(`node dist/main.js exited ${child.exitCode}:\n${output()}`);
    const res = await fetch(url).catch(() => null);
    if (res?.status === 200) return res.text();
    if (Date.now() > deadline)
      throw new StepFailed(`no 200 from ${url} within ${START_TIMEOUT_MS} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function verify(work: string): Promise<void> {
  const app = path.join(work, "app");
  const guides = path.join(work, "guides");

  let done = step("clean copy of HEAD (git archive)");
  execFileSync("mkdir", ["-p", app]);
  execFileSync("sh", ["-c", 'git -C "$0" archive --format=tar HEAD | tar -x -C "$1"', REPO, app]);
  cpSync(path.join(app, "guides"), guides, { recursive: true });
  rmSync(path.join(app, "guides"), { recursive: true });
  done();

  done = step("npm ci");
  run(npm, ["ci", "--no-audit", "--no-fund", "--prefer-offline"], app);
  done();
  done = step("npm run build");
  run(npm, ["run", "build"], app);
  done();
  done = step("npm prune --omit=dev");
  run(npm, ["prune", "--omit=dev", "--no-audit", "--no-fund"], app);
  for (const dev of ["tsx", "typescript", "vitest"]) {
    if (existsSync(path.join(app, "node_modules", dev))) {
      throw new StepFailed(`node_modules/${dev} is still there after the prune`);
    }
  }
  done();

  done = step("HTTP mode: /healthz, a signed /comp, SIGTERM");
  const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN });
  const port = await freePort();
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: app,
    env: cleanEnv({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      GUIDES_DIR: guides,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    output += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    output += d;
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on("close", (code, signal) => resolve(code ?? signal ?? "?")),
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const health = await waitForHealth(`${base}/healthz`, child, () => output);
    if (!health.includes('"ok":true')) throw new StepFailed(`/healthz said ${health}`);
    const res = await sendSigned(
      `${base}/slack/events`,
      slashCommand({ text: "segment ml-ai-engineer london", response_url: fake.responseUrl("verify") }),
    );
    const answer = await res.text();
    if (res.status !== 200 || !answer.includes(LONDON_BASE)) {
      throw new StepFailed(`/comp answered ${res.status} without ${LONDON_BASE}:\n${answer}\n${output}`);
    }
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), SHUTDOWN_LIMIT_MS);
    const code = await exited;
    clearTimeout(timer);
    if (code !== 0)
      throw new StepFailed(`exit ${code} after SIGTERM (limit ${SHUTDOWN_LIMIT_MS} ms):\n${output}`);
    if (/tsx/.test(output)) throw new StepFailed(`the output mentions tsx:\n${output}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await fake.close();
  }
  done();

  done = step("console mode and the parse workers, without tsx");
  const consoleRun = spawnSync(process.execPath, ["dist/main.js"], {
    cwd: app,
    env: cleanEnv({ GUIDES_DIR: guides }),
    input: "/comp segment ml-ai-engineer london\n",
    encoding: "utf8",
  });
  if (consoleRun.status !== 0 || !consoleRun.stdout.includes(LONDON_BASE)) {
    throw new StepFailed(
      `console mode: exit ${consoleRun.status}:\n${consoleRun.stdout}${consoleRun.stderr}`,
    );
  }
  const script = path.join(app, "verify-workers.mjs");
  writeFileSync(
    script,
    [
      'import { loadGuides } from "./dist/guides/load.js";',
      `const r = await loadGuides(${JSON.stringify(guides)}, { today: "2026-06-01", workers: 2 });`,
      "console.log(JSON.stringify({ guides: r.guides.length, parallel: r.parallel }));",
    ].join("\n"),
  );
  const workers = spawnSync(process.execPath, [script], { cwd: app, env: cleanEnv({}), encoding: "utf8" });
  const parsed =
    workers.status === 0 ? (JSON.parse(workers.stdout) as { guides: number; parallel?: unknown }) : null;
  const expected = JSON.stringify({ workers: 2, filesInWorkers: parsed?.guides });
  if (!parsed || parsed.guides < 1 || JSON.stringify(parsed.parallel) !== expected) {
    throw new StepFailed(`the parse workers did not parse the guides: ${workers.stdout}${workers.stderr}`);
  }
  done();
}

const keep = process.argv.includes("--keep");
const work = mkdtempSync(path.join(tmpdir(), "compbot-release-"));
const started = Date.now();
verify(work).then(
  () => {
    process.stdout.write(`verify:release: passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    if (!keep) rmSync(work, { recursive: true, force: true });
  },
  (error: unknown) => {
    process.stdout.write(" FAILED\n");
    process.stderr.write(`verify:release: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write(`verify:release: the copy is kept in ${work}\n`);
    process.exitCode = 1;
  },
);
