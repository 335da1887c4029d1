/**
 * The Bolt app: receiver for the mode, Web API client options, global middleware, listeners, health check.
 *
 * - HTTP mode: Bolt's HTTPReceiver on `config.port`: POST /slack/events (events, /comp, interactivity; signature
 *   and timestamp checked by Bolt), GET /healthz (liveness) and GET /readyz (readiness: guides and store).
 * - Socket Mode: Bolt's SocketModeReceiver (`socketMode: true`, app token); GET /healthz and /readyz are served by
 *   a small separate HTTP server on `config.port` (a busy port only costs the health check, never the bot).
 * - State that replicas share (event dedupe, thread/DM context, unanswered questions) goes through `store`
 *   (src/store): in memory by default, PostgreSQL when run.ts opens one for DATABASE_URL.
 *
 * Web API retry policy (every Bolt client, the Socket Mode client's apps.connections.open included; set explicitly
 * so the Socket Mode client does not install its own 100-retry policy into the shared options):
 * - each attempt times out after 10 s (REQUEST_TIMEOUT_MS);
 * - HTTP 429: the client's queue pauses for Retry-After, then the call is retried;
 * - HTTP 5xx: retried;
 * - `ok:false` answers (invalid_auth, channel_not_found, msg_too_long, …): never retried;
 * - a timeout or a dropped connection: retried only for methods that change nothing (auth.test,
 *   apps.connections.open, conversations.open, …; deliver.ts SAFE_TO_REPEAT) or when no connection was made
 *   (ECONNREFUSED…). A chat.postMessage / chat.postEphemeral / views.open that may have reached Slack is never
 *   sent again, so an answer cannot be posted twice; the listener logs one line and apologises instead.
 * At most 3 retries, randomized exponential backoff of about 0.5 s, 1 s, 2 s (on top of a Retry-After).
 * respond() (response_url) is never retried and times out after 10 s; a failure is logged, not fatal.
 * Both go over one keep-alive connection pool (http-client.ts), closed on stop().
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { InstallationStore, Logger, webApi } from "@slack/bolt";
import type { CompBotApi } from "../bot.ts";
import { MemoryStore } from "../store/memory.ts";
import { ResilientStore } from "../store/resilient.ts";
import type { Store } from "../store/types.ts";
import { App, ErrorCode, HTTPReceiver, type SocketModeReceiver, socketModeReceiver } from "./bolt.ts";
import type { SlackConfig } from "./config.ts";
import { OAUTH_INSTALL_PATH, secretsOf } from "./config.ts";
import { redeliveries } from "./dedupe.ts";
import { retrySafeFetch, stopUnsafeRetries } from "./deliver.ts";
import { createDeps } from "./deps.ts";
import { keepAliveFetch } from "./http-client.ts";
import { listenerRouter } from "./listeners/index.ts";
import { createLineLogger, describeError } from "./log.ts";
import { notInstalledLine, quietAuthorizeWarning } from "./oauth/not-installed.ts";
import { createOAuthReceiver } from "./oauth/receiver.ts";
import { registerUninstall } from "./oauth/uninstall.ts";

export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";
export const READY_PATH = "/readyz";
/** /readyz waits at most this long for the store's answer. */
export const READY_STORE_TIMEOUT_MS = 1_000;

/** p-retry's options (what @slack/web-api passes its retryConfig to): node-retry's plus onFailedAttempt. */
export type RetryPolicy = webApi.RetryOptions & { onFailedAttempt?: (error: Error) => void };

/** See the module comment. */
export const RETRY_POLICY: RetryPolicy = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 4000,
  randomize: true,
  onFailedAttempt: stopUnsafeRetries,
};
export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";
export const REQUEST_TIMEOUT_MS = 10_000;
/** How far a signed request's timestamp may be from local time (Slack: 5 minutes). */
const MAX_CLOCK_SKEW_S = 300;
/** How long stop() waits for requests in flight (SIGTERM must exit within 5 s). */
export const DRAIN_MS = 3_500;

export interface CreateSlackAppOptions {
  config: SlackConfig;
  bot: CompBotApi;
  /** Default: one line per message on stderr at config.logLevel, with the config's secrets redacted. */
  logger?: Logger;
  /**
   * Where shared state lives (src/store). Default: a MemoryStore bounded by `limits`. The caller opens and closes
   * a store it passes (run.ts: PostgreSQL for DATABASE_URL).
   */
  store?: Store;
  /** Bounds of the default in-memory store (defaults: 10,000 event ids for 1 hour, 5,000 conversations). */
  limits?: { dedupeCapacity?: number; dedupeTtlMs?: number; conversations?: number };
  /** Faster timings for tests: backoff, per-request timeout, Socket Mode reconnect delay (its ping timeout). */
  tuning?: Tuning;
  /** OAuth mode (required there): where installations live, and the bot scopes from manifest.yml. */
  oauth?: OAuthOptions;
}

