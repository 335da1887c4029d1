/**
 * Every listener, one folder per kind (commands, events, actions, views, options, shortcuts), each with a
 * `route`; one global middleware hands each request to the route that takes it (why: route.ts).
 */
import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../deps.ts";
import * as actions from "./actions/index.ts";
import * as commands from "./commands/index.ts";
import * as events from "./events/index.ts";
import * as options from "./options/index.ts";
import type { Route } from "./route.ts";
import * as shortcuts from "./shortcuts/index.ts";
import * as views from "./views/index.ts";

export function registerListeners(app: App, deps: ListenerDeps): void {
  const routes: readonly Route[] = [
    commands.route(deps),
    events.route(deps),
    actions.route(deps),
    views.route(deps),
    options.route(deps),
    shortcuts.route(deps),
  ];
  app.use(async (args) => {
    for (const route of routes) {
      const work = route(args);
      if (work !== null) return work;
    }
    // Not CompBot's: on to Bolt's own listeners (the OAuth uninstall events), if any take it.
    await args.next();
  });
}
