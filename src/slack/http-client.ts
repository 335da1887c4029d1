/**
 * The `fetch` every Bolt Web API client and respond() use, on undici's `request()` over a keep-alive pool.
 *
 * Why not the global fetch: Node's fetch is undici too, under the WHATWG layers (streams, Request/Response
 * objects, abort plumbing). Measured with `npm run load`, a mention's chat.postMessage through the global fetch
 * cost more CPU in the app than the whole /comp answer; this client does the same request for a fraction.
 *
 * It keeps fetch's contract where @slack/web-api and deliver.ts rely on it:
 * - it resolves with a `Response` for any HTTP status (the Web API client decides what a 429 or 500 means);
 * - no redirect is followed (the Web API client asks fetch for redirect: "error"; a 3xx is returned, and the
 *   client treats it as an HTTP error);
 * - a network failure rejects with `TypeError("fetch failed")` whose `cause` carries the code (ECONNREFUSED…);
 * - an aborted request (the client's per-attempt timeout) rejects with the signal's reason (a TimeoutError).
 * A body that is not a string (a FormData file upload, which CompBot never sends) goes to the global fetch.
 *
 * undici's Agent and request() are required from the files that define them, not from the package's index,
 * which loads all of undici (fetch, WebSocket, caches, mocks: about 110 modules, 0.1 s of a start on a 2-core
 * machine) where these two need about 30. undici is pinned to one version (package.json), and
 * http-client.test.ts checks that each is the very one the index gives, so an upgrade that moves one fails there.
 */
import { STATUS_CODES } from "node:http";
import { createRequire } from "node:module";
import type { webApi } from "@slack/bolt";
import type { Dispatcher, Agent as UndiciAgent } from "undici";

const require = createRequire(import.meta.url);
/** undici's Agent. */
export const Agent = require("undici/lib/dispatcher/agent.js") as typeof UndiciAgent;
type Agent = UndiciAgent;
/** undici's request(), which its index puts on every dispatcher: called with the dispatcher as `this`. */
export const dispatcherRequest = require("undici/lib/api/api-request.js") as (
  this: Dispatcher,
  options: Dispatcher.RequestOptions,
) => Promise<Dispatcher.ResponseData>;

/** Statuses whose Response cannot carry a body. */
const NULL_BODY = new Set([204, 205, 304]);

export interface KeepAliveFetch {
  fetch: webApi.FetchFunction;
  /**
   * Close the pool: requests in flight get up to `graceMs` to finish, then their connections are destroyed.
   * A later request opens a new pool (the app can be started again).
   */
  close(graceMs?: number): Promise<void>;
}

export function keepAliveFetch(fallback: webApi.FetchFunction = globalThis.fetch): KeepAliveFetch {
  let pool: Agent | undefined;
  /** Requests in flight (until their body is read), and who waits for them to end. */
  let active = 0;
  let idle: (() => void) | null = null;
  const dispatcherNow = (): Agent => {
    pool ??= new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
    return pool;
  };

  const fetch: webApi.FetchFunction = async (url, init = {}) => {
    if (init.body !== undefined && typeof init.body !== "string") return fallback(url, init);
    const signal = init.signal;
    active++;
    let answer: Dispatcher.ResponseData;
    let body: ArrayBuffer;
    try {
      // What undici's request(url, options) does with a URL: its origin, and its path with the query.
      const target = new URL(String(url));
      answer = await dispatcherRequest.call(dispatcherNow(), {
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: (init.method ?? "GET").toUpperCase() as Dispatcher.HttpMethod,
        headers: (init.headers ?? {}) as Dispatcher.RequestOptions["headers"],
        body: init.body ?? null,
        ...(signal !== undefined ? { signal } : {}),
      });
      body = await answer.body.arrayBuffer();
    } catch (error) {
      throw failure(error, signal);
    } finally {
      active--;
      if (active === 0) idle?.();
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    const status = answer.statusCode;
    if (status < 200 || status > 599) {
      throw new TypeError("fetch failed", { cause: new Error(`unexpected HTTP status ${status}`) });
    }
    return new Response(NULL_BODY.has(status) ? null : body, {
      status,
      statusText: STATUS_CODES[status] ?? "",
      headers,
    });
  };

  const close = async (graceMs = 500): Promise<void> => {
    const closing = pool;
    pool = undefined;
    if (closing === undefined) return;
    if (active > 0) {
      // undici's close() would wait for them without a bound, and a destroy() after it no longer cuts them short.
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        idle = resolve;
        timer = setTimeout(resolve, graceMs);
      });
      clearTimeout(timer);
      idle = null;
    }
    await closing.destroy(new Error("CompBot is stopping: request cut short"));
  };

  return { fetch, close };
}

/** What fetch would have thrown: the abort reason, or TypeError("fetch failed") with the cause. */
function failure(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  return new TypeError("fetch failed", { cause: error });
}
