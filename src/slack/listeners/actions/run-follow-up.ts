/**
 * A follow-up button (`compbot_run_<n>`, value = /comp words: another region, the script, a "did you mean"
 * candidate): run it and answer the clicker privately, leaving the original message as it was.
 */
import { renderBlocks } from "../../../render/blocks.ts";
import type { ListenerDeps } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { APOLOGY, notice } from "../../messages.ts";
import { ButtonClick } from "../../payloads.ts";
import { type ButtonArgs, replyPrivately } from "./reply.ts";

export function runFollowUp(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      "button compbot_run",
      async () => {
        const click = ButtonClick.parse({ body: args.body, action: args.action });
        const { answer } = deps.bot.ask(click.action.value, { surface: "slash" });
        await replyPrivately(args, renderBlocks(answer, { shareable: true, offerCheck: true }));
      },
      () => replyPrivately(args, notice(APOLOGY)),
    );
  };
}
