/**
 * The real nginx (Debian's `nginx-light`; `npm test` installs it when missing: scripts/ensure-nginx.sh) on a
 * loopback port, for tests of the repository's proxy config. The config under test is a conf.d-style file
 * (upstream + server blocks); this harness plays the part of the image's nginx.conf: the main and events
 * contexts, and pid, error log, access log and temp paths inside a temp folder, so nginx needs no root path.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** Where Debian puts nginx (root's PATH has /usr/sbin, other users' may not). */
export function findNginx(): string {
  for (const dir of [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"]) {
    if (!dir) continue;
    const file = path.join(dir, "nginx");
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {}
  }
  throw new Error(
    "nginx is not installed: `apt-get install nginx-light` (`npm test` installs it when missing and it can: scripts/ensure-nginx.sh)",
  );
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The temp-path directives nginx was built with (`nginx -V`: `--http-proxy-temp-path=/var/lib/nginx/proxy`,
 * …), pointed into `dir` instead. Only those compiled in: a directive of a module left out would be an error.
 */
function tempPaths(nginx: string, dir: string): string[] {
  const version = spawnSync(nginx, ["-V"], { encoding: "utf8" });
  const built = `${version.stdout}${version.stderr}`;
  return [...built.matchAll(/--http-([a-z-]+)-temp-path=/g)].map((m) => {
    const name = m[1]!.replaceAll("-", "_");
    return `    ${name}_temp_path ${path.join(dir, name)};`;
  });
}

export interface Nginx {
  url: string;
  /** The access log so far (the readiness probes left out): `uri upstream_addr status` per request. */
  accessLog(): string[];
  readonly stderr: string;
  stop(): Promise<void>;
}

/** Starts nginx with `siteConfig` (a conf.d file) and waits until it answers on `port`. */
export async function startNginx(siteConfig: string, port: number): Promise<Nginx> {
  const nginx = findNginx();
  const dir = mkdtempSync(path.join(tmpdir(), "compbot-nginx-"));
  // When the tests run as root, nginx's workers run as nobody: they must be able to reach the temp paths.
  chmodSync(dir, 0o755);
  const site = path.join(dir, "site.conf");
  const access = path.join(dir, "access.log");
  writeFileSync(site, siteConfig);
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      "error_log stderr warn;",
      "events { worker_connections 128; }",
      "http {",
      "    log_format upstream '$request_uri $upstream_addr $status';",
      `    access_log ${access} upstream;`,
      ...tempPaths(nginx, dir),
      `    include ${site};`,
      "}",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(
    nginx,
    ["-p", `${dir}/`, "-c", path.join(dir, "nginx.conf"), "-e", "stderr"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  let exited = false;
  const closed = new Promise<void>((resolve) =>
    child.on("close", () => {
      exited = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;

  // nginx prints nothing when it is ready: wait until it accepts a connection (or dies).
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited) throw new Error(`nginx exited at start:\n${stderr}`);
    const up = await fetch(`${url}/nginx-harness-probe`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not listen on ${port} within 10 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    url,
    accessLog: () =>
      readFileSync(access, "utf8")
        .split("\n")
        .filter((line) => line && !line.includes("nginx-harness-probe")),
    get stderr() {
      return stderr;
    },
    stop: async () => {
      if (!exited) child.kill("SIGQUIT");
      await closed;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
