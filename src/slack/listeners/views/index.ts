import type { App, ViewSubmitAction } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.ts";
import { OFFER_CALLBACK_ID } from "../../offer-form.ts";
import { OFFER_PICK_CALLBACK_ID } from "../../offer-picker.ts";
import { offerPickSubmission } from "./offer-pick-submission.ts";
import { offerSubmission } from "./offer-submission.ts";

export function register(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: OFFER_CALLBACK_ID },
    offerSubmission(deps),
  );
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: OFFER_PICK_CALLBACK_ID },
    offerPickSubmission(deps),
  );
}
