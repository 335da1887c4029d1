/**
 * `npm run bench:process [-- --guides 50000 --modes start,tsx --seconds 8 --restarts 4 "--node-args=--cpu-prof"]`: CompBot as users run
 * it, measured from outside. The real entry point, as `npm start` runs it (the compiled build, through scripts/start.mjs) and
 * as `npm run dev` does (src/main.ts through tsx), or `npm run start:dist`'s command (modes: commandFor), in HTTP mode with
 * the guide watcher on, against a fake Slack Web API in this process (it accepts the bot token), on a copy of
 * the generated catalogue (bench/generate.ts) plus the seed guide. Per mode:
 *
 * 1. start without an index cache (a fresh cache directory, which this start fills): time from spawn to the
 *    first /comp answer, the process's CPU time then, peak RSS (VmHWM) at the first answer and at the end;
 *    then every sequential /comp for 10 s (latency of each, and how many took over 20 ms);
 * 2. start again with that cache (valid), `--restarts` times, each stopped at its first answer (how far one
 *    start's figure is from another's: a shared 2-core VM has slow seconds), then once more, measured as in 1.;
 *    then hot reload: one guide rewritten with a new figure (time from the write until an answer shows it),
 *    then 1,000 guides rewritten at once (until all are served), with the latency of every request sent
 *    meanwhile; then one guide of a new company in a new folder (a new name: the index is built again), with
 *    the latency of the other questions sent meanwhile; then /comp throughput at 50 concurrent clients (after a warm-up), and peak RSS over the whole
 *    process life; once it has stopped, one more start on that cache, which predates the reloads' edits
 *    (guides edited while the app was down: parsed again, the cache written again while serving), measured
 *    as in 1.;
 * 3. a bare Bolt app (bench/bare-bolt.ts, its own process): first its own sequential /comp for 10 s after its
 *    first answer, with the same client (the floor this machine and client put under the "none over 20 ms"
 *    figure: an app that only acks shows how slow the slowest request gets without any of CompBot's work);
 *    then under the same load, in turn with CompBot: five windows each, alternating, so that both apps'
 *    figures come from the same minute of the machine. A second bare Bolt process, acking with CompBot's reply
 *    of median size (medianReply), takes its turns too; each app's CPU time per request (its process, from
 *    /proc) and this process's (the clients) are recorded with every window.
 *
 * The questions of the sequential phases and of the throughput phase are benchQuestions: the corpus's, with an
 * offer check, a script, a level mapping… after every fourth, more different ones than the app keeps replies for.
 * The throughput phase also runs CompBot on 500 of the corpus's questions in turn, as it did before: after the
 * first pass, each is a reply the app kept.
 *
 * The client, the fake Slack and this script share one process; the app under test is alone in its own.
 * The machine's load average is recorded with every phase: wall-clock figures are only comparable within a
 * run. Prints a table, writes bench/process-results.json (or --out).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { REPLY_MEMO_SIZE } from "../src/bot.ts";
import { RACY_WINDOW_MS } from "../src/guides/cache.ts";
import { FakeSlack } from "../tests/support/fake-slack.ts";
import {
  postSigned,
  type SignedRequest,
  slashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../tests/support/signing.ts";
import { benchQuestions, ensureCorpus } from "./generate.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEED_GUIDE = path.join(ROOT, "guides/segment/ml-ai-engineer.md");
const FIRST_QUESTION = "segment ml-ai-engineer london";
const TAIL_SECONDS = 10;
const SLOW_MS = 20;
const BURST = 1_000;
/** Guides rewritten at once in the burst: BURST, or half the catalogue when that is smaller (`--guides 1000`). */
export function burstSize(guides: number): number {
  return Math.min(BURST, Math.floor(guides / 2));
}
/** Seconds of sequential questions that name a company the catalogue does not have (notFoundTail). */
const NOT_FOUND_SECONDS = 5;
const START_TIMEOUT_MS = 900_000;
const RELOAD_TIMEOUT_MS = 180_000;

/** "start", "dist" or "tsx" (this checkout; see commandFor), or "<mode>:<path>": another checkout (a baseline). */
export type Mode = string;

export interface StartFigures {
  firstAnswerMs: number;
  /** CPU seconds (user + system, all threads) of the process at its first answer. */
  cpuAtFirstAnswerS: number;
  hwmAtFirstAnswerMB: number;
  /** CPU seconds the process used during the TAIL_SECONDS of sequential /comp (the watcher's start-up work shows here). */
  cpuTailS: number;
  /** Every sequential /comp in the TAIL_SECONDS after the first answer. */
  tail: Sequential;
  loadAvg: number[];
}

/** Sequential requests: their latencies, and each one over SLOW_MS with when it was sent (ms into the window). */
export interface Sequential extends Latencies {
  overSlow: number;
  slow: { sentAtMs: number; ms: number }[];
}

