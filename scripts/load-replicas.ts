/**
 * `npm run load -- --replicas 2 [--database]`: the same load as the in-process run, against N CompBot processes
 * (`src/main.ts`, HTTP mode, what a deployment runs) that the load client calls in turn, as a round-robin load
 * balancer would. With --database, the same run is made twice: first with the in-memory store (each replica on
 * its own), then with the PostgreSQL store (a server started for the run in a temp folder, as the tests do), and
 * the two are printed one beside the other with the difference in requests/s and p99.
 *
 * `--pairs N` makes N such pairs, in the order memory, PostgreSQL, PostgreSQL, memory, memory, … (each pair's
 * order the reverse of the one before): this machine's speed drifts over minutes, and a drift then counts against
 * each store as often as for it. The target is judged on the median of the pairs' differences.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { type CompBotProcess, spawnCompBot } from "../tests/support/compbot-process.ts";
import { type PostgresServer, startPostgres } from "../tests/support/postgres.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../tests/support/signing.ts";
import type { LoadKit, Phase, Summary } from "./load.ts";

/** The 20% the issue allows the shared store to cost, at 50 concurrent clients. */
const TARGET_COST = 0.2;

/** CPU used so far by a process (from /proc; Linux clock ticks are 1/100 s), as a CpuUsage in µs. */
function cpuOf(pid: number | undefined): NodeJS.CpuUsage {
  if (pid === undefined) return { user: 0, system: 0 };
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { user: Number(fields[11]) * 10_000, system: Number(fields[12]) * 10_000 };
  } catch {
    return { user: 0, system: 0 };
  }
}

function cpuSum(procs: CompBotProcess[]): NodeJS.CpuUsage {
  return procs
    .map((p) => cpuOf(p.child.pid))
    .reduce((a, b) => ({ user: a.user + b.user, system: a.system + b.system }), { user: 0, system: 0 });
}

const minus = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage): NodeJS.CpuUsage => ({
  user: a.user - b.user,
  system: a.system - b.system,
});

interface Round {
  store: "memory" | "postgres";
  summary: Summary;
  lines: string[];
  problems: string[];
  errors: number;
}

async function round(
  kit: LoadKit,
  replicas: number,
  store: Round["store"],
  cacheDir: string,
  databaseUrl?: string,
): Promise<Round> {
  const client = await kit.startClient();
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: client.apiUrl,
    PORT: "0",
    GUIDES_DIR: kit.guidesDir,
    LOG_LEVEL: "info",
    COMPBOT_CACHE_DIR: cacheDir,
    ...(databaseUrl !== undefined ? { DATABASE_URL: databaseUrl } : {}),
  };
  const procs: CompBotProcess[] = [];
  try {
    // One after the other: the first writes the index cache the others read.
    const urls: string[] = [];
    for (let i = 0; i < replicas; i++) {
      const proc = spawnCompBot(env);
      procs.push(proc);
      const [, port] = await proc.waitFor(/listening for Slack on port (\d+)/, 300_000);
      urls.push(`http://127.0.0.1:${port}/slack/events`);
    }
    process.stdout.write(
      `load: ${store} store, ${replicas} replicas (${urls.join(", ")}): ${kit.warmupSeconds} s warm-up, then ${kit.seconds} s measured\n`,
    );
    let before = cpuSum(procs);
    client.send({ type: "go", urls });
    await client.next("warm");
    const warmCpu = minus(cpuSum(procs), before);
    before = cpuSum(procs);
    client.send({ type: "measure" });
    const { summary } = await client.next("done");
    const measuredCpu = minus(cpuSum(procs), before);
    await client.exited;
    const label = `${replicas} replicas`;
    const lines = [
      ...(kit.warmupSeconds > 0 ? kit.report("  warm-up (not counted)", summary.warmup, warmCpu, label) : []),
      ...kit.report("  measured", summary.measured, measuredCpu, label),
    ];
    const errors = kit.errorLine(summary);
    const problems = procs.flatMap((p) => p.stderr.split("\n").filter((l) => / (WARN|ERROR) /.test(l)));
    return { store, summary, lines: [...lines, `  ${errors.line}`], problems, errors: errors.count };
  } finally {
    for (const proc of procs) proc.child.kill("SIGTERM");
    await Promise.all(procs.map((p) => p.exitWithin(10_000).catch(() => p.kill())));
  }
}

