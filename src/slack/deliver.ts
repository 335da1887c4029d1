/** Sending answers through the Web API (mentions, DMs, fallbacks when there is no response_url). */
import type { webApi } from "@slack/bolt";
import type { SlackMessage } from "../render/limits.ts";

type WebClient = webApi.WebClient;

export async function postMessage(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<void> {
  await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
  });
}

export async function postEphemeral(
  client: WebClient,
  channel: string,
  user: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<void> {
  await client.chat.postEphemeral({
    channel,
    user,
    text: message.text,
    blocks: message.blocks,
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
  });
}

/** Open (or reuse) the DM with `user` and post there. Returns the DM channel id. */
export async function sendDirectMessage(
  client: WebClient,
  user: string,
  message: SlackMessage,
): Promise<string> {
  const opened = await client.conversations.open({ users: user });
  const channel = opened.channel?.id;
  if (typeof channel !== "string" || channel === "")
    throw new Error("conversations.open returned no channel id");
  await postMessage(client, channel, message);
  return channel;
}
