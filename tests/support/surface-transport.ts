/**
 * The same loopback flows over both transports: signed HTTP requests to the real Bolt app, or Socket Mode
 * envelopes through the fake Slack's WebSocket. `event` delivers an Events API event; `interact` delivers an
 * interactive payload (block_actions, block_suggestion, shortcut, message_action, view_submission) and returns
 * what the app acknowledged with (the HTTP response body, or the Socket Mode ack's payload), or null.
 */
import type { Json } from "./fake-slack.ts";
import { eventCallback, eventCallbackBody, uniqueId } from "./signing.ts";
import { type Harness, type HarnessOptions, startHttpHarness, startSocketHarness } from "./slack-harness.ts";

export type Mode = "http" | "socket";

export interface Transport {
  mode: Mode;
  h: Omit<Harness, "send" | "base">;
  event(event: Json): Promise<void>;
  interact(payload: Json): Promise<Json | null>;
  close(): Promise<void>;
}

export async function startTransport(mode: Mode, options: HarnessOptions = {}): Promise<Transport> {
  if (mode === "http") {
    const h = await startHttpHarness(options);
    return {
      mode,
      h,
      async event(event) {
        const res = await h.send(eventCallback(event));
        if (res.status !== 200) throw new Error(`event answered HTTP ${res.status}`);
      },
      async interact(payload) {
        const res = await h.send({
          body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
          contentType: "application/x-www-form-urlencoded",
        });
        if (res.status !== 200) throw new Error(`interaction answered HTTP ${res.status}`);
        const text = await res.text();
        return text.trim() === "" ? null : (JSON.parse(text) as Json);
      },
      close: () => h.close(),
    };
  }
  const h = await startSocketHarness(options);
  const send = async (type: string, payload: Json): Promise<Json | null> => {
    const id = uniqueId("env-");
    const since = h.fake.markSocket();
    h.fake.sendToSockets({ envelope_id: id, type, payload, accepts_response_payload: type !== "events_api" });
    const ack = await h.fake.nextSocketMessage((m) => m.envelope_id === id, { since });
    const body = ack.data.payload;
    return typeof body === "object" && body !== null ? (body as Json) : null;
  };
  return {
    mode,
    h,
    async event(event) {
      await send("events_api", eventCallbackBody(event));
    },
    interact: (payload) => send("interactive", payload),
    close: () => h.close(),
  };
}
