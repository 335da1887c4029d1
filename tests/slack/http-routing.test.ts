/**
 * Which requests CompBot's listeners take (src/slack/listeners/route.ts): exactly those Bolt's own filters for
 * the listeners' registrations would pass. A request of another app's command, button, menu, modal or
 * shortcut on the same endpoint is left alone, as Bolt leaves a request no listener takes: not acknowledged
 * (Bolt answers 404 after 3 s and logs it), no Web API call, no response_url post.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { OFFER_CALLBACK_ID } from "../../src/slack/offer-form.ts";
import type { Json } from "../support/fake-slack.ts";
import { viewSubmissionPayload } from "../support/offer-modal.ts";
import { blockActions, type SignedRequest, slashCommand, uniqueId } from "../support/signing.ts";
import { type Harness, startHttpHarness } from "../support/slack-harness.ts";
import { blockSuggestionPayload, globalShortcutPayload } from "../support/surface-payloads.ts";

/** Bolt's HTTP receiver gives up on a request nobody acknowledged after this long (its default). */
const BOLT_UNHANDLED_MS = 3_001;

let h: Harness;

beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(async () => {
  await h?.close();
});

const interactive = (payload: Json): SignedRequest => ({
  body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  contentType: "application/x-www-form-urlencoded",
});

const modal = { callback_id: OFFER_CALLBACK_ID, blocks: [], private_metadata: "" };

const FOREIGN: Record<string, SignedRequest> = {
  "another command": slashCommand({
    command: "/other",
    text: "segment ml-ai-engineer london",
    response_url: "http://127.0.0.1:9/respond/unused",
  }),
  "another app's button": blockActions({ actionId: "other_app_button", value: "segment ml-ai-engineer" }),
  "another app's menu": interactive(blockSuggestionPayload("other_app_select", "seg")),
  "another app's modal submitted": interactive(
    viewSubmissionPayload({ ...modal, callback_id: "other_app_modal" }, {}),
  ),
  "CompBot's offer modal closed, not submitted": interactive({
    ...(viewSubmissionPayload(modal, {}) as Record<string, Json>),
    type: "view_closed",
    is_cleared: false,
  }),
  "another app's shortcut": interactive(globalShortcutPayload("other_app_shortcut")),
};

it("leaves other apps' requests, and a closed modal, to Bolt: unanswered, nothing sent", async () => {
  const since = h.fake.mark();
  const from = h.logs.length;
  const started = Date.now();
  const answers = await Promise.all(
    Object.entries(FOREIGN).map(async ([name, request]) => {
      const res = await h.send(request);
      return { name, status: res.status, body: await res.text() };
    }),
  );
  expect(Date.now() - started).toBeGreaterThanOrEqual(BOLT_UNHANDLED_MS - 100);
  expect(answers).toEqual(Object.keys(FOREIGN).map((name) => ({ name, status: 404, body: "" })));
  await expect(h.fake.nextCall(() => true, { since, timeoutMs: 300 })).rejects.toThrow();
  const unacknowledged = h.logs.slice(from).filter((l) => l.includes("not acknowledged within 3 seconds"));
  expect(unacknowledged).toHaveLength(Object.keys(FOREIGN).length);
  // CompBot's own requests are still taken (one of each kind is tested in the other files; one here).
  const res = await h.send(
    slashCommand({ text: "segment ml-ai-engineer london", response_url: h.fake.responseUrl(uniqueId("r")) }),
  );
  expect(res.status).toBe(200);
  expect(await res.text()).toContain("£132K–£165K");
}, 20_000);
