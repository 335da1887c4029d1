/**
 * The parts of Slack payloads CompBot relies on, validated at the edge. Unknown fields are ignored; a payload
 * missing a field we need is rejected here rather than failing somewhere deeper.
 */
import { z } from "../runtime/zod.ts";

const id = z.string().min(1).max(255);
const ts = z.string().regex(/^\d+(\.\d+)?$/);

export const SlashCommandPayload = z.object({
  command: z.string(),
  text: z.string().max(8000).default(""),
  user_id: id,
  channel_id: id,
  team_id: id.optional(),
});
export type SlashCommandPayload = z.infer<typeof SlashCommandPayload>;

export const AppMentionEvent = z.object({
  type: z.literal("app_mention"),
  user: id,
  text: z.string().max(40_000).default(""),
  ts,
  channel: id,
  thread_ts: ts.optional(),
  bot_id: z.string().optional(),
});
export type AppMentionEvent = z.infer<typeof AppMentionEvent>;

export const MessageEvent = z.object({
  type: z.literal("message"),
  channel: id,
  channel_type: z.string().optional(),
  user: id.optional(),
  text: z.string().max(40_000).optional(),
  ts,
  thread_ts: ts.optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEvent>;

/** Someone opened the App Home: the Home tab or the Messages tab (the agent DM). */
export const AppHomeOpenedEvent = z.object({
  type: z.literal("app_home_opened"),
  user: id,
  channel: id,
  tab: z.enum(["home", "messages"]).default("home"),
});
export type AppHomeOpenedEvent = z.infer<typeof AppHomeOpenedEvent>;

/** The envelope fields of an Events API body we use (workspace id for per-workspace memory). */
export const EventEnvelope = z.object({ team_id: z.string().optional() });

export const ButtonClick = z.object({
  body: z.object({
    type: z.literal("block_actions"),
    user: z.object({ id }),
    team: z.object({ id }).nullish(),
    channel: z.object({ id }).optional(),
    container: z.object({ thread_ts: ts.optional() }).loose().optional(),
    response_url: z.url().optional(),
  }),
  action: z.object({
    type: z.literal("button"),
    action_id: id,
    value: z.string().max(2000),
  }),
});
export type ButtonClick = z.infer<typeof ButtonClick>;

/** A "Check my offer" click: a button click plus the trigger_id that views.open needs. */
export const OfferButtonClick = z.object({
  body: ButtonClick.shape.body.extend({
    trigger_id: z.string().min(1).max(255),
  }),
  action: ButtonClick.shape.action,
});
export type OfferButtonClick = z.infer<typeof OfferButtonClick>;

/** A modal submission: who submitted, which modal, its metadata and the inputs' state. */
export const ViewSubmission = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id }),
  view: z.object({
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000).default(""),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(
          z.string(),
          z
            .object({
              type: z.string(),
              value: z.string().max(3000).nullish(),
              selected_option: z.object({ value: z.string().max(150) }).nullish(),
            })
            .loose(),
        ),
      ),
    }),
  }),
});
export type ViewSubmission = z.infer<typeof ViewSubmission>;
