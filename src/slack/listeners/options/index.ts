/**
 * `block_suggestion`: what to show in a typeahead select as the user types. Options come from the catalogue's
 * pickers (src/answers/catalogue.ts: an index search, never the whole catalogue) and are cut to Slack's 100 a
 * response. The Home view's metadata says which company (and role) the role and region pickers are for.
 */
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import type { PlainTextOption } from "@slack/types";
import {
  type PickOption,
  pickCompanies,
  pickGuides,
  pickRegions,
  pickRoles,
} from "../../../answers/catalogue.ts";
import { HOME_PICK, pickOption } from "../../../render/blocks/home.ts";
import type { ListenerDeps } from "../../deps.ts";
import { readHomeMetadata } from "../../home.ts";
import { describeError } from "../../log.ts";
import { GUIDE_PICK } from "../../offer-picker.ts";
import { Suggestion } from "../../surface-payloads.ts";
import { matches, PICKER_ACTION, type Route } from "../route.ts";

/** Slack shows at most 100 options from one response. */
export const MAX_OPTIONS = 100;

type Args = SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs;

function optionsFor(deps: ListenerDeps, s: Suggestion): PickOption[] {
  const guides = deps.bot.guides;
  if (s.action_id === GUIDE_PICK.actionId) return pickGuides(guides, s.value, MAX_OPTIONS);
  if (s.action_id === HOME_PICK.company) return pickCompanies(guides, s.value, MAX_OPTIONS);
  const home = readHomeMetadata(s.view?.private_metadata);
  if (home.company === undefined) return [];
  if (s.action_id === HOME_PICK.role) return pickRoles(guides, home.company.value, s.value, MAX_OPTIONS);
  if (s.action_id === HOME_PICK.region && home.role !== undefined) {
    return pickRegions(guides, home.company.value, home.role.value, s.value, MAX_OPTIONS);
  }
  return [];
}

/** The typeahead selects' options (Bolt: `app.options({ type: "block_suggestion", action_id })`; see ../route.ts). */
export function route(deps: ListenerDeps): Route {
  const handle = async ({ ack, body }: Args): Promise<void> => {
    let options: PlainTextOption[] = [];
    try {
      const parsed = Suggestion.safeParse(body);
      if (parsed.success) {
        options = optionsFor(deps, parsed.data)
          .map(pickOption)
          .filter((o): o is PlainTextOption => o !== null)
          .slice(0, MAX_OPTIONS);
      } else {
        deps.logger.warn(
          `block_suggestion ignored: unexpected payload (${parsed.error.issues[0]?.path.join(".")})`,
        );
      }
    } catch (error) {
      deps.logger.error(`block_suggestion failed: ${describeError(error)}`);
    }
    // Always answered (an empty list shows "No results"), well inside Slack's 3 s.
    await ack({ options });
  };
  // Of the options requests (block_suggestion, and the legacy menus and dialogs), only a block_suggestion has
  // an action_id.
  return (args) =>
    "options" in args &&
    args.options &&
    matches((args.payload as { action_id?: unknown }).action_id, PICKER_ACTION)
      ? handle(args as Args)
      : null;
}
