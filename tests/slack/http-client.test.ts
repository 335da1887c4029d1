/**
 * keepAliveFetch against a real HTTP server on 127.0.0.1: it must answer like fetch wherever @slack/web-api and
 * deliver.ts look (status, headers, body, errors, aborts), since every Web API call and respond() goes through it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as undici from "undici";
import { describe, expect, onTestFinished, test } from "vitest";
import { neverSent } from "../../src/slack/deliver.ts";
import { Agent, dispatcherRequest, keepAliveFetch } from "../../src/slack/http-client.ts";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const seen: Seen[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  onTestFinished(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { base, seen, sockets, server };
}

function client() {
  const http = keepAliveFetch();
  onTestFinished(() => http.close(100));
  return http;
}

describe("undici's parts, required from the files that define them", () => {
  test("are the very Agent and request() that undici's index gives", () => {
    expect(Agent).toBe(undici.Agent);
    // The index puts request() on every dispatcher (Object.assign(Dispatcher.prototype, api)).
    expect(dispatcherRequest).toBe(undici.Dispatcher.prototype.request);
    expect(typeof dispatcherRequest).toBe("function");
  });
});

describe("keepAliveFetch", () => {
  test("sends method, headers and body; answers with status, headers and body", async () => {
    const { base, seen } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-slack-req-id": "r1" });
      res.end('{"ok":true,"ts":"1.2"}');
    });
    const { fetch } = client();
    const res = await fetch(`${base}/api/chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Bearer test" },
      body: "channel=C1&text=hi%20there",
    });
    expect(seen).toEqual([
      expect.objectContaining({
        method: "POST",
        url: "/api/chat.postMessage",
        body: "channel=C1&text=hi%20there",
        headers: expect.objectContaining({
          "content-type": "application/x-www-form-urlencoded",
          authorization: "Bearer test",
        }),
      }),
    ]);
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.statusText).toBe("OK");
    expect(res.headers.get("x-slack-req-id")).toBe("r1");
    expect(await res.json()).toEqual({ ok: true, ts: "1.2" });
  });

  test("any status resolves (the Web API client decides): 429 keeps Retry-After, 500 keeps its body", async () => {
    const { base } = await serve((req, res) => {
      if (req.url === "/limited") res.writeHead(429, { "retry-after": "7" }).end();
      else res.writeHead(500, { "content-type": "text/plain" }).end("upstream broke");
    });
    const { fetch } = client();
    const limited = await fetch(`${base}/limited`, { method: "POST", body: "" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    const broken = await fetch(`${base}/broken`, { method: "POST", body: "" });
    expect([broken.status, broken.ok, broken.statusText]).toEqual([500, false, "Internal Server Error"]);
    expect(await broken.text()).toBe("upstream broke");
  });

  test("a 204 resolves with an empty body; a redirect is returned, never followed", async () => {
    const { base, seen } = await serve((req, res) => {
      if (req.url === "/empty") res.writeHead(204).end();
      else res.writeHead(302, { location: `/elsewhere` }).end();
    });
    const { fetch } = client();
    const empty = await fetch(`${base}/empty`, { method: "POST", body: "x" });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
    const moved = await fetch(`${base}/moved`, { method: "POST", body: "x", redirect: "error" });
    expect(moved.status).toBe(302);
    expect(seen.map((s) => s.url)).toEqual(["/empty", "/moved"]);
  });

  test("requests one after another reuse keep-alive connections", async () => {
    let connections = 0;
    const { base, seen, server } = await serve((_req, res) => res.end("ok"));
    server.on("connection", () => connections++);
    const { fetch } = client();
    for (let i = 0; i < 20; i++) {
      expect(await (await fetch(`${base}/x`, { method: "POST", body: "" })).text()).toBe("ok");
    }
    expect(seen).toHaveLength(20);
    // The first connection may not be back in the pool when the second request starts; after that, reuse.
    expect(connections).toBeLessThanOrEqual(2);
  });

  test("no connection: rejects like fetch (TypeError 'fetch failed', the code in its cause)", async () => {
    const { fetch } = client();
    // A port that was just free: bind, note it, close.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await fetch(`http://127.0.0.1:${port}/x`, { method: "POST", body: "" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe("fetch failed");
    expect(neverSent(error)).toBe(true);
  });

  test("the connection dropped after the request was sent: 'fetch failed', not marked as never sent", async () => {
    const { base } = await serve((req) => req.socket.destroy());
    const { fetch } = client();
    const error = await fetch(`${base}/x`, { method: "POST", body: "text=hi" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(neverSent(error)).toBe(false);
  });

  test("an aborted request rejects with the signal's reason (the Web API client's TimeoutError)", async () => {
    const { base } = await serve(() => {
      // Never answers.
    });
    const { fetch } = client();
    const started = performance.now();
    const error = await fetch(`${base}/slow`, {
      method: "POST",
      body: "",
      signal: AbortSignal.timeout(50),
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test("a FormData body (a file upload) goes to the fallback fetch unchanged", async () => {
    const calls: unknown[] = [];
    const http = keepAliveFetch(async (url, init) => {
      calls.push([String(url), init?.body instanceof FormData]);
      return new Response("from fallback");
    });
    onTestFinished(() => http.close(100));
    const form = new FormData();
    form.set("file", "content");
    const res = await http.fetch("http://127.0.0.1:9/upload", { method: "POST", body: form });
    expect(await res.text()).toBe("from fallback");
    expect(calls).toEqual([["http://127.0.0.1:9/upload", true]]);
  });

  test("close() ends the pool; a later request opens a new one", async () => {
    const { base, sockets } = await serve((_req, res) => res.end("ok"));
    const http = client();
    expect(await (await http.fetch(`${base}/a`, { method: "POST", body: "" })).text()).toBe("ok");
    await http.close(100);
    await expect.poll(() => sockets.size).toBe(0);
    expect(await (await http.fetch(`${base}/b`, { method: "POST", body: "" })).text()).toBe("ok");
  });

  test("close() destroys a request still in flight after the grace period", async () => {
    const { base } = await serve(() => {
      // Never answers.
    });
    const http = client();
    const pending = http.fetch(`${base}/stuck`, { method: "POST", body: "" }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await http.close(100);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await pending).toBeInstanceOf(TypeError);
  });
});
