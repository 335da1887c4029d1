/**
 * `npm run load [-- --concurrency 50 --seconds 30 --warmup 5 --guides 10000 --kinds comp,mention]`: a load run (not
 * a test) against HTTP mode on loopback. Generates N synthetic guides in a temp dir and starts the real Bolt app in
 * this process (createSlackApp, HTTP mode, 127.0.0.1, ephemeral port). The load client and the fake Slack Web API
 * run in a forked child process (on the machine's other core, as Slack would be elsewhere): C concurrent clients,
 * each alternating a signed /comp (latency: until its HTTP answer, which carries the answer) and a signed
 * app_mention event (latency: until the answer reaches the fake's chat.postMessage), over keep-alive connections as
 * Slack's own delivery does.
 *
 * The run has two phases with the same load: a warm-up of W seconds (both processes start cold: V8 compiles the
 * hot paths, connections open), then the measured T seconds. Both are printed; requests/s, p50/p99 and the verdict
 * are the measured phase's, errors are counted over both. Exit 1 on any error or warning line.
 */
import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadCompBot } from "../src/bot.ts";
import { createSlackApp, EVENTS_PATH } from "../src/slack/app.ts";
import type { HttpConfig } from "../src/slack/config.ts";
import { createLineLogger } from "../src/slack/log.ts";
import { type ApiCall, FAKE_BOT_USER_ID, FakeSlack } from "../tests/support/fake-slack.ts";
import { guideText } from "../tests/support/make-guide.ts";
import {
  appMentionEvent,
  eventCallback,
  postSigned,
  slashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../tests/support/signing.ts";

const ROLES = [
  ["ml-engineer", "ML Engineer"],
  ["data-scientist", "Data Scientist"],
  ["backend-engineer", "Backend Engineer"],
  ["frontend-engineer", "Frontend Engineer"],
  ["product-manager", "Product Manager"],
  ["data-engineer", "Data Engineer"],
  ["security-engineer", "Security Engineer"],
  ["site-reliability-engineer", "Site Reliability Engineer"],
  ["mobile-engineer", "Mobile Engineer"],
  ["engineering-manager", "Engineering Manager"],
] as const;
/** An answer to a mention that has not arrived by then counts as an error. */
const MENTION_TIMEOUT_MS = 5_000;

const { values } = parseArgs({
  options: {
    concurrency: { type: "string", default: "50" },
    seconds: { type: "string", default: "30" },
    guides: { type: "string", default: "10000" },
    warmup: { type: "string", default: "5" },
    /** Which requests each client sends, in turn: comp, mention, or both (the default). */
    kinds: { type: "string", default: "comp,mention" },
    /** Replica processes of CompBot (`src/main.ts`, HTTP mode) instead of the app in this process. */
    replicas: { type: "string", default: "1" },
    /** Also run the same load with the PostgreSQL store (a server started for the run), beside the memory store. */
    database: { type: "boolean", default: false },
    /** With --database: memory and PostgreSQL runs made this many times each, alternating (see load-replicas.ts). */
    pairs: { type: "string", default: "1" },
    /** Internal: run as the load client (forked by the app process). */
    client: { type: "boolean", default: false },
  },
});
const concurrency = positive("concurrency", values.concurrency);
const seconds = positive("seconds", values.seconds);
const guideCount = positive("guides", values.guides);
const warmupSeconds = positive("warmup", values.warmup, 0);
const replicaCount = positive("replicas", values.replicas);
const pairs = positive("pairs", values.pairs);
const KINDS = ["comp", "mention"] as const;
type Kind = (typeof KINDS)[number];
const kinds = values.kinds.split(",").map((k) => k.trim());
if (kinds.length === 0 || !kinds.every((k): k is Kind => (KINDS as readonly string[]).includes(k))) {
  process.stderr.write(`load: --kinds takes comp, mention or comp,mention (got "${values.kinds}")\n`);
  process.exit(2);
}
const turns = kinds as Kind[];

function positive(name: string, raw: string, min = 1): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`load: --${name} must be a whole number, at least ${min}\n`);
    process.exit(2);
  }
  return n;
}

function companyOf(i: number): { slug: string; display: string } {
  const slug = `loadco${String(i).padStart(5, "0")}`;
  return { slug, display: `Loadco ${i}` };
}

