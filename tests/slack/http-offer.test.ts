/**
 * Offer checks through the real Bolt app in HTTP mode: the "Check my offer" button, its modal (views.open,
 * validation errors next to the fields, private answers), every /comp offer form, and privacy on every path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockKitViolations } from "../../src/render/violations.ts";
import { BAND_GONE } from "../../src/slack/listeners/actions/open-offer-modal.ts";
import { FORM_EXPIRED } from "../../src/slack/listeners/views/offer-submission.ts";
import { APOLOGY } from "../../src/slack/messages.ts";
import { OfferModalMetadata } from "../../src/slack/offer-form.ts";
import type { ApiCall, Json } from "../support/fake-slack.ts";
import { modalViolations } from "../support/modal-limits.ts";
import {
  type OfferField as Field,
  type SubmitOptions,
  viewSubmissionPayload,
} from "../support/offer-modal.ts";
import {
  appMentionEvent,
  blockActionsPayload,
  directMessageEvent,
  eventCallback,
  type SignedRequest,
  slashCommand,
  uniqueId,
} from "../support/signing.ts";
import {
  allText,
  buttonsOf,
  type Harness,
  messageOf,
  startHttpHarness,
  violationsInCalls,
} from "../support/slack-harness.ts";

let h: Harness;
/** Every /comp ack and every modal opened, checked against the limits at the end. */
const acks: Json[] = [];
const views: Json[] = [];

beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(async () => {
  await h?.close();
});

const BOT = "<@U0COMPBOT>";
const LONDON_BAND = "segment ml-ai-engineer london";

async function comp(text: string, channel = "C0GENERAL"): Promise<Json> {
  const res = await h.send(
    slashCommand({ text, channel_id: channel, response_url: h.fake.responseUrl(uniqueId("cmd")) }),
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as Json;
  acks.push(body);
  return body;
}

function form(payload: Json): SignedRequest {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: "application/x-www-form-urlencoded",
  };
}

interface ClickOptions {
  user?: string;
  channel?: string;
  threadTs?: string;
  responseUrl?: string;
}

/** Click "Check my offer" and return the views.open call it caused. */
async function clickOffer(value: string, options: ClickOptions = {}): Promise<ApiCall> {
  const payload = blockActionsPayload({ actionId: "compbot_offer_open", value, ...options });
  const since = h.fake.mark();
  const res = await h.send(form(payload));
  expect(res.status).toBe(200);
  const call = await h.fake.nextCall(
    (c) => c.method === "views.open" && c.body.trigger_id === payload.trigger_id,
    { since },
  );
  views.push(call.body.view as Json);
  return call;
}

async function openModal(value = LONDON_BAND, options: ClickOptions = {}): Promise<Json> {
  return (await clickOffer(value, options)).body.view as Json;
}

/** Submit and return the HTTP answer (the ack): {} for a plain ack, else its JSON. */
async function submit(
  view: Json,
  fields: Partial<Record<Field, string>>,
  options: SubmitOptions = {},
): Promise<Json> {
  const res = await h.send(form(viewSubmissionPayload(view, fields, options)));
  expect(res.status).toBe(200);
  const text = await res.text();
  return text === "" ? {} : (JSON.parse(text) as Json);
}

/** The region select of a modal view. */
function regionSelect(view: Json): Json {
  const region = (view.blocks as Json[]).find((b) => b.block_id === "offer_region");
  expect(region).toBeDefined();
  return (region?.element ?? {}) as Json;
}

const isMessageCall = (c: ApiCall) =>
  c.method === "chat.postMessage" || c.method === "chat.postEphemeral" || c.method === "respond";

