import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.ts";
import { COMP_COMMAND, compCommand } from "./comp.ts";

export function register(app: App, deps: ListenerDeps): void {
  app.command(COMP_COMMAND, compCommand(deps));
}
