/**
 * Answer each Events API `event_id` once. Slack redelivers an event it thinks failed (X-Slack-Retry-Num, up to 3
 * times over about 5 minutes) with the same event_id, and Bolt does not deduplicate.
 *
 * Memory is bounded twice: at most `capacity` ids, and ids older than `ttlMs` are forgotten.
 */
import type { AnyMiddlewareArgs, Logger, Middleware } from "@slack/bolt";
import { z } from "zod";

export const DEDUPE_CAPACITY = 10_000;
/** Slack's last retry comes about 5 minutes after the first delivery; keep ids a little longer. */
export const DEDUPE_TTL_MS = 10 * 60_000;

export class EventDeduper {
  /** event_id -> first seen (ms). Insertion order = age order, since ids are only ever added once. */
  private readonly seen = new Map<string, number>();

  constructor(
    readonly capacity = DEDUPE_CAPACITY,
    readonly ttlMs = DEDUPE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.seen.size;
  }

  /** True the first time an id is offered (within ttl and capacity); false for a repeat. */
  firstTime(eventId: string): boolean {
    const now = this.now();
    this.expire(now);
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, now);
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next();
      if (oldest.done) break;
      this.seen.delete(oldest.value);
    }
    return true;
  }

  private expire(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}

const EventEnvelope = z.object({ type: z.literal("event_callback"), event_id: z.string().min(1) });

/** The event_id of an Events API body, or null for anything else (commands, actions, …). */
export function eventIdOf(body: unknown): string | null {
  const parsed = EventEnvelope.safeParse(body);
  return parsed.success ? parsed.data.event_id : null;
}

/**
 * Global middleware: drop an event whose event_id was already handled. Events are acknowledged by Bolt before
 * global middleware runs, so a dropped retry still gets its HTTP 200 / envelope ack.
 */
export function dedupeEvents(deduper: EventDeduper, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const id = eventIdOf(body);
    if (id !== null && !deduper.firstTime(id)) {
      logger.debug(`Skipping event ${id}: already handled (retry ${context.retryNum ?? "?"})`);
      return;
    }
    await next();
  };
}
