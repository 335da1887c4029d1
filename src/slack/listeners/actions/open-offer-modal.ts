/**
 * "Check my offer" (`compbot_offer_open`, value = `<company> <role> <region-slug>`) on a band answer: open the
 * offer modal with the guide's regions and the clicked one preselected. The modal's answer is private (see
 * ../views/offer-submission.ts); the click itself posts nothing unless the band is gone or Slack refuses.
 */
import type { ListenerDeps } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { APOLOGY, notice } from "../../messages.ts";
import { offerModal } from "../../offer-form.ts";
import { OfferButtonClick } from "../../payloads.ts";
import { type ButtonArgs, replyPrivately } from "./reply.ts";

export const BAND_GONE =
  "I could not find that band in the guides any more, so I cannot check an offer against it. Ask `/comp offer &lt;company&gt; &lt;role&gt; &lt;region&gt; base 150k` instead.";

export function openOfferModal(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      "button compbot_offer_open",
      async () => {
        const click = OfferButtonClick.parse({ body: args.body, action: args.action });
        const { answer } = deps.bot.ask(click.action.value, { surface: "slash" });
        const container = click.body.container;
        const view =
          answer.kind === "band"
            ? offerModal(answer.guide, answer.band, {
                command: `${answer.guide.company} ${answer.guide.role}`,
                user: click.body.user.id,
                ...(click.body.channel !== undefined ? { channel: click.body.channel.id } : {}),
                ...(container?.thread_ts !== undefined ? { thread: container.thread_ts } : {}),
              })
            : null;
        if (view === null) {
          await replyPrivately(args, notice(BAND_GONE));
          return;
        }
        await args.client.views.open({ trigger_id: click.body.trigger_id, view });
      },
      () => replyPrivately(args, notice(APOLOGY)),
    );
  };
}
