/**
 * The parts of the App Home, shortcut, picker and feedback payloads CompBot relies on, validated at the edge
 * (see payloads.ts for messages, commands and buttons). Unknown fields are ignored.
 */
import { z } from "../runtime/zod.ts";

const id = z.string().min(1).max(255);
const ts = z.string().regex(/^\d+(\.\d+)?$/);

const view = z
  .object({
    id: id.optional(),
    type: z.string(),
    hash: z.string().max(255).optional(),
    private_metadata: z.string().max(3000).default(""),
  })
  .loose();

/** A click on a button, a select or feedback buttons, wherever it is (message, Home view, modal). */
export const Interaction = z.object({
  body: z.object({
    type: z.literal("block_actions"),
    user: z.object({ id }),
    trigger_id: z.string().min(1).max(255).optional(),
    channel: z.object({ id }).optional(),
    container: z
      .object({ message_ts: ts.optional(), thread_ts: ts.optional(), view_id: z.string().optional() })
      .loose()
      .optional(),
    view: view.optional(),
  }),
  action: z.object({
    type: z.string(),
    action_id: id,
    value: z.string().max(2000).optional(),
    selected_option: z
      .object({ value: z.string().min(1).max(150), text: z.object({ text: z.string() }) })
      .nullish(),
  }),
});
export type Interaction = z.infer<typeof Interaction>;

/** A `block_suggestion` request: what was typed in which picker, and the view it is in. */
export const Suggestion = z.object({
  type: z.literal("block_suggestion"),
  action_id: id,
  value: z.string().max(500).default(""),
  user: z.object({ id }),
  view: view.optional(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const GlobalShortcutPayload = z.object({
  type: z.literal("shortcut"),
  callback_id: id,
  trigger_id: z.string().min(1).max(255),
  user: z.object({ id }),
});

export const MessageShortcutPayload = z.object({
  type: z.literal("message_action"),
  callback_id: id,
  trigger_id: z.string().min(1).max(255),
  user: z.object({ id }),
  channel: z.object({ id }),
  message: z.object({ ts, text: z.string().max(40_000).default(""), thread_ts: ts.optional() }).loose(),
  response_url: z.url().optional(),
});
export type MessageShortcutPayload = z.infer<typeof MessageShortcutPayload>;

/** The guide picker modal's submission. */
export const PickSubmission = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id }),
  view: z.object({
    private_metadata: z.string().max(3000).default(""),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(
          z.string(),
          z.object({ selected_option: z.object({ value: z.string().max(150) }).nullish() }).loose(),
        ),
      ),
    }),
  }),
});
