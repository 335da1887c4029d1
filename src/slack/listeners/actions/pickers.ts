/**
 * Picks in the typeahead selects (block_actions from an `external_select`):
 * - App Home (`home_pick_company` / `_role` / `_region`): the Home view is published again with the pick, and
 *   with the band once a region is picked;
 * - the offer modal's guide picker (`offer_pick_guide_select`): the modal becomes the offer modal for that guide
 *   (views.update, with the view's hash so a stale update is refused by Slack rather than overwriting).
 * And the buttons that start an offer check from nothing (`compbot_offer_start`: Home, help): the guide picker.
 */
import type { PickOption } from "../../../answers/catalogue.ts";
import { HOME_PICK, type HomeSelection } from "../../../render/blocks/home.ts";
import { renderBlocks } from "../../../render/blocks.ts";
import type { ListenerDeps } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { publishHome, readHomeMetadata } from "../../home.ts";
import { APOLOGY, notice } from "../../messages.ts";
import {
  GUIDE_PICK,
  guidePickerModal,
  guideWords,
  offerModalFor,
  readPickMetadata,
} from "../../offer-picker.ts";
import { Interaction } from "../../surface-payloads.ts";
import { type ButtonArgs, replyPrivately } from "./reply.ts";

export const GUIDE_GONE =
  "That guide is not in the catalogue any more. Pick another one, or ask `/comp list` to see them all.";

function picked(click: Interaction): PickOption | null {
  const option = click.action.selected_option;
  return option ? { value: option.value, label: option.text.text } : null;
}

/** A pick in the Home view's company, role or region select. */
export function homePick(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      `home ${args.action.action_id.slice(0, 40)}`,
      async () => {
        const click = Interaction.parse({ body: args.body, action: args.action });
        const user = click.body.user.id;
        const before = readHomeMetadata(click.body.view?.private_metadata);
        const pick = picked(click);
        let selection: HomeSelection = before;
        if (click.action.action_id === HOME_PICK.company) selection = pick ? { company: pick } : {};
        else if (click.action.action_id === HOME_PICK.role) {
          selection = {
            ...(before.company ? { company: before.company } : {}),
            ...(pick ? { role: pick } : {}),
          };
        } else if (click.action.action_id === HOME_PICK.region && pick && before.company && before.role) {
          selection = { ...before, region: pick };
          const { answer } = deps.bot.ask(`${before.company.value} ${before.role.value} ${pick.value}`, {
            surface: "slash",
          });
          await publishHome(
            deps,
            args.client,
            user,
            selection,
            renderBlocks(answer, { offerCheck: true, feedback: "buttons", surface: "home" }),
          );
          return;
        }
        await publishHome(deps, args.client, user, selection);
      },
      () => replyPrivately(args, notice(APOLOGY)),
    );
  };
}

/** A follow-up button clicked inside the Home view: the answer replaces the one shown there. */
export function homeFollowUp(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      "home follow-up",
      async () => {
        const click = Interaction.parse({ body: args.body, action: args.action });
        const words = click.action.value ?? click.action.selected_option?.value ?? "";
        const { answer } = deps.bot.ask(words, { surface: "slash" });
        const selection = readHomeMetadata(click.body.view?.private_metadata);
        await publishHome(
          deps,
          args.client,
          click.body.user.id,
          selection,
          renderBlocks(answer, { offerCheck: true, feedback: "buttons", surface: "home" }),
        );
      },
      () => replyPrivately(args, notice(APOLOGY)),
    );
  };
}

/** "Check an offer" without a band to start from: the guide picker modal. */
export function offerStart(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      "button compbot_offer_start",
      async () => {
        const click = Interaction.parse({ body: args.body, action: args.action });
        const trigger = click.body.trigger_id;
        if (trigger === undefined) throw new Error("the click has no trigger_id");
        const channel = click.body.channel?.id;
        const thread = click.body.container?.thread_ts;
        await args.client.views.open({
          trigger_id: trigger,
          view: guidePickerModal({
            user: click.body.user.id,
            ...(channel !== undefined ? { channel } : {}),
            ...(thread !== undefined ? { thread } : {}),
          }),
        });
      },
      () => replyPrivately(args, notice(APOLOGY)),
    );
  };
}

/** A guide picked in the offer modal: the modal becomes the offer form for that guide. */
export function offerGuidePick(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      `modal ${GUIDE_PICK.actionId}`,
      async () => {
        const click = Interaction.parse({ body: args.body, action: args.action });
        const view = click.body.view;
        const pick = picked(click);
        if (view?.id === undefined || pick === null) return;
        // The picker's metadata, or the offer form's once the modal became one (the same user and channel).
        const meta = readPickMetadata(view.private_metadata) ?? { user: click.body.user.id };
        const words = guideWords(pick.value);
        const answer = words === null ? null : deps.bot.ask(words, { surface: "slash" }).answer;
        const next = answer === null ? null : offerModalFor(answer, { ...meta, user: click.body.user.id });
        await args.client.views.update({
          view_id: view.id,
          ...(view.hash !== undefined ? { hash: view.hash } : {}),
          view: next ?? guidePickerModal({ ...meta, note: GUIDE_GONE }),
        });
      },
      async () => undefined,
    );
  };
}
