/**
 * A follow-up button (`compbot_run_<n>`, value = /comp words: another region, the script, a "did you mean"
 * candidate) or select (`compbot_run_select`: many regions, the list's companies): run it and answer the clicker privately, leaving the original message as it was (in a thread: in
 * that thread).
 */
import { renderBlocks } from "../../../render/blocks.ts";
import type { ListenerDeps } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { APOLOGY, notice } from "../../messages.ts";
import { Interaction } from "../../surface-payloads.ts";
import { type ButtonArgs, clickedInDm, replyPrivately } from "./reply.ts";

export function runFollowUp(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      "button compbot_run",
      async () => {
        const click = Interaction.parse({ body: args.body, action: args.action });
        // A button carries the /comp words in its value, a select (regions, companies) in the picked option.
        const words = click.action.value ?? click.action.selected_option?.value;
        if (words === undefined) throw new Error("the follow-up carries no /comp words");
        const { answer } = deps.bot.ask(words, { surface: "slash" });
        // In a DM with CompBot the reply is a message in the thread: nothing to share, nothing to send by DM.
        const inDm = clickedInDm(args);
        await replyPrivately(
          args,
          renderBlocks(answer, {
            shareable: !inDm,
            offerCheck: true,
            feedback: inDm ? "native" : "buttons",
            sendToDm: !inDm,
            inDm,
          }),
        );
      },
      () => replyPrivately(args, notice(APOLOGY)),
    );
  };
}
