/**
 * A real PostgreSQL server for tests: the machine's Debian binaries (`pg_config --bindir`, or $PG_BINDIR), a new
 * cluster in a temp folder (initdb), listening on 127.0.0.1 on a free port, with trust authentication for the
 * superuser `compbot`. When the tests run as root, initdb and postgres run as the `postgres` user (initdb refuses
 * root) through `runuser`, and the folder is handed to that user.
 *
 * `stop()` / `start()` stop and restart the same server (same port, same data) for fault tests; `close()` stops it
 * and deletes the folder. A process exit kills a server still running, so none is left behind.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const PG_USER = "compbot";

export interface PostgresServer {
  /** postgres://compbot@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** True while the server process runs. */
  readonly running: boolean;
  /** A new empty database on this server; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown (SIGINT): connections are closed, the process exits. */
  stop(): Promise<void>;
  /** Start again on the same port and data folder. */
  start(): Promise<void>;
  /** Stop (letting open sessions end for up to 3 s, then fast) and delete the folder. */
  close(): Promise<void>;
}

/** Where the server binaries are; throws a clear error when they are not installed. */
export function postgresBinDir(): string {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // pg_config missing: fall back to Debian's usual folder.
  }
  candidates.push("/usr/lib/postgresql/15/bin");
  for (const dir of candidates) {
    if (existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres"))) return dir;
  }
  throw new Error(
    `PostgreSQL server binaries (initdb, postgres) not found in ${candidates.join(", ")}: ` +
      "install Debian's postgresql package (apt-get install postgresql) or set PG_BINDIR",
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** The command line, run as `postgres` when we are root. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/** How long close() lets open sessions end by themselves before it disconnects them. */
const SMART_WAIT_MS = 3_000;

/** Servers started by this process, killed if the process exits without closing them. */
const live = new Set<() => void>();
let exitHookInstalled = false;
function killOnExit(kill: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", () => {
      for (const k of live) k();
    });
  }
  live.add(kill);
  return () => live.delete(kill);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const dataDir = mkdtempSync(join(tmpdir(), "compbot-pg-"));
  if (isRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dataDir, uid, gid);
  }
  const [initCmd, initArgs] = asServerUser(join(bin, "initdb"), [
    "-D",
    dataDir,
    "-U",
    PG_USER,
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  try {
    execFileSync(initCmd, initArgs, { stdio: "pipe", cwd: tmpdir() });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`initdb failed: ${stderr.trim()}`);
  }

  const port = await freePort();
  const url = `postgres://${PG_USER}@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let forget: () => void = () => undefined;

  /** The postmaster's pid (runuser's child when we are root), from postmaster.pid. */
  const postmasterPid = (): number | undefined => {
    try {
      const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  };

  const start = async (): Promise<void> => {
    if (child !== undefined) return;
    const [cmd, args] = asServerUser(join(bin, "postgres"), [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-k",
      dataDir,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=100",
    ]);
    const proc = spawn(cmd, args, { cwd: tmpdir(), stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    let output = "";
    let onOutput: () => void = () => undefined;
    const collect = (d: Buffer) => {
      output += d.toString();
      if (output.length > 20_000) output = output.slice(-10_000);
      onOutput();
    };
    proc.stdout?.on("data", collect);
    proc.stderr?.on("data", collect);
    exited = new Promise<void>((resolve) => {
      proc.on("close", () => {
        if (child === proc) child = undefined;
        forget();
        resolve();
      });
    });
    forget = killOnExit(() => {
      const pid = postmasterPid();
      try {
        if (pid !== undefined) process.kill(pid, "SIGKILL");
        proc.kill("SIGKILL");
      } catch {
        // already gone
      }
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        onOutput = () => undefined;
        reject(new Error(`PostgreSQL did not start within 30 s:\n${output}`));
      }, 30_000);
      onOutput = () => {
        if (/database system is ready to accept connections/.test(output)) {
          clearTimeout(timer);
          onOutput = () => undefined;
          resolve();
        }
      };
      proc.once("close", (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL exited (${code}) while starting:\n${output}`));
      });
      onOutput();
    });
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (proc === undefined) return;
    const pid = postmasterPid();
    // SIGINT to the postmaster = fast shutdown (clients are disconnected). runuser then exits too.
    if (pid !== undefined) process.kill(pid, "SIGINT");
    else proc.kill("SIGINT");
    const late = setTimeout(() => {
      const again = postmasterPid();
      if (again !== undefined) process.kill(again, "SIGKILL");
      proc.kill("SIGKILL");
    }, 10_000);
    await exited;
    clearTimeout(late);
  };

  await start();

  return {
    url,
    port,
    dataDir,
    get running() {
      return child !== undefined;
    },
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://${PG_USER}@127.0.0.1:${port}/${name}`;
    },
    stop,
    start,
    async close() {
      // Smart shutdown first (SIGTERM: new connections are refused, open sessions may finish). A pool that a test
      // has just ended may still have a connection closing; a fast shutdown would send it a FATAL "terminating
      // connection" that surfaces as an uncaught error in that test file. Fast shutdown after SMART_WAIT_MS.
      const pid = postmasterPid();
      if (child !== undefined && pid !== undefined) {
        process.kill(pid, "SIGTERM");
        let timer: NodeJS.Timeout | undefined;
        const waited = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SMART_WAIT_MS);
        });
        await Promise.race([exited, waited]);
        clearTimeout(timer);
      }
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