export interface Latencies {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface ReloadFigures {
  /** From the write to the first answer showing the new figure; -1: not within RELOAD_TIMEOUT_MS. */
  servedMs: number;
  /** Every sequential /comp from the write until the last file written was served (the sweep of the others, 8 at a time, is not counted). */
  during: Latencies;
  loadAvg: number[];
}

export interface Throughput extends Latencies {
  app: string;
  concurrency: number;
  seconds: number;
  rps: number;
  errors: number;
  loadAvg: number[];
  /** CPU time of the app's process (user + system, every thread) per request answered in the windows, µs. */
  cpuUsPerRequest?: number;
  /** CPU time of this process (the clients and the fake Slack) per request in those windows, µs. */
  benchCpuUsPerRequest?: number;
}

export interface ModeResult {
  mode: Mode;
  command: string;
  noCache: StartFigures & { peakRssMB: number };
  cached: StartFigures;
  /**
   * Time to the first answer of every start with the valid cache: the `--restarts` ones, each stopped at its
   * first answer, then the one measured in `cached` (last). One start on a shared 2-core VM can land on a slow
   * second; the spread says how far one start is from another.
   */
  cachedFirstAnswersMs: number[];
  reloadOne: ReloadFigures | null;
  reloadBurst: (ReloadFigures & { files: number }) | null;
  /**
   * One guide of a company the catalogue did not have, written in a new folder: a new name, so the index is
   * built again (in slices) rather than patched. `during`: the other questions asked meanwhile. Absent in
   * older results.
   */
  reloadNewCompany?: ReloadFigures;
  /**
   * Sequential /comp for NOT_FOUND_SECONDS, each naming a company the catalogue does not have (answered "not
   * found" with "did you mean"), after the reloads; `notFound`: how many answers said so. Absent in older results.
   */
  notFoundTail?: Sequential & { notFound: number };
  /** /comp at 50 concurrent with benchQuestions: more different questions than the app keeps replies for. */
  throughput: Throughput;
  /**
   * The same with 500 of the corpus's questions, asked in turn: after the first pass each is a reply the app
   * kept (REPLY_MEMO_SIZE), as every question of the throughput phase was before benchQuestions. Absent in
   * older results.
   */
  throughputRepeated?: Throughput;
  bare: Throughput;
  /**
   * Bare Bolt again (its own process), acking every /comp with CompBot's reply of median size (medianReply)
   * instead of a line of text, in turn with the other two: what sending and reading replies that size costs
   * the same app and client. Absent in older results.
   */
  bareSized?: Throughput & { replyBytes: number };
  /** Bare Bolt's sequential /comp for TAIL_SECONDS after its first answer, with the same client. */
  bareTail: Sequential;
  /** VmHWM of the cached start's process at its end (serving, reloads and the load run included). */
  peakRssServingMB: number;
  /** CPU seconds of the cached start's process over its whole life. */
  cpuServingS: number;
  /**
   * One more start once that process has stopped: its cache predates the hot-reload phases' edits (about
   * 1,000 guides), which are parsed again while the rest comes from the cache, and the cache is then written
   * again while questions are answered (guides edited while the app was down). Null in older results.
   */
  afterEdits?: StartFigures;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const loadAvg = () => os.loadavg().map((x) => +x.toFixed(2));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pct(sorted: number[], p: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
function latencies(times: number[]): Latencies {
  const s = [...times].sort((a, b) => a - b);
  return {
    requests: s.length,
    p50Ms: +pct(s, 0.5).toFixed(2),
    p99Ms: +pct(s, 0.99).toFixed(2),
    maxMs: +(s[s.length - 1] ?? Number.NaN).toFixed(2),
  };
}

/** VmHWM (peak RSS) of a live process, in MB. */
function hwmMB(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
    return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
/** User + system CPU seconds of a live process (all its threads). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return +(ticks / 100).toFixed(2);
  } catch {
    return Number.NaN;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  pid: number;
  port: number;
  started: number;
  output: () => string;
  stop(): Promise<void>;
}

function spawnProcess(args: string[], env: Record<string, string>, port: number, cwd = ROOT): Running {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NODE_OPTIONS: "", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  child.stderr!.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return {
    child,
    pid: child.pid!,
    port,
    started,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const hard = setTimeout(() => child.kill("SIGKILL"), 8_000);
      await exited;
      clearTimeout(hard);
    },
  };
}

class Client {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  constructor(
    readonly port: number,
    readonly responseUrl: string,
  ) {}
  private get url() {
    return new URL(`http://127.0.0.1:${this.port}/slack/events`);
  }
  request(text: string): SignedRequest {
    return slashCommand({ text, response_url: this.responseUrl });
  }
  async ask(text: string): Promise<{ ms: number; status: number; body: string }> {
    for (let attempt = 0; ; attempt++) {
      const s = performance.now();
      try {
        const r = await postSigned(this.agent, this.url, this.request(text));
        return { ms: performance.now() - s, ...r };
      } catch (error) {
        // A keep-alive connection the server closed while idle: once more on a new one. Anything else is
        // an answer with status 0 (the caller decides whether that is fatal).
        if (attempt > 0 || (error as { code?: string }).code !== "ECONNRESET") {
          return { ms: performance.now() - s, status: 0, body: String(error) };
        }
      }
    }
  }
  close() {
    this.agent.destroy();
  }
}

/** Polls /comp until the process answers; ms from spawn. */
async function firstAnswer(run: Running, client: Client): Promise<number> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  for (;;) {
    if (run.child.exitCode !== null) throw new Error(`the app exited:\n${run.output()}`);
    if (performance.now() > deadline) throw new Error(`no answer within ${START_TIMEOUT_MS} ms`);
    try {
      const r = await postSigned(
        client.agent,
        new URL(`http://127.0.0.1:${run.port}/slack/events`),
        client.request(FIRST_QUESTION),
        30_000,
      );
      if (r.status === 200 && r.body.includes("Segment")) return performance.now() - run.started;
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
}

/**
 * Sequential /comp for `seconds`, every latency kept; the ones over SLOW_MS also with when they were sent.
 * `onAnswer` sees each answer's body.
 */
async function sequential(
  client: Client,
  texts: readonly string[],
  seconds: number,
  onAnswer?: (body: string) => void,
): Promise<Sequential> {
  const times: number[] = [];
  const slow: Sequential["slow"] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  let i = 0;
  while (performance.now() < end) {
    const sentAt = performance.now() - start;
    const r = await client.ask(texts[i++ % texts.length]!);
    if (r.status !== 200) throw new Error(`/comp answered ${r.status}`);
    onAnswer?.(r.body);
    times.push(r.ms);
    if (r.ms > SLOW_MS) slow.push({ sentAtMs: Math.round(sentAt), ms: +r.ms.toFixed(1) });
  }
  return { ...latencies(times), overSlow: slow.length, slow };
}

/** Windows each app gets in turn in the throughput phase (see throughputSideBySide). */
const THROUGHPUT_ROUNDS = 5;

/** One app under load: its signed requests, and what its windows added up to. */
class LoadTarget {
  readonly requests: SignedRequest[];
  readonly url: URL;
  readonly times: number[] = [];
  errors = 0;
  elapsedMs = 0;
  /** CPU seconds of the app's process in the kept windows (/proc, 10 ms ticks). */
  cpuS = 0;
  /** CPU µs of this process in the kept windows. */
  benchCpuUs = 0;
  constructor(
    readonly app: string,
    readonly client: Client,
    texts: readonly string[],
    /** The app's process. */
    readonly pid: number,
  ) {
    this.requests = texts.map((t) => client.request(t));
    this.url = new URL(`http://127.0.0.1:${client.port}/slack/events`);
  }

  /** `concurrency` clients for `ms`, each sending its next request as soon as the last is answered. */
  async window(concurrency: number, ms: number, keep: boolean): Promise<void> {
    let next = 0;
    const cpuBefore = cpuSeconds(this.pid);
    const benchBefore = process.cpuUsage();
    const start = performance.now();
    const deadline = start + ms;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const s = performance.now();
          let ok = false;
          try {
            ok =
              (await postSigned(this.client.agent, this.url, this.requests[next++ % this.requests.length]!))
                .status === 200;
          } catch {
            // A refused or reset connection: counted as an error below, like a status other than 200.
          }
          if (!keep) continue;
          if (!ok) this.errors++;
          this.times.push(performance.now() - s);
        }
      }),
    );
    if (!keep) return;
    this.elapsedMs += performance.now() - start;
    this.cpuS += cpuSeconds(this.pid) - cpuBefore;
    const bench = process.cpuUsage(benchBefore);
    this.benchCpuUs += bench.user + bench.system;
  }

