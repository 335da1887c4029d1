/**
 * The surfaces beyond /comp, mentions and DMs, through the real Bolt app in HTTP mode and in Socket Mode against
 * the fake Slack (which checks the token and the required arguments of every method): the agent DM (suggested
 * prompts, status, threaded answers), App Home (views.publish, typeahead pickers, the answer in the view), the
 * offer shortcuts and modal, feedback that reaches FEEDBACK_CHANNEL, "Send to my DMs", clicks in threads, help
 * and list. Every payload passes Slack's documented limits as written in tests/support (not src/).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROMPTS_TITLE } from "../../src/slack/listeners/events/app-home-opened.ts";
import { DM_STATUS } from "../../src/slack/listeners/events/direct-message.ts";
import type { ApiCall, Json } from "../support/fake-slack.ts";
import { modalViolations } from "../support/modal-limits.ts";
import { directMessageEvent, slashCommand, TEST_BOT_TOKEN } from "../support/signing.ts";
import {
  allText,
  buttonsOf,
  type Harness,
  startHttpHarness,
  violationsInCalls,
} from "../support/slack-harness.ts";
import {
  homeViewProblems,
  optionsResponseProblems,
  surfaceBlockProblems,
} from "../support/surface-limits.ts";
import {
  appHomeOpenedEvent,
  blockSuggestionPayload,
  globalShortcutPayload,
  messageActionPayload,
  messageShortcutPayload,
  pickSubmissionPayload,
  viewButtonPayload,
  viewSelectPayload,
  viewState,
} from "../support/surface-payloads.ts";
import { type Mode, startTransport, type Transport } from "../support/surface-transport.ts";

const FEEDBACK_CHANNEL = "C0FEEDBACK";
const GUIDE_FILE = "guides/segment/ml-ai-engineer.md";

/** Every message and view the fake received, checked against Slack's limits (ours and the new surfaces'). */
function allViolations(calls: readonly ApiCall[]): string[] {
  const out = violationsInCalls(calls);
  for (const c of calls) {
    if (c.method === "views.publish")
      out.push(...homeViewProblems(c.body.view).map((v) => `views.publish: ${v}`));
    if (c.method === "views.open" || c.method === "views.update") {
      out.push(...modalViolations(c.body.view as Json).map((v) => `${c.method}: ${v}`));
      out.push(...surfaceBlockProblems((c.body.view as Json).blocks).map((v) => `${c.method}: ${v}`));
    }
    if (["chat.postMessage", "chat.postEphemeral", "respond"].includes(c.method)) {
      out.push(...surfaceBlockProblems(c.body.blocks ?? []).map((v) => `${c.method}: ${v}`));
    }
  }
  return out;
}

/** Every Web API call the app made carried the bot token and was accepted by the (strict) fake. */
function expectAllAccepted(calls: readonly ApiCall[]): void {
  const api = calls.filter((c) => c.method !== "respond" && c.method !== "apps.connections.open");
  expect(api.map((c) => [c.method, c.outcome])).toEqual(api.map((c) => [c.method, "ok"]));
  for (const c of api) expect(c.token).toBe(TEST_BOT_TOKEN);
}

function contextActionsOf(body: Json): Json[] {
  return ((body.blocks ?? []) as Json[]).filter((b) => b.type === "context_actions");
}

function feedbackValues(body: Json): { up: string; down: string } | null {
  const block = contextActionsOf(body)[0];
  const el = (block?.elements as Json[] | undefined)?.[0];
  if (!el) return null;
  return {
    up: String((el.positive_button as Json).value),
    down: String((el.negative_button as Json).value),
  };
}

