/**
 * `app_home_opened`: someone opened CompBot's App Home.
 * - tab "messages" (the agent DM): suggested prompts pinned to the top of the tab
 *   (`assistant.threads.setSuggestedPrompts` with the DM's channel id, no thread), each a real question on a guide
 *   from the loaded catalogue;
 * - tab "home": the Home view is published for that user (see ../../home.ts).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { suggestedPrompts } from "../../../answers/catalogue.ts";
import type { ListenerDeps } from "../../deps.ts";
import { publishHome } from "../../home.ts";
import { describeError } from "../../log.ts";
import { AppHomeOpenedEvent } from "../../payloads.ts";

type Args = SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs;

export const PROMPTS_TITLE = "Ask about a band, an offer, a level or a script";

export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, client }: Args): Promise<void> => {
    const parsed = AppHomeOpenedEvent.safeParse(event);
    if (!parsed.success) {
      deps.logger.warn(
        `app_home_opened ignored: unexpected payload (${parsed.error.issues[0]?.path.join(".")})`,
      );
      return;
    }
    const opened = parsed.data;
    try {
      if (opened.tab === "messages") {
        await client.assistant.threads.setSuggestedPrompts({
          channel_id: opened.channel,
          title: PROMPTS_TITLE,
          prompts: suggestedPrompts(deps.bot.guides),
        });
        return;
      }
      await publishHome(deps, client, opened.user, {});
    } catch (error) {
      // Nothing to apologise in: the user only opened a tab. One line, and the tab works as before.
      deps.logger.error(`app_home_opened (${opened.tab}) failed: ${describeError(error)}`);
    }
  };
}