  figures(concurrency: number, seconds: number): Throughput {
    return {
      app: this.app,
      concurrency,
      seconds,
      rps: Math.round(this.times.length / (this.elapsedMs / 1000)),
      errors: this.errors,
      ...latencies(this.times),
      loadAvg: loadAvg(),
      cpuUsPerRequest: Math.round((this.cpuS * 1e6) / this.times.length),
      benchCpuUsPerRequest: Math.round(this.benchCpuUs / this.times.length),
    };
  }
}

/**
 * Of CompBot's replies, the one of median length (JSON), or null when there is none. Bare Bolt acks with it
 * in the throughput phase: the same app, with a reply the size of CompBot's to send and the client to read.
 */
export function medianReply(bodies: readonly string[]): string | null {
  const replies = bodies.filter((body) => body.startsWith("{"));
  if (replies.length === 0) return null;
  const bySize = [...replies].sort((a, b) => a.length - b.length);
  return bySize[Math.floor((bySize.length - 1) / 2)]!;
}

/**
 * /comp at `concurrency` clients, CompBot and bare Bolt in turn: after a 2 s warm-up each, THROUGHPUT_ROUNDS
 * windows apiece, alternating, `seconds` in all per app. The machine's speed drifts over a run (bare Bolt's
 * own rate moved by a third between two phases a minute apart), so each app's figure is spread over the
 * same minute as the other's, and the ratio compares like with like.
 */
async function throughputSideBySide(
  apps: readonly LoadTarget[],
  concurrency: number,
  seconds: number,
): Promise<Throughput[]> {
  for (const app of apps) await app.window(concurrency, 2_000, false);
  for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
    for (const app of apps) await app.window(concurrency, (seconds * 1000) / THROUGHPUT_ROUNDS, true);
  }
  const figures = apps.map((app) => app.figures(concurrency, seconds));
  for (const f of figures) log(`  ${f.app}: ${f.rps} req/s`);
  return figures;
}

interface Target {
  file: string;
  question: string;
  /** Base low of the first band, and how it reads in an answer before and after the edit. */
  before: string;
  after: string;
  edited: string;
}

/**
 * Guides whose first band can be rewritten to a figure that reads differently (not mojibake, base low a round
 * figure under 900K): one per company folder in turn, starting at folder `offset`, so edits spread over folders.
 */
function pickTargets(guidesDir: string, count: number, offset: number, bump: number): Target[] {
  const companies = readdirSorted(guidesDir);
  const files = companies.map((c) => readdirSorted(path.join(guidesDir, c)));
  const found: Target[] = [];
  for (let round = 0; found.length < count && round < 64; round++) {
    for (let k = 0; found.length < count && k < companies.length; k++) {
      const c = (offset + k) % companies.length;
      const name = files[c]![round];
      if (!name) continue;
      const file = path.join(guidesDir, companies[c]!, name);
      const text = readFileSync(file, "utf8");
      if (/\u00c3|\u00e2\u20ac/.test(text)) continue; // mojibake: its names read differently
      const m = text.match(
        /company_display: (.+)\nrole: .+\nrole_display: (.+)\n[\s\S]*?\n {2}- region: (.+)\n {4}base_low: (\d+)\n/,
      );
      if (!m) continue;
      const low = Number(m[4]);
      if (low % 1000 !== 0 || low < 10_000 || low >= 900_000) continue;
      found.push({
        file,
        question: `${m[1]} ${m[2]} ${m[3]}`,
        before: `${low / 1000}K`,
        after: `${(low + bump) / 1000}K`,
        edited: text.replace(`base_low: ${low}\n`, `base_low: ${low + bump}\n`),
      });
    }
  }
  return found;
}
function readdirSorted(dir: string): string[] {
  return readdirSync(dir)
    .filter((x) => !x.startsWith("."))
    .sort();
}

