/**
 * The few messages CompBot writes itself (apologies and notes). Answers are rendered by src/render/blocks.ts;
 * these use the same Block Kit builders so they respect the same limits.
 */
import type { Answer } from "../answers/types.ts";
import type { Query } from "../questions/types.ts";
import { escapeMrkdwn } from "../render/escape.ts";
import {
  contextBlock,
  finalizeMessage,
  MAX_BLOCKS,
  type SlackMessage,
  sectionBlock,
} from "../render/limits.ts";

export const APOLOGY =
  "Sorry, something went wrong while answering that. Please try again in a moment, or ask `/comp help`.";
export const SCRIPT_SENT_BY_DM =
  "Negotiation scripts and offer checks are private, so I sent this answer to you in a direct message.";
export const SCRIPT_NOT_SHARED =
  "Negotiation scripts and offer checks stay private, so I did not share this in the channel. Here it is, just for you.";
export const SCRIPT_DM_FAILED =
  "Negotiation scripts and offer checks are private and I could not open a direct message with you. Try `/comp` with the same words: the answer is only visible to you.";

/** Answers only the asker may see: never posted in a channel or thread, never shared. */
export function isPrivateAnswer(answer: Answer): boolean {
  return answer.kind === "script" || answer.kind === "offer";
}

/**
 * A reply only the asker may see: a private answer, or one whose buttons and example carry an offer's (or pay's)
 * figures ("Which region is the offer for?", "Which guide should I check your offer against?"). A "not found"
 * for such a question names no figure and may stay in the thread.
 */
export function isPrivateReply(reply: { query: Pick<Query, "offer">; answer: Answer }): boolean {
  if (isPrivateAnswer(reply.answer)) return true;
  if (reply.query.offer === null) return false;
  const { answer } = reply;
  if (answer.kind === "region-not-found") return answer.followUps.some((f) => f.kind === "offer");
  if (answer.kind === "choose") return answer.options.some((o) => o.kind === "offer");
  return false;
}

/** A one-section message. `mrkdwn` is trusted text written here (not user input). */
export function notice(mrkdwn: string): SlackMessage {
  return finalizeMessage(mrkdwn, [sectionBlock(mrkdwn)], "CompBot");
}

/** An answer with a note above it (the note is dropped if the answer already fills the block budget). */
export function withNote(message: SlackMessage, note: string): SlackMessage {
  if (message.blocks.length >= MAX_BLOCKS) return message;
  return finalizeMessage(`${escapeMrkdwn(note)} ${message.text}`, [contextBlock([note]), ...message.blocks]);
}
