/** The offer modal's pieces: the view within Slack's limits, field validation, and the question it builds. */
import type { KnownBlock, ModalView } from "@slack/types";
import { describe, expect, it } from "vitest";
import { loadCompBot } from "../../src/bot.ts";
import type { Guide } from "../../src/guides/types.ts";
import { parseOffer } from "../../src/questions/offer.ts";
import {
  OFFER_INPUTS,
  type OfferForm,
  OfferModalMetadata,
  offerModal,
  offerQuestion,
  readOfferForm,
  type StateValues,
} from "../../src/slack/offer-form.ts";
import { modalViolations } from "../support/modal-limits.ts";
import { GUIDES_DIR } from "../support/slack-harness.ts";

const { bot } = await loadCompBot(GUIDES_DIR);
const guide = bot.guides.find((g) => g.id === "segment/ml-ai-engineer") as Guide;
const london = guide.bands.find((b) => b.regionSlug === "london")!;
const metadata = { command: "segment ml-ai-engineer", channel: "C0GENERAL", user: "U0ALICE" };

function state(fields: Partial<Record<keyof typeof OFFER_INPUTS, string>>, region = "london"): StateValues {
  const values: StateValues = {
    [OFFER_INPUTS.region.blockId]: {
      [OFFER_INPUTS.region.actionId]: { selected_option: { value: region } },
    },
  };
  for (const f of ["base", "stock", "vest", "bonus", "signing"] as const) {
    const { blockId, actionId } = OFFER_INPUTS[f];
    values[blockId] = { [actionId]: { value: fields[f] ?? null } };
  }
  return values;
}

