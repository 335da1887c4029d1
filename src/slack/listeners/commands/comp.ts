/**
 * `/comp <words>`: answered in the acknowledgement itself (one HTTP response / one Socket Mode ack, well inside
 * Slack's 3 s), always ephemeral. Scripts are ephemeral like everything else and carry no share button; the other
 * answers have "Share in channel".
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { renderBlocks } from "../../../render/blocks.ts";
import type { SlackMessage } from "../../../render/limits.ts";
import { type ListenerDeps, noteUnanswered } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { APOLOGY, notice } from "../../messages.ts";
import { SlashCommandPayload } from "../../payloads.ts";

export const COMP_COMMAND = "/comp";

export function compCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    let acked = false;
    const answerPrivately = async (message: SlackMessage): Promise<void> => {
      if (!acked) {
        acked = true;
        await ack({ response_type: "ephemeral", text: message.text, blocks: message.blocks });
      } else {
        await respond({ response_type: "ephemeral", replace_original: false, ...message });
      }
    };
    await guarded(
      deps.logger,
      COMP_COMMAND,
      async () => {
        const payload = SlashCommandPayload.parse(command);
        const reply = deps.bot.ask(payload.text, { surface: "slash" });
        await answerPrivately(renderBlocks(reply.answer, { shareable: true, offerCheck: true }));
        // After the acknowledgement, never before it.
        noteUnanswered(deps, reply);
      },
      () => answerPrivately(notice(APOLOGY)),
    );
  };
}
