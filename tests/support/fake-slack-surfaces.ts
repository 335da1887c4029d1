/**
 * The fake Slack's answers for the surfaces beyond messages: App Home (views.publish), modal updates
 * (views.update) and the agent DM (assistant.threads.setSuggestedPrompts, assistant.threads.setStatus).
 * Registered from fake-slack.ts. Each method checks the bot token and the arguments Slack documents as required
 * (docs.slack.dev/reference/methods/<method>), answering `not_authed` / `invalid_auth` / `invalid_arguments` as
 * Slack does, so a call that Slack would refuse fails here too.
 */
import type { Json } from "./fake-slack.ts";

export interface SurfaceCallContext {
  /** The token of the call (Bearer header or `token` field), or null. */
  token: string | null;
  /** The token is the bot token the fake was started with (or the fake checks none). */
  botOk: boolean;
}

type Answer = (body: Json, ctx: SurfaceCallContext) => Json;

const isRec = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/** Slack's limits for the views these methods take (Block Kit reference, "Views"). */
const HOME_MAX_BLOCKS = 100;
const MODAL_MAX_BLOCKS = 100;
const MAX_PROMPTS = 4;

function invalid(...problems: string[]): Json {
  return { ok: false, error: "invalid_arguments", response_metadata: { messages: problems } };
}

/** not_authed without a token, invalid_auth with a wrong one; null when the bot token is right. */
function authError(ctx: SurfaceCallContext): Json | null {
  if (ctx.token === null || ctx.token === "") return { ok: false, error: "not_authed" };
  if (!ctx.botOk) return { ok: false, error: "invalid_auth" };
  return null;
}

function viewProblems(view: unknown, type: "home" | "modal"): string[] {
  if (!isRec(view)) return ["[ERROR] missing required field: view"];
  const out: string[] = [];
  if (view.type !== type) out.push(`[ERROR] view.type must be ${type}`);
  if (!Array.isArray(view.blocks)) out.push("[ERROR] missing required field: view.blocks");
  else {
    const max = type === "home" ? HOME_MAX_BLOCKS : MODAL_MAX_BLOCKS;
    if (view.blocks.length > max)
      out.push(`[ERROR] no more than ${max} items allowed [json-pointer:/view/blocks]`);
  }
  if (type === "modal" && !isRec(view.title)) out.push("[ERROR] missing required field: view.title");
  return out;
}

let views = 0;

export const SURFACE_METHODS: Readonly<Record<string, Answer>> = {
  "views.publish": (body, ctx) => {
    const auth = authError(ctx);
    if (auth) return auth;
    const problems = [
      ...(nonEmpty(body.user_id) ? [] : ["[ERROR] missing required field: user_id"]),
      ...viewProblems(body.view, "home"),
    ];
    if (problems.length > 0) return invalid(...problems);
    return { ok: true, view: { id: `V0HOME${++views}`, type: "home", hash: `hash.${views}` } };
  },
  "views.update": (body, ctx) => {
    const auth = authError(ctx);
    if (auth) return auth;
    const problems = viewProblems(body.view, "modal");
    if (!nonEmpty(body.view_id) && !nonEmpty(body.external_id)) {
      problems.push("[ERROR] either view_id or external_id is required");
    }
    if (problems.length > 0) return invalid(...problems);
    return { ok: true, view: { id: body.view_id ?? `V0EXT${++views}`, type: "modal" } };
  },
  "assistant.threads.setSuggestedPrompts": (body, ctx) => {
    const auth = authError(ctx);
    if (auth) return auth;
    const problems: string[] = [];
    if (!nonEmpty(body.channel_id)) problems.push("[ERROR] missing required field: channel_id");
    const prompts = body.prompts;
    if (!Array.isArray(prompts) || prompts.length === 0) {
      problems.push("[ERROR] missing required field: prompts");
    } else {
      if (prompts.length > MAX_PROMPTS) problems.push(`[ERROR] no more than ${MAX_PROMPTS} prompts`);
      prompts.forEach((p, i) => {
        if (!isRec(p) || !nonEmpty(p.title) || !nonEmpty(p.message)) {
          problems.push(`[ERROR] prompts[${i}] needs a title and a message`);
        }
      });
    }
    if (problems.length > 0) return invalid(...problems);
    return { ok: true };
  },
  "assistant.threads.setStatus": (body, ctx) => {
    const auth = authError(ctx);
    if (auth) return auth;
    const problems: string[] = [];
    if (!nonEmpty(body.channel_id)) problems.push("[ERROR] missing required field: channel_id");
    if (!nonEmpty(body.thread_ts)) problems.push("[ERROR] missing required field: thread_ts");
    // An empty status clears it; the field itself is required.
    if (typeof body.status !== "string") problems.push("[ERROR] missing required field: status");
    if (problems.length > 0) return invalid(...problems);
    return { ok: true };
  },
};
