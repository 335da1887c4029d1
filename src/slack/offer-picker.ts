/**
 * Checking an offer without a band answer to start from (global shortcut "Check an offer", the Home button, the
 * message shortcut "Check this offer" when the message lacks something): a modal whose first field picks the
 * guide (`external_select`, searched as the user types), then the offer modal of offer-form.ts for that guide,
 * with the guide picker kept on top so the guide can still be changed, and the figures read from a message filled
 * in. The figures travel only in the modal itself (its inputs and private_metadata), never in a log.
 */
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { Answer } from "../answers/types.ts";
import { guideTitle } from "../render/describe.ts";
import { escapeMrkdwn } from "../render/escape.ts";
import { contextBlock, plainText, sectionBlock, truncate } from "../render/limits.ts";
import { z } from "../runtime/zod.ts";
import {
  MODAL_LIMITS,
  OFFER_INPUTS,
  type OfferField,
  type OfferModalMetadata,
  offerModal,
} from "./offer-form.ts";

export const OFFER_PICK_CALLBACK_ID = "compbot_offer_pick";
export const GUIDE_PICK = { blockId: "offer_pick_guide", actionId: "offer_pick_guide_select" } as const;
export const PICK_GUIDE_ERROR = "Pick a guide: type a company or a role, then choose from the list.";

/** Figures read from a message, as text for the modal's inputs. */
export type Prefill = Partial<Record<OfferField, string>>;

const slackId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,255}$/)
  .optional();
/** What the guide-picker modal carries: who asked, where, and the figures to fill in once a guide is picked. */
export const PickMetadata = z.object({
  user: z.string().regex(/^[A-Za-z0-9_-]{1,255}$/),
  channel: slackId,
  thread: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .optional(),
  prefill: z
    .partialRecord(z.enum(["base", "stock", "vest", "bonus", "signing"]), z.string().max(40))
    .optional(),
  note: z.string().max(500).optional(),
});
export type PickMetadata = z.infer<typeof PickMetadata>;

export function readPickMetadata(raw: unknown): PickMetadata | null {
  if (typeof raw !== "string") return null;
  try {
    const parsed = PickMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function guidePicker(selected?: PlainTextOption): KnownBlock {
  return {
    type: "input",
    block_id: GUIDE_PICK.blockId,
    dispatch_action: true,
    label: plainText("Guide", MODAL_LIMITS.label),
    hint: plainText("Type a company or a role, e.g. “segment” or “ml engineer”.", MODAL_LIMITS.hint),
    element: {
      type: "external_select",
      action_id: GUIDE_PICK.actionId,
      min_query_length: 0,
      placeholder: plainText("Company or role", MODAL_LIMITS.placeholder),
      ...(selected ? { initial_option: selected } : {}),
    },
  };
}

/** The first step: pick a guide. */
export function guidePickerModal(metadata: PickMetadata): ModalView {
  const blocks: KnownBlock[] = [
    sectionBlock(
      "Pick the guide to check your offer against. Then I'll ask for the region and the figures. Only you see the answer.",
    ),
    guidePicker(),
  ];
  if (metadata.note) blocks.push(contextBlock([escapeMrkdwn(truncate(metadata.note, 500))]));
  return {
    type: "modal",
    callback_id: OFFER_PICK_CALLBACK_ID,
    title: plainText("Check an offer", MODAL_LIMITS.title),
    submit: plainText("Next", MODAL_LIMITS.button),
    close: plainText("Cancel", MODAL_LIMITS.button),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/**
 * The offer modal for the guide in `answer` (a band or regions answer), with the guide picker on top and the
 * prefilled figures; null when the answer names no guide with a band.
 */
export function offerModalFor(answer: Answer, pick: PickMetadata): ModalView | null {
  if (answer.kind !== "band" && answer.kind !== "regions") return null;
  const band = answer.kind === "band" ? answer.band : answer.bands[0];
  if (band === undefined) return null;
  const { guide } = answer;
  const metadata: OfferModalMetadata = {
    command: `${guide.company} ${guide.role}`,
    user: pick.user,
    ...(pick.channel !== undefined ? { channel: pick.channel } : {}),
    ...(pick.thread !== undefined ? { thread: pick.thread } : {}),
  };
  const view = offerModal(guide, band, metadata);
  if (view === null) return null;
  const selected: PlainTextOption = {
    text: plainText(truncate(guideTitle(guide), MODAL_LIMITS.optionText), MODAL_LIMITS.optionText),
    value: truncate(guide.id, MODAL_LIMITS.optionValue),
  };
  const prefill: Prefill = pick.prefill ?? {};
  const blocks = (view.blocks as KnownBlock[]).map((block): KnownBlock => {
    if (block.type !== "input" || block.element.type !== "plain_text_input") return block;
    const field = (Object.keys(OFFER_INPUTS) as OfferField[]).find(
      (f) => block.block_id === OFFER_INPUTS[f].blockId,
    );
    const value = field ? prefill[field] : undefined;
    if (value === undefined) return block;
    return { ...block, element: { ...block.element, initial_value: value } };
  });
  const note = pick.note ? [contextBlock([escapeMrkdwn(truncate(pick.note, 500))])] : [];
  return {
    ...view,
    blocks: [guidePicker(selected), ...note, ...blocks].slice(0, MODAL_LIMITS.blocks),
  };
}

/** `<company>/<role>` (a picked guide) -> the /comp words of that guide (and region, when known). */
export function guideWords(id: string, region?: string): string | null {
  const m = /^([^\s/]+)\/([^\s/]+)$/.exec(id);
  if (!m) return null;
  return [m[1], m[2], region].filter((w) => w !== undefined && w !== "").join(" ");
}
