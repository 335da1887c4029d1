/**
 * `@CompBot <question>` in a channel: answered in the thread (thread_ts = the mention's thread_ts or ts). The
 * thread remembers its company and role, so "@CompBot and London?" works as a follow-up. Scripts never go in the
 * channel: they are sent by DM, with an ephemeral note in the thread saying so.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Reply } from "../../../bot.ts";
import { renderBlocks } from "../../../render/blocks.ts";
import { postEphemeral, postMessage, sendDirectMessage } from "../../deliver.ts";
import { conversationKey, type ListenerDeps, noteUnanswered } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { describeError } from "../../log.ts";
import { APOLOGY, isPrivateAnswer, notice, SCRIPT_SENT_BY_DM } from "../../messages.ts";
import { AppMentionEvent } from "../../payloads.ts";
import { questionFromSlackText } from "../../text.ts";

type Args = SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs;

export function appMention(deps: ListenerDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    const parsed = AppMentionEvent.safeParse(event);
    if (!parsed.success) {
      deps.logger.warn(`app_mention ignored: unexpected payload (${parsed.error.issues[0]?.path.join(".")})`);
      return;
    }
    const mention = parsed.data;
    if (mention.bot_id !== undefined) return; // other bots: never start a bot-to-bot loop
    const threadTs = mention.thread_ts ?? mention.ts;
    const key = conversationKey("thread", context.teamId, mention.channel, threadTs);

    await guarded(
      deps.logger,
      "app_mention",
      async () => {
        const question = questionFromSlackText(mention.text, context.botUserId);
        const reply = deps.bot.ask(question, {
          surface: "mention",
          context: await deps.store.getContext(key),
        });
        // Stored before answering: a follow-up in the thread (maybe at another replica) comes after the answer.
        await deps.store.setContext(key, reply.context);
        noteUnanswered(deps, reply);
        if (isPrivateAnswer(reply.answer)) {
          await sendScriptPrivately(deps, { client, context }, mention, threadTs, reply);
          return;
        }
        await postMessage(
          client,
          mention.channel,
          renderBlocks(reply.answer, { offerCheck: true }),
          threadTs,
        );
      },
      () => postMessage(client, mention.channel, notice(APOLOGY), threadTs),
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
  const message = renderBlocks(reply.answer);
  let dmChannel: string;
  try {
    dmChannel = await sendDirectMessage(client, mention.user, message);
  } catch (error) {
    deps.logger.warn(`app_mention: could not DM the script, answering ephemerally: ${describeError(error)}`);
    await postEphemeral(client, mention.channel, mention.user, message, threadTs);
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
