/** Every listener, one folder per kind (commands, events, actions, views, options, shortcuts), each with `register`. */
import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../deps.ts";
import * as actions from "./actions/index.ts";
import * as commands from "./commands/index.ts";
import * as events from "./events/index.ts";
import * as options from "./options/index.ts";
import * as shortcuts from "./shortcuts/index.ts";
import * as views from "./views/index.ts";

export function registerListeners(app: App, deps: ListenerDeps): void {
  commands.register(app, deps);
  events.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
  options.register(app, deps);
  shortcuts.register(app, deps);
}
