import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.ts";
import { matches, type Route } from "../route.ts";
import { appHomeOpened } from "./app-home-opened.ts";
import { appMention } from "./app-mention.ts";
import { directMessage } from "./direct-message.ts";

type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/** The events CompBot listens to. */
const EVENTS = /^(?:app_mention|message|app_home_opened)$/;

/**
 * Mentions, messages and App Home opens, dispatching on the event's type (Bolt: `app.event(EVENTS)`; see
 * ../route.ts). "message.im" is not a name Bolt accepts: a DM is a "message" with channel_type "im".
 */
export function route(deps: ListenerDeps): Route {
  const mention = appMention(deps);
  const message = directMessage(deps);
  const home = appHomeOpened(deps);
  return (args) => {
    if (!("event" in args) || !args.event || !matches(args.event.type, EVENTS)) return null;
    switch (args.event.type) {
      case "app_mention":
        return mention(args as EventArgs<"app_mention">);
      case "message":
        return message(args as EventArgs<"message">);
      default:
        return home(args as EventArgs<"app_home_opened">);
    }
  };
}
