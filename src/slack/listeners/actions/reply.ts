/** Answering a button click: privately to the clicker, or visibly in the channel (sharing). */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackMessage } from "../../../render/limits.ts";
import { postEphemeral, postMessage } from "../../deliver.ts";

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Where a click came from, read defensively (used for fallbacks and apologies even when validation failed). */
function origin(body: BlockAction): { user?: string; channel?: string; threadTs?: string } {
  const container: { thread_ts?: unknown } = body.container ?? {};
  return {
    user: body.user?.id,
    channel: body.channel?.id,
    threadTs: typeof container.thread_ts === "string" ? container.thread_ts : undefined,
  };
}

/** Only the clicker sees it: response_url (ephemeral, the original message untouched), else chat.postEphemeral. */
export async function replyPrivately(args: ButtonArgs, message: SlackMessage): Promise<void> {
  if (typeof args.respond === "function" && args.body.response_url) {
    await args.respond({ response_type: "ephemeral", replace_original: false, ...message });
    return;
  }
  const { user, channel, threadTs } = origin(args.body);
  if (user === undefined || channel === undefined)
    throw new Error("click has neither response_url nor channel");
  await postEphemeral(args.client, channel, user, message, threadTs);
}

/** Everyone in the channel sees it: response_url with response_type in_channel, else chat.postMessage. */
export async function replyInChannel(args: ButtonArgs, message: SlackMessage): Promise<void> {
  if (typeof args.respond === "function" && args.body.response_url) {
    await args.respond({ response_type: "in_channel", replace_original: false, ...message });
    return;
  }
  const { channel, threadTs } = origin(args.body);
  if (channel === undefined) throw new Error("click has neither response_url nor channel");
  await postMessage(args.client, channel, message, threadTs);
}
