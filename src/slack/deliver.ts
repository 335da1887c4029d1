/**
 * Sending answers through the Web API (mentions, DMs, fallbacks when there is no response_url), and the part of
 * the retry policy that keeps a retry from posting the same answer twice.
 *
 * @slack/web-api retries every failed attempt that is not an `ok:false` answer: HTTP 429 (after its Retry-After),
 * HTTP 5xx, and request errors (a timeout, a connection reset). The first two are Slack saying it did not do it,
 * so a repeat is safe. A request error is not: a chat.postMessage whose connection dropped, or that timed out,
 * after the request was sent may well have been posted, and sending it again could post it twice.
 * `retrySafeFetch` marks such a failure, and `stopUnsafeRetries` (the retry policy's onFailedAttempt) ends the
 * retries for it, unless the method only reads (SAFE_TO_REPEAT) or the connection was never made (ECONNREFUSED…).
 */
import type { webApi } from "@slack/bolt";
import type { SlackMessage } from "../render/limits.ts";

type WebClient = webApi.WebClient;

/** Web API methods that change nothing (or nothing twice), so a repeat after an unknown outcome is harmless. */
export const SAFE_TO_REPEAT: ReadonlySet<string> = new Set([
  "auth.test",
  "apps.connections.open",
  "conversations.open",
  "conversations.info",
  "users.info",
  "bots.info",
  "team.info",
]);

/** Errors that mean the connection was never made, so the request cannot have reached Slack. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** A request to a method that is unsafe to repeat failed after it may have reached Slack: do not retry it. */
export class MaybeDeliveredError extends Error {
  override readonly name = "MaybeDeliveredError";
  constructor(
    readonly method: string,
    cause: unknown,
  ) {
    super(
      `${method} may have reached Slack (${reasonOf(cause)}); not retried, so it cannot be posted twice`,
      {
        cause,
      },
    );
  }
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return "no answer in time";
  const cause: unknown = error.cause;
  const detail = cause instanceof Error ? cause.message : undefined;
  const code = codeOf(cause) ?? codeOf(error);
  return [detail ?? error.message, code].filter((x) => x !== undefined).join(", ");
}

/** True when the request certainly never left this machine (no connection was made). */
export function neverSent(error: unknown): boolean {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const code = codeOf(cause) ?? codeOf(error);
  return code !== undefined && NEVER_SENT.has(code);
}

/** The Web API method of a request URL (".../api/chat.postMessage" -> "chat.postMessage"), or null. */
export function apiMethodOf(url: string | URL, apiBase: string): string | null {
  const href = String(url);
  if (!href.startsWith(apiBase)) return null;
  const method = href.slice(apiBase.length).split(/[?#]/)[0] ?? "";
  return /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(method) ? method : null;
}

/**
 * `fetch` for every Bolt client (and respond()): a failed request to a method outside SAFE_TO_REPEAT that may
 * have been sent becomes a MaybeDeliveredError. respond() posts (not under `apiBase`) get a timeout when they
 * have none, so a stuck response_url cannot hold a request (and shutdown) forever.
 */
export function retrySafeFetch(
  apiBase: string,
  timeoutMs: number,
  base: webApi.FetchFunction = globalThis.fetch,
): webApi.FetchFunction {
  return async (url, init) => {
    const method = apiMethodOf(url, apiBase);
    const withTimeout =
      method === null && init?.signal === undefined
        ? { ...init, signal: AbortSignal.timeout(timeoutMs) }
        : init;
    try {
      return await base(url, withTimeout);
    } catch (error) {
      if (method !== null && !SAFE_TO_REPEAT.has(method) && !neverSent(error)) {
        throw new MaybeDeliveredError(method, error);
      }
      throw error;
    }
  };
}

/** The retry policy's `onFailedAttempt`: rethrowing ends the retries (see the module comment). */
export function stopUnsafeRetries(error: Error): void {
  const original: unknown = (error as Error & { original?: unknown }).original;
  if (original instanceof MaybeDeliveredError || error instanceof MaybeDeliveredError) throw error;
}

export async function postMessage(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<void> {
  await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
  });
}

export async function postEphemeral(
  client: WebClient,
  channel: string,
  user: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<void> {
  await client.chat.postEphemeral({
    channel,
    user,
    text: message.text,
    blocks: message.blocks,
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
  });
}

/** Open (or reuse) the DM with `user` and post there. Returns the DM channel id. */
export async function sendDirectMessage(
  client: WebClient,
  user: string,
  message: SlackMessage,
): Promise<string> {
  const opened = await client.conversations.open({ users: user });
  const channel = opened.channel?.id;
  if (typeof channel !== "string" || channel === "")
    throw new Error("conversations.open returned no channel id");
  await postMessage(client, channel, message);
  return channel;
}
