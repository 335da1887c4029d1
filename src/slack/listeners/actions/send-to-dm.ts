/**
 * "Send to my DMs" (`compbot_send_dm`, value = the answer's /comp words) on a private answer shown ephemerally
 * (a script, an offer check): the same answer is posted in the user's DM with CompBot (conversations.open +
 * chat.postMessage), where it lasts and reaches the phone; a short private note says so.
 */
import { renderBlocks } from "../../../render/blocks.ts";
import { sendDirectMessage } from "../../deliver.ts";
import type { ListenerDeps } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { describeError } from "../../log.ts";
import { APOLOGY, notice, SCRIPT_DM_FAILED } from "../../messages.ts";
import { ButtonClick } from "../../payloads.ts";
import { type ButtonArgs, replyPrivately } from "./reply.ts";

export const SENT_TO_DM = "Sent: you'll find this answer in your DM with CompBot.";

export function sendToDm(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      "button compbot_send_dm",
      async () => {
        const click = ButtonClick.parse({ body: args.body, action: args.action });
        const { answer } = deps.bot.ask(click.action.value, { surface: "dm" });
        const message = renderBlocks(answer, { offerCheck: true, feedback: "native", inDm: true });
        try {
          await sendDirectMessage(args.client, click.body.user.id, message);
        } catch (error) {
          deps.logger.warn(`button compbot_send_dm: the DM failed: ${describeError(error)}`);
          await replyPrivately(args, notice(SCRIPT_DM_FAILED));
          return;
        }
        await replyPrivately(args, notice(SENT_TO_DM));
      },
      () => replyPrivately(args, notice(APOLOGY)),
    );
  };
}
