/**
 * A DM to CompBot (`message` with channel_type "im"): a private conversation with the same answers, scripts in
 * full. Bot messages, edits, deletions and every other subtype are ignored.
 *
 * Agent messaging experience: the answer goes in the thread of the user's message (thread_ts = its thread_ts or
 * ts), with a status ("is looking that up…", Bolt's `setStatus`) while it is built. A thread remembers its
 * company and role; a new top-level message starts from what the DM talked about last.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { renderBlocks } from "../../../render/blocks.ts";
import { postMessage } from "../../deliver.ts";
import { conversationKey, type ListenerDeps, noteUnanswered } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { describeError } from "../../log.ts";
import { APOLOGY, notice } from "../../messages.ts";
import { type MessageEvent as DirectMessage, MessageEvent } from "../../payloads.ts";
import { questionFromSlackText } from "../../text.ts";

type Args = SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs;

/** A person's new message in a DM with the app: not a bot, not an edit or deletion, not any other subtype. */
export function isPersonDirectMessage(m: DirectMessage, botUserId?: string): boolean {
  return (
    m.channel_type === "im" &&
    m.subtype === undefined &&
    m.bot_id === undefined &&
    m.user !== undefined &&
    m.user !== botUserId
  );
}

export const DM_STATUS = "is looking that up in the guides…";

export function directMessage(deps: ListenerDeps) {
  return async ({ event, client, context, setStatus }: Args): Promise<void> => {
    const parsed = MessageEvent.safeParse(event);
    if (!parsed.success) {
      deps.logger.debug(`message ignored: unexpected payload (${parsed.error.issues[0]?.path.join(".")})`);
      return;
    }
    const message = parsed.data;
    if (!isPersonDirectMessage(message, context.botUserId)) return;
    const threadTs = message.thread_ts ?? message.ts;
    const dmKey = conversationKey("dm", context.teamId, message.channel);
    const threadKey = conversationKey("thread", context.teamId, message.channel, threadTs);

    await guarded(
      deps.logger,
      "message.im",
      async () => {
        try {
          await setStatus?.({ status: DM_STATUS });
        } catch (error) {
          // Only the "working on it" hint is missing; the answer still comes.
          deps.logger.warn(`message.im: could not set the status: ${describeError(error)}`);
        }
        const question = questionFromSlackText(message.text ?? "", context.botUserId);
        const known = (await deps.store.getContext(threadKey)) ?? (await deps.store.getContext(dmKey));
        const reply = deps.bot.ask(question, { surface: "dm", context: known });
        await deps.store.setContext(threadKey, reply.context);
        await deps.store.setContext(dmKey, reply.context);
        noteUnanswered(deps, reply);
        await postMessage(
          client,
          message.channel,
          renderBlocks(reply.answer, { offerCheck: true, feedback: "native", inDm: true }),
          threadTs,
        );
      },
      () => postMessage(client, message.channel, notice(APOLOGY), threadTs),
    );
  };
}