function errorsFor(fields: Partial<Record<keyof typeof OFFER_INPUTS, string>>): Record<string, string> {
  const result = readOfferForm(state(fields));
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(fields)}`);
  return result.errors;
}

function formFor(fields: Partial<Record<keyof typeof OFFER_INPUTS, string>>): OfferForm {
  const result = readOfferForm(state(fields));
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.form;
}

describe("offerModal", () => {
  const view = offerModal(guide, london, metadata) as ModalView;
  const blocks = view.blocks as KnownBlock[];

  it("is a valid modal: title, callback id, inputs, region preselected, metadata", () => {
    expect(modalViolations(view)).toEqual([]);
    expect(view.callback_id).toBe("compbot_offer");
    expect(view.title.text).toBe("Check my offer");
    expect(OfferModalMetadata.parse(JSON.parse(view.private_metadata ?? ""))).toEqual(metadata);
    const json = JSON.stringify(view);
    for (const s of ["ML/AI Engineer · Segment", "150k", "£150,000", "10% or 15k", "at least one"]) {
      expect(json).toContain(s);
    }
  });

  it("the clicked region is the initial option of a select of every region", () => {
    const region = blocks.find((b) => b.block_id === OFFER_INPUTS.region.blockId);
    expect(region?.type).toBe("input");
    const el = region?.type === "input" ? region.element : undefined;
    expect(el?.type).toBe("static_select");
    if (el?.type !== "static_select") return;
    expect(el.options?.map((o) => o.value)).toEqual(["san-francisco", "new-york", "london"]);
    expect(el.initial_option?.value).toBe("london");
    const ny = offerModal(guide, guide.bands[1]!, metadata);
    expect(JSON.stringify(ny)).toContain('"initial_option":{"text":{"type":"plain_text","text":"New York');
  });

  it("vesting starts at 4; every figure is optional", () => {
    const inputs = blocks.filter((b) => b.type === "input");
    const vest = inputs.find((b) => b.block_id === OFFER_INPUTS.vest.blockId);
    expect(
      vest?.type === "input" && vest.element.type === "plain_text_input" && vest.element.initial_value,
    ).toBe("4");
    for (const f of ["base", "stock", "vest", "bonus", "signing"] as const) {
      const b = inputs.find((x) => x.block_id === OFFER_INPUTS[f].blockId);
      expect(b?.type === "input" && b.optional).toBe(true);
    }
  });

  it("stays within limits for a guide with 150 regions (options capped at 100)", () => {
    const many = {
      ...guide,
      bands: Array.from({ length: 150 }, (_, i) => ({
        ...london,
        region: `Region ${i} ${"x".repeat(100)}`,
        regionSlug: `region-${i}`,
      })),
    };
    const big = offerModal(many, many.bands[120]!, metadata);
    expect(modalViolations(big)).toEqual([]);
  });

  it("no usable region: no modal", () => {
    expect(offerModal({ ...guide, bands: [] }, london, metadata)).toBeNull();
  });
});

describe("OfferModalMetadata", () => {
  it.each([
    {},
    { ...metadata, command: "segment ml-ai-engineer london base 150k" },
    { ...metadata, user: "<!channel>" },
    { ...metadata, channel: "" },
  ])("rejects %j", (bad) => {
    expect(OfferModalMetadata.safeParse(bad).success).toBe(false);
  });
});

describe("readOfferForm", () => {
  it("reads k, M, commas, symbols and codes", () => {
    expect(formFor({ base: "150k" }).base).toEqual({ amount: 150000, currency: null });
    expect(formFor({ base: "£150,000" }).base).toEqual({ amount: 150000, currency: "£" });
    expect(formFor({ base: "$ 1.2M" }).base).toEqual({ amount: 1200000, currency: "$" });
    expect(formFor({ base: "gbp 150k" }).base).toEqual({ amount: 150000, currency: "GBP" });
    expect(formFor({ base: "150 K EUR" }).base).toEqual({ amount: 150000, currency: "EUR" });
    expect(formFor({ base: "150.5k" }).base?.amount).toBe(150500);
    expect(formFor({ stock: "120k" }).vestYears).toBe(4);
    expect(formFor({ stock: "120k", vest: "3" }).vestYears).toBe(3);
    expect(formFor({ stock: "120k", vest: "3 years" }).vestYears).toBe(3);
    expect(formFor({ bonus: "10%" }).bonus).toEqual({ percent: 10 });
    expect(formFor({ bonus: "15k" }).bonus).toEqual({ amount: 15000, currency: null });
    expect(formFor({ signing: "€20k" }).signing).toEqual({ amount: 20000, currency: "€" });
  });

  it("no stock, no bonus, no signing bonus: 0 or none, as a message can say it", () => {
    expect(formFor({ base: "150k", stock: "0" }).stock).toEqual({ amount: 0, currency: null });
    expect(formFor({ base: "150k", stock: "none" }).stock).toEqual({ amount: 0, currency: null });
    expect(formFor({ base: "150k", signing: "N/A" }).signing).toEqual({ amount: 0, currency: null });
    expect(formFor({ base: "150k", bonus: "0%" }).bonus).toEqual({ percent: 0 });
    expect(formFor({ base: "150k", bonus: "no" }).bonus).toEqual({ percent: 0 });
    const q = offerQuestion("segment ml-ai-engineer", formFor({ base: "150k", stock: "0", signing: "none" }));
    expect(q).toBe("offer segment ml-ai-engineer london base 150000 stock 0 signing 0 vest 4y");
    const parsed = parseOffer(q);
    expect([parsed.stock?.amount, parsed.signing?.amount, parsed.unreadable]).toEqual([0, 0, []]);
  });

  it("figures written in words", () => {
    expect(formFor({ base: "a hundred and fifty thousand" }).base).toEqual({
      amount: 150000,
      currency: null,
    });
    expect(formFor({ bonus: "ten percent" }).bonus).toEqual({ percent: 10 });
    expect(formFor({ stock: "120k", vest: "three years" }).vestYears).toBe(3);
  });

  it.each([
    [{ base: "abc" }, "offer_base", /can't read “abc”.*150k, 150,000 or £150,000/],
    [{ base: "150" }, "offer_base", /too small.*Did you mean 150k\?/],
    [{ base: "0" }, "offer_base", /above 0/],
    [{ base: "10%" }, "offer_base", /percentage only works for the bonus/],
    [{ base: "999M" }, "offer_base", /more than 100M/],
    [{ base: "xyz 150k" }, "offer_base", /currency “XYZ”/],
    [{ base: "£150k USD" }, "offer_base", /different currencies/],
    [{ stock: "12O" }, "offer_stock", /can't read “12O”/],
    [{ base: "150k", vest: "0" }, "offer_vest", /1 to 10 years/],
    [{ base: "150k", vest: "11" }, "offer_vest", /1 to 10 years/],
    [{ base: "150k", vest: "2.5" }, "offer_vest", /whole years/],
    [{ base: "150k", vest: "four" }, "offer_vest", /can't read “four”/],
    [{ bonus: "150%" }, "offer_bonus", /at most 100% of base/],
    [{ bonus: "15" }, "offer_bonus", /percentage or an amount\? Write 15% or 15k/],
    [{ bonus: "lots" }, "offer_bonus", /percentage of base \(e\.g\. 10%\) or an amount/],
    [{ signing: "20" }, "offer_signing", /Did you mean 20k\?/],
    [{ signing: "20k a year" }, "offer_signing", /signing bonus is paid once: enter its whole amount/],
    [{}, "offer_base", /at least one figure/],
    [{ vest: "4" }, "offer_base", /at least one figure/],
  ])("%j -> error on %s", (fields, blockId, message) => {
    const errors = errorsFor(fields);
    expect(Object.keys(errors)).toEqual([blockId]);
    expect(errors[blockId]).toMatch(message);
  });

  it("reports every bad field at once", () => {
    expect(Object.keys(errorsFor({ base: "abc", stock: "x", vest: "0", bonus: "200%" })).sort()).toEqual([
      "offer_base",
      "offer_bonus",
      "offer_stock",
      "offer_vest",
    ]);
  });

  it("a missing or odd region is an error on the region", () => {
    expect(readOfferForm(state({ base: "150k" }, "new york"))).toEqual({
      ok: false,
      errors: { offer_region: "Pick a region from the list." },
    });
  });
});

describe("offerQuestion", () => {
  it("writes the /comp words the core's parser reads back exactly", () => {
    const form = formFor({ base: "£150,000", stock: "120k", vest: "3", bonus: "10%", signing: "GBP 20k" });
    const question = offerQuestion("segment ml-ai-engineer", form);
    expect(question).toBe(
      "offer segment ml-ai-engineer london base £150000 stock 120000 bonus 10% signing GBP 20000 vest 3y",
    );
    const parsed = parseOffer(question);
    expect(parsed.unreadable).toEqual([]);
    expect(parsed.base).toMatchObject({ amount: 150000, currency: "GBP" });
    expect(parsed.stock).toMatchObject({ amount: 120000, currency: null });
    expect(parsed.bonusPct).toBe(10);
    expect(parsed.signing).toMatchObject({ amount: 20000, currency: "GBP" });
    expect(parsed.vestYears).toBe(3);
    expect(parsed.rest).toBe("offer segment ml-ai-engineer london");
  });

  it("a range and 150 000 in the modal read the same as in /comp", () => {
    const form = formFor({ base: "150-170k", stock: "120 000", bonus: "10-15%" });
    expect(form.base).toEqual({ amount: 150000, high: 170000, currency: null });
    expect(form.stock).toEqual({ amount: 120000, currency: null });
    const q = offerQuestion("segment ml-ai-engineer", form);
    expect(q).toBe(
      "offer segment ml-ai-engineer london base 150000-170000 stock 120000 bonus 10-15% vest 4y",
    );
    const parsed = parseOffer(q);
    expect(parsed.base).toMatchObject({ amount: 150000, high: 170000 });
    expect([parsed.bonusPct, parsed.bonusPctHigh]).toEqual([10, 15]);
    expect(parsed.unreadable).toEqual([]);
  });

  it("stock typed per year or per month becomes the grant, in the modal as in /comp", () => {
    const yearly = formFor({ stock: "30k/yr", vest: "3" });
    expect(yearly.stock).toEqual({ amount: 30000, currency: null, perYear: true });
    const q = offerQuestion("segment ml-ai-engineer", yearly);
    expect(q).toBe("offer segment ml-ai-engineer london stock 30000/yr vest 3y");
    // 30,000 a year × 3 years.
    expect(parseOffer(q).stock).toMatchObject({ amount: 90000, yearly: { amount: 30000, high: 30000 } });
    // 2,500 a month is 30,000 a year; × 4 years (the default).
    const monthly = offerQuestion("segment ml-ai-engineer", formFor({ stock: "£2.5k a month" }));
    expect(monthly).toBe("offer segment ml-ai-engineer london stock £30000/yr vest 4y");
    expect(parseOffer(monthly).stock).toMatchObject({ amount: 120000, currency: "GBP" });
    expect(parseOffer(monthly).unreadable).toEqual([]);
  });

  it("a bonus amount and a missing base", () => {
    const q = offerQuestion("segment ml-ai-engineer", formFor({ bonus: "$15k" }));
    expect(q).toBe("offer segment ml-ai-engineer london bonus $15000 vest 4y");
    expect(parseOffer(q).bonusAmount).toMatchObject({ amount: 15000, currency: "USD" });
  });
});
