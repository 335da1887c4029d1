/**
 * Every listener, one folder per kind (commands, events, actions, views, options, shortcuts), each with a
 * `route`; the app's one global middleware hands each request to the route that takes it (why: route.ts).
 */
import type { ListenerDeps } from "../deps.ts";
import * as actions from "./actions/index.ts";
import * as commands from "./commands/index.ts";
import * as events from "./events/index.ts";
import * as options from "./options/index.ts";
import type { RequestArgs, Route } from "./route.ts";
import * as shortcuts from "./shortcuts/index.ts";
import * as views from "./views/index.ts";

/**
 * The listeners' router: hands a request to the first route that takes it, or on to Bolt's own listeners
 * (`next`: the OAuth uninstall events) when none does. The app calls it from its one global middleware.
 */
export function listenerRouter(deps: ListenerDeps): (args: RequestArgs) => Promise<void> {
  const routes: readonly Route[] = [
    commands.route(deps),
    events.route(deps),
    actions.route(deps),
    views.route(deps),
    options.route(deps),
    shortcuts.route(deps),
  ];
  return async (args) => {
    for (const route of routes) {
      const work = route(args);
      if (work !== null) return work;
    }
    await args.next();
  };
}
