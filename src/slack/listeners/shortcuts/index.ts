/**
 * Shortcuts (manifest `features.shortcuts`):
 * - global "Check an offer" (`compbot_check_offer`): the offer modal, with the guide chosen inside it;
 * - message "Check this offer" (`compbot_check_this_offer`): the message's words go to the same reader as
 *   `/comp offer` (the core, `offer <message text>`). When the company, role, region and figures are all there the
 *   offer check is answered privately (ephemeral through the shortcut's response_url, else by DM); otherwise the
 *   modal opens with what was read filled in.
 * The figures are neither logged nor kept.
 */
import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { Query } from "../../../questions/types.ts";
import { renderBlocks } from "../../../render/blocks.ts";
import { z } from "../../../runtime/zod.ts";
import { sendDirectMessage } from "../../deliver.ts";
import type { ListenerDeps } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { APOLOGY, notice } from "../../messages.ts";
import { guidePickerModal, offerModalFor, type PickMetadata, type Prefill } from "../../offer-picker.ts";
import { GlobalShortcutPayload, MessageShortcutPayload } from "../../surface-payloads.ts";
import { questionFromSlackText } from "../../text.ts";
import { matches, type Route } from "../route.ts";

export const CHECK_OFFER_CALLBACK_ID = "compbot_check_offer";
export const CHECK_THIS_OFFER_CALLBACK_ID = "compbot_check_this_offer";
export const NOTHING_READ =
  "I couldn't find a company and role I have a guide for in that message. Pick the guide here, then add the figures.";
export const PARTLY_READ =
  "I filled in what I could read from the message. Check it, add what is missing, then submit.";

type Args = SlackShortcutMiddlewareArgs & AllMiddlewareArgs;

/** The figures of a parsed offer, as typed, read defensively (the reader's shape is not this module's). */
const ReadFigures = z
  .object({
    base: z.object({ text: z.string() }).nullish(),
    stock: z.object({ text: z.string() }).nullish(),
    bonusPct: z.number().nullish(),
    bonusAmount: z.object({ text: z.string() }).nullish(),
    signing: z.object({ text: z.string() }).nullish(),
    vestYears: z.number().nullish(),
    vestGiven: z.boolean().nullish(),
  })
  .loose();

function prefillOf(query: Query): Prefill {
  const read = ReadFigures.safeParse(query.offer);
  if (!read.success) return {};
  const f = read.data;
  const out: Prefill = {};
  const put = (field: keyof Prefill, text: string | undefined) => {
    const t = text?.trim();
    if (t) out[field] = t.slice(0, 40);
  };
  put("base", f.base?.text);
  put("stock", f.stock?.text);
  put("bonus", f.bonusPct != null ? `${f.bonusPct}%` : f.bonusAmount?.text);
  put("signing", f.signing?.text);
  if (f.vestGiven && f.vestYears != null) put("vest", String(f.vestYears));
  return out;
}

const CALLBACKS = new RegExp(`^(?:${CHECK_OFFER_CALLBACK_ID}|${CHECK_THIS_OFFER_CALLBACK_ID})$`);

/** Both shortcuts, dispatching on callback_id (Bolt: `app.shortcut(CALLBACKS)`; see ../route.ts). */
export function route(deps: ListenerDeps): Route {
  const checkOffer = checkOfferShortcut(deps);
  const checkThisOffer = checkThisOfferShortcut(deps);
  return (args) => {
    if (!("shortcut" in args) || !args.shortcut) return null;
    const id = (args.body as { callback_id?: unknown }).callback_id;
    if (!matches(id, CALLBACKS)) return null;
    return id === CHECK_OFFER_CALLBACK_ID ? checkOffer(args as Args) : checkThisOffer(args as Args);
  };
}

/** The global shortcut: the offer modal, the guide chosen inside it. */
function checkOfferShortcut(deps: ListenerDeps) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    await guarded(
      deps.logger,
      `shortcut ${CHECK_OFFER_CALLBACK_ID}`,
      async () => {
        const shortcut = GlobalShortcutPayload.parse(body);
        await client.views.open({
          trigger_id: shortcut.trigger_id,
          view: guidePickerModal({ user: shortcut.user.id }),
        });
      },
      async () => {
        const user = GlobalShortcutPayload.shape.user.safeParse((body as { user?: unknown }).user);
        if (user.success) await sendDirectMessage(client, user.data.id, notice(APOLOGY));
      },
    );
  };
}

/** The message shortcut: the message's words read as an offer. */
function checkThisOfferShortcut(deps: ListenerDeps) {
  return async ({ ack, body, client, respond, context }: Args): Promise<void> => {
    await ack();
    const parsed = MessageShortcutPayload.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn(
        `message shortcut ignored: unexpected payload (${parsed.error.issues[0]?.path.join(".")})`,
      );
      return;
    }
    const shortcut = parsed.data;
    const user = shortcut.user.id;
    const answerPrivately = async (message: ReturnType<typeof renderBlocks>): Promise<void> => {
      if (shortcut.response_url !== undefined) {
        await respond({ response_type: "ephemeral", replace_original: false, ...message });
      } else await sendDirectMessage(client, user, message);
    };
    await guarded(
      deps.logger,
      `shortcut ${CHECK_THIS_OFFER_CALLBACK_ID}`,
      async () => {
        const words = questionFromSlackText(shortcut.message.text, context.botUserId);
        const reply = deps.bot.ask(`offer ${words}`, { surface: "dm" });
        const { answer, query } = reply;
        if (answer.kind === "offer" && (answer.lines ?? []).length > 0) {
          await answerPrivately(renderBlocks(answer, { feedback: "buttons", sendToDm: true }));
          return;
        }
        const pick: PickMetadata = {
          user,
          channel: shortcut.channel.id,
          ...(shortcut.message.thread_ts !== undefined ? { thread: shortcut.message.thread_ts } : {}),
          prefill: prefillOf(query),
        };
        const guide = query.company && query.role ? `${query.company.key} ${query.role.key}` : null;
        const guideAnswer =
          guide === null
            ? null
            : deps.bot.ask(query.region ? `${guide} ${query.region.key}` : guide, { surface: "slash" })
                .answer;
        const view =
          (guideAnswer && offerModalFor(guideAnswer, { ...pick, note: PARTLY_READ })) ??
          guidePickerModal({ ...pick, note: NOTHING_READ });
        await client.views.open({ trigger_id: shortcut.trigger_id, view });
      },
      () => answerPrivately(notice(APOLOGY)),
    );
  };
}