/** N valid guides: ceil(N / 10) companies × up to 10 roles, two regions each. */
function writeGuides(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "compbot-load-"));
  for (let i = 0; i < n; i++) {
    const company = companyOf(Math.floor(i / ROLES.length));
    const [role, roleDisplay] = ROLES[i % ROLES.length] ?? ROLES[0];
    mkdirSync(path.join(dir, company.slug), { recursive: true });
    writeFileSync(
      path.join(dir, company.slug, `${role}.md`),
      guideText({
        company: company.slug,
        companyDisplay: company.display,
        role,
        roleDisplay,
        bands: [
          { region: "San Francisco", base: [150_000 + i, 190_000 + i] },
          { region: "London", currency: "GBP", base: [90_000 + i, 120_000 + i] },
        ],
      }),
    );
  }
  return dir;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The question for request i: one of the N guides, spread over the catalogue, alternating two regions. */
function question(i: number): string {
  const guide = (i * 7919) % guideCount;
  const company = companyOf(Math.floor(guide / ROLES.length));
  const [role] = ROLES[guide % ROLES.length] ?? ROLES[0];
  return `${company.slug} ${role} ${i % 2 === 0 ? "london" : "san francisco"}`;
}

/** One phase of the run (warm-up or measured), as the client saw it. */
export interface Phase {
  /** Requests started in this phase. */
  sent: number;
  elapsedS: number;
  /** Latencies (ms) of the requests started in this phase and answered correctly. */
  slash: number[];
  mention: number[];
  /** CPU seconds the client process used during the phase. */
  cpuS: number;
}

export interface Summary {
  warmup: Phase;
  measured: Phase;
  errors: [string, number][];
}

export type ToClient = { type: "go"; urls: string[] } | { type: "measure" };
export type ToApp = { type: "fake"; apiUrl: string } | { type: "warm" } | { type: "done"; summary: Summary };

/**
 * Messages from the other process, awaited by type (in any order). A wait fails once `gone` settles (the other
 * process exited) without the message having come.
 */
