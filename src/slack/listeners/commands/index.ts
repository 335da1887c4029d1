import type { ListenerDeps } from "../../deps.ts";
import type { Route } from "../route.ts";
import { COMP_COMMAND, compCommand } from "./comp.ts";

/** `/comp` (Bolt: `app.command("/comp")`). */
export function route(deps: ListenerDeps): Route {
  const comp = compCommand(deps);
  return (args) =>
    (args as { command?: { command?: unknown } }).command?.command === COMP_COMMAND
      ? comp(args as unknown as Parameters<typeof comp>[0])
      : null;
}