describe.each<Mode>(["http", "socket"])("surfaces over %s", (mode) => {
  let t: Transport;
  const fake = () => t.h.fake;
  /** The next call matching `predicate` once the fake has answered it (its outcome known). */
  const next = (predicate: (c: ApiCall) => boolean, since: number) =>
    fake().nextCall((c) => c.outcome !== undefined && predicate(c), { since });

  beforeAll(async () => {
    t = await startTransport(mode, { feedbackChannel: FEEDBACK_CHANNEL });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("agent DM", () => {
    it("opening the Messages tab sets four suggested prompts on that DM, each a real question", async () => {
      const since = fake().mark();
      await t.event(appHomeOpenedEvent("messages", { channel: "D0PROMPTS" }));
      const call = await next((c) => c.method === "assistant.threads.setSuggestedPrompts", since);
      expect(call.outcome).toBe("ok");
      expect(call.token).toBe(TEST_BOT_TOKEN);
      expect(call.body.channel_id).toBe("D0PROMPTS");
      expect(call.body.thread_ts).toBeUndefined();
      expect(call.body.title).toBe(PROMPTS_TITLE);
      const prompts = call.body.prompts as { title: string; message: string }[];
      expect(prompts.map((p) => p.message)).toEqual([
        "segment ml-ai-engineer san-francisco",
        "offer segment ml-ai-engineer san-francisco base 208k",
        "level segment ml-ai-engineer",
        "script segment ml-ai-engineer",
      ]);
      // Each prompt, sent as a DM, is answered with what its title promises.
      const expected = ["$188K–$228K", "Where your offer sits", "Level mapping", "Negotiation script"];
      for (const [i, p] of prompts.entries()) {
        const s = fake().mark();
        await t.event(directMessageEvent({ text: p.message, channel: "D0PROMPTS" }));
        const post = await next((c) => c.method === "chat.postMessage" && c.body.channel === "D0PROMPTS", s);
        expect(allText(post.body)).toContain(expected[i]);
      }
    });

    it("a DM answer: status first, then the answer in the thread of the message, with feedback_buttons", async () => {
      const since = fake().mark();
      const question = directMessageEvent({ text: "segment ml-ai-engineer london", channel: "D0AGENT" });
      await t.event(question);
      const post = await next((c) => c.method === "chat.postMessage" && c.body.channel === "D0AGENT", since);
      const status = fake()
        .callsTo("assistant.threads.setStatus", since)
        .filter((c) => c.body.channel_id === "D0AGENT");
      expect(status).toHaveLength(1);
      expect(status[0]?.body).toMatchObject({
        channel_id: "D0AGENT",
        thread_ts: question.ts,
        status: DM_STATUS,
      });
      expect(status[0]?.outcome).toBe("ok");
      expect(status[0]!.seq).toBeLessThan(post.seq);
      expect(post.body.thread_ts).toBe(question.ts);
      expect(allText(post.body)).toContain("£132K–£165K");
      expect(feedbackValues(post.body)).toEqual({
        up: "up|band|segment ml-ai-engineer london",
        down: "down|band|segment ml-ai-engineer london",
      });
      // In a DM there is nothing to share into.
      expect(buttonsOf(post.body).map((b) => b.actionId)).not.toContain("compbot_share");

      // A follow-up in that thread keeps its context.
      const s2 = fake().mark();
      await t.event({
        ...directMessageEvent({ text: "and new york?", channel: "D0AGENT" }),
        thread_ts: question.ts,
      });
      const follow = await next((c) => c.method === "chat.postMessage" && c.body.channel === "D0AGENT", s2);
      expect(follow.body.thread_ts).toBe(question.ts);
      expect(allText(follow.body)).toContain("$182K–$222K");
    });
  });

  describe("App Home", () => {
    it("opening the Home tab publishes the Home view: three lines, freshness, pickers, Check an offer", async () => {
      const since = fake().mark();
      await t.event(appHomeOpenedEvent("home", { user: "U0HOME" }));
      const call = await next((c) => c.method === "views.publish", since);
      expect(call.outcome).toBe("ok");
      expect(call.body.user_id).toBe("U0HOME");
      const view = call.body.view as Json;
      expect(homeViewProblems(view)).toEqual([]);
      const text = allText({ blocks: view.blocks });
      expect(text).toContain("1 guide · 1 overdue for review · newest update 2026-02-23");
      expect(text).toContain("*Pay bands*");
      expect(text).toContain("*Offer checks*");
      expect(text).toContain("*Levels and scripts*");
      const actions = (view.blocks as Json[]).find((b) => b.type === "actions");
      const elements = (actions?.elements ?? []) as Json[];
      expect(elements.map((e) => [e.type, e.action_id])).toEqual([
        ["external_select", "home_pick_company"],
        ["button", "compbot_offer_start"],
      ]);
    });

    it("the company picker searches as the user types (block_suggestion, at most 100 options)", async () => {
      const ack = await t.interact(blockSuggestionPayload("home_pick_company", "seg", viewState("home")));
      expect(optionsResponseProblems(ack)).toEqual([]);
      expect(ack?.options).toEqual([
        { text: { type: "plain_text", text: "Segment", emoji: true }, value: "segment" },
      ]);
      const none = await t.interact(blockSuggestionPayload("home_pick_company", "zzz", viewState("home")));
      expect(none?.options).toEqual([]);
      const roles = await t.interact(
        blockSuggestionPayload(
          "home_pick_role",
          "eng",
          viewState("home", {
            privateMetadata: JSON.stringify({ company: { value: "segment", label: "Segment" }, role: null }),
          }),
        ),
      );
      expect(roles?.options).toEqual([
        { text: { type: "plain_text", text: "ML/AI Engineer", emoji: true }, value: "ml-ai-engineer" },
      ]);
    });

    it("company -> role -> region: each pick publishes the Home view again, the band shown in it", async () => {
      let since = fake().mark();
      await t.interact(
        viewSelectPayload(viewState("home"), "home_pick_company", { value: "segment", text: "Segment" }),
      );
      let call = await next((c) => c.method === "views.publish", since);
      let view = call.body.view as Json;
      const metadata = String(view.private_metadata);
      expect(JSON.parse(metadata)).toEqual({ company: { value: "segment", label: "Segment" }, role: null });
      expect(JSON.stringify(view.blocks)).toContain("home_pick_role");

      since = fake().mark();
      await t.interact(
        viewSelectPayload(viewState("home", { privateMetadata: metadata }), "home_pick_role", {
          value: "ml-ai-engineer",
          text: "ML/AI Engineer",
        }),
      );
      call = await next((c) => c.method === "views.publish", since);
      view = call.body.view as Json;
      expect(JSON.stringify(view.blocks)).toContain("home_pick_region");

      const regions = await t.interact(
        blockSuggestionPayload(
          "home_pick_region",
          "lon",
          viewState("home", { privateMetadata: String(view.private_metadata) }),
        ),
      );
      expect(regions?.options).toEqual([
        { text: { type: "plain_text", text: "London · GBP", emoji: true }, value: "london" },
      ]);

      since = fake().mark();
      await t.interact(
        viewSelectPayload(
          viewState("home", { privateMetadata: String(view.private_metadata) }),
          "home_pick_region",
          {
            value: "london",
            text: "London · GBP",
          },
        ),
      );
      call = await next((c) => c.method === "views.publish", since);
      expect(call.outcome).toBe("ok");
      view = call.body.view as Json;
      expect(homeViewProblems(view)).toEqual([]);
      const text = allText({ blocks: view.blocks });
      expect(text).toContain("ML/AI Engineer · Segment · London");
      expect(text).toContain("£132K–£165K");

      // A follow-up button inside Home (another region) answers in Home too.
      since = fake().mark();
      await t.interact(
        viewButtonPayload(
          viewState("home", { privateMetadata: String(view.private_metadata) }),
          "compbot_run_0",
          "segment ml-ai-engineer new-york",
        ),
      );
      call = await next((c) => c.method === "views.publish", since);
      expect(allText({ blocks: (call.body.view as Json).blocks })).toContain("$182K–$222K");
    });

    it("Check an offer (Home) opens the guide picker; picking a guide turns it into the offer form", async () => {
      let since = fake().mark();
      await t.interact(viewButtonPayload(viewState("home"), "compbot_offer_start", "home"));
      const opened = await next((c) => c.method === "views.open", since);
      const picker = opened.body.view as Json;
      expect(picker.callback_id).toBe("compbot_offer_pick");
      expect(JSON.parse(String(picker.private_metadata))).toEqual({ user: "U0ALICE" });

      const options = await t.interact(
        blockSuggestionPayload("offer_pick_guide_select", "ml eng", viewState("modal")),
      );
      expect(options?.options).toEqual([
        {
          text: { type: "plain_text", text: "Segment · ML/AI Engineer", emoji: true },
          value: "segment/ml-ai-engineer",
        },
      ]);

      since = fake().mark();
      const modal = viewState("modal", { id: "V0PICKER", privateMetadata: String(picker.private_metadata) });
      await t.interact(
        viewSelectPayload(modal, "offer_pick_guide_select", {
          value: "segment/ml-ai-engineer",
          text: "Segment",
        }),
      );
      const updated = await next((c) => c.method === "views.update", since);
      expect(updated.outcome).toBe("ok");
      expect(updated.body.view_id).toBe("V0PICKER");
      expect(updated.body.hash).toBe("1700000000.hash");
      const form = updated.body.view as Json;
      expect(form.callback_id).toBe("compbot_offer");
      expect(JSON.parse(String(form.private_metadata))).toEqual({
        command: "segment ml-ai-engineer",
        user: "U0ALICE",
      });
      const text = allText({ blocks: form.blocks });
      expect(text).toContain("Base salary (per year)");
      expect(text).toContain("ML/AI Engineer · Segment");
    });

    it("the picker's Next: an error next to it without a guide, the offer form with one", async () => {
      const picker = {
        callback_id: "compbot_offer_pick",
        private_metadata: JSON.stringify({ user: "U0ALICE" }),
      };
      const empty = await t.interact(pickSubmissionPayload(picker, null));
      expect(empty).toEqual({
        response_action: "errors",
        errors: { offer_pick_guide: "Pick a guide: type a company or a role, then choose from the list." },
      });
      const picked = await t.interact(pickSubmissionPayload(picker, "segment/ml-ai-engineer"));
      expect(picked?.response_action).toBe("update");
      const view = picked?.view as Json;
      expect(modalViolations(view)).toEqual([]);
      expect(view.callback_id).toBe("compbot_offer");
    });
  });

  describe("shortcuts", () => {
    it("global 'Check an offer' opens the offer modal with the guide picker in it", async () => {
      const since = fake().mark();
      const payload = globalShortcutPayload("compbot_check_offer");
      await t.interact(payload);
      const opened = await next((c) => c.method === "views.open", since);
      expect(opened.body.trigger_id).toBe(payload.trigger_id);
      const view = opened.body.view as Json;
      expect(view.callback_id).toBe("compbot_offer_pick");
      expect(JSON.stringify(view.blocks)).toContain('"action_id":"offer_pick_guide_select"');
      expect(JSON.stringify(view.blocks)).toContain('"type":"external_select"');
    });

    it("'Check this offer' with everything in the message: answered privately through response_url", async () => {
      const since = fake().mark();
      await t.interact(
        messageShortcutPayload(
          "compbot_check_this_offer",
          "Got an offer from Segment, ML/AI engineer in London: base £150k, stock £120k, bonus 10%",
          fake().responseUrl(`msc-${mode}`),
        ),
      );
      const reply = await next((c) => c.method === "respond" && c.respondId === `msc-${mode}`, since);
      expect(reply.body.response_type).toBe("ephemeral");
      const text = allText(reply.body);
      expect(text).toContain("Where your offer sits in the London band");
      expect(buttonsOf(reply.body).map((b) => b.text)).toContain("Send to my DMs");
      expect(fake().callsTo("chat.postMessage", since)).toEqual([]);
      expect(fake().callsTo("views.open", since)).toEqual([]);
    });

    it("'Check this offer' without a region: the offer modal opens with what it read filled in", async () => {
      const since = fake().mark();
      await t.interact(
        messageShortcutPayload(
          "compbot_check_this_offer",
          "segment ml-ai-engineer base 150k stock 120k",
          fake().responseUrl("x"),
        ),
      );
      const opened = await next((c) => c.method === "views.open", since);
      const view = opened.body.view as Json;
      expect(modalViolations(view)).toEqual([]);
      expect(view.callback_id).toBe("compbot_offer");
      expect(JSON.parse(String(view.private_metadata))).toMatchObject({
        command: "segment ml-ai-engineer",
        user: "U0ALICE",
        channel: "C0OFFERS",
      });
      const inputs = Object.fromEntries(
        (view.blocks as Json[])
          .filter((b) => b.type === "input")
          .map((b) => [b.block_id, (b.element as Json).initial_value ?? null]),
      );
      expect(inputs).toMatchObject({ offer_base: "150k", offer_stock: "120k", offer_bonus: null });
      expect(allText({ blocks: view.blocks })).toContain("I filled in what I could read");
    });

    it("'Check this offer' on a message naming no guide: the guide picker, saying so", async () => {
      const since = fake().mark();
      await t.interact(
        messageShortcutPayload("compbot_check_this_offer", "lunch at noon?", fake().responseUrl("y")),
      );
      const opened = await next((c) => c.method === "views.open", since);
      const view = opened.body.view as Json;
      expect(view.callback_id).toBe("compbot_offer_pick");
      expect(allText({ blocks: view.blocks })).toContain("couldn't find a company and role");
    });
  });

  describe("feedback", () => {
    it("'Report outdated figure' reaches FEEDBACK_CHANNEL (file, region, figures, who); thanked once", async () => {
      const res = await t.interact(
        messageActionPayload({
          action: {
            type: "button",
            action_id: "compbot_report_outdated",
            value: "outdated|band|segment ml-ai-engineer london",
          },
          messageTs: `1700000300.00000${mode === "http" ? 1 : 2}`,
          responseUrl: fake().responseUrl(`rep-${mode}`),
        }),
      );
      expect(res === null || Object.keys(res).length === 0).toBe(true);
      const since = 0;
      const report = await next(
        (c) => c.method === "chat.postMessage" && c.body.channel === FEEDBACK_CHANNEL,
        since,
      );
      const text = allText(report.body);
      expect(text).toContain("Outdated figure reported");
      expect(text).toContain("<@U0ALICE>");
      expect(text).toContain(GUIDE_FILE);
      expect(text).toContain("*Region:* London");
      expect(text).toContain("£132K–£165K");
      const thanks = await next((c) => c.method === "respond" && c.respondId === `rep-${mode}`, 0);
      expect(allText(thanks.body)).toContain("Thanks for the report");

      // The same click again: no second report, no second thanks.
      const s2 = fake().mark();
      await t.interact(
        messageActionPayload({
          action: {
            type: "button",
            action_id: "compbot_report_outdated",
            value: "outdated|band|segment ml-ai-engineer london",
          },
          messageTs: `1700000300.00000${mode === "http" ? 1 : 2}`,
          responseUrl: fake().responseUrl(`rep-${mode}`),
        }),
      );
      // A sentinel click afterwards: once it is thanked, the repeat would have been handled too.
      await t.interact(
        messageActionPayload({
          action: {
            type: "button",
            action_id: "compbot_feedback_up",
            value: "up|band|segment ml-ai-engineer london",
          },
          responseUrl: fake().responseUrl(`sentinel-${mode}`),
        }),
      );
      await next((c) => c.method === "respond" && c.respondId === `sentinel-${mode}`, s2);
      expect(
        fake()
          .callsTo("chat.postMessage", s2)
          .filter((c) => c.body.channel === FEEDBACK_CHANNEL),
      ).toEqual([]);
      expect(
        fake()
          .callsTo("respond", s2)
          .filter((c) => c.respondId === `rep-${mode}`),
      ).toEqual([]);
    });

    it("👎 on an offer check (feedback_buttons in a DM): the band is reported, never the user's figures", async () => {
      let since = fake().mark();
      const question = directMessageEvent({
        text: "offer segment ml-ai-engineer london base 151k stock 123k bonus 12%",
        channel: "D0OFFERFB",
      });
      await t.event(question);
      const answer = await next(
        (c) => c.method === "chat.postMessage" && c.body.channel === "D0OFFERFB",
        since,
      );
      const values = feedbackValues(answer.body);
      expect(values?.down).toBe("down|offer|segment ml-ai-engineer london");

      since = fake().mark();
      await t.interact(
        messageActionPayload({
          channel: "D0OFFERFB",
          threadTs: question.ts as string,
          action: {
            type: "feedback_buttons",
            action_id: "compbot_feedback",
            value: values?.down,
            text: { type: "plain_text", text: "Not helpful" },
          },
        }),
      );
      const report = await next(
        (c) => c.method === "chat.postMessage" && c.body.channel === FEEDBACK_CHANNEL,
        since,
      );
      const text = allText(report.body);
      expect(text).toContain("Not helpful");
      expect(text).toContain("on an offer answer");
      expect(text).toContain("£132K–£165K");
      for (const figure of ["151", "123", "12%"]) expect(text).not.toContain(figure);
      // Thanked in the DM thread (a message there lasts).
      const thanks = await next(
        (c) => c.method === "chat.postMessage" && c.body.channel === "D0OFFERFB",
        since,
      );
      expect(thanks.body.thread_ts).toBe(question.ts);
      expect(allText(thanks.body)).toContain("Thanks for telling us");
    });
  });

  describe("private answers that last, and clicks in threads", () => {
    it("'Send to my DMs' posts the same script in the user's DM with CompBot", async () => {
      const since = fake().mark();
      await t.interact(
        messageActionPayload({
          action: {
            type: "button",
            action_id: "compbot_send_dm",
            value: "script segment ml-ai-engineer london",
          },
          responseUrl: fake().responseUrl(`dm-${mode}`),
        }),
      );
      const open = await next((c) => c.method === "conversations.open", since);
      expect(open.body.users).toBe("U0ALICE");
      const post = await next((c) => c.method === "chat.postMessage" && c.body.channel === "D0ALICE", since);
      const text = allText(post.body);
      expect(text).toContain("Negotiation script");
      expect(text).toContain("London");
      expect(buttonsOf(post.body).map((b) => b.text)).not.toContain("Send to my DMs");
      expect(buttonsOf(post.body).map((b) => b.actionId)).not.toContain("compbot_share");
      expect(contextActionsOf(post.body)).toHaveLength(1);
      const note = await next((c) => c.method === "respond" && c.respondId === `dm-${mode}`, since);
      expect(allText(note.body)).toContain("in your DM with CompBot");
    });

    it("a follow-up clicked inside a channel thread is answered in that thread (ephemeral), not via response_url", async () => {
      const since = fake().mark();
      await t.interact(
        messageActionPayload({
          channel: "C0THREAD",
          threadTs: "1700000400.000001",
          action: { type: "button", action_id: "compbot_run_0", value: "segment ml-ai-engineer new-york" },
          responseUrl: fake().responseUrl(`thread-${mode}`),
        }),
      );
      const reply = await next(
        (c) => c.method === "chat.postEphemeral" && c.body.channel === "C0THREAD",
        since,
      );
      expect(reply.body.thread_ts).toBe("1700000400.000001");
      expect(reply.body.user).toBe("U0ALICE");
      expect(allText(reply.body)).toContain("$182K–$222K");
      expect(
        fake()
          .callsTo("respond", since)
          .filter((c) => c.respondId === `thread-${mode}`),
      ).toEqual([]);
    });

    it("a region picked from the select runs like a button", async () => {
      const since = fake().mark();
      await t.interact(
        messageActionPayload({
          action: {
            type: "static_select",
            action_id: "compbot_run_select",
            selected_option: { text: { type: "plain_text", text: "Segment" }, value: "segment" },
          },
          responseUrl: fake().responseUrl(`select-${mode}`),
        }),
      );
      const reply = await next((c) => c.method === "respond" && c.respondId === `select-${mode}`, since);
      expect(allText(reply.body)).toContain("role guide at Segment");
    });
  });

  it("every call was accepted by the strict fake, with the bot token, and every payload is within limits", () => {
    const calls = fake().calls.items;
    expectAllAccepted(calls);
    expect(allViolations(calls)).toEqual([]);
  });
});

describe("help and list over HTTP", () => {
  let t: Transport;
  let h: Harness;
  beforeAll(async () => {
    h = await startHttpHarness();
    t = await startTransport("http");
  });
  afterAll(async () => {
    await t?.close();
    await h?.close();
  });
  const comp = async (text: string): Promise<Json> => {
    const res = await h.send(slashCommand({ text, response_url: h.fake.responseUrl("c") }));
    return (await res.json()) as Json;
  };

  it("help: every example is a button that runs it", async () => {
    const ack = await comp("help");
    const buttons = buttonsOf(ack);
    expect(buttons.map((b) => b.value)).toContain(
      "offer segment ml-ai-engineer london base 150k stock 120k bonus 10%",
    );
    expect(buttons.map((b) => b.value)).toContain("segment ml-ai-engineer london");
    for (const b of buttons) expect(b.actionId).toMatch(/^compbot_run_\d+$/);
  });

  it("list: a select of the companies to drill down", async () => {
    const ack = await comp("list");
    const actions = (ack.blocks as Json[]).filter((b) => b.type === "actions");
    const select = actions.flatMap((b) => b.elements as Json[]).find((e) => e.type === "static_select");
    expect(select?.action_id).toBe("compbot_run_select");
    expect(select?.options).toEqual([
      { text: { type: "plain_text", text: "Segment", emoji: true }, value: "segment" },
    ]);
    expect(surfaceBlockProblems(ack.blocks)).toEqual([]);
  });

  it("without FEEDBACK_CHANNEL a report is logged at info level", async () => {
    const from = t.h.logs.length;
    await t.interact(
      messageActionPayload({
        action: {
          type: "button",
          action_id: "compbot_report_outdated",
          value: "outdated|level|segment ml-ai-engineer",
        },
        responseUrl: t.h.fake.responseUrl("nolog"),
      }),
    );
    const line = await t.h.nextLog(/ INFO .*Feedback report \(outdated\)/, { from });
    expect(line).toContain(GUIDE_FILE);
    expect(line).toContain("<@U0ALICE>");
    expect(line).toContain("FEEDBACK_CHANNEL is not set");
  });
});