/** Runs `fn` over `items`, `limit` at a time. */
async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** The company the new-company phase adds (no generated company has this name). */
const NEW_COMPANY = { slug: "quillon-bench-works", display: "Quillon Bench Works" };

/**
 * Writes a copy of a template, the first of `candidates` whose question is answered with its figure now (a
 * generated company's name can also read as another's, or a burst may have edited it), as a guide of
 * NEW_COMPANY, in a folder of its own, then asks about it (other questions in between) until the answer names the company and
 * shows the figure. Only the other questions are timed: until its guide is served, the new company's question
 * is answered "not found" with "did you mean", timed on its own in notFoundTail.
 */
async function addCompany(
  client: Client,
  guidesDir: string,
  candidates: readonly Target[],
  background: readonly string[],
): Promise<ReloadFigures> {
  let template: Target | undefined;
  for (const candidate of candidates) {
    if ((await client.ask(candidate.question)).body.includes(candidate.before)) {
      template = candidate;
      break;
    }
  }
  if (!template) throw new Error(`none of ${candidates.length} guides answers its own figure`);
  const text = readFileSync(template.file, "utf8");
  const display = text.match(/^company_display: (.+)$/m)![1]!;
  if (!template.question.startsWith(display)) throw new Error(`unexpected question ${template.question}`);
  const question = `${NEW_COMPANY.display}${template.question.slice(display.length)}`;
  const before = (await client.ask(question)).body;
  if (before.includes(template.before) && before.includes(NEW_COMPANY.display))
    throw new Error(`${NEW_COMPANY.display} is answered before its guide is written`);
  const folder = path.join(guidesDir, NEW_COMPANY.slug);
  const times: number[] = [];
  const start = performance.now();
  mkdirSync(folder);
  writeFileSync(
    path.join(folder, path.basename(template.file)),
    text
      .replace(/^company: .+$/m, `company: ${NEW_COMPANY.slug}`)
      .replace(/^company_display: .+$/m, `company_display: ${NEW_COMPANY.display}`),
  );
  let servedMs = -1;
  for (let i = 0; performance.now() - start < RELOAD_TIMEOUT_MS; ) {
    const r = await client.ask(question);
    if (r.body.includes(NEW_COMPANY.display) && r.body.includes(template.before)) {
      servedMs = Math.round(performance.now() - start);
      break;
    }
    times.push((await client.ask(background[i++ % background.length]!)).ms);
  }
  if (servedMs < 0) log(`  the new company's guide not served within ${RELOAD_TIMEOUT_MS} ms`);
  const figures = { servedMs, during: latencies(times), loadAvg: loadAvg() };
  log(`  new company: ${JSON.stringify(figures)}`);
  return figures;
}

/**
 * Questions that name a company the catalogue does not have: made-up two-word names (syllables no generated
 * name uses), some with a role, a region or an offer. More of them than the app keeps replies for
 * (REPLY_MEMO_SIZE, 500), asked in turn, so none is answered from that memo.
 */
export function notFoundQuestions(count: number): string[] {
  const syllables = [
    "zeb",
    "ulon",
    "frob",
    "nitz",
    "quix",
    "vorth",
    "thalm",
    "mekk",
    "druv",
    "paxil",
    "yomb",
    "gwerf",
  ];
  const tails = [
    "",
    " ml/ai engineer london",
    " engineer",
    " paris",
    " backend engineer new york",
    " offer 180k",
  ];
  const questions: string[] = [];
  const n = syllables.length;
  for (let i = 0; questions.length < count; i++) {
    const first = syllables[i % n]! + syllables[Math.floor(i / n) % n]!;
    const second = syllables[Math.floor(i / n ** 2) % n]! + syllables[Math.floor(i / n ** 3) % n]!;
    questions.push(`${first} ${second}${tails[i % tails.length]}`);
  }
  return questions;
}

/** Sequential "not found" questions for NOT_FOUND_SECONDS: their latencies, and how many were answered so. */
async function notFoundTail(client: Client): Promise<Sequential & { notFound: number }> {
  let notFound = 0;
  const tail = await sequential(client, notFoundQuestions(4_000), NOT_FOUND_SECONDS, (body) => {
    if (body.includes("I don't have")) notFound++;
  });
  const figures = { ...tail, notFound };
  log(`  not found: ${JSON.stringify(figures)}; load ${loadAvg()}`);
  return figures;
}

