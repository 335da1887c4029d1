/**
 * The deployment files agree with each other and with CompBot (no Docker on these machines, so what can be
 * checked without it is checked here; nginx.test.ts runs the proxy config, dist.test.ts the HEALTHCHECK):
 * - compose.yaml: the replicas run in HTTP mode on the port and under the names deploy/nginx.conf proxies
 *   to, read their guides from the volume at GUIDES_DIR, and get a DATABASE_URL on the postgres service;
 *   nginx mounts deploy/nginx.conf and publishes the port it listens on.
 * - Dockerfile: node:20-slim stages, npm ci / build / prune, the node user, tini as PID 1, the guides volume.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../support/compbot-process.ts";

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), "utf8");

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service> };
const nginxConf = read("deploy/nginx.conf");
const dockerfile = read("Dockerfile");

describe("compose.yaml and deploy/nginx.conf", () => {
  const upstreams = [...nginxConf.matchAll(/^\s*server ([\w.-]+):(\d+)\b/gm)].map((m) => ({
    host: m[1]!,
    port: m[2]!,
  }));

  it("nginx proxies to two replicas, each a compose service in HTTP mode on the upstream's port", () => {
    expect(upstreams.map((u) => u.host)).toEqual(["compbot-1", "compbot-2"]);
    for (const { host, port } of upstreams) {
      const service = compose.services[host];
      expect(service, host).toBeDefined();
      const env = service!.environment!;
      expect(env.PORT).toBe(port);
      expect(env.SLACK_APP_TOKEN).toBe("");
      expect(env.SLACK_BOT_TOKEN).toMatch(/^\$\{SLACK_BOT_TOKEN/);
      expect(env.SLACK_SIGNING_SECRET).toMatch(/^\$\{SLACK_SIGNING_SECRET/);
      expect(service!.volumes).toContain(`./guides:${env.GUIDES_DIR}:ro`);
      const database = new URL(env.DATABASE_URL!.replace(/\$\{[^}]*\}/g, "secret"));
      expect(database.protocol).toBe("postgres:");
      expect(compose.services[database.hostname]?.image).toMatch(/^postgres:/);
      expect(service!.depends_on?.[database.hostname]?.condition).toBe("service_healthy");
    }
  });

  it("the nginx service mounts deploy/nginx.conf and publishes the port it listens on", () => {
    const nginx = compose.services.nginx!;
    expect(nginx.image).toMatch(/^nginx:/);
    expect(nginx.volumes).toContain("./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    const listen = nginxConf.match(/^\s*listen (\d+);/m)?.[1];
    expect(nginx.ports?.some((p) => p.endsWith(`:${listen}`))).toBe(true);
    for (const { host } of upstreams) expect(nginx.depends_on?.[host]?.condition).toBe("service_healthy");
  });
});

describe("Dockerfile", () => {
  const instructions = dockerfile
    .replace(/\\\n\s*/g, "")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"));

  it("builds on node:20-slim: npm ci, build, prune; runs dist/main.js as node under tini", () => {
    expect(instructions.filter((l) => l.startsWith("FROM "))).toEqual([
      "FROM node:20-slim AS build",
      "FROM node:20-slim",
    ]);
    expect(instructions).toContain("RUN npm ci --no-audit --no-fund");
    expect(instructions).toContain("RUN npm run build && npm prune --omit=dev --no-audit --no-fund");
    expect(instructions.filter((l) => l.startsWith("USER "))).toEqual(["USER node"]);
    expect(instructions).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    // The same node flags as `npm run start:dist`, the production command the README gives.
    const startDist = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts[
      "start:dist"
    ]!.split(" ");
    expect(startDist).toEqual([
      "node",
      "--max-semi-space-size=4",
      "--initial-old-space-size=128",
      "--no-regexp-tier-up",
      "dist/main.js",
    ]);
    expect(instructions).toContain(`CMD ${JSON.stringify(startDist).replaceAll(",", ", ")}`);
    expect(instructions.some((l) => l.startsWith("RUN apt-get update") && l.includes(" tini"))).toBe(true);
  });

  it("declares the guides volume at GUIDES_DIR", () => {
    const guidesDir = dockerfile.match(/GUIDES_DIR=(\S+)/)?.[1];
    expect(guidesDir).toBe("/guides");
    expect(instructions).toContain(`VOLUME ["${guidesDir}"]`);
  });
});