describe("the Check my offer button", () => {
  it("is on band answers (value: company role region) and on no other kind", async () => {
    const band = buttonsOf(await comp(LONDON_BAND)).find((b) => b.actionId === "compbot_offer_open");
    expect(band).toEqual({ actionId: "compbot_offer_open", text: "Check my offer", value: LONDON_BAND });
    const ny = buttonsOf(await comp("segment ml-ai-engineer new-york"));
    expect(ny.find((b) => b.actionId === "compbot_offer_open")?.value).toBe(
      "segment ml-ai-engineer new-york",
    );
    for (const other of [
      "segment ml-ai-engineer",
      "script segment ml-ai-engineer london",
      "offer segment ml-ai-engineer london base 150k",
      "segment",
      "list",
      "help",
    ]) {
      expect(buttonsOf(await comp(other)).map((b) => b.actionId)).not.toContain("compbot_offer_open");
    }
  });

  it("is on band answers to mentions and DMs too", async () => {
    const since = h.fake.mark();
    await h.send(eventCallback(appMentionEvent({ text: `${BOT} ${LONDON_BAND}`, channel: "C0BAND" })));
    const posted = await h.fake.nextCall(
      (c) => c.method === "chat.postMessage" && c.body.channel === "C0BAND",
      { since },
    );
    expect(buttonsOf(posted.body).map((b) => b.actionId)).toContain("compbot_offer_open");
    await h.send(eventCallback(directMessageEvent({ text: LONDON_BAND, channel: "D0BANDDM" })));
    const dm = await h.fake.nextCall(
      (c) => c.method === "chat.postMessage" && c.body.channel === "D0BANDDM",
      {
        since,
      },
    );
    expect(buttonsOf(dm.body).map((b) => b.actionId)).toContain("compbot_offer_open");
  });

  it("opens the modal with the trigger_id: title, callback id, region prefilled, metadata", async () => {
    const since = h.fake.mark();
    const call = await clickOffer(LONDON_BAND, { channel: "C0GENERAL", user: "U0ALICE" });
    expect(call.token).toBe("xoxb-test-bot-token");
    const view = call.body.view as Json;
    expect(modalViolations(view)).toEqual([]);
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe("compbot_offer");
    expect((view.title as Json).text).toBe("Check my offer");
    const select = regionSelect(view);
    expect(select.type).toBe("static_select");
    expect((select.options as Json[]).map((o) => o.value)).toEqual(["san-francisco", "new-york", "london"]);
    expect((select.initial_option as Json).value).toBe("london");
    const labels = (view.blocks as Json[])
      .filter((b) => b.type === "input")
      .map((b) => String((b.label as Json).text));
    expect(labels).toEqual([
      "Region",
      "Base salary (per year)",
      "Stock grant (total over vesting)",
      "Vesting years",
      "Annual bonus",
      "Signing bonus",
    ]);
    expect(JSON.stringify(view)).toContain("£150,000");
    expect(OfferModalMetadata.parse(JSON.parse(String(view.private_metadata)))).toEqual({
      command: "segment ml-ai-engineer",
      channel: "C0GENERAL",
      user: "U0ALICE",
    });
    // The click itself posts nothing.
    expect(h.fake.calls.items.filter((c) => c.seq > since && isMessageCall(c))).toEqual([]);
  });

  it("prefills the clicked region (New York) and keeps the thread in the metadata", async () => {
    const view = await openModal("segment ml-ai-engineer new-york", { threadTs: "1700000000.000100" });
    expect((regionSelect(view).initial_option as Json).value).toBe("new-york");
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({ thread: "1700000000.000100" });
  });

  it("a band that is gone: a private note instead of a modal", async () => {
    const id = uniqueId("gone");
    const since = h.fake.mark();
    await h.send(
      form(
        blockActionsPayload({
          actionId: "compbot_offer_open",
          value: "acme widget-engineer paris",
          responseUrl: h.fake.responseUrl(id),
        }),
      ),
    );
    const reply = await h.fake.nextCall((c) => c.method === "respond" && c.respondId === id, { since });
    expect(reply.body.response_type).toBe("ephemeral");
    expect(allText(reply.body)).toContain(BAND_GONE);
    expect(h.fake.callsTo("views.open", since)).toEqual([]);
  });

  it("views.open refused (expired trigger): an apology, privately, and one error line", async () => {
    const since = h.fake.mark();
    h.fake.failNext("views.open", "expired_trigger_id");
    const payload = blockActionsPayload({
      actionId: "compbot_offer_open",
      value: LONDON_BAND,
      channel: "C0LATE",
    });
    await h.send(form(payload));
    const eph = await h.fake.nextCall(
      (c) => c.method === "chat.postEphemeral" && c.body.channel === "C0LATE",
      {
        since,
      },
    );
    expect(allText(eph.body)).toContain(APOLOGY.slice(0, 40));
    expect(h.logs.some((l) => / ERROR .*compbot_offer_open failed.*expired_trigger_id/.test(l))).toBe(true);
  });
});