/** Rewrites the targets, then asks until every one's answer shows its new figure. */
async function reload(
  client: Client,
  candidates: Target[],
  count: number,
  background: readonly string[],
): Promise<ReloadFigures> {
  // Only guides whose answer reads the old figure now (the corpus has a few broken files).
  const ok = new Set<Target>();
  await eachLimit(candidates, 8, async (t) => {
    const r = await client.ask(t.question);
    if (r.body.includes(t.before) && !r.body.includes(t.after)) ok.add(t);
  });
  const targets = candidates.filter((t) => ok.has(t)).slice(0, count);
  if (targets.length < count)
    throw new Error(`only ${targets.length} of ${count} guides to edit answer as expected`);
  const times: number[] = [];
  const start = performance.now();
  for (const t of targets) writeFileSync(t.file, t.edited);
  const deadline = start + RELOAD_TIMEOUT_MS;
  let timedOut = false;
  const overdue = (n: number) => {
    if (performance.now() < deadline) return false;
    log(`  ${n} edits not served within ${RELOAD_TIMEOUT_MS} ms`);
    timedOut = true;
    return true;
  };
  // The last file written is asked about (other questions in between) until it reads new ...
  const last = targets[targets.length - 1]!;
  let i = 0;
  for (;;) {
    if (overdue(targets.length)) break;
    const r = await client.ask(last.question);
    times.push(r.ms);
    if (r.body.includes(last.after)) break;
    times.push((await client.ask(background[i++ % background.length]!)).ms);
  }
  let servedMs = performance.now() - start;
  // ... then every other one, 8 at a time, again until each reads new; served when the last one did.
  let waiting = targets.slice(0, -1);
  while (waiting.length > 0 && !timedOut) {
    if (overdue(waiting.length)) break;
    const still: Target[] = [];
    await eachLimit(waiting, 8, async (t) => {
      const r = await client.ask(t.question);
      if (r.body.includes(t.after)) servedMs = Math.max(servedMs, performance.now() - start);
      else still.push(t);
    });
    waiting = still;
  }
  const figures = {
    servedMs: timedOut ? -1 : Math.round(servedMs),
    during: latencies(times),
    loadAvg: loadAvg(),
  };
  log(`  ${targets.length} edited: ${JSON.stringify(figures)}`);
  return figures;
}

const KINDS = ["start", "dist", "tsx"] as const;
type Kind = (typeof KINDS)[number];

function parseMode(mode: Mode): { kind: Kind; root: string } {
  const [kind, root] = mode.split(/:(.*)/s);
  if (!KINDS.includes(kind as Kind)) throw new Error(`unknown mode ${mode} (${KINDS.join(", ")})`);
  return { kind: kind as Kind, root: root ? path.resolve(root) : ROOT };
}

/**
 * The node command line of a checkout's own script for a mode, read from its package.json, so that the bench
 * runs each checkout as its users would, flags and all: "start" is `npm start` (scripts/start.mjs, which runs
 * dist/ after building it when out of date), "dist" is `npm run start:dist` (what the Dockerfile runs) and
 * "tsx" is `npm run dev` (the sources through tsx; in older checkouts `npm start` was that).
 * "tsx --max-semi-space-size=4 src/main.ts" -> ["--max-semi-space-size=4", "--import", "tsx", "src/main.ts"].
 */
export function commandFor(root: string, kind: Kind): string[] {
  const scripts =
    (
      JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
        scripts?: Record<string, string>;
      }
    ).scripts ?? {};
  const script =
    kind === "start"
      ? scripts.start
      : kind === "dist"
        ? scripts["start:dist"]
        : (scripts.dev ?? scripts.start);
  const [program, ...args] = (script ?? "").trim().split(/\s+/);
  const flags = args.filter((word) => word.startsWith("--"));
  const files = args.filter((word) => !word.startsWith("--"));
  if (program === "node") return [...flags, ...files];
  if (program === "tsx") return [...flags, "--import", "tsx", ...files];
  throw new Error(`${root}: the ${kind} script is not "node …" or "tsx …": ${script}`);
}

/**
 * `npm start` builds dist/ first when it is out of date (scripts/start.mjs): done here, before the clock starts,
 * since the bench measures starts of a built checkout, not a build.
 */
async function buildIfStale(mode: Mode, root: string): Promise<void> {
  const script = path.join(root, "scripts/build.mjs");
  if (!existsSync(script)) return;
  const { whyStale, build } = (await import(pathToFileURL(script).href)) as {
    whyStale(root: string): string | null;
    build(root: string): string | null;
  };
  const stale = whyStale(root);
  if (!stale) return;
  log(`[${mode}] building dist/ first (${stale})`);
  const problem = build(root);
  if (problem) throw new Error(`${root}: ${problem}`);
}

function commandOf(mode: Mode): string[] {
  const { kind, root } = parseMode(mode);
  return commandFor(root, kind);
}

/** `--node-args`: node flags added to every start of the app under test (a CPU profile of each, say). */
let extraNodeArgs: string[] = [];

async function startApp(mode: Mode, env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  return spawnProcess([...extraNodeArgs, ...commandOf(mode)], env, port, parseMode(mode).root);
}

async function measureStart(run: Running, client: Client, texts: readonly string[]): Promise<StartFigures> {
  const firstAnswerMs = Math.round(await firstAnswer(run, client));
  const cpuAtFirstAnswerS = cpuSeconds(run.pid);
  const hwmAtFirstAnswerMB = hwmMB(run.pid);
  const tail = await sequential(client, texts, TAIL_SECONDS);
  const cpuTailS = +(cpuSeconds(run.pid) - cpuAtFirstAnswerS).toFixed(2);
  log(
    `  first answer ${firstAnswerMs} ms, CPU ${cpuAtFirstAnswerS} s, HWM ${hwmAtFirstAnswerMB} MB; tail ${JSON.stringify(tail)}, CPU ${cpuTailS} s; load ${loadAvg()}`,
  );
  return { firstAnswerMs, cpuAtFirstAnswerS, hwmAtFirstAnswerMB, cpuTailS, tail, loadAvg: loadAvg() };
}

