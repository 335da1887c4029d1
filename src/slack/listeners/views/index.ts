import type { App, ViewSubmitAction } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.ts";
import { OFFER_CALLBACK_ID } from "../../offer-form.ts";
import { OFFER_PICK_CALLBACK_ID } from "../../offer-picker.ts";
import { offerPickSubmission } from "./offer-pick-submission.ts";
import { offerSubmission } from "./offer-submission.ts";

/** One Bolt listener for both modals' submissions, dispatching on callback_id (see actions/index.ts for why). */
export function register(app: App, deps: ListenerDeps): void {
  const offer = offerSubmission(deps);
  const pick = offerPickSubmission(deps);
  app.view<ViewSubmitAction>(
    {
      type: "view_submission",
      callback_id: new RegExp(`^(?:${OFFER_CALLBACK_ID}|${OFFER_PICK_CALLBACK_ID})$`),
    },
    async (args) => (args.view.callback_id === OFFER_CALLBACK_ID ? offer(args) : pick(args)),
  );
}
