import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.ts";
import { appHomeOpened } from "./app-home-opened.ts";
import { appMention } from "./app-mention.ts";
import { directMessage } from "./direct-message.ts";

type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/** The events CompBot listens to. Bolt rejects "message.im" as a name: a DM is a "message" with channel_type "im". */
const EVENTS = /^(?:app_mention|message|app_home_opened)$/;

/**
 * One Bolt listener for the three events, dispatching on the event's type: Bolt runs every listener's filters
 * on every request (a /comp included), so one listener costs less than three (see actions/index.ts).
 */
export function register(app: App, deps: ListenerDeps): void {
  const mention = appMention(deps);
  const message = directMessage(deps);
  const home = appHomeOpened(deps);
  app.event(EVENTS, async (args: EventArgs<string>) => {
    switch (args.event.type) {
      case "app_mention":
        return mention(args as EventArgs<"app_mention">);
      case "message":
        return message(args as EventArgs<"message">);
      case "app_home_opened":
        return home(args as EventArgs<"app_home_opened">);
    }
  });
}