function rateAndP99(phase: Phase): { rate: number; p99: number } {
  const all = [...phase.slash, ...phase.mention].sort((a, b) => a - b);
  const p99 = all[Math.min(all.length - 1, Math.ceil(0.99 * all.length) - 1)] ?? Number.NaN;
  return { rate: all.length / phase.elapsedS, p99 };
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const percent = (cost: number): string =>
  `${Math.abs(cost * 100).toFixed(1)}% ${cost >= 0 ? "fewer" : "more"}`;

export async function runReplicas(
  kit: LoadKit,
  options: { replicas: number; database: boolean; pairs: number },
): Promise<number> {
  const cacheDir = mkdtempSync(path.join(tmpdir(), "compbot-load-cache-"));
  let server: PostgresServer | undefined;
  const rounds: Round[] = [];
  const machine = `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2)} at start`;
  try {
    if (!options.database) {
      rounds.push(await round(kit, options.replicas, "memory", cacheDir));
    } else {
      server = await startPostgres();
      const url = await server.createDatabase("compbot_load");
      for (let pair = 0; pair < options.pairs; pair++) {
        const order: Round["store"][] = pair % 2 === 0 ? ["memory", "postgres"] : ["postgres", "memory"];
        for (const store of order) {
          rounds.push(
            await round(kit, options.replicas, store, cacheDir, store === "postgres" ? url : undefined),
          );
        }
      }
    }
  } finally {
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }

  const lines = [
    "",
    `CompBot load: ${kit.concurrency} concurrent, ${kit.guideCount} guides, ${options.replicas} CompBot processes in HTTP mode on 127.0.0.1 (${machine})`,
  ];
  for (const r of rounds) {
    lines.push(
      r.store === "memory" ? "in-memory store (each replica its own):" : "PostgreSQL store (shared):",
    );
    lines.push(...r.lines);
  }
  const costs: number[] = [];
  for (let pair = 0; 2 * pair + 1 < rounds.length; pair++) {
    const two = rounds.slice(2 * pair, 2 * pair + 2);
    const memory = two.find((r) => r.store === "memory");
    const shared = two.find((r) => r.store === "postgres");
    if (memory === undefined || shared === undefined) continue;
    const m = rateAndP99(memory.summary.measured);
    const p = rateAndP99(shared.summary.measured);
    const cost = 1 - p.rate / m.rate;
    costs.push(cost);
    lines.push(
      `${options.pairs > 1 ? `pair ${pair + 1}: ` : ""}PostgreSQL beside memory: ${p.rate.toFixed(0)} vs ${m.rate.toFixed(0)} requests/s answered (${percent(cost)}), p99 ${p.p99.toFixed(1)} vs ${m.p99.toFixed(1)} ms`,
    );
  }
  if (costs.length > 0) {
    const cost = median(costs);
    lines.push(
      ...(costs.length > 1
        ? [`median of ${costs.length} pairs: ${percent(cost)} requests/s with PostgreSQL`]
        : []),
      `target (the shared store costs at most ${TARGET_COST * 100}% of requests/s at 50 clients): ${cost <= TARGET_COST ? "met" : "NOT met"}`,
    );
  }
  const problems = rounds.flatMap((r) => r.problems);
  lines.push(
    `warn/error log lines: ${problems.length}${problems.length > 0 ? `\n    ${problems.slice(0, 5).join("\n    ")}` : ""}`,
    "",
  );
  process.stdout.write(lines.join("\n"));
  const errors = rounds.reduce((n, r) => n + r.errors, 0);
  return errors > 0 || problems.length > 0 ? 1 : 0;
}
