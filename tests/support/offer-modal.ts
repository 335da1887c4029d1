/** `view_submission` payloads for the offer modal, built from the view CompBot opened (tests). */
import { OFFER_INPUTS, type OfferField } from "../../src/slack/offer-form.ts";
import { FAKE_APP_ID, FAKE_BOT_ID, FAKE_TEAM_ID, type Json } from "./fake-slack.ts";
import { uniqueId } from "./signing.ts";

export type { OfferField };

export interface SubmitOptions {
  user?: string;
  region?: string;
  metadata?: string;
}

/** A view_submission of `view` with these inputs (empty inputs arrive as null, as Slack sends them). */
export function viewSubmissionPayload(
  view: Json,
  fields: Partial<Record<OfferField, string>>,
  options: SubmitOptions = {},
): Json {
  const values: Record<string, Record<string, Json>> = {
    [OFFER_INPUTS.region.blockId]: {
      [OFFER_INPUTS.region.actionId]: {
        type: "static_select",
        selected_option: {
          text: { type: "plain_text", text: options.region ?? "London", emoji: true },
          value: options.region ?? "london",
        },
      },
    },
  };
  for (const f of ["base", "stock", "vest", "bonus", "signing"] as const) {
    const { blockId, actionId } = OFFER_INPUTS[f];
    values[blockId] = { [actionId]: { type: "plain_text_input", value: fields[f] ?? null } };
  }
  return {
    type: "view_submission",
    team: { id: FAKE_TEAM_ID, domain: "fake" },
    user: { id: options.user ?? "U0ALICE", username: "alice", name: "alice", team_id: FAKE_TEAM_ID },
    api_app_id: FAKE_APP_ID,
    token: "deprecated-verification-token",
    trigger_id: uniqueId("trigger."),
    view: {
      id: "V0FAKE",
      team_id: FAKE_TEAM_ID,
      type: "modal",
      blocks: view.blocks,
      private_metadata: options.metadata ?? view.private_metadata,
      callback_id: view.callback_id,
      state: { values },
      hash: "1700000000.abcdef",
      title: view.title,
      close: view.close,
      submit: view.submit,
      previous_view_id: null,
      root_view_id: "V0FAKE",
      app_id: FAKE_APP_ID,
      bot_id: FAKE_BOT_ID,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
