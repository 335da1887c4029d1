/**
 * Answer each Events API `event_id` once. Slack redelivers an event it thinks failed (X-Slack-Retry-Num, up to 3
 * times over about 5 minutes) with the same event_id, and Bolt does not deduplicate. The claim goes through the
 * store (src/store): in memory for one process, in PostgreSQL when replicas share DATABASE_URL, so a retry that
 * reaches another replica is dropped too.
 */
import type { Logger } from "@slack/bolt";
import { z } from "../runtime/zod.ts";
import type { Store } from "../store/types.ts";

export { DEDUPE_CAPACITY, EventDeduper } from "../store/memory.ts";
export { EVENT_RETENTION_MS as DEDUPE_TTL_MS } from "../store/types.ts";

const EventEnvelope = z.object({ type: z.literal("event_callback"), event_id: z.string().min(1) });
const EventType = z.object({ event: z.object({ type: z.string() }) });

/** The event_id of an Events API body, or null for anything else (commands, actions, …). */
export function eventIdOf(body: unknown): string | null {
  // Commands, actions and views are no events: skip building a validation error for each of them.
  if ((body as { type?: unknown } | null)?.type !== "event_callback") return null;
  const parsed = EventEnvelope.safeParse(body);
  return parsed.success ? parsed.data.event_id : null;
}

/**
 * Events whose listener claims the event_id itself, once its answer is ready, together with the conversation
 * context it stores (Store.claimEvent with `remember`): one round trip to the store instead of two. The
 * middleware lets them through unclaimed.
 */
export const CLAIMED_BY_LISTENER: ReadonlySet<string> = new Set(["app_mention"]);

function claimedByListener(body: unknown): boolean {
  const parsed = EventType.safeParse(body);
  return parsed.success && CLAIMED_BY_LISTENER.has(parsed.data.event.type);
}

/**
 * Whether a request is the redelivery of an event whose event_id was already claimed (by this process or, with a
 * shared store, by another replica): the app's global middleware drops it. The events in CLAIMED_BY_LISTENER
 * are left to their listener. Events are acknowledged by Bolt before global middleware runs, so a dropped
 * retry still gets its HTTP 200 / envelope ack, and the store call never delays the acknowledgement.
 */
export function redeliveries(
  store: Pick<Store, "claimEvent">,
  logger: Logger,
): (args: { body: unknown; context: { retryNum?: number } }) => Promise<boolean> {
  return async ({ body, context }) => {
    const id = eventIdOf(body);
    if (id === null || claimedByListener(body) || (await store.claimEvent(id))) return false;
    logger.debug(`Skipping event ${id}: already handled (retry ${context.retryNum ?? "?"})`);
    return true;
  };
}