function inbox<M extends { type: string }>(
  subscribe: (push: (message: M) => void) => void,
  gone: Promise<unknown>,
  from: string,
): <T extends M["type"]>(type: T) => Promise<Extract<M, { type: T }>> {
  const messages: M[] = [];
  let wake: (() => void) | null = null;
  subscribe((message) => {
    messages.push(message);
    wake?.();
  });
  return async <T extends M["type"]>(type: T) => {
    for (;;) {
      const found = messages.find((m): m is Extract<M, { type: T }> => m.type === type);
      if (found) return found;
      const woke = new Promise<"woke">((resolve) => {
        wake = () => resolve("woke");
      });
      const code = await Promise.race([woke, gone]);
      if (code !== "woke" && !messages.some((m) => m.type === type)) {
        throw new Error(`${from} exited (${String(code)}) before sending ${type}`);
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The load client (a child process, so that it and the fake Slack do not share the app's thread and core).
// ---------------------------------------------------------------------------------------------------------------

async function client(): Promise<void> {
  const send = (message: ToApp) => process.send?.(message);
  // Mention latency: resolved when the fake answers the chat.postMessage for that thread.
  const pending = new Map<string, (call: ApiCall) => void>();
  const fake = await FakeSlack.start({
    botToken: TEST_BOT_TOKEN,
    record: false,
    onCall: (call) => {
      if (call.method !== "chat.postMessage") return;
      const done = pending.get(String(call.body.thread_ts));
      if (done) {
        pending.delete(String(call.body.thread_ts));
        done(call);
      }
    },
  });
  const next = inbox<ToClient>(
    (push) => process.on("message", push),
    new Promise((resolve) => process.once("disconnect", () => resolve("disconnected"))),
    "the app",
  );
  send({ type: "fake", apiUrl: fake.apiUrl });
  const { urls } = await next("go");
  // Several replicas: requests go to each in turn, as a round-robin load balancer would send them.
  const targets = urls.map((u) => new URL(u));
  const targetOf = (i: number): URL => targets[i % targets.length] as URL;
  // Keep-alive connections, one per client at most, as Slack reuses its connections to an app.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

  const errors = new Map<string, number>();
  const fail = (why: string): void => {
    errors.set(why, (errors.get(why) ?? 0) + 1);
  };
  const newPhase = (): Phase => ({ sent: 0, elapsedS: 0, slash: [], mention: [], cpuS: 0 });
  const phases = { warmup: newPhase(), measured: newPhase() };
  let current = phases.warmup;
  let counter = 0;

  const slashOnce = async (i: number, phase: Phase): Promise<void> => {
    const started = performance.now();
    const res = await postSigned(
      agent,
      targetOf(i),
      slashCommand({ text: question(i), response_url: fake.responseUrl("load") }),
    );
    const took = performance.now() - started;
    if (res.status !== 200) return fail(`/comp: HTTP ${res.status}`);
    if (!res.body.includes("Loadco")) return fail("/comp: no answer in the ack");
    phase.slash.push(took);
  };

  const mentionOnce = async (i: number, phase: Phase): Promise<void> => {
    const event = appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> ${question(i)}`, channel: "C0LOAD" });
    const ts = String(event.ts);
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<ApiCall | null>((resolve) => {
      pending.set(ts, resolve);
      timer = setTimeout(() => resolve(null), MENTION_TIMEOUT_MS);
    });
    try {
      const res = await postSigned(agent, targetOf(i), eventCallback(event));
      if (res.status !== 200) return fail(`app_mention: HTTP ${res.status}`);
      const call = await answered;
      if (call === null) return fail("app_mention: no answer within 5 s");
      if (call.outcome !== "ok") return fail(`app_mention: ${call.outcome}`);
      if (!String(call.body.text).includes("Loadco")) return fail("app_mention: not the answer");
      phase.mention.push(performance.now() - started);
    } finally {
      clearTimeout(timer);
      pending.delete(ts);
    }
  };

  let stopAt = Number.POSITIVE_INFINITY;
  const worker = async (w: number): Promise<void> => {
    let turn = w;
    while (performance.now() < stopAt) {
      const i = ++counter;
      // A request belongs to the phase it started in.
      const phase = current;
      phase.sent++;
      try {
        const kind = turns[turn++ % turns.length];
        await (kind === "comp" ? slashOnce(i, phase) : mentionOnce(i, phase));
      } catch (error) {
        fail(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  // The warm-up, then the measured phase (started once the app has taken its CPU reading).
  let phaseStart = performance.now();
  let cpuBefore = process.cpuUsage();
  const endPhase = (phase: Phase): void => {
    const cpu = process.cpuUsage(cpuBefore);
    phase.elapsedS = (performance.now() - phaseStart) / 1000;
    phase.cpuS = (cpu.user + cpu.system) / 1e6;
  };
  const workers = Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
  send({ type: "warm" });
  await next("measure");
  endPhase(phases.warmup);
  current = phases.measured;
  phaseStart = performance.now();
  cpuBefore = process.cpuUsage();
  stopAt = phaseStart + seconds * 1000;
  await workers;
  endPhase(phases.measured);
  agent.destroy();
  await fake.close();
  // Disconnect only once the summary has been handed over.
  process.send?.({ type: "done", summary: { ...phases, errors: [...errors] } } satisfies ToApp, () =>
    process.disconnect?.(),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The app under load (this process).
// ---------------------------------------------------------------------------------------------------------------

/** The forked load client: its fake Slack's URL, and its messages. */
export interface LoadClient {
  apiUrl: string;
  send(message: ToClient): void;
  next: ReturnType<typeof inbox<ToApp>>;
  exited: Promise<number | null>;
}

async function startClient(): Promise<LoadClient> {
  const child = fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), "--client"], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const next = inbox<ToApp>((push) => child.on("message", push), exited, "the load client");
  const { apiUrl } = await next("fake");
  return { apiUrl, send: (message) => child.send(message), next, exited };
}

/** One phase's lines: requests/s, latency per kind, CPU (`cpu`: the app's, or the replicas' summed). */
function report(title: string, phase: Phase, cpu: NodeJS.CpuUsage, appLabel = "app"): string[] {
  const cpuPct = ((100 * (cpu.user + cpu.system)) / 1e6 / phase.elapsedS).toFixed(0);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const row = (name: string, xs: number[]) =>
    `  ${name.padEnd(12)} ${String(xs.length).padStart(7)} ok   p50 ${ms(percentile(xs, 50)).padStart(9)}   p99 ${ms(percentile(xs, 99)).padStart(9)}   max ${ms(xs.at(-1) ?? Number.NaN).padStart(9)}`;
  const slash = sorted(phase.slash);
  const mention = sorted(phase.mention);
  const all = sorted([...slash, ...mention]);
  const rate = (n: number) => (n / phase.elapsedS).toFixed(0);
  return [
    `${title}: ${phase.elapsedS.toFixed(1)} s`,
    `  requests     ${phase.sent} sent, ${rate(phase.sent)} requests/s (${rate(all.length)}/s answered)`,
    ...(slash.length > 0 ? [row("/comp", slash)] : []),
    ...(mention.length > 0 ? [row("app_mention", mention)] : []),
    row("all", all),
    `  CPU          ${appLabel} ${cpuPct}% of a core, load client + fake Slack ${((100 * phase.cpuS) / phase.elapsedS).toFixed(0)}%`,
  ];
}

function errorLine(summary: Summary): { count: number; line: string } {
  const count = summary.errors.reduce((n, [, v]) => n + v, 0);
  const detail = count > 0 ? ` (${summary.errors.map(([k, v]) => `${k}: ${v}`).join("; ")})` : "";
  return { count, line: `errors (both phases): ${count}${detail}` };
}

/** The pieces the replica run (load-replicas.ts) shares with the in-process run. */
export interface LoadKit {
  guidesDir: string;
  guideCount: number;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  startClient: typeof startClient;
  report: typeof report;
  errorLine: typeof errorLine;
}

async function app(): Promise<number> {
  process.stdout.write(`load: writing ${guideCount} synthetic guides…\n`);
  const dir = writeGuides(guideCount);
  try {
    if (replicaCount > 1 || values.database) {
      const { runReplicas } = await import("./load-replicas.ts");
      return await runReplicas(
        { guidesDir: dir, guideCount, concurrency, seconds, warmupSeconds, startClient, report, errorLine },
        { replicas: replicaCount, database: values.database, pairs },
      );
    }
    const loadStart = performance.now();
    const { bot, problems } = await loadCompBot(dir, { cache: false });
    const loadMs = performance.now() - loadStart;
    const broken = problems.filter((p) => p.severity === "error");
    if (bot.guideCount !== guideCount || broken.length > 0) {
      throw new Error(
        `expected ${guideCount} guides, loaded ${bot.guideCount} (${broken[0]?.message ?? "?"})`,
      );
    }
    const probe = bot.ask(question(1), { surface: "slash" }).answer;
    if (probe.kind !== "band") throw new Error(`a synthetic question did not find its band (${probe.kind})`);

    const loadClient = await startClient();
    let logProblems = 0;
    const firstLogProblems: string[] = [];
    const logger = createLineLogger({
      level: "warn",
      secrets: [TEST_BOT_TOKEN, TEST_SIGNING_SECRET],
      write: (line) => {
        logProblems++;
        if (firstLogProblems.length < 5) firstLogProblems.push(line);
      },
    });
    const config: HttpConfig = {
      mode: "http",
      botToken: TEST_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
      port: 0,
      slackApiUrl: loadClient.apiUrl,
      guidesDir: dir,
      logLevel: "warn",
    };
    const slack = createSlackApp({ config, bot, logger });
    await slack.start();
    const url = `http://127.0.0.1:${slack.port}${EVENTS_PATH}`;
    process.stdout.write(
      `load: ${bot.guideCount} guides loaded in ${ms(loadMs)}; ${concurrency} concurrent clients (${turns.join(" + ")}) against ${url}: ${warmupSeconds} s warm-up, then ${seconds} s measured\n`,
    );
    let cpuBefore = process.cpuUsage();
    loadClient.send({ type: "go", urls: [url] });
    await loadClient.next("warm");
    const warmCpu = process.cpuUsage(cpuBefore);
    cpuBefore = process.cpuUsage();
    loadClient.send({ type: "measure" });
    const { summary } = await loadClient.next("done");
    const measuredCpu = process.cpuUsage(cpuBefore);
    await slack.stop();
    await loadClient.exited;

    const errors = errorLine(summary);
    const lines = [
      "",
      `CompBot load: ${concurrency} concurrent, ${guideCount} guides, HTTP mode on 127.0.0.1`,
      ...(warmupSeconds > 0 ? report("warm-up (not counted)", summary.warmup, warmCpu) : []),
      ...report("measured", summary.measured, measuredCpu),
      errors.line,
      `warn/error log lines: ${logProblems}${firstLogProblems.length > 0 ? `\n    ${firstLogProblems.join("\n    ")}` : ""}`,
      "",
    ];
    process.stdout.write(lines.join("\n"));
    return errors.count > 0 || logProblems > 0 ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(values.client ? client().then(() => 0) : app()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    process.exit(1);
  },
);
