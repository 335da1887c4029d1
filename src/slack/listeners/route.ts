/**
 * How requests reach the listeners. Bolt runs every registered listener's filter chain for every request, each
 * step with a fresh copy of the request's arguments: with one listener per kind (six), a `/comp` spent more CPU
 * in the five filters it did not match than in being answered (README, Performance). So the listeners are not
 * registered with Bolt one by one: each kind gives a `Route`, and one global middleware hands the request to
 * the first route that takes it. A route takes exactly what Bolt's own filters for its registration would
 * (`onlyCommands` + `matchCommandName`, `onlyActions` + `matchConstraints`…). A request no route takes goes on
 * to Bolt's listeners (the OAuth uninstall events), then, as before, unanswered.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from "@slack/bolt";

export type RequestArgs = AnyMiddlewareArgs & AllMiddlewareArgs;

/** A kind's listeners: the work for a request of theirs, or null when the request is not theirs. */
export type Route = (args: RequestArgs) => Promise<void> | null;

/** The typeahead selects' action_ids: the App Home's pickers and the offer modal's guide picker. */
export const PICKER_ACTION = /^(?:home_pick_|offer_pick_)/;

/** Whether `value` is a string that matches `pattern` (an id Slack sent, against the ids a route takes). */
export function matches(value: unknown, pattern: RegExp): boolean {
  return typeof value === "string" && pattern.test(value);
}