describe("the offer modal's submission", () => {
  it.each([
    [{ base: "abc" }, { offer_base: /can't read “abc”/ }],
    [{ base: "150k", vest: "0" }, { offer_vest: /1 to 10 years/ }],
    [{}, { offer_base: /at least one figure/ }],
    [{ vest: "4" }, { offer_base: /at least one figure/ }],
    [{ base: "150k", bonus: "120%" }, { offer_bonus: /at most 100%/ }],
    [
      { stock: "12O", signing: "20" },
      { offer_stock: /can't read “12O”/, offer_signing: /Did you mean 20k/ },
    ],
  ])("%j -> response_action errors next to the fields, nothing posted", async (fields, expected) => {
    const view = await openModal();
    const since = h.fake.mark();
    const ack = await submit(view, fields);
    expect(ack.response_action).toBe("errors");
    const errors = ack.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(Object.keys(expected).sort());
    for (const [blockId, message] of Object.entries(expected)) expect(errors[blockId]).toMatch(message);
    // Every error key is an input block of the modal.
    const blockIds = (view.blocks as Json[]).filter((b) => b.type === "input").map((b) => b.block_id);
    for (const key of Object.keys(errors)) expect(blockIds).toContain(key);
    // The handler returns right after the ack: nothing is posted for a bad submission.
    expect(h.fake.calls.items.filter((c) => c.seq > since && isMessageCall(c))).toEqual([]);
  });

  it("good values: the modal closes and the offer check arrives ephemerally in the channel, nothing else", async () => {
    const view = await openModal(LONDON_BAND, { channel: "C0GENERAL", user: "U0ALICE" });
    const since = h.fake.mark();
    const ack = await submit(view, {
      base: "150k",
      stock: "£120,000",
      vest: "4",
      bonus: "10%",
      signing: "20k",
    });
    expect(ack).toEqual({});
    const eph = await h.fake.nextCall((c) => c.method === "chat.postEphemeral", { since });
    expect(eph.body.channel).toBe("C0GENERAL");
    expect(eph.body.user).toBe("U0ALICE");
    expect(blockKitViolations(messageOf(eph.body))).toEqual([]);
    const text = allText(eph.body);
    expect(text).toContain("Offer check · ML/AI Engineer · Segment · London");
    expect(text).toContain("*Base*  £150K\nband £132K–£165K");
    expect(text).toContain("`▕■■■■■□□□□□▏`");
    expect(text).toContain("*Stock (grant over 4 yrs)*  £120K");
    expect(text).toContain("£150K + £120K ÷ 4 + 10% × £150K = £195K");
    expect(text).toContain("+ £20K signing bonus in year one");
    expect(text).toContain("*Counter-offer*");
    expect(text).toContain("Not financial, tax or legal advice");
    expect(buttonsOf(eph.body).map((b) => b.actionId)).not.toContain("compbot_share");
    // The ephemeral post is the handler's last step.
    expect(h.fake.calls.items.filter((c) => c.seq > since && c.method !== "chat.postEphemeral")).toEqual([]);
  });

  it("no stock and no signing bonus typed as 0 and none: placed as £0, not refused", async () => {
    const view = await openModal(LONDON_BAND, { channel: "C0GENERAL", user: "U0ALICE" });
    const since = h.fake.mark();
    expect(await submit(view, { base: "150k", stock: "0", bonus: "10%", signing: "none" })).toEqual({});
    const eph = await h.fake.nextCall((c) => c.method === "chat.postEphemeral", { since });
    const text = allText(eph.body);
    expect(text).toContain("*Stock (grant over 4 yrs)*  £0");
    // £150K + £0 ÷ 4 + 10% × £150K = £165K.
    expect(text).toContain("£150K + £0 ÷ 4 + 10% × £150K = £165K");
  });

  it("another region picked in the modal, 3-year vesting, bonus as an amount", async () => {
    const view = await openModal(LONDON_BAND, { channel: "C0GENERAL" });
    const since = h.fake.mark();
    await submit(view, { base: "$200k", stock: "$300k", vest: "3", bonus: "$20k" }, { region: "new-york" });
    const eph = await h.fake.nextCall((c) => c.method === "chat.postEphemeral", { since });
    const text = allText(eph.body);
    expect(text).toContain("Segment · New York");
    // $300K over 3 years is $400K on the band's 4-year basis ($300K ÷ 3 × 4).
    expect(text).toContain("*Stock (3-yr grant on a 4-yr basis)*  $400K");
    expect(text).toContain("($300K ÷ 3 × 4)");
    expect(text).toContain("$200K + $300K ÷ 3 + $20K = $320K");
  });

  it("a $ offer for the London band: the currency mismatch answer, privately", async () => {
    const view = await openModal(LONDON_BAND, { channel: "C0GENERAL" });
    const since = h.fake.mark();
    await submit(view, { base: "$150k" });
    const eph = await h.fake.nextCall((c) => c.method === "chat.postEphemeral", { since });
    expect(allText(eph.body)).toContain("Your offer is in USD but the London band is in GBP");
    expect(allText(eph.body)).not.toMatch(/▕/);
  });

  it("not in the channel (postEphemeral refused): sent by DM instead", async () => {
    const view = await openModal(LONDON_BAND, { channel: "C0NOTIN", user: "U0BOB" });
    const since = h.fake.mark();
    h.fake.failNext("chat.postEphemeral", "user_not_in_channel");
    await submit(view, { base: "150k" }, { user: "U0BOB" });
    const dm = await h.fake.nextCall((c) => c.method === "chat.postMessage", { since });
    expect(dm.body.channel).toBe("D0BOB");
    expect(allText(dm.body)).toContain("`▕■■■■■□□□□□▏`");
    expect(h.fake.callsTo("conversations.open", since).map((c) => c.body.users)).toEqual(["U0BOB"]);
    // Already in the DM: nothing to send there again; Slack's own feedback buttons instead of plain ones.
    expect(buttonsOf(dm.body).map((b) => b.actionId)).not.toContain("compbot_send_dm");
    expect(((dm.body.blocks ?? []) as Json[]).some((b) => b.type === "context_actions")).toBe(true);
  });

  it("no channel in the metadata: by DM", async () => {
    const view = await openModal();
    const metadata = JSON.stringify({ command: "segment ml-ai-engineer", user: "U0CAROL" });
    const since = h.fake.mark();
    await submit(view, { base: "150k" }, { user: "U0CAROL", metadata });
    const dm = await h.fake.nextCall((c) => c.method === "chat.postMessage", { since });
    expect(dm.body.channel).toBe("D0CAROL");
    expect(h.fake.callsTo("chat.postEphemeral", since)).toEqual([]);
  });

  it("submitted by someone else than the clicker: only the submitter gets it, by DM", async () => {
    const view = await openModal(LONDON_BAND, { channel: "C0GENERAL", user: "U0ALICE" });
    const since = h.fake.mark();
    await submit(view, { base: "150k" }, { user: "U0EVE" });
    const dm = await h.fake.nextCall((c) => c.method === "chat.postMessage", { since });
    expect(dm.body.channel).toBe("D0EVE");
    expect(h.fake.callsTo("chat.postEphemeral", since)).toEqual([]);
  });

  it.each(["", "not json", '{"command":"segment ml-ai-engineer london base 1","user":"U0ALICE"}'])(
    "unreadable metadata (%j): an error in the modal, nothing posted",
    async (metadata) => {
      const view = await openModal();
      const ack = await submit(view, { base: "150k" }, { metadata });
      expect(ack).toEqual({ response_action: "errors", errors: { offer_region: FORM_EXPIRED } });
    },
  );
});

describe("/comp offer", () => {
  const offer = (words: string) => comp(`offer segment ml-ai-engineer london ${words}`);

  it("full offer: every component placed, annualised total, counter-offer, ephemeral", async () => {
    const body = await offer("base 150k stock 120k bonus 10% signing 20k vest 3y");
    expect(body.response_type).toBe("ephemeral");
    const text = allText(body);
    expect(text).toContain("`▕■■■■■□□□□□▏`");
    // £120K over 3 years is £160K on the band's 4-year basis.
    expect(text).toContain("*Stock (3-yr grant on a 4-yr basis)*  £160K");
    expect(text).toContain("£150K + £120K ÷ 3 + 10% × £150K = £205K");
    expect(text).toContain("*Script with these figures*");
    expect(buttonsOf(body).map((b) => b.actionId)).not.toContain("compbot_share");
  });

  it("numbers as people write them: base: £150k, stock: £120k, bonus: 10%", async () => {
    const text = allText(
      await comp("offer segment ml-ai-engineer london base: £150k, stock: £120k, bonus: 10%"),
    );
    expect(text).toContain("*Base*  £150K");
    expect(text).toContain("*Stock (grant over 4 yrs)*  £120K");
    // 150,000 + 120,000 / 4 + 15,000
    expect(text).toContain("£150K + £120K ÷ 4 + 10% × £150K = £195K");
  });

  it("stock alone: the notification text places no total", async () => {
    const body = await offer("stock 120k");
    expect(body.text).toBe(
      "Offer check for ML/AI Engineer at Segment, London: stock (grant over 4 yrs) £120K, 21% of the way through the band; no total placed (base and bonus not given)",
    );
  });

  it("no region: asks which, one 'Check offer' button a region", async () => {
    const body = await comp("offer segment ml-ai-engineer base 150k");
    expect(body.text).toMatch(/^Which region is the offer for\?/);
    expect(buttonsOf(body).map((b) => [b.text, b.value])).toEqual([
      ["Check offer · San Francisco", "offer segment ml-ai-engineer san-francisco base 150000"],
      ["Check offer · New York", "offer segment ml-ai-engineer new-york base 150000"],
      ["Check offer · London", "offer segment ml-ai-engineer london base 150000"],
    ]);
  });

  it("pay told as current: asks which region with 'Check pay' buttons, and each gives a private pay check", async () => {
    const body = await comp("I currently make 150k base at segment ml engineer");
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe(
      "Which region are you paid in? ML/AI Engineer at Segment has bands for San Francisco, New York, London: pick one to place your pay in.",
    );
    const buttons = buttonsOf(body).filter((b) => b.text.startsWith("Check "));
    expect(buttons.map((b) => [b.text, b.value])).toEqual([
      ["Check pay · San Francisco", "segment ml-ai-engineer san-francisco currently base 150000"],
      ["Check pay · New York", "segment ml-ai-engineer new-york currently base 150000"],
      ["Check pay · London", "segment ml-ai-engineer london currently base 150000"],
    ]);
    const london = buttons[2]!;
    const id = uniqueId("paybtn");
    const since = h.fake.mark();
    await h.send(
      form(
        blockActionsPayload({
          actionId: london.actionId,
          value: london.value,
          responseUrl: h.fake.responseUrl(id),
        }),
      ),
    );
    const reply = await h.fake.nextCall((c) => c.method === "respond" && c.respondId === id, { since });
    expect(reply.body.response_type).toBe("ephemeral");
    const text = allText(reply.body);
    expect(text).toContain("Pay check · ML/AI Engineer · Segment · London");
    expect(text).toContain("*Where your pay sits in the London band*");
    expect(text).not.toContain("Offer check");
  });

  it("'Share' with an offer's figures in its words never posts them in the channel, whatever the answer", async () => {
    for (const value of [
      "offer segment ml-ai-engineer base 150000",
      "offer base 150000",
      "segment currently base 150000",
    ]) {
      const id = uniqueId("sharefig");
      const since = h.fake.mark();
      await h.send(
        form(blockActionsPayload({ actionId: "compbot_share", value, responseUrl: h.fake.responseUrl(id) })),
      );
      const reply = await h.fake.nextCall((c) => c.method === "respond" && c.respondId === id, { since });
      expect(reply.body.response_type, value).toBe("ephemeral");
    }
  });

  it("a $ offer for London: each USD region once, labelled with what it does", async () => {
    const body = await comp("offer segment ml-ai-engineer london base $150k stock 120k");
    // The region buttons (feedback buttons may follow them).
    const regions = buttonsOf(body).filter((b) => /San Francisco|New York|London/.test(b.text));
    expect(regions.map((b) => b.text)).toEqual(["Check offer · San Francisco", "Check offer · New York"]);
  });

  it("£ and full numbers in any order", async () => {
    const text = allText(await comp("offer segment ml-ai-engineer london stock £120,000 base £150,000"));
    expect(text).toContain("*Base*  £150K");
    expect(text).toContain("*Stock (grant over 4 yrs)*  £120K");
  });

  it("partial offer (just a base): places no total, says which parts are missing, in the text too", async () => {
    const body = await offer("base 150k");
    const text = allText(body);
    expect(text).toContain("No total of the components placed: stock and bonus not given");
    expect(text).not.toContain("(partial)");
    expect(body.text).toBe(
      "Offer check for ML/AI Engineer at Segment, London: base £150K, 55% of the way through the band; no total placed (stock and bonus not given)",
    );
  });

  it.each([
    ["base 100k", "`▕□□□□□□□□□□▏`\nbelow the band"],
    ["base 150k", "`▕■■■■■□□□□□▏`\n55% of the way from low to high"],
    ["base 200k", "`▕■■■■■■■■■■▏`\nabove the band"],
  ])("%s -> %j", async (words, expected) => {
    expect(allText(await offer(words))).toContain(expected);
  });

  it("a $ offer for a London band: not compared, regions in USD offered", async () => {
    const body = await offer("base $150k");
    const text = allText(body);
    expect(text).toContain("Your offer is in USD but the London band is in GBP, so I haven't compared them.");
    expect(text).not.toMatch(/▕/);
    expect(buttonsOf(body).map((b) => b.value)).toContain(
      "offer segment ml-ai-engineer new-york base USD 150000",
    );
  });

  it("an unreadable figure is named back with a guess", async () => {
    const text = allText(await offer("base 150k stock 12O"));
    expect(text).toContain("I couldn't read `stock 12O` — did you mean `120k`?");
  });
});

describe("privacy: no offer check is ever posted in a channel", () => {
  const OFFER = "offer segment ml-ai-engineer london base 150k stock 120k bonus 10%";

  it("slash: ephemeral ack", async () => {
    const body = await comp(OFFER);
    expect(body.response_type).toBe("ephemeral");
    expect(allText(body)).toContain("Offer check");
  });

  it("mention in a channel: by DM, with an ephemeral note in the thread; nothing posted in the channel", async () => {
    const since = h.fake.mark();
    await h.send(
      eventCallback(appMentionEvent({ text: `${BOT} ${OFFER}`, channel: "C0MENTION", user: "U0DAN" })),
    );
    const dm = await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === "D0DAN", {
      since,
    });
    expect(allText(dm.body)).toContain("Offer check");
    const note = await h.fake.nextCall(
      (c) => c.method === "chat.postEphemeral" && c.body.channel === "C0MENTION",
      { since },
    );
    expect(note.body.user).toBe("U0DAN");
    expect(h.fake.callsTo("chat.postMessage", since).map((c) => c.body.channel)).toEqual(["D0DAN"]);
  });

  it("DM, in plain words: answered in the DM", async () => {
    const since = h.fake.mark();
    await h.send(
      eventCallback(
        directMessageEvent({
          text: "I got an offer from Segment in London: £150k base, £120k RSUs over 4 years and a 10% bonus. Is it good?",
          channel: "D0ALICE",
        }),
      ),
    );
    const dm = await h.fake.nextCall((c) => c.method === "chat.postMessage" && c.body.channel === "D0ALICE", {
      since,
    });
    const text = allText(dm.body);
    expect(text).toContain("Offer check · ML/AI Engineer · Segment · London");
    expect(text).toContain("`▕■■■■■□□□□□▏`");
  });

  it.each(["compbot_run_0", "compbot_share"])(
    "button %s with an offer: ephemeral, never in_channel",
    async (actionId) => {
      const id = uniqueId("offerbtn");
      const since = h.fake.mark();
      await h.send(
        form(blockActionsPayload({ actionId, value: OFFER, responseUrl: h.fake.responseUrl(id) })),
      );
      const reply = await h.fake.nextCall((c) => c.method === "respond" && c.respondId === id, { since });
      expect(reply.body.response_type).toBe("ephemeral");
      expect(allText(reply.body)).toContain("Offer check");
    },
  );

  it("across this whole file: offer checks only ever went to DMs, ephemerally or in an ephemeral ack", () => {
    const offerCalls = h.fake.calls.items.filter(
      (c) => isMessageCall(c) && /Offer check|Pay check/.test(allText(c.body)),
    );
    expect(offerCalls.length).toBeGreaterThan(10);
    for (const c of offerCalls) {
      if (c.method === "chat.postMessage") expect(String(c.body.channel)).toMatch(/^D/);
      if (c.method === "respond") expect(c.body.response_type).toBe("ephemeral");
    }
    for (const c of h.fake.calls.items) {
      if (c.method === "respond") expect(c.body.response_type).not.toBe("in_channel");
    }
    for (const a of acks) expect(a.response_type).toBe("ephemeral");
  });
});

describe("limits and logs", () => {
  it("every message and ack respects Block Kit limits; every modal respects the view limits", () => {
    expect(violationsInCalls(h.fake.calls.items)).toEqual([]);
    for (const a of acks) expect(blockKitViolations(messageOf(a))).toEqual([]);
    expect(views.length).toBeGreaterThan(5);
    for (const v of views) expect(modalViolations(v)).toEqual([]);
  });

  /** Figures typed in this file (as typed, as read, as rendered). */
  const FIGURES = ["150k", "150000", "150,000", "£150K", "120,000", "£120K", "£195K", "$300K", "300000"];
  /** @slack/web-api's debug lines dumping whole request/response bodies (see the known-issue test below). */
  const WEB_API_DUMP = /DEBUG \[compbot\] http request (body|result):/;

  it("CompBot's own log lines (debug level) never contain the offer figures", () => {
    const lines = h.logs.filter((l) => !WEB_API_DUMP.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const f of FIGURES) expect(lines.filter((l) => l.includes(f))).toEqual([]);
    expect(h.logs.filter((l) => / ERROR /.test(l) && !/expired_trigger_id/.test(l))).toEqual([]);
  });

  // At debug level @slack/web-api logs every request and response body ("http request body: {…blocks…}")
  // through the app's logger; src/slack/log.ts cuts those, so an offer check never reaches the log.
  it("no debug line at all contains the offer figures (the web-api body dumps are cut)", () => {
    for (const f of FIGURES) expect(h.logs.filter((l) => l.includes(f))).toEqual([]);
  });
});
