/**
 * `npm run bench`: CompBot at 1k, 10k and 50k synthetic guides (bench/generate.ts), on this machine.
 *
 * - cold start to first answer: a child process (`node --import tsx bench/entry.ts`) loads the guides,
 *   builds the index and answers one question; wall time from spawn to its answer line, median of 3,
 *   without the index cache and with a valid one; peak RSS of the child;
 * - query latency p50/p99 in-process over ≥ 3,000 labelled queries after warm-up (resolution =
 *   parseQuestion alone; ask = the whole answer), accuracy on known answers, false matches on names that
 *   do not exist;
 * - the naive baseline in the same run: fuse.js over all guide documents (keys company, role, regions),
 *   time-capped (it takes hundreds of ms a query);
 * - the /comp round trip over loopback HTTP against the real Bolt app (10k guides) and a bare Bolt app
 *   that acks a fixed message, with signed requests at 10 and 50 concurrent; the load generator and the
 *   fake Slack run in a child process (bench/slack.ts).
 * - then the process users run, measured from outside (bench/process.ts) at the largest size: the real entry
 *   point with the watcher on, as `npm start` runs it (compiled, built first when out of date) and through tsx.
 * Prints one table, writes bench/results.json. Options: --sizes=1000,10000 --runs=3 --no-slack --no-process
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Fuse from "fuse.js";
import type { Answer } from "../src/answers/types.ts";
import { CompBot } from "../src/bot.ts";
import { loadGuides } from "../src/guides/load.ts";
import type { Guide } from "../src/guides/types.ts";
import { parseQuestion } from "../src/questions/parse.ts";
import { SearchIndex } from "../src/search/index.ts";
import { type Corpus, ensureCorpus, type LabelledQuery } from "./generate.ts";
import { benchProcess, type ProcessBench, processTable } from "./process.ts";
import { benchSlack, type SlackBench } from "./slack.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEED = 42;
const TODAY = "2026-03-01";
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const SIZES = (args.get("sizes") ?? "1000,10000,50000").split(",").map(Number);
const RUNS = Number(args.get("runs") ?? 3);
const MIN_QUERIES = 3000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)]!;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const log = (line: string) => process.stderr.write(`${line}\n`);

interface ColdRun {
  wallMs: number;
  loadMs: number;
  indexMs: number;
  maxRssMB: number;
  cache: string;
  timings: Record<string, number>;
}

function coldStart(guidesDir: string, cache: string, question: string): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "bench/entry.ts"), guidesDir, cache, question],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    let wallMs = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (wallMs === 0 && out.includes("\n")) wallMs = performance.now() - start;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || wallMs === 0) return reject(new Error(`bench entry exited ${code}: ${out}`));
      const r = JSON.parse(out.trim()) as Omit<ColdRun, "wallMs">;
      resolve({ ...r, wallMs: Math.round(wallMs) });
    });
  });
}

function judge(answer: Answer, q: LabelledQuery): boolean {
  if (q.expect === null) return answer.kind === "not-found";
  if (!("guide" in answer) || answer.guide.id !== q.expect) return false;
  if (q.region === null) return true;
  return "band" in answer && answer.band !== null && answer.band.regionSlug === q.region;
}

interface SizeResult {
  n: number;
  guides: number;
  companies: number;
  coldNoCacheMs: number;
  coldCacheMs: number;
  coldRuns: { noCache: ColdRun[]; cache: ColdRun[]; build: ColdRun };
  peakRssMB: number;
  indexBuildMs: number;
  queries: number;
  resolveP50Ms: number;
  resolveP99Ms: number;
  askP50Ms: number;
  askP99Ms: number;
  accuracy: number;
  falseMatchRate: number;
  wrongByKind: Record<string, number>;
  baseline: {
    queries: number;
    capped: boolean;
    p50Ms: number;
    p99Ms: number;
    accuracy: number;
    falseMatchRate: number;
    buildMs: number;
  } | null;
  speedupP50: number | null;
}

async function benchSize(corpus: Corpus): Promise<SizeResult> {
  const cacheDir = path.join(os.tmpdir(), `compbot-bench-cache-${corpus.n}`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const question = corpus.queries.find((q) => q.expect !== null && q.kind === "free-text")!.text;

  log(`[${corpus.n}] cold start without cache ×${RUNS}`);
  const noCache: ColdRun[] = [];
  for (let i = 0; i < RUNS; i++) noCache.push(await coldStart(corpus.guidesDir, "off", question));
  log(`[${corpus.n}] building the cache, then cold start with it ×${RUNS}`);
  const build = await coldStart(corpus.guidesDir, cacheDir, question);
  const cached: ColdRun[] = [];
  for (let i = 0; i < RUNS; i++) cached.push(await coldStart(corpus.guidesDir, cacheDir, question));
  if (cached.some((r) => r.cache !== "hit")) throw new Error(`[${corpus.n}] the cache was not used`);

  log(`[${corpus.n}] query latency and accuracy in-process`);
  const loaded = await loadGuides(corpus.guidesDir, { today: TODAY, cache: cacheDir });
  const t = performance.now();
  const index = new SearchIndex(loaded.guides);
  const indexBuildMs = Math.round(performance.now() - t);
  const bot = new CompBot(index, () => TODAY);
  const queries = corpus.queries;
  for (const q of queries.slice(0, 300)) bot.ask(q.text, { surface: "slash" }); // warm-up
  const resolve: number[] = [];
  const ask: number[] = [];
  let right = 0;
  let known = 0;
  let falseMatches = 0;
  let unknown = 0;
  const wrongByKind: Record<string, number> = {};
  const rounds = Math.ceil(MIN_QUERIES / queries.length);
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      let s = performance.now();
      parseQuestion(q.text, index);
      resolve.push(performance.now() - s);
      s = performance.now();
      const { answer } = bot.ask(q.text, { surface: "slash" });
      ask.push(performance.now() - s);
      if (round > 0) continue;
      const ok = judge(answer, q);
      if (q.expect === null) {
        unknown++;
        if (!ok) falseMatches++;
      } else {
        known++;
        if (ok) right++;
      }
      if (!ok) wrongByKind[q.kind] = (wrongByKind[q.kind] ?? 0) + 1;
    }
  }

  const baseline = runBaseline(loaded.guides, queries, corpus.n);
  const resolveP50 = median(resolve);
  return {
    n: corpus.n,
    guides: loaded.guides.length,
    companies: corpus.companies,
    coldNoCacheMs: median(noCache.map((r) => r.wallMs)),
    coldCacheMs: median(cached.map((r) => r.wallMs)),
    coldRuns: { noCache, cache: cached, build },
    peakRssMB: Math.max(...noCache.map((r) => r.maxRssMB), ...cached.map((r) => r.maxRssMB), build.maxRssMB),
    indexBuildMs,
    queries: resolve.length,
    resolveP50Ms: +resolveP50.toFixed(3),
    resolveP99Ms: +pct(resolve, 99).toFixed(3),
    askP50Ms: +median(ask).toFixed(3),
    askP99Ms: +pct(ask, 99).toFixed(3),
    accuracy: +(right / known).toFixed(4),
    falseMatchRate: +(falseMatches / unknown).toFixed(4),
    wrongByKind,
    baseline,
    speedupP50: baseline ? Math.round(baseline.p50Ms / resolveP50) : null,
  };
}

/** fuse.js over every guide document, the whole question as one pattern; the top hit is the answer. */
function runBaseline(
  guides: readonly Guide[],
  queries: readonly LabelledQuery[],
  n: number,
): SizeResult["baseline"] {
  const budgetMs = n >= 50_000 ? 30_000 : 20_000;
  const maxQueries = n >= 50_000 ? 10 : 200;
  log(
    `[${n}] naive baseline (fuse.js over all guides), at most ${maxQueries} queries / ${budgetMs / 1000} s`,
  );
  const t = performance.now();
  const fuse = new Fuse(
    guides.map((g) => ({
      id: g.id,
      company: g.companyDisplay,
      role: g.roleDisplay,
      regions: g.bands.map((b) => b.region),
    })),
    { keys: ["company", "role", "regions"], includeScore: true, threshold: 0.6 },
  );
  const buildMs = Math.round(performance.now() - t);
  // Every 7th query, known and unknown interleaved (about 3 known to 1 unknown), so a capped run sees both.
  const known7 = queries.filter((q, i) => q.expect !== null && i % 7 === 0);
  const unknown7 = queries.filter((q, i) => q.expect === null && i % 7 === 0);
  const order = known7.flatMap((q, i) =>
    i % 3 === 2 && unknown7[(i - 2) / 3] ? [q, unknown7[(i - 2) / 3]!] : [q],
  );
  const times: number[] = [];
  let right = 0;
  let known = 0;
  let falseMatches = 0;
  let unknown = 0;
  const start = performance.now();
  for (const q of order) {
    if (times.length >= maxQueries || performance.now() - start > budgetMs) break;
    const s = performance.now();
    const top = fuse.search(q.text.slice(0, 200), { limit: 1 })[0];
    times.push(performance.now() - s);
    if (q.expect === null) {
      unknown++;
      if (top) falseMatches++;
    } else {
      known++;
      if (top?.item.id === q.expect) right++;
    }
  }
  return {
    queries: times.length,
    capped: times.length < order.length,
    p50Ms: +median(times).toFixed(1),
    p99Ms: +pct(times, 99).toFixed(1),
    accuracy: known ? +(right / known).toFixed(3) : Number.NaN,
    falseMatchRate: unknown ? +(falseMatches / unknown).toFixed(3) : Number.NaN,
    buildMs,
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "?",
    cores: os.availableParallelism(),
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** "53%", or "–" when no query of that kind was timed (a capped baseline may time known ones only). */
const share = (rate: number | null) =>
  typeof rate === "number" && Number.isFinite(rate) ? `${(rate * 100).toFixed(0)}%` : "–";

function table(sizes: SizeResult[], slack: SlackBench | string): string {
  const rows: string[][] = [
    ["", ...sizes.map((s) => `${s.n.toLocaleString("en")} guides`)],
    [
      "cold start → first answer, no cache (median)",
      ...sizes.map((s) => `${(s.coldNoCacheMs / 1000).toFixed(2)} s`),
    ],
    [
      "cold start → first answer, valid cache (median)",
      ...sizes.map((s) => `${(s.coldCacheMs / 1000).toFixed(2)} s`),
    ],
    ["peak RSS (child)", ...sizes.map((s) => `${s.peakRssMB} MB`)],
    ["SearchIndex build", ...sizes.map((s) => `${s.indexBuildMs} ms`)],
    ["resolution p50 / p99", ...sizes.map((s) => `${s.resolveP50Ms} / ${s.resolveP99Ms} ms`)],
    ["ask (whole answer) p50 / p99", ...sizes.map((s) => `${s.askP50Ms} / ${s.askP99Ms} ms`)],
    ["queries timed", ...sizes.map((s) => String(s.queries))],
    ["accuracy (known answers)", ...sizes.map((s) => `${(s.accuracy * 100).toFixed(1)}%`)],
    [
      "false matches (names that do not exist)",
      ...sizes.map((s) => `${(s.falseMatchRate * 100).toFixed(1)}%`),
    ],
    [
      "baseline fuse.js p50 / p99",
      ...sizes.map((s) => (s.baseline ? `${s.baseline.p50Ms} / ${s.baseline.p99Ms} ms` : "–")),
    ],
    [
      "baseline accuracy / false matches (queries)",
      ...sizes.map((s) =>
        s.baseline
          ? `${share(s.baseline.accuracy)} / ${share(s.baseline.falseMatchRate)} (${s.baseline.queries}${s.baseline.capped ? ", capped" : ""})`
          : "–",
      ),
    ],
    [
      "speed-up vs baseline (p50)",
      ...sizes.map((s) => (s.speedupP50 ? `${s.speedupP50.toLocaleString("en")}×` : "–")),
    ],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  const out = [
    line(rows[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
  ];
  out.push("");
  if (typeof slack === "string") out.push(`/comp over loopback HTTP: ${slack}`);
  else {
    out.push(
      `/comp over loopback HTTP (${slack.guides.toLocaleString("en")} guides, ${slack.requests} signed requests per cell):`,
    );
    out.push("| app | concurrency | req/s | p50 | p99 | errors |");
    out.push("|---|---|---|---|---|---|");
    for (const r of slack.results) {
      out.push(`| ${r.app} | ${r.concurrency} | ${r.rps} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.errors} |`);
    }
    for (const c of [10, 50]) {
      const real = slack.results.find((r) => r.app === "CompBot" && r.concurrency === c);
      const bare = slack.results.find((r) => r.app === "bare Bolt" && r.concurrency === c);
      if (real && bare) out.push(`CompBot / bare Bolt at ${c}: ${((real.rps / bare.rps) * 100).toFixed(0)}%`);
    }
    const calls = Object.entries(slack.calls)
      .map(([method, count]) => `${method} ×${count}`)
      .join(", ");
    out.push(`Web API calls the fake Slack saw (both apps, whole run): ${calls || "none"}`);
  }
  return out.join("\n");
}

const started = performance.now();
const m = machine();
log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}`);
const corpora: Corpus[] = [];
for (const n of SIZES) {
  const t = performance.now();
  const c = await ensureCorpus(SEED, n);
  log(
    `[${n}] corpus ${c.reused ? "reused" : "generated"} in ${((performance.now() - t) / 1000).toFixed(1)} s: ${c.guidesDir}`,
  );
  corpora.push(c);
}
const sizes: SizeResult[] = [];
for (const c of corpora) sizes.push(await benchSize(c));

let slack: SlackBench | string = "skipped (--no-slack)";
if (!args.has("no-slack")) {
  const c = corpora.find((x) => x.n === 10_000) ?? corpora[corpora.length - 1]!;
  try {
    slack = await benchSlack(c.guidesDir, c.queries, log);
  } catch (err) {
    slack = `failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}

let processed: ProcessBench | string = "skipped (--no-process)";
if (!args.has("no-process")) {
  try {
    processed = await benchProcess({
      guides: Math.max(...SIZES),
      modes: ["start", "tsx"],
      seconds: 8,
      concurrency: 50,
      restarts: 4,
    });
  } catch (err) {
    processed = `failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}

const text = `${table(sizes, slack)}\n\nThe process users run, from outside (bench/process.ts): ${typeof processed === "string" ? processed : `\n${processTable(processed)}`}`;
const totalS = Math.round((performance.now() - started) / 1000);
console.log(`\nCompBot bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node} (${totalS} s)\n`);
console.log(text);
writeFileSync(
  path.join(ROOT, "bench/results.json"),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      seed: SEED,
      machine: m,
      totalSeconds: totalS,
      sizes: sizes.map(({ coldRuns, ...rest }) => ({
        ...rest,
        coldRuns: {
          noCache: coldRuns.noCache.map((r) => r.wallMs),
          cache: coldRuns.cache.map((r) => r.wallMs),
          cacheBuildMs: coldRuns.build.wallMs,
          phases: { noCache: coldRuns.noCache[0]!.timings, cache: coldRuns.cache[0]!.timings },
        },
      })),
      slack,
      process: processed,
      table: text,
    },
    null,
    2,
  )}\n`,
);
