/**
 * Socket Mode as Slack runs it (docs: "Using Socket Mode"): a WebSocket URL from apps.connections.open carries a
 * one-time ticket; every envelope Slack sends must be acknowledged with `{ envelope_id, payload? }` within
 * 3 seconds; only envelopes with `accepts_response_payload: true` (slash commands, interactivity) may carry a
 * response payload. Slack can ask a client to reconnect with a `disconnect` frame.
 */
export type Json = Record<string, unknown>;

export const ACK_DEADLINE_MS = 3000;

/** Reasons Slack gives in a `disconnect` frame. */
export type DisconnectReason = "warning" | "refresh_requested" | "link_disabled";

interface Pending {
  sentAt: number;
  acceptsPayload: boolean;
}

/** Tracks the envelopes sent and judges each frame the client sends back. */
export class AckTracker {
  private readonly pending = new Map<string, Pending>();
  private readonly acked = new Set<string>();
  /** Everything wrong with what clients sent (empty = every ack was on time and well-formed). */
  readonly problems: string[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  sent(frame: Json): void {
    if (typeof frame.envelope_id !== "string") return;
    this.pending.set(frame.envelope_id, {
      sentAt: this.now(),
      acceptsPayload: frame.accepts_response_payload === true,
    });
  }

  /** Judges a frame from a client; returns the problem found (also kept in `problems`) or null. */
  received(raw: string): string | null {
    const problem = this.judge(raw);
    if (problem !== null) this.problems.push(problem);
    return problem;
  }

  private judge(raw: string): string | null {
    let frame: unknown;
    try {
      frame = JSON.parse(raw);
    } catch {
      return "ack is not JSON";
    }
    if (typeof frame !== "object" || frame === null || Array.isArray(frame)) return "ack is not an object";
    const { envelope_id: id, payload, ...rest } = frame as Json;
    if (typeof id !== "string" || id === "") return "ack without an envelope_id";
    if (this.acked.has(id)) return `ack ${id}: acknowledged twice`;
    const pending = this.pending.get(id);
    if (!pending) return `ack ${id}: no such envelope`;
    this.pending.delete(id);
    this.acked.add(id);
    const extra = Object.keys(rest);
    if (extra.length > 0) return `ack ${id}: unexpected fields ${extra.join(", ")}`;
    const late = this.now() - pending.sentAt;
    if (late > ACK_DEADLINE_MS)
      return `ack ${id}: after ${Math.round(late)} ms (Slack allows ${ACK_DEADLINE_MS})`;
    if (payload !== undefined) {
      if (typeof payload !== "object" || payload === null || Array.isArray(payload))
        return `ack ${id}: payload is not an object`;
      if (!pending.acceptsPayload && Object.keys(payload).length > 0)
        return `ack ${id}: a response payload on an envelope that does not accept one`;
    }
    return null;
  }

  /** Envelopes sent more than the deadline ago and never acknowledged. */
  overdue(): string[] {
    const now = this.now();
    return [...this.pending]
      .filter(([, p]) => now - p.sentAt > ACK_DEADLINE_MS)
      .map(([id]) => `envelope ${id}: not acknowledged within ${ACK_DEADLINE_MS} ms`);
  }
}
