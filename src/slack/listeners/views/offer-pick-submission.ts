/**
 * "Next" in the guide picker modal (`compbot_offer_pick`): the modal becomes the offer form for the picked guide
 * (`response_action: "update"`), or says next to the picker what is missing.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.ts";
import {
  GUIDE_PICK,
  guideWords,
  offerModalFor,
  PICK_GUIDE_ERROR,
  readPickMetadata,
} from "../../offer-picker.ts";
import { PickSubmission } from "../../surface-payloads.ts";
import { GUIDE_GONE } from "../actions/pickers.ts";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export function offerPickSubmission(deps: ListenerDeps) {
  return async ({ ack, body }: Args): Promise<void> => {
    const parsed = PickSubmission.safeParse(body);
    if (!parsed.success) {
      await ack({ response_action: "errors", errors: { [GUIDE_PICK.blockId]: PICK_GUIDE_ERROR } });
      return;
    }
    const submission = parsed.data;
    const value =
      submission.view.state.values[GUIDE_PICK.blockId]?.[GUIDE_PICK.actionId]?.selected_option?.value;
    const words = value === undefined ? null : guideWords(value);
    if (words === null) {
      await ack({ response_action: "errors", errors: { [GUIDE_PICK.blockId]: PICK_GUIDE_ERROR } });
      return;
    }
    const meta = readPickMetadata(submission.view.private_metadata) ?? { user: submission.user.id };
    const { answer } = deps.bot.ask(words, { surface: "slash" });
    const view = offerModalFor(answer, { ...meta, user: submission.user.id });
    if (view === null) {
      await ack({ response_action: "errors", errors: { [GUIDE_PICK.blockId]: GUIDE_GONE } });
      return;
    }
    await ack({ response_action: "update", view });
  };
}
