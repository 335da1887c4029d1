/** What every listener gets: the core, a logger and the store (conversation memory, unanswered questions). */
import type { Logger } from "@slack/bolt";
import type { CompBotApi, Reply } from "../bot.ts";
import { CONVERSATION_CAPACITY } from "../store/memory.ts";
import type { Store } from "../store/types.ts";
import { unansweredText } from "../store/unanswered.ts";
import { describeError } from "./log.ts";

export { CONVERSATION_CAPACITY };

export interface ListenerDeps {
  bot: CompBotApi;
  logger: Logger;
  /** Context per conversation key (see conversationKey), event dedupe, unanswered questions. */
  store: Store;
  /** FEEDBACK_CHANNEL: where reports for the guide owners go (unset: logged at info). */
  feedbackChannel?: string;
}

export function createDeps(
  bot: CompBotApi,
  logger: Logger,
  store: Store,
  feedbackChannel?: string,
): ListenerDeps {
  return {
    bot,
    logger,
    store,
    ...(feedbackChannel !== undefined ? { feedbackChannel } : {}),
  };
}

/**
 * Count the question for guide authors when no guide answered it (normalised words only: no user, no figure).
 * Never throws and is not awaited by callers on the acknowledgement path.
 */
export function noteUnanswered(deps: ListenerDeps, reply: Pick<Reply, "query" | "answer">): void {
  const text = unansweredText(reply);
  if (text === null) return;
  deps.store.recordUnanswered(text).catch((error: unknown) => {
    deps.logger.debug(`Could not record an unanswered question: ${describeError(error)}`);
  });
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
