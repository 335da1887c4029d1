/**
 * `@CompBot <question>` in a channel: answered in the thread (thread_ts = the mention's thread_ts or ts). The
 * thread remembers its company and role, so "@CompBot and London?" works as a follow-up. Scripts never go in the
 * channel: they are sent by DM, with an ephemeral note in the thread saying so.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Reply } from "../../../bot.ts";
import { renderBlocks } from "../../../render/blocks.ts";
import { eventIdOf } from "../../dedupe.ts";
import { postEphemeral, postMessage, sendDirectMessage } from "../../deliver.ts";
import { conversationKey, type ListenerDeps, noteUnanswered } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { describeError } from "../../log.ts";
import { APOLOGY, isPrivateReply, notice, SCRIPT_SENT_BY_DM } from "../../messages.ts";
import { AppMentionEvent } from "../../payloads.ts";
import { questionFromSlackText } from "../../text.ts";

type Args = SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs;

export function appMention(deps: ListenerDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    const parsed = AppMentionEvent.safeParse(event);
    if (!parsed.success) {
      deps.logger.warn(`app_mention ignored: unexpected payload (${parsed.error.issues[0]?.path.join(".")})`);
      return;
    }
    const mention = parsed.data;
    if (mention.bot_id !== undefined) return; // other bots: never start a bot-to-bot loop
    const threadTs = mention.thread_ts ?? mention.ts;
    const key = conversationKey("thread", context.teamId, mention.channel, threadTs);
    const eventId = eventIdOf(body);
    let claimed = false;
    const skipped = (): void =>
      deps.logger.debug(`Skipping event ${eventId}: already handled (retry ${context.retryNum ?? "?"})`);

    await guarded(
      deps.logger,
      "app_mention",
      async () => {
        const question = questionFromSlackText(mention.text, context.botUserId);
        // A mention outside a thread starts a new one (keyed by its own ts): nothing can be stored for it yet, so
        // the store is not asked (one round trip less per mention with PostgreSQL).
        const previous = mention.thread_ts === undefined ? undefined : await deps.store.getContext(key);
        const reply = deps.bot.ask(question, { surface: "mention", context: previous });
        // The event is claimed here, not by the dedupe middleware (CLAIMED_BY_LISTENER), together with the thread's
        // context: one store call. Stored before answering: a follow-up in the thread (maybe at another replica)
        // comes after the answer. A retry of an event already claimed (here or by another replica) stops here.
        claimed = eventId === null || (await deps.store.claimEvent(eventId, { key, context: reply.context }));
        if (!claimed) return skipped();
        if (eventId === null) await deps.store.setContext(key, reply.context);
        noteUnanswered(deps, reply);
        if (isPrivateReply(reply)) {
          await sendScriptPrivately(deps, { client, context }, mention, threadTs, reply);
          return;
        }
        await postMessage(
          client,
          mention.channel,
          renderBlocks(reply.answer, { offerCheck: true, feedback: "native" }),
          threadTs,
        );
      },
      async () => {
        // Failed before its claim (no answer was built): claim now, so that a retry does not apologise again.
        if (!claimed && eventId !== null && !(await deps.store.claimEvent(eventId))) return skipped();
        await postMessage(client, mention.channel, notice(APOLOGY), threadTs);
      },
    );
  };
}

/** DM the script and say so ephemerally in the thread; if the DM fails, show the script ephemerally instead. */
async function sendScriptPrivately(
  deps: ListenerDeps,
  { client, context }: Pick<Args, "client" | "context">,
  mention: AppMentionEvent,
  threadTs: string,
  reply: Pick<Reply, "answer" | "context">,
): Promise<void> {
  const answer = reply.answer;
  let dmChannel: string;
  try {
    const inDm = renderBlocks(answer, { feedback: "native", inDm: true });
    dmChannel = await sendDirectMessage(client, mention.user, inDm);
  } catch (error) {
    deps.logger.warn(`app_mention: could not DM the script, answering ephemerally: ${describeError(error)}`);
    await postEphemeral(
      client,
      mention.channel,
      mention.user,
      renderBlocks(answer, { feedback: "buttons" }),
      threadTs,
    );
    return;
  }
  // A follow-up in the DM continues from the same guide.
  await deps.store.setContext(conversationKey("dm", context.teamId, dmChannel), reply.context);
  try {
    await postEphemeral(client, mention.channel, mention.user, notice(SCRIPT_SENT_BY_DM), threadTs);
  } catch (error) {
    // The script arrived; only the pointer to it is missing. No apology in the thread.
    deps.logger.warn(
      `app_mention: script sent by DM, but the note in the channel failed: ${describeError(error)}`,
    );
  }
}
