/**
 * The Web API methods the fake Slack answers, as a registry: each method says which token it takes, which
 * arguments Slack requires, what else Slack checks, and how it answers. A new method joins with one
 * `defineMethod(...)` call (in its own file under tests/support/fake-slack/, imported from fake-slack.ts).
 *
 * Checks run in Slack's order: the token (`not_authed` when missing, `not_allowed_token_type` for the wrong
 * kind, `invalid_auth` when it is not the workspace's), then the required arguments, then `check`.
 * Error codes are the ones Slack documents for each method.
 */
import { modalViolations } from "../modal-limits.ts";
import { messageError } from "../slack-limits.ts";

export type Json = Record<string, unknown>;

export interface MethodContext {
  body: Json;
  token: string | null;
  /** A new message timestamp ("1700000001.000100"). */
  nextTs(): string;
  /** A new Socket Mode URL with a fresh one-time ticket. */
  newSocketUrl(): string;
}

export interface RequiredArgument {
  /** The call needs at least one of these arguments (non-empty). */
  anyOf: readonly string[];
  /** What Slack answers when none is given. */
  error: string;
}

export interface MethodSpec {
  /** "bot" (xoxb-), "app" (xapp-), or "none" (client credentials in the body, e.g. oauth.v2.access). */
  token: "bot" | "app" | "none";
  required?: readonly RequiredArgument[];
  /** Further checks on the arguments: an error code refuses the call. */
  check?: (body: Json) => string | null;
  answer: (ctx: MethodContext) => Json;
}

const METHODS = new Map<string, MethodSpec>();

export function defineMethod(name: string, spec: MethodSpec): void {
  METHODS.set(name, spec);
}

export function methodSpec(name: string): MethodSpec | undefined {
  return METHODS.get(name);
}

const arg = (error: string, ...anyOf: string[]): RequiredArgument => ({ anyOf, error });

function present(v: unknown): boolean {
  if (v === undefined || v === null || v === "") return false;
  return !(Array.isArray(v) && v.length === 0);
}

/** The tokens the workspace accepts (undefined: any token of the right kind). */
export interface TokenPolicy {
  botToken?: string;
  appToken?: string;
}

/** Slack's answer to a call, or null when the method does not exist. */
export function answerCall(name: string, ctx: MethodContext, tokens: TokenPolicy): Json | null {
  const spec = METHODS.get(name);
  if (!spec) return null;
  const refuse = (error: string): Json => ({ ok: false, error });
  if (spec.token !== "none") {
    const { token } = ctx;
    if (token === null || token === "") return refuse("not_authed");
    const kind = token.startsWith("xapp-") ? "app" : token.startsWith("xoxb-") ? "bot" : "other";
    if (kind !== spec.token) return refuse(kind === "other" ? "invalid_auth" : "not_allowed_token_type");
    const expected = spec.token === "bot" ? tokens.botToken : tokens.appToken;
    if (expected !== undefined && token !== expected) return refuse("invalid_auth");
  }
  for (const req of spec.required ?? []) {
    if (!req.anyOf.some((a) => present(ctx.body[a]))) return refuse(req.error);
  }
  const error = spec.check?.(ctx.body);
  if (error) return refuse(error);
  return spec.answer(ctx);
}

// ---------------------------------------------------------------------------------------------------------------
// The methods CompBot calls today.
// ---------------------------------------------------------------------------------------------------------------

export const FAKE_TEAM_ID = "T0TEAM";
export const FAKE_BOT_USER_ID = "U0COMPBOT";
export const FAKE_BOT_ID = "B0COMPBOT";
export const FAKE_APP_ID = "A0COMPBOT";

defineMethod("auth.test", {
  token: "bot",
  answer: () => ({
    ok: true,
    url: "https://fake.slack.test/",
    team: "Fake Team",
    user: "compbot",
    team_id: FAKE_TEAM_ID,
    user_id: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
  }),
});

const MESSAGE = arg("no_text", "text", "blocks", "attachments");

defineMethod("chat.postMessage", {
  token: "bot",
  required: [arg("channel_not_found", "channel"), MESSAGE],
  check: (body) => messageError(body),
  answer: ({ body, nextTs }) => {
    const ts = nextTs();
    return {
      ok: true,
      channel: body.channel,
      ts,
      message: { type: "message", text: body.text, bot_id: FAKE_BOT_ID, ts },
    };
  },
});

defineMethod("chat.postEphemeral", {
  token: "bot",
  required: [arg("channel_not_found", "channel"), arg("user_not_in_channel", "user"), MESSAGE],
  check: (body) => messageError(body),
  answer: ({ nextTs }) => ({ ok: true, message_ts: nextTs() }),
});

defineMethod("conversations.open", {
  token: "bot",
  required: [arg("users_list_not_supplied", "users", "channel")],
  answer: ({ body }) => {
    const users = typeof body.users === "string" ? body.users : "";
    return { ok: true, channel: { id: `D${users.replace(/^U/, "")}` } };
  },
});

defineMethod("views.open", {
  token: "bot",
  required: [
    arg("invalid_arguments", "trigger_id", "interactivity_pointer"),
    arg("invalid_arguments", "view"),
  ],
  check: (body) => {
    const view = typeof body.view === "string" ? safeParse(body.view) : body.view;
    return modalViolations(view).length > 0 ? "invalid_arguments" : null;
  },
  answer: () => ({ ok: true, view: { id: "V0FAKE" } }),
});

defineMethod("apps.connections.open", {
  token: "app",
  answer: ({ newSocketUrl }) => ({ ok: true, url: newSocketUrl() }),
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