export interface OAuthOptions {
  installationStore: InstallationStore & Required<Pick<InstallationStore, "deleteInstallation">>;
  scopes: string[];
}

export interface Tuning {
  retry?: Partial<RetryPolicy>;
  requestTimeoutMs?: number;
  socketPingTimeoutMs?: number;
}

export interface SlackApp {
  app: App;
  readonly mode: SlackConfig["mode"];
  /**
   * Verify the bot token (auth.test, once), then listen (HTTP) or connect (Socket Mode), once `ready` (work
   * started beside auth.test) has settled.
   */
  start(ready?: Promise<unknown>): Promise<void>;
  /** Stop taking requests, let those in flight finish (up to `drainMs`), close the connection. */
  stop(drainMs?: number): Promise<void>;
  /** The bound port once started (HTTP server in HTTP mode, health server in Socket Mode); port 0 = ephemeral. */
  readonly port: number | undefined;
  /** Event ids this process remembers in memory now (bounded by the memory store's capacity). */
  readonly dedupeSize: number;
  readonly store: Store;
}

export function clientOptionsFor(
  config: SlackConfig,
  tuning: Tuning = {},
  fetch: webApi.FetchFunction = globalThis.fetch,
): webApi.WebClientOptions {
  const slackApiUrl = config.slackApiUrl ?? DEFAULT_SLACK_API_URL;
  const timeout = tuning.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  return {
    retryConfig: { ...RETRY_POLICY, ...tuning.retry },
    timeout,
    rejectRateLimitedCalls: false,
    fetch: retrySafeFetch(slackApiUrl, timeout, fetch),
    slackApiUrl,
  };
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

function healthHandler(bot: CompBotApi) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    const body = JSON.stringify({ ok: true, guides: bot.guideCount });
    res.writeHead(200, JSON_HEADERS);
    res.end(body);
  };
}

/**
 * Readiness: 200 when guides are loaded and the store answers (within READY_STORE_TIMEOUT_MS); otherwise 503 with
 * `problems` saying which. The body never holds DATABASE_URL or an error's details beyond a short reason.
 */
function readyHandler(bot: CompBotApi, store: Store) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    const problems: string[] = [];
    if (bot.guideCount === 0) problems.push("guides: none loaded");
    withTimeout(
      store.ping().then(
        () => null,
        () => "store: PostgreSQL is not answering (running on the in-memory fallback)",
      ),
      READY_STORE_TIMEOUT_MS,
    )
      .then((storeProblem) => {
        if (storeProblem === undefined) problems.push("store: no answer within 1 s");
        else if (storeProblem !== null) problems.push(storeProblem);
      })
      .finally(() => {
        const ok = problems.length === 0;
        res.writeHead(ok ? 200 : 503, JSON_HEADERS);
        res.end(JSON.stringify({ ok, guides: bot.guideCount, store: store.kind, problems }));
      });
  };
}

/** Event ids held in memory by this process (the default store, or the PostgreSQL store's fallback). */
function memoryEvents(store: Store): number {
  if (store instanceof MemoryStore) return store.sizes.events;
  if (store instanceof ResilientStore) return store.fallback.sizes.events;
  return 0;
}

function boundPort(server: Server): number | undefined {
  const address = server.address();
  return typeof address === "object" && address !== null ? (address as AddressInfo).port : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A clear one-line message for a failed start-up call (never the token itself). */
function startupError(error: unknown, variable: string, method: string): Error {
  const data: unknown = (error as { data?: unknown } | null)?.data;
  const code =
    typeof data === "object" && data !== null && "error" in data && typeof data.error === "string"
      ? data.error
      : null;
  if (code !== null) {
    return new Error(`Slack rejected ${variable} at start-up (${method}: ${code})`, { cause: error });
  }
  return new Error(`Could not reach the Slack Web API at start-up: ${describeError(error)}`, {
    cause: error,
  });
}

/**
 * Slack's rule is a timestamp within five minutes of local time, either way; Bolt refuses only stale ones, so a
 * request stamped in the future (replayable until then) is refused here.
 */
function refuseFutureStamps(receiver: HTTPReceiver, logger: Logger): void {
  const verified = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const stamp = Number(req.headers["x-slack-request-timestamp"]);
    if (req.method === "POST" && stamp - Date.now() / 1000 > MAX_CLOCK_SKEW_S) {
      logger.warn("Refused a request stamped more than 5 minutes in the future (check this host's clock)");
      res.writeHead(401).end();
      return;
    }
    verified(req, res);
  };
}

