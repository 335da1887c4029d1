import type { App, BlockAction } from "@slack/bolt";
import { OFFER_OPEN_ACTION_ID, RUN_ACTION_PREFIX, SHARE_ACTION_ID } from "../../../render/blocks.ts";
import type { ListenerDeps } from "../../deps.ts";
import { openOfferModal } from "./open-offer-modal.ts";
import { runFollowUp } from "./run-follow-up.ts";
import { shareAnswer } from "./share-answer.ts";

const RUN_ACTION = new RegExp(`^${RUN_ACTION_PREFIX}\\d+$`);

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>({ type: "block_actions", action_id: RUN_ACTION }, runFollowUp(deps));
  app.action<BlockAction>({ type: "block_actions", action_id: SHARE_ACTION_ID }, shareAnswer(deps));
  app.action<BlockAction>({ type: "block_actions", action_id: OFFER_OPEN_ACTION_ID }, openOfferModal(deps));
}
