/**
 * "Share in channel" (`compbot_share`, value = the answer's /comp words): post the same answer visibly, saying
 * who shared it. Scripts are never shared: the clicker gets the script privately with a note instead.
 */
import { renderBlocks } from "../../../render/blocks.ts";
import type { ListenerDeps } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { APOLOGY, isPrivateReply, notice, SCRIPT_NOT_SHARED, withNote } from "../../messages.ts";
import { ButtonClick } from "../../payloads.ts";
import { type ButtonArgs, replyInChannel, replyPrivately } from "./reply.ts";

export function shareAnswer(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      "button compbot_share",
      async () => {
        const click = ButtonClick.parse({ body: args.body, action: args.action });
        const reply = deps.bot.ask(click.action.value, { surface: "slash" });
        const { answer } = reply;
        if (isPrivateReply(reply)) {
          await replyPrivately(
            args,
            withNote(renderBlocks(answer, { feedback: "buttons", sendToDm: true }), SCRIPT_NOT_SHARED),
          );
          return;
        }
        await replyInChannel(
          args,
          renderBlocks(answer, {
            shareable: false,
            sharedBy: click.body.user.id,
            offerCheck: true,
            feedback: "buttons",
          }),
        );
      },
      () => replyPrivately(args, notice(APOLOGY)),
    );
  };
}