export function createSlackApp({
  config,
  bot,
  logger: given,
  store: givenStore,
  limits = {},
  tuning = {},
  oauth,
}: CreateSlackAppOptions): SlackApp {
  const logger = given ?? createLineLogger({ level: config.logLevel, secrets: secretsOf(config) });
  if (config.mode === "oauth" && oauth === undefined)
    throw new Error("OAuth mode needs an installation store");
  const http = keepAliveFetch();
  const clientOptions = clientOptionsFor(config, tuning, http.fetch);
  const store: Store =
    givenStore ??
    new MemoryStore({
      ...(limits.dedupeCapacity !== undefined ? { dedupeCapacity: limits.dedupeCapacity } : {}),
      ...(limits.dedupeTtlMs !== undefined ? { dedupeTtlMs: limits.dedupeTtlMs } : {}),
      ...(limits.conversations !== undefined ? { conversations: limits.conversations } : {}),
    });
  const health = healthHandler(bot);
  const ready = readyHandler(bot, store);

  let httpReceiver: HTTPReceiver | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  if (config.mode === "http") {
    httpReceiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: EVENTS_PATH,
      port: config.port,
      logger,
      customRoutes: [
        { path: HEALTH_PATH, method: ["GET"], handler: health },
        { path: READY_PATH, method: ["GET"], handler: ready },
      ],
    });
    refuseFutureStamps(httpReceiver, logger);
  } else if (config.mode === "oauth" && oauth !== undefined) {
    httpReceiver = createOAuthReceiver({
      config,
      // Bolt's own warning for a workspace without an installation is replaced by our one line (app.error).
      logger: quietAuthorizeWarning(logger),
      installationStore: oauth.installationStore,
      scopes: oauth.scopes,
      clientOptions,
      eventsPath: EVENTS_PATH,
      customRoutes: [
        { path: HEALTH_PATH, method: ["GET"], handler: health },
        { path: READY_PATH, method: ["GET"], handler: ready },
      ],
    });
    refuseFutureStamps(httpReceiver, logger);
  } else if (config.mode === "socket") {
    socketReceiver = new (socketModeReceiver())({
      appToken: config.appToken,
      logger,
      // A copy: the Socket Mode client writes into its options.
      installerOptions: {
        clientOptions: { ...clientOptions, retryConfig: { ...clientOptions.retryConfig } },
      },
      ...(tuning.socketPingTimeoutMs !== undefined ? { clientPingTimeout: tuning.socketPingTimeoutMs } : {}),
    });
    // Slack turned Socket Mode off for the app (`disconnect` frame, reason link_disabled): the client would
    // reconnect forever, so stop it and say what to do. Other disconnect reasons reconnect as usual.
    const client = socketReceiver.client;
    client.on("ws_message", (data: unknown, isBinary: boolean) => {
      if (isBinary) return;
      const text = String(data);
      if (!text.includes("link_disabled")) return;
      let frame: { type?: unknown; reason?: unknown };
      try {
        frame = JSON.parse(text) as typeof frame;
      } catch {
        return;
      }
      if (frame.type !== "disconnect" || frame.reason !== "link_disabled") return;
      logger.error(
        "Slack turned Socket Mode off for this app (link_disabled): not reconnecting. Turn Socket Mode back on in the app's settings, then restart CompBot.",
      );
      void client.disconnect();
    });
  }

  const app = new App({
    // OAuth mode: no token; Bolt's authorize finds each workspace's in the installation store.
    ...(config.mode === "oauth" ? {} : { token: config.botToken }),
    receiver: httpReceiver ?? socketReceiver,
    socketMode: config.mode === "socket",
    logger: config.mode === "oauth" ? quietAuthorizeWarning(logger) : logger,
    logLevel: logger.getLevel(),
    clientOptions,
    // auth.test runs once, in start(), so a bad token fails start() with a clear error.
    deferInitialization: true,
    tokenVerificationEnabled: true,
    ignoreSelf: true,
    convoStore: false,
  });

  app.error(async (error) => {
    if (config.mode === "oauth" && error.code === ErrorCode.AuthorizationError) {
      // A request from a workspace without an installation (or the store failing to say): one line, no answer.
      const line = notInstalledLine(error);
      if (line.level === "warn") logger.warn(line.text);
      else logger.error(line.text);
      return;
    }
    logger.error(`Unhandled error in a listener: ${describeError(error)}`);
  });

  const isRedelivery = redeliveries(store, logger);
  const route = listenerRouter(createDeps(bot, logger, store, config.feedbackChannel));

  // One global middleware (Bolt spreads every middleware's arguments afresh, so each one costs every request):
  // counts the work in flight, so that stop() can let it finish (graceful shutdown) before closing the
  // connection, drops Slack's redeliveries of an event already handled, and routes the rest to the listeners.
  let inFlight = 0;
  let idle: (() => void) | null = null;
  app.use(async (args) => {
    inFlight++;
    try {
      if (!(await isRedelivery(args))) await route(args);
    } finally {
      inFlight--;
      if (inFlight === 0) idle?.();
    }
  });
  const drained = (ms: number) =>
    inFlight === 0
      ? Promise.resolve(true)
      : withTimeout(
          new Promise<boolean>((resolve) => {
            idle = () => resolve(true);
          }),
          ms,
        ).then((done) => done === true);

  if (oauth !== undefined) {
    registerUninstall(app, {
      installations: oauth.installationStore,
      forgetWorkspace: (teamId) => store.forgetTeam(teamId),
      logger,
    });
  }

  let port: number | undefined;
  let healthServer: Server | undefined;
  let state: "stopped" | "starting" | "running" = "stopped";

  const startHealthServer = async (): Promise<void> => {
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      if (path === HEALTH_PATH && req.method === "GET") return health(req, res);
      if (path === READY_PATH && req.method === "GET") return ready(req, res);
      res.writeHead(404).end();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, () => {
          server.off("error", reject);
          resolve();
        });
      });
    } catch (error) {
      logger.warn(`Health check not served on port ${config.port}: ${describeError(error)}`);
      return;
    }
    server.on("error", (error) => logger.error(`Health server: ${describeError(error)}`));
    healthServer = server;
    port = boundPort(server);
  };

  const stop = async (drainMs = DRAIN_MS): Promise<void> => {
    if (state === "stopped") return;
    state = "stopped";
    try {
      if (httpReceiver !== undefined && port !== undefined) {
        // Stop taking new requests, then let the ones in flight finish (bounded).
        const closing = httpReceiver.stop().catch((error: unknown) => {
          logger.warn(`Stopping the HTTP receiver: ${describeError(error)}`);
        });
        if (!(await drained(drainMs))) logger.warn(`Stopped with ${inFlight} request(s) still in flight`);
        await withTimeout(closing, 500).catch(() => undefined);
      } else if (socketReceiver !== undefined) {
        // Take no new envelopes while draining (as the closed HTTP port does): left unacknowledged, Slack
        // delivers an event again (to the next connection); a command gets Slack's own timeout message.
        const client = socketReceiver.client;
        client.removeAllListeners("slack_event");
        client.on("slack_event", (args: { type?: unknown }) => {
          logger.info(`Shutting down: a ${String(args.type)} envelope was left for Slack to deliver again`);
        });
        if (!(await drained(drainMs))) logger.warn(`Stopped with ${inFlight} request(s) still in flight`);
        await withTimeout(socketReceiver.client.disconnect(), 1000);
      }
    } catch (error) {
      logger.warn(`Stopping the Slack receiver: ${describeError(error)}`);
    }
    await http.close(500).catch(() => undefined);
    if (healthServer !== undefined) {
      const server = healthServer;
      healthServer = undefined;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    port = undefined;
  };

  const start = async (ready?: Promise<unknown>): Promise<void> => {
    if (state !== "stopped") throw new Error(`CompBot's Slack app is already ${state}`);
    state = "starting";
    try {
      try {
        await app.init();
      } catch (error) {
        throw startupError(error, "SLACK_BOT_TOKEN", "auth.test");
      }
      // Work started beside auth.test that the first requests should not wait for (run.ts: the warm-up).
      await ready?.catch(() => {});
      if (httpReceiver !== undefined) {
        const server = await httpReceiver.start(config.port);
        port = boundPort(server);
        state = "running";
        const how =
          config.mode === "oauth"
            ? `OAuth mode: any workspace can install it from ${OAUTH_INSTALL_PATH}`
            : "HTTP mode";
        logger.info(`CompBot is listening for Slack on port ${port} (${how}, ${bot.guideCount} guides)`);
        return;
      }
      await startHealthServer();
      try {
        await app.start();
      } catch (error) {
        throw startupError(error, "SLACK_APP_TOKEN", "apps.connections.open");
      }
      state = "running";
      logger.info(`CompBot is connected to Slack (Socket Mode, ${bot.guideCount} guides)`);
    } catch (error) {
      state = "running";
      await stop();
      throw error;
    }
  };

  return {
    app,
    mode: config.mode,
    get port() {
      return port;
    },
    get dedupeSize() {
      return memoryEvents(store);
    },
    store,
    start,
    stop,
  };
}
