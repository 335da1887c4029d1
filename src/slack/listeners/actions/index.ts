import type { App, BlockAction } from "@slack/bolt";
import { OFFER_OPEN_ACTION_ID, RUN_ACTION_PREFIX, SHARE_ACTION_ID } from "../../../render/blocks.ts";
import type { ListenerDeps } from "../../deps.ts";
import { openOfferModal } from "./open-offer-modal.ts";
import type { ButtonArgs } from "./reply.ts";
import { runFollowUp } from "./run-follow-up.ts";
import { shareAnswer } from "./share-answer.ts";

const RUN_ACTION = new RegExp(`^${RUN_ACTION_PREFIX}\\d+$`);

/**
 * One Bolt listener for every CompBot button, dispatching on action_id: Bolt runs each listener's filters on
 * every request, so one listener instead of three is less work for every /comp and mention too.
 */
export function register(app: App, deps: ListenerDeps): void {
  const run = runFollowUp(deps);
  const share = shareAnswer(deps);
  const offer = openOfferModal(deps);
  app.action<BlockAction>({ type: "block_actions", action_id: /^compbot_/ }, async (args: ButtonArgs) => {
    const id = args.action.action_id;
    if (RUN_ACTION.test(id)) return run(args);
    if (id === SHARE_ACTION_ID) return share(args);
    if (id === OFFER_OPEN_ACTION_ID) return offer(args);
    // A button from an older CompBot version: acknowledged, so the user sees no error, and logged.
    await args.ack();
    deps.logger.warn(`Button ${id.slice(0, 80)} is not one CompBot knows; ignored`);
  });
}
