/**
 * Answer -> Slack Block Kit message. Every guide or user string placed in mrkdwn goes through escapeMrkdwn
 * (or markdownToMrkdwn for guide prose); plain_text (headers, button labels) is left raw (see escape.ts).
 *
 * Conventions the Slack listeners rely on:
 * - follow-up buttons: action_id `compbot_run_<n>` (n = 0, 1, … unique), value = the follow-up's /comp words;
 * - "Share in channel": action_id `compbot_share`, value = answer.command; only when `shareable` is set, only on
 *   band, regions, level, level-lookup, company, role and catalog answers (never on scripts or offer checks);
 * - `sharedBy` (a Slack user id) adds "Shared by <@U…>" when it looks like a user id;
 * - "Check my offer": action_id `compbot_offer_open`, value = `<company> <role> <region-slug>`; only when
 *   `offerCheck` is set, only on band answers (it opens the offer modal, whose answer is private).
 * - feedback (`compbot_feedback*`, `compbot_report_outdated`) and "Send to my DMs" (`compbot_send_dm`): see
 *   blocks/feedback.ts.
 */
import type { KnownBlock } from "@slack/types";
import type { Answer } from "../answers/types.ts";
import { band, regions } from "./blocks/band.ts";
import { catalog, company, role } from "./blocks/catalog.ts";
import { choose } from "./blocks/choose.ts";
import type { RenderOptions } from "./blocks/common.ts";
import { feedbackBlocks } from "./blocks/feedback.ts";
import { freshness } from "./blocks/freshness.ts";
import { help } from "./blocks/help.ts";
import { level, levelLookup } from "./blocks/level.ts";
import { notFound, regionNotFound } from "./blocks/not-found.ts";
import { offer } from "./blocks/offer.ts";
import { script } from "./blocks/script.ts";
import { oneLine, summaryText } from "./describe.ts";
import { escapeMrkdwn as e } from "./escape.ts";
import { finalizeMessage, type SlackMessage, sectionBlock, truncate } from "./limits.ts";

export {
  MAX_RUN_BUTTONS,
  OFFER_BUTTON_TEXT,
  OFFER_OPEN_ACTION_ID,
  type RenderOptions,
  RUN_ACTION_PREFIX,
  SHARE_ACTION_ID,
  SHARE_BUTTON_TEXT,
} from "./blocks/common.ts";

function blocksFor(answer: Answer, options: RenderOptions, keep: Set<KnownBlock>): KnownBlock[] {
  switch (answer.kind) {
    case "band":
      return band(answer, options);
    case "regions":
      return regions(answer, options);
    case "company":
      return company(answer, options);
    case "role":
      return role(answer, options);
    case "catalog":
      return catalog(answer, options);
    case "script":
      return script(answer, options, keep);
    case "level":
      return level(answer, options);
    case "level-lookup":
      return levelLookup(answer, options);
    case "not-found":
      return notFound(answer, options);
    case "region-not-found":
      return regionNotFound(answer, options);
    case "help":
      return help(answer, options);
    case "offer":
      return offer(answer, options, keep);
    case "freshness":
      return freshness(answer, options);
    case "choose":
      return choose(answer, options);
    default:
      return unknownKind(answer);
  }
}

/** Runtime guard for a kind this renderer does not know yet (typed `never`: tsc flags a new kind here). */
function unknownKind(answer: never): KnownBlock[] {
  const kind = oneLine((answer as { kind?: unknown }).kind) || "unknown";
  return [sectionBlock(`CompBot cannot show this answer here yet (kind “${e(truncate(kind, 50))}”).`)];
}

/**
 * Messages already rendered, per answer and options: an answer the core kept for a question asked again
 * (CompBot.ask) renders once. Entries go with their answer. The messages are frozen, since callers share them.
 */
const rendered = new WeakMap<Answer, Map<string, SlackMessage>>();
/** Option sets kept per answer ("Shared by" differs per person, so shares could otherwise add without end). */
const RENDERINGS_PER_ANSWER = 8;

/** Render an answer as a Slack message (blocks + escaped top-level `text`), within Block Kit limits. */
export function renderBlocks(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const key = JSON.stringify(options);
  const renderings = rendered.get(answer) ?? new Map<string, SlackMessage>();
  const kept = renderings.get(key);
  if (kept) return kept;
  const message = deepFreeze(render(answer, options));
  if (renderings.size === 0) rendered.set(answer, renderings);
  if (renderings.size < RENDERINGS_PER_ANSWER) renderings.set(key, message);
  return message;
}

/**
 * Freezes a message and everything in it. Primitives are returned before any call on them, and children are
 * visited in place (Object.values built an array for every object; scratch: 7.7-9.4 us a message, now 4.3-5.8).
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

function render(answer: Answer, options: RenderOptions): SlackMessage {
  const keep = new Set<KnownBlock>();
  const blocks = blocksFor(answer, options, keep);
  // Feedback and "Send to my DMs" come last and survive any cut made to fit Slack's limits.
  const feedback = feedbackBlocks(answer, options);
  for (const b of feedback) keep.add(b);
  blocks.push(...feedback);
  return finalizeMessage(e(summaryText(answer)), blocks, "CompBot answer", keep);
}
