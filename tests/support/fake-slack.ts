/**
 * A fake Slack on 127.0.0.1: the Web API methods CompBot calls (recorded and answered), `response_url` endpoints
 * (/respond/<id>) and a Socket Mode WebSocket server (/socket). Tests wait for calls with `nextCall` (a predicate
 * and a timeout; no sleeps).
 *
 * Faults (`fault`): answer a call with `ok:false`, an HTTP status (500, 429 + Retry-After), drop the connection
 * after reading the request, or hold the answer until `releaseHeld()` (a slow Slack). `dropSockets()` closes the
 * Socket Mode connections; every apps.connections.open hands out a new URL (`?ticket=N`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import type { FakeWorkspaces } from "./fake-slack-workspaces.ts";

export const FAKE_TEAM_ID = "T0TEAM";
export const FAKE_BOT_USER_ID = "U0COMPBOT";
export const FAKE_BOT_ID = "B0COMPBOT";
export const FAKE_APP_ID = "A0COMPBOT";

export type Json = Record<string, unknown>;

export interface ApiCall {
  /** Web API method ("chat.postMessage"), or "respond" for a response_url post. */
  method: string;
  /** Parsed form fields (JSON-looking values decoded) or JSON body. */
  body: Json;
  /** Bearer token from the Authorization header, or the `token` form field. */
  token: string | null;
  /** For "respond": the id in /respond/<id>. */
  respondId?: string;
  seq: number;
  /** How the fake answered: "ok", "ok:false <error>", "http <status>", "dropped"; undefined while held. */
  outcome?: string;
}

/** What a faulty Slack does with a call. */
export type Fault =
  | { kind: "ok-false"; error: string }
  | { kind: "http"; status: number; retryAfter?: number }
  | { kind: "drop" }
  | { kind: "hold" };

export interface SocketConnection {
  /** The URL the client connected to (with its ticket). */
  url: string;
  seq: number;
}

export interface SocketMessage {
  data: Json;
  seq: number;
}

interface Waiter<T> {
  predicate: (item: T) => boolean;
  since: number;
  resolve: (item: T) => void;
}

export interface FakeSlackOptions {
  /** Tokens auth.test accepts (bot tokens) and apps.connections.open accepts (app tokens). */
  botToken?: string;
  appToken?: string;
  /** Send `hello` as soon as a Socket Mode client connects (default true). */
  autoHello?: boolean;
  /** Keep every call in `calls.items` (default true; a load run turns it off and uses onCall). */
  record?: boolean;
  /** Called with every call once it has been answered (its `outcome` set). */
  onCall?: (call: ApiCall) => void;
  /** Many workspaces (OAuth): oauth.v2.access, auth.test per token, tokens checked against workspaces. */
  workspaces?: FakeWorkspaces;
}

/** A queue of recorded items with predicate waiters. `since` is a sequence number from `mark()`. */
class Recorder<T extends { seq: number }> {
  readonly items: T[] = [];
  private waiters: Waiter<T>[] = [];
  private seq = 0;

  constructor(private readonly keep = true) {}

  add(make: (seq: number) => T): T {
    const item = make(++this.seq);
    if (this.keep) this.items.push(item);
    this.recheck(item);
    return item;
  }

  /** Offer an item that changed (an answered call) to the waiters again. */
  recheck(item: T): void {
    for (const w of [...this.waiters]) {
      if (item.seq > w.since && w.predicate(item)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(item);
      }
    }
  }

  mark(): number {
    return this.seq;
  }