export interface ProcessBenchOptions {
  guides: number;
  modes: Mode[];
  seconds: number;
  concurrency: number;
  /** Starts with the valid cache measured to their first answer only, before the one that serves on. */
  restarts: number;
  /** Node flags added to every start of the app under test (not bare Bolt's), e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

export interface ProcessBench {
  date: string;
  guides: number;
  companies: number;
  machine: { cpu: string; cores: number; memoryGB: number; node: string };
  results: ModeResult[];
}

export async function benchProcess(options: ProcessBenchOptions): Promise<ProcessBench> {
  extraNodeArgs = options.nodeArgs ?? [];
  const corpus = await ensureCorpus(42, options.guides);
  const texts = benchQuestions(corpus.queries);
  // As the throughput phase asked before benchQuestions: 500 questions, each a kept reply after the first pass.
  const repeated = corpus.queries.slice(0, REPLY_MEMO_SIZE).map((q) => q.text);
  const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, record: false });
  const results: ModeResult[] = [];
  try {
    for (const mode of options.modes) {
      const work = mkdtempSync(path.join(os.tmpdir(), "compbot-process-bench-"));
      try {
        log(`[${mode}] copying the catalogue`);
        const guidesDir = path.join(work, "guides");
        execFileSync("cp", ["-r", corpus.guidesDir, guidesDir]);
        execFileSync("mkdir", ["-p", path.join(guidesDir, "segment")]);
        execFileSync("cp", [SEED_GUIDE, path.join(guidesDir, "segment/ml-ai-engineer.md")]);
        // Files changed less than RACY_WINDOW_MS before a load are hashed again at the next one (cache.ts):
        // a catalogue copied just before the first start would make the second start re-read part of it.
        await sleep(RACY_WINDOW_MS + 500);
        const env = {
          SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
          SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
          SLACK_API_URL: fake.apiUrl,
          GUIDES_DIR: guidesDir,
          COMPBOT_CACHE_DIR: path.join(work, "cache"),
          LOG_LEVEL: "info",
        };
        results.push(await benchMode(mode, env, guidesDir, texts, repeated, fake, options));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  } finally {
    await fake.close();
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    guides: options.guides,
    companies: corpus.companies,
    machine: {
      cpu: cpus[0]?.model ?? "?",
      cores: os.availableParallelism(),
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    results,
  };
}

async function benchMode(
  mode: Mode,
  env: Record<string, string>,
  guidesDir: string,
  texts: readonly string[],
  repeated: readonly string[],
  fake: FakeSlack,
  options: ProcessBenchOptions,
): Promise<ModeResult> {
  const { kind, root } = parseMode(mode);
  const command = `node ${commandOf(mode).join(" ")}${root === ROOT ? "" : ` (in ${root})`}`;
  if (kind === "start") await buildIfStale(mode, root);
  log(`[${mode}] start without cache`);
  let run = await startApp(mode, env);
  let client = new Client(run.port, fake.responseUrl("bench"));
  let noCache: ModeResult["noCache"];
  try {
    const figures = await measureStart(run, client, texts);
    noCache = { ...figures, peakRssMB: hwmMB(run.pid) };
  } finally {
    client.close();
    await run.stop();
  }

  const cachedFirstAnswersMs: number[] = [];
  for (let i = 0; i < options.restarts; i++) {
    run = await startApp(mode, env);
    client = new Client(run.port, fake.responseUrl("bench"));
    try {
      cachedFirstAnswersMs.push(Math.round(await firstAnswer(run, client)));
      log(
        `[${mode}] start ${i + 1} with the cache: first answer ${cachedFirstAnswersMs.at(-1)} ms; load ${loadAvg()}`,
      );
    } finally {
      client.close();
      await run.stop();
    }
  }

  log(`[${mode}] start with the cache`);
  run = await startApp(mode, env);
  client = new Client(run.port, fake.responseUrl("bench"));
  try {
    const cached = await measureStart(run, client, texts);
    cachedFirstAnswersMs.push(cached.firstAnswerMs);
    log(`[${mode}] hot reload: one guide (peak RSS so far ${hwmMB(run.pid)} MB)`);
    const reloadOne = await reload(client, pickTargets(guidesDir, 5, 0, 300), 1, texts);
    const burstFiles = burstSize(options.guides);
    log(`[${mode}] hot reload: ${burstFiles} guides (peak RSS so far ${hwmMB(run.pid)} MB)`);
    const burst = await reload(client, pickTargets(guidesDir, burstFiles + 100, 5, 700), burstFiles, texts);
    log(`[${mode}] hot reload: a new company's guide (the index built again)`);
    const reloadNewCompany = await addCompany(client, guidesDir, pickTargets(guidesDir, 20, 1500, 0), texts);
    log(`[${mode}] sequential questions naming no company we have, ${NOT_FOUND_SECONDS} s`);
    const notFound = await notFoundTail(client);
    log(`[${mode}] after the reloads: peak RSS so far ${hwmMB(run.pid)} MB`);
    // CompBot's replies to 300 of the questions, once each: bare Bolt's second process acks with the median one.
    const bodies: string[] = [];
    for (const text of texts.slice(0, 300)) bodies.push((await client.ask(text)).body);
    const reply = medianReply(bodies);
    if (reply === null) throw new Error("CompBot gave no JSON reply to weigh");
    const replyFile = path.join(path.dirname(guidesDir), "bare-reply.json");
    writeFileSync(replyFile, reply);
    log(
      `[${mode}] starting bare Bolt beside it, twice (a line of text; CompBot's median reply, ${reply.length} bytes)`,
    );
    const barePort = await freePort();
    const bareRun = spawnProcess(["--import", "tsx", "bench/bare-bolt.ts"], env, barePort);
    const bareClient = new Client(barePort, fake.responseUrl("bench"));
    const sizedPort = await freePort();
    const sizedRun = spawnProcess(
      ["--import", "tsx", "bench/bare-bolt.ts"],
      { ...env, BARE_REPLY_FILE: replyFile },
      sizedPort,
    );
    const sizedClient = new Client(sizedPort, fake.responseUrl("bench"));
    let through: Throughput;
    let bare: Throughput;
    let bareSized: Throughput;
    let throughRepeated: Throughput;
    let bareTail: ModeResult["bareTail"];
    let peakRssServingMB: number;
    let cpuServingS: number;
    try {
      const deadline = performance.now() + 30_000;
      for (const started of [bareRun, sizedRun]) {
        while (!started.output().includes("listening")) {
          if (performance.now() > deadline || started.child.exitCode !== null)
            throw new Error(`bare Bolt did not start:\n${started.output()}`);
          await sleep(20);
        }
      }
      // Its first answer is not counted, as CompBot's is not (that one includes compiling the request path).
      const first = await bareClient.ask(FIRST_QUESTION);
      if (first.status !== 200) throw new Error(`bare Bolt answered ${first.status}`);
      const sized = await sizedClient.ask(FIRST_QUESTION);
      if (sized.status !== 200 || sized.body !== reply)
        throw new Error(`bare Bolt (CompBot's reply) answered ${sized.status}: ${sized.body.slice(0, 200)}`);
      log(`[${mode}] bare Bolt: sequential /comp for ${TAIL_SECONDS} s`);
      bareTail = await sequential(bareClient, texts, TAIL_SECONDS);
      log(`  bare Bolt tail ${JSON.stringify(bareTail)}; load ${loadAvg()}`);
      log(
        `[${mode}] /comp at ${options.concurrency} concurrent, CompBot and bare Bolt in turn, ${options.seconds} s each`,
      );
      [through, bare, throughRepeated, bareSized] = (await throughputSideBySide(
        [
          new LoadTarget("CompBot", client, texts, run.pid),
          new LoadTarget("bare Bolt", bareClient, texts, bareRun.pid),
          new LoadTarget("CompBot, questions asked again", client, repeated, run.pid),
          new LoadTarget("bare Bolt, CompBot's reply", sizedClient, texts, sizedRun.pid),
        ],
        options.concurrency,
        options.seconds,
      )) as [Throughput, Throughput, Throughput, Throughput];
      peakRssServingMB = hwmMB(run.pid);
      cpuServingS = cpuSeconds(run.pid);
    } finally {
      bareClient.close();
      sizedClient.close();
      await bareRun.stop();
      await sizedRun.stop();
    }
    if (/\bat .+\.ts:\d+/.test(run.output()))
      log(`[${mode}] stack trace in the app's output:\n${run.output()}`);
    client.close();
    await run.stop();

    log(`[${mode}] start with the cache, the reloads' edits made since it was written`);
    run = await startApp(mode, env);
    client = new Client(run.port, fake.responseUrl("bench"));
    const afterEdits = await measureStart(run, client, texts);
    client.close();
    await run.stop();
    return {
      mode,
      command,
      noCache,
      cached,
      cachedFirstAnswersMs,
      reloadOne,
      reloadBurst: { ...burst, files: burstFiles },
      reloadNewCompany,
      notFoundTail: notFound,
      throughput: through,
      throughputRepeated: throughRepeated,
      bare,
      bareSized: { ...bareSized, replyBytes: reply.length },
      bareTail,
      peakRssServingMB,
      cpuServingS,
      afterEdits,
    };
  } finally {
    client.close();
    await run.stop();
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const served = (ms: number) => (ms < 0 ? `over ${s(RELOAD_TIMEOUT_MS)}` : s(ms));
const la = (xs: number[]) => `load ${xs[0]}`;
/** A sequential window's figures, and when each request over SLOW_MS was sent (seconds into the window). */
const sequentialCell = (t: Sequential) =>
  `p50 ${t.p50Ms} / p99 ${t.p99Ms} / max ${t.maxMs} ms; ${t.overSlow} of ${t.requests} over ${SLOW_MS} ms` +
  (t.slow.length === 0
    ? ""
    : ` (${t.slow
        .slice(0, 5)
        .map((x) => `${x.ms} ms at ${(x.sentAtMs / 1000).toFixed(1)} s`)
        .join(", ")}${t.slow.length > 5 ? ", …" : ""})`);

/** "median 1.42 s of 5: 1.31, 1.38, 1.42, 1.47, 1.71 s": the starts' first answers, fastest first. */
export function startsCell(ms: readonly number[]): string {
  if (ms.length === 0) return "–";
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return `median ${s(median)} of ${ms.length}: ${sorted.map((x) => (x / 1000).toFixed(2)).join(", ")} s`;
}

export function processTable(bench: ProcessBench): string {
  const rows: string[][] = [["", ...bench.results.map((r) => `\`${r.command}\``)]];
  const add = (label: string, cell: (r: ModeResult) => string) =>
    rows.push([label, ...bench.results.map(cell)]);
  add(
    "first answer, no index cache",
    (r) => `${s(r.noCache.firstAnswerMs)} (CPU ${r.noCache.cpuAtFirstAnswerS} s, ${la(r.noCache.loadAvg)})`,
  );
  add("peak RSS, start that builds the cache", (r) => `${r.noCache.peakRssMB} MB`);
  add(
    "first answer, valid cache",
    (r) => `${s(r.cached.firstAnswerMs)} (CPU ${r.cached.cpuAtFirstAnswerS} s, ${la(r.cached.loadAvg)})`,
  );
  add("the same, every start with the valid cache", (r) => startsCell(r.cachedFirstAnswersMs ?? []));
  add(`sequential /comp, ${TAIL_SECONDS} s after the first answer (cached start)`, (r) =>
    sequentialCell(r.cached.tail),
  );
  add(`the same, bare Bolt (${TAIL_SECONDS} s after its first answer, same client)`, (r) =>
    sequentialCell(r.bareTail),
  );
  add(`CPU of the process in those ${TAIL_SECONDS} s (cached start)`, (r) => `${r.cached.cpuTailS} s`);
  add(`the same after the start without cache`, (r) => sequentialCell(r.noCache.tail));
  add("one changed guide served", (r) =>
    r.reloadOne
      ? `${served(r.reloadOne.servedMs)} (max request meanwhile ${r.reloadOne.during.maxMs} ms, ${la(r.reloadOne.loadAvg)})`
      : "–",
  );
  add(`${burstSize(bench.guides).toLocaleString("en")} changed guides all served`, (r) =>
    r.reloadBurst
      ? `${served(r.reloadBurst.servedMs)} (max request meanwhile ${r.reloadBurst.during.maxMs} ms, ${la(r.reloadBurst.loadAvg)})`
      : "–",
  );
  add("a new company's guide served (index built again; other questions meanwhile)", (r) =>
    r.reloadNewCompany
      ? `${served(r.reloadNewCompany.servedMs)} (max request meanwhile ${r.reloadNewCompany.during.maxMs} ms, ${la(r.reloadNewCompany.loadAvg)})`
      : "–",
  );
  add(`"not found" questions (a company we lack), sequential, ${NOT_FOUND_SECONDS} s`, (r) =>
    r.notFoundTail
      ? `${sequentialCell(r.notFoundTail)}; answered "not found": ${r.notFoundTail.notFound}`
      : "–",
  );
  add(
    "/comp at 50 concurrent: CompBot (questions all different)",
    (r) =>
      `${r.throughput.rps} req/s, p99 ${r.throughput.p99Ms} ms, ${r.throughput.errors} errors (${la(r.throughput.loadAvg)})`,
  );
  add(
    "/comp at 50 concurrent: bare Bolt",
    (r) => `${r.bare.rps} req/s, p99 ${r.bare.p99Ms} ms (${la(r.bare.loadAvg)})`,
  );
  add("CompBot / bare Bolt", (r) => `${Math.round((r.throughput.rps / r.bare.rps) * 100)}%`);
  add("/comp at 50 concurrent: bare Bolt acking CompBot's median reply", (r) =>
    r.bareSized
      ? `${r.bareSized.rps} req/s = ${Math.round((r.bareSized.rps / r.bare.rps) * 100)}% of bare Bolt (reply ${r.bareSized.replyBytes} bytes)`
      : "–",
  );
  const cpu = (t: Throughput | undefined) =>
    t?.cpuUsPerRequest === undefined ? "–" : `${t.cpuUsPerRequest} µs`;
  add(
    "CPU per /comp at 50 concurrent: the app's process (CompBot / bare Bolt / bare Bolt, CompBot's reply)",
    (r) =>
      r.throughput.cpuUsPerRequest === undefined
        ? "–"
        : `${cpu(r.throughput)} / ${cpu(r.bare)} / ${cpu(r.bareSized)}`,
  );
  add(
    "CPU per /comp at 50 concurrent: the bench's clients (CompBot / bare Bolt / bare Bolt, CompBot's reply)",
    (r) =>
      r.throughput.benchCpuUsPerRequest === undefined
        ? "–"
        : [r.throughput, r.bare, r.bareSized].map((t) => `${t?.benchCpuUsPerRequest ?? "–"} µs`).join(" / "),
  );
  add("/comp at 50 concurrent: CompBot, 500 questions asked again (kept replies)", (r) =>
    r.throughputRepeated
      ? `${r.throughputRepeated.rps} req/s, p99 ${r.throughputRepeated.p99Ms} ms, ${r.throughputRepeated.errors} errors; ${Math.round((r.throughputRepeated.rps / r.bare.rps) * 100)}% of bare Bolt`
      : "–",
  );
  add("peak RSS serving (cached start, whole life)", (r) => `${r.peakRssServingMB} MB`);
  add("first answer, cache older than the reloads' edits", (r) =>
    r.afterEdits
      ? `${s(r.afterEdits.firstAnswerMs)} (CPU ${r.afterEdits.cpuAtFirstAnswerS} s, ${la(r.afterEdits.loadAvg)})`
      : "–",
  );
  add(
    `sequential /comp, ${TAIL_SECONDS} s after that first answer (the cache written again meanwhile)`,
    (r) => (r.afterEdits ? sequentialCell(r.afterEdits.tail) : "–"),
  );
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  const m = bench.machine;
  return [
    `${bench.guides.toLocaleString("en")} guides (${bench.companies.toLocaleString("en")} company folders) plus the seed; ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}; ${bench.date}`,
    "",
    line(rows[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      guides: { type: "string", default: "50000" },
      modes: { type: "string", default: "start,tsx" },
      seconds: { type: "string", default: "8" },
      concurrency: { type: "string", default: "50" },
      restarts: { type: "string", default: "4" },
      out: { type: "string", default: path.join(ROOT, "bench/process-results.json") },
      "node-args": { type: "string", default: "" },
    },
  });
  const bench = await benchProcess({
    guides: Number(values.guides),
    modes: values.modes.split(",") as Mode[],
    seconds: Number(values.seconds),
    concurrency: Number(values.concurrency),
    restarts: Number(values.restarts),
    nodeArgs: values["node-args"].split(/\s+/).filter(Boolean),
  });
  const table = processTable(bench);
  console.log(table);
  writeFileSync(values.out, `${JSON.stringify({ ...bench, table }, null, 2)}\n`);
}
