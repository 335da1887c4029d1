/** Answering a button click: privately to the clicker, or visibly in the channel (sharing). */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackMessage } from "../../../render/limits.ts";
import { postEphemeral, postMessage, sendDirectMessage } from "../../deliver.ts";

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

/** A DM with CompBot (its channel ids start with D): everything said there is private already. */
export function isDirectMessageChannel(channel: string | undefined): boolean {
  return channel?.startsWith("D") === true;
}

/** The click came from a message in a DM with CompBot. */
export function clickedInDm(args: ButtonArgs): boolean {
  return isDirectMessageChannel(origin(args.body).channel);
}

/**
 * Only the clicker sees it. In a thread: chat.postEphemeral in that thread (a response_url reply would land in
 * the channel, outside the thread); in a thread of a DM with CompBot: a message in that thread, which lasts.
 * Elsewhere: response_url (ephemeral, the original message untouched), else chat.postEphemeral; without a channel
 * (App Home, a modal): a DM.
 */
export async function replyPrivately(args: ButtonArgs, message: SlackMessage): Promise<void> {
  const { user, channel, threadTs } = origin(args.body);
  if (threadTs !== undefined && channel !== undefined && user !== undefined) {
    if (isDirectMessageChannel(channel)) await postMessage(args.client, channel, message, threadTs);
    else await postEphemeral(args.client, channel, user, message, threadTs);
    return;
  }
  if (typeof args.respond === "function" && args.body.response_url) {
    await args.respond({ response_type: "ephemeral", replace_original: false, ...message });
    return;
  }
  if (user !== undefined && channel === undefined) {
    await sendDirectMessage(args.client, user, message);
    return;
  }
  if (user === undefined || channel === undefined)
    throw new Error("click has neither response_url nor channel");
  await postEphemeral(args.client, channel, user, message, threadTs);
}

/**
 * Everyone in the channel sees it: in a thread, chat.postMessage in that thread; elsewhere response_url with
 * response_type in_channel, else chat.postMessage.
 */
export async function replyInChannel(args: ButtonArgs, message: SlackMessage): Promise<void> {
  const here = origin(args.body);
  if (here.threadTs !== undefined && here.channel !== undefined) {
    await postMessage(args.client, here.channel, message, here.threadTs);
    return;
  }
  if (typeof args.respond === "function" && args.body.response_url) {
    await args.respond({ response_type: "in_channel", replace_original: false, ...message });
    return;
  }
  const { channel, threadTs } = here;
  if (channel === undefined) throw new Error("click has neither response_url nor channel");
  await postMessage(args.client, channel, message, threadTs);
}
