/**
 * A DM to CompBot (`message` with channel_type "im"): a private conversation with the same answers, scripts in
 * full. Bot messages, edits, deletions and every other subtype are ignored; the DM channel remembers its context.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { renderBlocks } from "../../../render/blocks.ts";
import { postMessage } from "../../deliver.ts";
import { conversationKey, type ListenerDeps, noteUnanswered } from "../../deps.ts";
import { guarded } from "../../guard.ts";
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

export function directMessage(deps: ListenerDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    const parsed = MessageEvent.safeParse(event);
    if (!parsed.success) {
      deps.logger.debug(`message ignored: unexpected payload (${parsed.error.issues[0]?.path.join(".")})`);
      return;
    }
    const message = parsed.data;
    if (!isPersonDirectMessage(message, context.botUserId)) return;
    const key = conversationKey("dm", context.teamId, message.channel);

    await guarded(
      deps.logger,
      "message.im",
      async () => {
        const question = questionFromSlackText(message.text ?? "", context.botUserId);
        const reply = deps.bot.ask(question, { surface: "dm", context: await deps.store.getContext(key) });
        await deps.store.setContext(key, reply.context);
        noteUnanswered(deps, reply);
        await postMessage(
          client,
          message.channel,
          renderBlocks(reply.answer, { offerCheck: true }),
          message.thread_ts,
        );
      },
      () => postMessage(client, message.channel, notice(APOLOGY), message.thread_ts),
    );
  };
}
