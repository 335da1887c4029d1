/** Payloads Slack sends for App Home, typeahead selects, shortcuts and feedback (shapes from Slack's docs). */
import { FAKE_APP_ID, FAKE_BOT_ID, FAKE_TEAM_ID, type Json } from "./fake-slack.ts";
import { nowSeconds, uniqueId } from "./signing.ts";

const USER = { id: "U0ALICE", username: "alice", name: "alice", team_id: FAKE_TEAM_ID };
const TEAM = { id: FAKE_TEAM_ID, domain: "fake" };
let counter = 0;
const ts = () => `${nowSeconds()}.${String(++counter).padStart(6, "0")}`;

export function appHomeOpenedEvent(
  tab: "home" | "messages",
  f: { user?: string; channel?: string } = {},
): Json {
  return {
    type: "app_home_opened",
    user: f.user ?? "U0ALICE",
    channel: f.channel ?? "D0ALICE",
    tab,
    event_ts: ts(),
  };
}

/** A Home view or a modal as Slack echoes it back in payloads. */
export function viewState(
  type: "home" | "modal",
  f: { id?: string; privateMetadata?: string; callbackId?: string; values?: Json } = {},
): Json {
  return {
    id: f.id ?? (type === "home" ? "V0HOME" : "V0MODAL"),
    team_id: FAKE_TEAM_ID,
    type,
    blocks: [],
    private_metadata: f.privateMetadata ?? "",
    callback_id: f.callbackId ?? "",
    state: { values: f.values ?? {} },
    hash: "1700000000.hash",
    app_id: FAKE_APP_ID,
    bot_id: FAKE_BOT_ID,
  };
}

export function blockSuggestionPayload(actionId: string, value: string, view?: Json): Json {
  return {
    type: "block_suggestion",
    user: USER,
    container: view ? { type: "view", view_id: view.id } : { type: "message" },
    api_app_id: FAKE_APP_ID,
    token: "deprecated-verification-token",
    action_id: actionId,
    block_id: "pickers",
    value,
    team: TEAM,
    ...(view ? { view } : {}),
  };
}

/** A pick in an external_select inside a view (Home or modal). */
export function viewSelectPayload(
  view: Json,
  actionId: string,
  option: { value: string; text: string },
): Json {
  return {
    type: "block_actions",
    user: USER,
    api_app_id: FAKE_APP_ID,
    token: "deprecated-verification-token",
    container: { type: "view", view_id: view.id },
    trigger_id: uniqueId("trigger."),
    team: TEAM,
    view,
    actions: [
      {
        type: "external_select",
        action_id: actionId,
        block_id: "pickers",
        selected_option: {
          text: { type: "plain_text", text: option.text, emoji: true },
          value: option.value,
        },
        action_ts: ts(),
      },
    ],
  };
}

/** A click on a button inside a view (Home or modal). */
export function viewButtonPayload(view: Json, actionId: string, value: string): Json {
  return {
    type: "block_actions",
    user: USER,
    api_app_id: FAKE_APP_ID,
    token: "deprecated-verification-token",
    container: { type: "view", view_id: view.id },
    trigger_id: uniqueId("trigger."),
    team: TEAM,
    view,
    actions: [
      {
        type: "button",
        action_id: actionId,
        block_id: "b",
        text: { type: "plain_text", text: "Button" },
        value,
        action_ts: ts(),
      },
    ],
  };
}

/** A click on a message: a button, a static select option, or a feedback_buttons element. */
export function messageActionPayload(f: {
  action: Json;
  channel?: string;
  threadTs?: string;
  messageTs?: string;
  responseUrl?: string;
  user?: string;
}): Json {
  const channel = f.channel ?? "C0GENERAL";
  return {
    type: "block_actions",
    user: { ...USER, id: f.user ?? USER.id },
    api_app_id: FAKE_APP_ID,
    token: "deprecated-verification-token",
    container: {
      type: "message",
      message_ts: f.messageTs ?? ts(),
      channel_id: channel,
      is_ephemeral: false,
      ...(f.threadTs !== undefined ? { thread_ts: f.threadTs } : {}),
    },
    trigger_id: uniqueId("trigger."),
    team: TEAM,
    channel: { id: channel, name: "general" },
    ...(f.responseUrl !== undefined ? { response_url: f.responseUrl } : {}),
    actions: [{ action_ts: ts(), block_id: "b", ...f.action }],
  };
}

export function globalShortcutPayload(callbackId: string): Json {
  return {
    type: "shortcut",
    token: "deprecated-verification-token",
    action_ts: ts(),
    team: TEAM,
    user: USER,
    is_enterprise_install: false,
    callback_id: callbackId,
    trigger_id: uniqueId("trigger."),
  };
}

export function messageShortcutPayload(callbackId: string, text: string, responseUrl?: string): Json {
  const messageTs = ts();
  return {
    type: "message_action",
    token: "deprecated-verification-token",
    action_ts: ts(),
    team: TEAM,
    user: USER,
    channel: { id: "C0OFFERS", name: "offers" },
    is_enterprise_install: false,
    callback_id: callbackId,
    trigger_id: uniqueId("trigger."),
    message_ts: messageTs,
    message: { type: "message", user: "U0BOB", ts: messageTs, text },
    ...(responseUrl !== undefined ? { response_url: responseUrl } : {}),
  };
}

export function pickSubmissionPayload(view: Json, selected: string | null): Json {
  return {
    type: "view_submission",
    team: TEAM,
    user: USER,
    api_app_id: FAKE_APP_ID,
    token: "deprecated-verification-token",
    trigger_id: uniqueId("trigger."),
    view: {
      ...view,
      id: "V0PICK",
      state: {
        values: {
          offer_pick_guide: {
            offer_pick_guide_select: {
              type: "external_select",
              selected_option:
                selected === null ? null : { text: { type: "plain_text", text: selected }, value: selected },
            },
          },
        },
      },
    },
  };
}
