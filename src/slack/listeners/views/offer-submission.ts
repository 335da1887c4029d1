/**
 * The offer modal's submission (`view_submission`, callback_id `compbot_offer`). Bad input keeps the modal
 * open with an error next to each field (`response_action: "errors"`); good input closes it and the offer check
 * is answered privately: ephemerally in the channel the button was clicked in, else (not in it, no channel) by DM.
 * Never posted in a channel. The figures are neither logged nor kept.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from "@slack/bolt";
import { renderBlocks } from "../../../render/blocks.ts";
import type { SlackMessage } from "../../../render/limits.ts";
import { postEphemeral, sendDirectMessage } from "../../deliver.ts";
import type { ListenerDeps } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { describeError } from "../../log.ts";
import { APOLOGY, notice } from "../../messages.ts";
import { OFFER_INPUTS, OfferModalMetadata, offerQuestion, readOfferForm } from "../../offer-form.ts";
import { ViewSubmission } from "../../payloads.ts";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export const FORM_EXPIRED =
  "This form could not be read any more. Close it and click “Check my offer” again.";

/** Who gets the answer, and the channel (and thread) to answer in ephemerally when there is one. */
interface Target {
  user: string;
  channel?: string;
  thread?: string;
}

function readMetadata(raw: string): OfferModalMetadata | null {
  try {
    const parsed = OfferModalMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Ephemeral in the originating channel when possible (the user is in it), else a DM. Never a channel post. */
async function answerPrivately(
  deps: ListenerDeps,
  client: webApi.WebClient,
  target: Target,
  message: SlackMessage,
  inDm: SlackMessage = message,
): Promise<void> {
  if (target.channel !== undefined) {
    try {
      await postEphemeral(client, target.channel, target.user, message, target.thread);
      return;
    } catch (error) {
      deps.logger.info(
        `view compbot_offer: no ephemeral reply possible, sending by DM: ${describeError(error)}`,
      );
    }
  }
  await sendDirectMessage(client, target.user, inDm);
}

export function offerSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    const parsed = ViewSubmission.safeParse(body);
    if (!parsed.success) {
      await ack();
      deps.logger.warn(
        `view_submission ignored: unexpected payload (${parsed.error.issues[0]?.path.join(".")})`,
      );
      return;
    }
    const submission = parsed.data;
    const metadata = readMetadata(submission.view.private_metadata);
    if (metadata === null) {
      await ack({ response_action: "errors", errors: { [OFFER_INPUTS.region.blockId]: FORM_EXPIRED } });
      return;
    }
    const read = readOfferForm(submission.view.state.values);
    if (!read.ok) {
      await ack({ response_action: "errors", errors: read.errors });
      return;
    }
    await ack();

    const user = submission.user.id;
    // The channel is only used for the person who clicked the button (the submitter is the same person).
    const target: Target =
      metadata.user === user ? { user, channel: metadata.channel, thread: metadata.thread } : { user };
    await guarded(
      deps.logger,
      "view compbot_offer",
      async () => {
        const { answer } = deps.bot.ask(offerQuestion(metadata.command, read.form), { surface: "dm" });
        // Ephemeral: "Send to my DMs" keeps it; in the DM itself: Slack's feedback buttons, nothing to send.
        await answerPrivately(
          deps,
          client,
          target,
          renderBlocks(answer, { feedback: "buttons", sendToDm: true }),
          renderBlocks(answer, { feedback: "native", inDm: true }),
        );
      },
      () => answerPrivately(deps, client, target, notice(APOLOGY)),
    );
  };
}
