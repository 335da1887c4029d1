/**
 * A fake Slack on 127.0.0.1, as strict as Slack: the Web API methods CompBot calls (recorded and answered; each
 * checks its token and required arguments, and messages are judged by Slack's documented Block Kit limits: see
 * fake-slack/methods.ts, the registry a new method joins with one `defineMethod` entry), `response_url`
 * endpoints (/respond/<id>, checked as Slack does: fake-slack/respond.ts) and a Socket Mode WebSocket server
 * (/socket: one-time tickets, acks judged for shape and the 3 s deadline, `disconnect` frames:
 * fake-slack/socket.ts). Tests wait for calls with `nextCall` (a predicate and a timeout; no sleeps).
 *
 * Faults (`fault`): answer a call with `ok:false`, an HTTP status (500, 429 + Retry-After), drop the connection
 * after reading the request, or hold the answer until `releaseHeld()` (a slow Slack). `dropSockets()` closes the
 * Socket Mode connections; every apps.connections.open hands out a new URL (`?ticket=N`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { answerCall, defineMethod, FAKE_APP_ID, type Json } from "./fake-slack/methods.ts";
import { Recorder } from "./fake-slack/recorder.ts";
import { RESPONSE_URL_MAX_USES, respondError } from "./fake-slack/respond.ts";
import { AckTracker, type DisconnectReason } from "./fake-slack/socket.ts";
import { SURFACE_METHODS } from "./fake-slack-surfaces.ts";
import type { FakeWorkspaces } from "./fake-slack-workspaces.ts";

// App Home, views.update and the agent DM (fake-slack-surfaces.ts check their own arguments; the registry has
// already checked the bot token).
for (const [name, answer] of Object.entries(SURFACE_METHODS)) {
  defineMethod(name, { token: "bot", answer: ({ body, token }) => answer(body, { token, botOk: true }) });
}

export { FAKE_APP_ID, FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_ID, type Json } from "./fake-slack/methods.ts";
export { RESPONSE_URL_MAX_USES };

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

/** The parsed body (form fields with JSON-looking values decoded, or JSON); null when it is not parseable. */
async function readBody(req: IncomingMessage): Promise<Json | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Json)
        : null;
    } catch {
      return null;
    }
  }
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
  private readonly openTickets = new Set<string>();
  private readonly respondUses = new Map<string, number>();
  private ts = 1_700_000_000;
  /** Every envelope sent and every ack received, judged as Slack does. */
  readonly acks = new AckTracker();
  /** Socket Mode connection attempts refused for a missing, unknown or reused ticket. */
  readonly refusedConnections: string[] = [];

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
    const wss = new WebSocketServer({
      server,
      path: "/socket",
      // Slack's WebSocket URLs carry a one-time ticket from apps.connections.open.
      verifyClient: (info: { req: IncomingMessage }) => fake?.admit(info.req.url ?? "") ?? false,
    });
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

  /** Send a raw frame (an envelope) to every connected client; its ack is then expected within 3 s. */
  sendToSockets(frame: Json): void {
    this.acks.sent(frame);
    const text = JSON.stringify(frame);
    for (const ws of this.sockets) ws.send(text);
  }

  /** Slack asks the client to reconnect ("refresh_requested", "warning") or turns Socket Mode off ("link_disabled"). */
  sendDisconnect(reason: DisconnectReason): void {
    const text = JSON.stringify({ type: "disconnect", reason, debug_info: { host: "fake-slack" } });
    for (const ws of this.sockets) ws.send(text);
  }

  /** Every ack problem so far (late, malformed, unknown envelope, payload where none is accepted) and every
   * envelope still unacknowledged after 3 s. Empty when the client behaved. */
  socketProblems(): string[] {
    return [...this.acks.problems, ...this.acks.overdue()];
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

  /** Whether a WebSocket upgrade to `url` carries a ticket we handed out and nobody used yet. */
  private admit(url: string): boolean {
    const ticket = new URL(url, "http://127.0.0.1").searchParams.get("ticket") ?? "";
    if (!this.openTickets.delete(ticket)) {
      this.refusedConnections.push(url);
      return false;
    }
    return true;
  }

  private newSocketUrl(): string {
    this.tickets += 1;
    this.openTickets.add(String(this.tickets));
    return `${this.wsUrl}?ticket=${this.tickets}`;
  }

  private onSocket(ws: WebSocket, url: string): void {
    this.sockets.add(ws);
    this.connections.add((seq) => ({ url, seq }));
    ws.on("close", () => this.sockets.delete(ws));
    ws.on("message", (data) => {
      this.acks.received(String(data));
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
    const parsed = await readBody(req);
    const body = parsed ?? {};
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
      const uses = this.respondUses.get(respondId) ?? 0;
      this.respondUses.set(respondId, uses + 1);
      const refused = respondError(req.headers["content-type"] ?? "", parsed, uses);
      if (refused) {
        this.settle(call, `http ${refused.status} ${refused.error}`);
        return send(res, refused.status, { ok: false, error: refused.error });
      }
      this.settle(call, "ok");
      return send(res, 200, { ok: true });
    }
    if (!url.pathname.startsWith("/api/")) return send(res, 404, { ok: false, error: "not_found" });

    const method = url.pathname.slice("/api/".length);
    const call = this.calls.add((seq) => ({ method, body, token, seq }));
    if (await this.applyFault(call, req, res)) return;
    const answer =
      parsed === null
        ? { ok: false, error: "invalid_json" }
        : (this.options.workspaces?.answer(method, body, token) ??
          answerCall(
            method,
            { body, token, nextTs: () => this.nextTs(), newSocketUrl: () => this.newSocketUrl() },
            { botToken: this.options.botToken, appToken: this.options.appToken },
          ) ?? { ok: false, error: "unknown_method" });
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
}
