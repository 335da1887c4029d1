import { RUN_SELECT_ACTION_ID } from "../../../render/blocks/common.ts";
import {
  FEEDBACK_ACTION_ID,
  FEEDBACK_DOWN_ACTION_ID,
  FEEDBACK_UP_ACTION_ID,
  REPORT_ACTION_ID,
  SEND_DM_ACTION_ID,
} from "../../../render/blocks/feedback.ts";
import { OFFER_START_ACTION_ID } from "../../../render/blocks/home.ts";
import { OFFER_OPEN_ACTION_ID, RUN_ACTION_PREFIX, SHARE_ACTION_ID } from "../../../render/blocks.ts";
import type { ListenerDeps } from "../../deps.ts";
import { GUIDE_PICK } from "../../offer-picker.ts";
import { matches, PICKER_ACTION, type Route } from "../route.ts";
import { feedback } from "./feedback.ts";
import { openOfferModal } from "./open-offer-modal.ts";
import { homeFollowUp, homePick, offerGuidePick, offerStart } from "./pickers.ts";
import type { ButtonArgs } from "./reply.ts";
import { runFollowUp } from "./run-follow-up.ts";
import { sendToDm } from "./send-to-dm.ts";
import { shareAnswer } from "./share-answer.ts";

/** The action_ids CompBot's buttons and selects carry. */
const OURS = new RegExp(`^compbot_|${PICKER_ACTION.source}`);
const RUN_ACTION = new RegExp(`^${RUN_ACTION_PREFIX}\\d+$`);
const FEEDBACK_ACTIONS = new Set([
  FEEDBACK_ACTION_ID,
  FEEDBACK_UP_ACTION_ID,
  FEEDBACK_DOWN_ACTION_ID,
  REPORT_ACTION_ID,
]);

/**
 * Every CompBot button and select, dispatching on action_id (Bolt: `app.action({ type: "block_actions",
 * action_id: OURS })`; see ../route.ts for why it is a route).
 */
export function route(deps: ListenerDeps): Route {
  const run = runFollowUp(deps);
  const share = shareAnswer(deps);
  const offer = openOfferModal(deps);
  const thanks = feedback(deps);
  const dm = sendToDm(deps);
  const start = offerStart(deps);
  const inHome = homeFollowUp(deps);
  const home = homePick(deps);
  const guide = offerGuidePick(deps);
  const handle = async (args: ButtonArgs): Promise<void> => {
    const id = args.action.action_id;
    if (PICKER_ACTION.test(id)) return id === GUIDE_PICK.actionId ? guide(args) : home(args);
    if (RUN_ACTION.test(id) || id === RUN_SELECT_ACTION_ID) {
      return args.body.view?.type === "home" ? inHome(args) : run(args);
    }
    if (id === SHARE_ACTION_ID) return share(args);
    if (id === OFFER_OPEN_ACTION_ID) return offer(args);
    if (FEEDBACK_ACTIONS.has(id)) return thanks(args);
    if (id === SEND_DM_ACTION_ID) return dm(args);
    if (id === OFFER_START_ACTION_ID) return start(args);
    // A button from an older CompBot version: acknowledged, so the user sees no error, and logged.
    await args.ack();
    deps.logger.warn(`Button ${id.slice(0, 80)} is not one CompBot knows; ignored`);
  };
  // Of the actions (block_actions, interactive_message, dialog_submission, workflow_step_edit), only a
  // block_actions payload has an action_id.
  return (args) =>
    "action" in args && args.action && matches((args.payload as { action_id?: unknown }).action_id, OURS)
      ? handle(args as ButtonArgs)
      : null;
}
