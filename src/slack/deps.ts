/** What every listener gets: the core, a logger and the conversation memory. */
import type { Logger } from "@slack/bolt";
import type { CompBotApi } from "../bot.ts";
import type { ConversationContext } from "../questions/types.ts";
import { LruMap } from "./lru.ts";

/** Threads (mentions) and DM channels remembered at most; the least recently used are forgotten first. */
export const CONVERSATION_CAPACITY = 5_000;

export interface ListenerDeps {
  bot: CompBotApi;
  logger: Logger;
  /** Context per conversation key (see conversationKey). */
  conversations: LruMap<string, ConversationContext>;
  /** FEEDBACK_CHANNEL: where reports for the guide owners go (unset: logged at info). */
  feedbackChannel?: string;
  /** Feedback already thanked for (`<user>:<message>:<verdict>`), so a second click does not thank again. */
  thanked: LruMap<string, true>;
}

export function createDeps(
  bot: CompBotApi,
  logger: Logger,
  capacity = CONVERSATION_CAPACITY,
  feedbackChannel?: string,
): ListenerDeps {
  return {
    bot,
    logger,
    conversations: new LruMap(capacity),
    thanked: new LruMap(capacity),
    ...(feedbackChannel !== undefined ? { feedbackChannel } : {}),
  };
}

/** A thread in a channel (`thread:<team>:<channel>:<thread_ts>`) or a whole DM (`dm:<team>:<channel>`). */
export function conversationKey(
  kind: "thread" | "dm",
  team: string | undefined,
  channel: string,
  threadTs?: string,
): string {
  return kind === "thread"
    ? `thread:${team ?? "-"}:${channel}:${threadTs ?? "-"}`
    : `dm:${team ?? "-"}:${channel}`;
}
