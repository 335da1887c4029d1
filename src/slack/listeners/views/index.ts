import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.ts";
import { OFFER_CALLBACK_ID } from "../../offer-form.ts";
import { OFFER_PICK_CALLBACK_ID } from "../../offer-picker.ts";
import { matches, type Route } from "../route.ts";
import { offerPickSubmission } from "./offer-pick-submission.ts";
import { offerSubmission } from "./offer-submission.ts";

const CALLBACKS = new RegExp(`^(?:${OFFER_CALLBACK_ID}|${OFFER_PICK_CALLBACK_ID})$`);

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Both modals' submissions, dispatching on callback_id (Bolt: `app.view({ type: "view_submission",
 * callback_id })`; see ../route.ts).
 */
export function route(deps: ListenerDeps): Route {
  const offer = offerSubmission(deps);
  const pick = offerPickSubmission(deps);
  return (args) => {
    const view = (args as { view?: { callback_id?: unknown } }).view;
    if (!view || args.body.type !== "view_submission" || !matches(view.callback_id, CALLBACKS)) return null;
    return view.callback_id === OFFER_CALLBACK_ID
      ? offer(args as unknown as Args)
      : pick(args as unknown as Args);
  };
}