  next(predicate: (item: T) => boolean, since: number, timeoutMs: number, what: string): Promise<T> {
    const found = this.items.find((i) => i.seq > since && predicate(i));
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        since,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== waiter);
        reject(new Error(`fake Slack: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

function decodeField(raw: string): unknown {
  const t = raw.trim();
  if (t.startsWith("[") || t.startsWith("{")) {
    try {
      return JSON.parse(t);
    } catch {
      return raw;
    }
  }
  if (raw === "true") return true;
  if (raw === "false") return false;
  return raw;
}

async function readBody(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return JSON.parse(text) as Json;
  const out: Json = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = decodeField(v);
  return out;
}

function send(res: ServerResponse, status: number, body: Json): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export class FakeSlack {
  readonly calls: Recorder<ApiCall>;
  readonly socketMessages = new Recorder<SocketMessage>();
  private readonly sockets = new Set<WebSocket>();
  readonly connections = new Recorder<SocketConnection>();
  private readonly faults: {
    method: string;
    fault: Fault;
    when: (call: ApiCall) => boolean;
    times: number;
  }[] = [];
  private held: (() => void)[] = [];
  private tickets = 0;
  private ts = 1_700_000_000;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
    private readonly options: FakeSlackOptions,
  ) {
    this.calls = new Recorder<ApiCall>(options.record !== false);
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      if (!fake) return send(res, 503, { ok: false });
      fake.handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error: String(error) }));
    });
    const wss = new WebSocketServer({ server, path: "/socket" });
    server.on("connection", (socket) => socket.on("error", () => undefined));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    fake = new FakeSlack(server, wss, port, options);
    wss.on("connection", (ws, req) => fake?.onSocket(ws, req.url ?? ""));
    return fake;
  }

  /** Web API base for SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/socket`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${encodeURIComponent(id)}`;
  }

  /** Sequence number of the last recorded call; pass as `since` to wait only for later calls. */
  mark(): number {
    return this.calls.mark();
  }

  nextCall(predicate: (call: ApiCall) => boolean, { since = 0, timeoutMs = 5000 } = {}): Promise<ApiCall> {
    return this.calls.next(predicate, since, timeoutMs, "matching Web API call");
  }

  /** Answer the next call to `method` matching `when` with `{ ok: false, error }` (once). */
  failNext(method: string, error: string, when: (call: ApiCall) => boolean = () => true): void {
    this.fault(method, { kind: "ok-false", error }, { when });
  }

  /**
   * Answer the next `times` calls to `method` ("respond" for response_url posts) matching `when` with `fault`.
   * Returns a function that removes what is left of it.
   */
  fault(
    method: string,
    fault: Fault,
    { when = () => true, times = 1 }: { when?: (call: ApiCall) => boolean; times?: number } = {},
  ): () => void {
    const entry = { method, fault, when, times };
    this.faults.push(entry);
    return () => {
      const i = this.faults.indexOf(entry);
      if (i >= 0) this.faults.splice(i, 1);
    };
  }

  /** Answer every held call normally (a slow Slack catching up). */
  releaseHeld(): void {
    const held = this.held;
    this.held = [];
    for (const release of held) release();
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Calls after `since` (all by default) with this method. */
  callsTo(method: string, since = 0): ApiCall[] {
    return this.calls.items.filter((c) => c.method === method && c.seq > since);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Socket Mode
  // ---------------------------------------------------------------------------------------------------------

  get socketCount(): number {
    return this.sockets.size;
  }

  /** Resolves once no Socket Mode client is connected (rejects after timeoutMs). */
  allSocketsClosed(timeoutMs = 5000): Promise<void> {
    const open = [...this.sockets];
    const closed = Promise.all(
      open.map(
        (ws) =>
          new Promise<void>((resolve) =>
            ws.readyState === ws.CLOSED ? resolve() : ws.once("close", () => resolve()),
          ),
      ),
    ).then(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`fake Slack: sockets still open after ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    return Promise.race([closed, timeout]).finally(() => clearTimeout(timer));
  }

  /** Send a raw frame (an envelope) to every connected client. */
  sendToSockets(frame: Json): void {
    const text = JSON.stringify(frame);
    for (const ws of this.sockets) ws.send(text);
  }

  nextSocketMessage(
    predicate: (m: Json) => boolean,
    { since = 0, timeoutMs = 5000 } = {},
  ): Promise<SocketMessage> {
    return this.socketMessages.next(
      (m) => predicate(m.data),
      since,
      timeoutMs,
      "matching Socket Mode message",
    );
  }

  markSocket(): number {
    return this.socketMessages.mark();
  }

  /**
   * Close every Socket Mode connection from Slack's side: "close" sends a close frame (as Slack does when it
   * recycles a server), "terminate" just destroys the TCP connection (a network failure).
   */
  dropSockets(how: "close" | "terminate" = "close"): void {
    for (const ws of this.sockets) {
      if (how === "close") ws.close(1001, "going away");
      else ws.terminate();
    }
  }

  nextConnection({ since = 0, timeoutMs = 5000 } = {}): Promise<SocketConnection> {
    return this.connections.next(() => true, since, timeoutMs, "Socket Mode connection");
  }

  async close(): Promise<void> {
    this.releaseHeld();
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(ws: WebSocket, url: string): void {
    this.sockets.add(ws);
    this.connections.add((seq) => ({ url, seq }));
    ws.on("close", () => this.sockets.delete(ws));
    ws.on("message", (data) => {
      try {
        const parsed = JSON.parse(String(data)) as Json;
        this.socketMessages.add((seq) => ({ data: parsed, seq }));
      } catch {
        // not JSON: ignore
      }
    });
    if (this.options.autoHello !== false) {
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake-slack", approximate_connection_time: 3600 },
          connection_info: { app_id: FAKE_APP_ID },
        }),
      );
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // HTTP
  // ---------------------------------------------------------------------------------------------------------

  private nextTs(): string {
    this.ts += 1;
    return `${this.ts}.000100`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readBody(req);
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ")
      ? auth.slice(7)
      : typeof body.token === "string"
        ? body.token
        : null;

    if (url.pathname.startsWith("/respond/")) {
      const respondId = decodeURIComponent(url.pathname.slice("/respond/".length));
      const call = this.calls.add((seq) => ({ method: "respond", body, token, respondId, seq }));
      if (await this.applyFault(call, req, res)) return;
      this.settle(call, "ok");
      return send(res, 200, { ok: true });
    }
    if (!url.pathname.startsWith("/api/")) return send(res, 404, { ok: false, error: "not_found" });

    const method = url.pathname.slice("/api/".length);
    const call = this.calls.add((seq) => ({ method, body, token, seq }));
    if (await this.applyFault(call, req, res)) return;
    const answer = this.answer(method, body, token);
    this.settle(call, answer.ok === true ? "ok" : `ok:false ${String(answer.error)}`);
    return send(res, 200, answer);
  }

  private settle(call: ApiCall, outcome: string): void {
    call.outcome = outcome;
    this.calls.recheck(call);
    this.options.onCall?.(call);
  }

  /** Apply the first matching fault; true when the call was answered (or dropped) by it. */
  private async applyFault(call: ApiCall, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const entry = this.faults.find((f) => f.method === call.method && f.when(call));
    if (!entry) return false;
    entry.times -= 1;
    if (entry.times <= 0) this.faults.splice(this.faults.indexOf(entry), 1);
    const { fault } = entry;
    switch (fault.kind) {
      case "ok-false":
        this.settle(call, `ok:false ${fault.error}`);
        send(res, 200, { ok: false, error: fault.error });
        return true;
      case "http":
        this.settle(call, `http ${fault.status}`);
        res.writeHead(fault.status, {
          "content-type": "application/json",
          ...(fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {}),
        });
        res.end(JSON.stringify({ ok: false, error: "fake_fault" }));
        return true;
      case "drop":
        this.settle(call, "dropped");
        req.socket.destroy();
        return true;
      case "hold":
        // Answered normally once released (the client may have given up by then).
        await new Promise<void>((resolve) => this.held.push(resolve));
        return false;
    }
  }

  private answer(method: string, body: Json, token: string | null): Json {
    const fromWorkspaces = this.options.workspaces?.answer(method, body, token);
    if (fromWorkspaces !== undefined) return fromWorkspaces;
    const botOk = this.options.botToken === undefined || token === this.options.botToken;
    switch (method) {
      case "auth.test":
        if (!botOk) return { ok: false, error: "invalid_auth" };
        return {
          ok: true,
          url: "https://fake.slack.test/",
          team: "Fake Team",
          user: "compbot",
          team_id: FAKE_TEAM_ID,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
        };
      case "chat.postMessage": {
        if (!botOk) return { ok: false, error: "invalid_auth" };
        const ts = this.nextTs();
        return {
          ok: true,
          channel: body.channel,
          ts,
          message: { type: "message", text: body.text, bot_id: FAKE_BOT_ID, ts },
        };
      }
      case "chat.postEphemeral":
        if (!botOk) return { ok: false, error: "invalid_auth" };
        return { ok: true, message_ts: this.nextTs() };
      case "conversations.open": {
        if (!botOk) return { ok: false, error: "invalid_auth" };
        const users = typeof body.users === "string" ? body.users : "";
        return { ok: true, channel: { id: `D${users.replace(/^U/, "")}` } };
      }
      case "views.open":
        return { ok: true, view: { id: "V0FAKE" } };
      case "apps.connections.open":
        if (this.options.appToken !== undefined && token !== this.options.appToken) {
          return { ok: false, error: "invalid_auth" };
        }
        this.tickets += 1;
        return { ok: true, url: `${this.wsUrl}?ticket=${this.tickets}` };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}
