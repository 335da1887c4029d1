/**
 * The "Check my offer" modal: the view (opened from a band answer's button), what travels in its
 * `private_metadata`, and reading a submission back: each field validated with a message next to it, then the
 * offer question for the core (`offer <company> <role> <region> base … stock … bonus … signing … vest Ny`).
 *
 * Nothing here logs or keeps the figures: they go from the submission to the question and nowhere else.
 */
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { Band, Guide } from "../guides/types.ts";
import { CURRENCY_CODES, currencyOf } from "../money/currency.ts";
import { numberWordsToDigits } from "../money/number-words.ts";
import { readFigure } from "../money/read.ts";
import { DEFAULT_VEST_YEARS, MAX_VEST_YEARS } from "../questions/offer.ts";
import { currencyCode, DOT, guideTitle, oneLine, regionName } from "../render/describe.ts";
import { escapeMrkdwn } from "../render/escape.ts";
import { contextBlock, plainText, sectionBlock, truncate } from "../render/limits.ts";
import { z } from "../runtime/zod.ts";

export const OFFER_CALLBACK_ID = "compbot_offer";
export const OFFER_MODAL_TITLE = "Check my offer";
/** Slack's limits for modals and the parts of them used here. */
export const MODAL_LIMITS = {
  title: 24,
  button: 24,
  blocks: 100,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  privateMetadata: 3000,
  options: 100,
  optionText: 75,
  optionValue: 150,
} as const;

export type OfferField = "base" | "stock" | "vest" | "bonus" | "signing";

/** block_id / action_id of every input (each unique in the view). */
export const OFFER_INPUTS = {
  region: { blockId: "offer_region", actionId: "offer_region_select" },
  base: { blockId: "offer_base", actionId: "offer_base_input" },
  stock: { blockId: "offer_stock", actionId: "offer_stock_input" },
  vest: { blockId: "offer_vest", actionId: "offer_vest_input" },
  bonus: { blockId: "offer_bonus", actionId: "offer_bonus_input" },
  signing: { blockId: "offer_signing", actionId: "offer_signing_input" },
} as const;

const slug = z
  .string()
  .min(1)
  .max(MODAL_LIMITS.optionValue)
  .regex(/^[^\s]+$/);
const slackId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9_-]+$/);

/** What the modal carries from the click to the submission (validated when it comes back). */
export const OfferModalMetadata = z.object({
  /** The guide's /comp words: "segment ml-ai-engineer". */
  command: z
    .string()
    .max(500)
    .regex(/^[^\s]+ [^\s]+$/),
  /** Where the button was clicked (answer there ephemerally when possible). */
  channel: slackId.optional(),
  /** The thread the button was in, if any. */
  thread: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .optional(),
  user: slackId,
});
export type OfferModalMetadata = z.infer<typeof OfferModalMetadata>;

/** A band's option in the region select (null when its slug cannot be a value). */
function regionOption(band: Band): PlainTextOption | null {
  const value = oneLine(band.regionSlug);
  if (!slug.safeParse(value).success) return null;
  return {
    text: plainText(`${regionName(band)}${DOT}${currencyCode(band)}`, MODAL_LIMITS.optionText),
    value,
  };
}

function textInput(
  field: OfferField,
  label: string,
  hint: string,
  placeholder: string,
  initialValue?: string,
): KnownBlock {
  const { blockId, actionId } = OFFER_INPUTS[field];
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plainText(label, MODAL_LIMITS.label),
    hint: plainText(hint, MODAL_LIMITS.hint),
    element: {
      type: "plain_text_input",
      action_id: actionId,
      max_length: 40,
      placeholder: plainText(placeholder, MODAL_LIMITS.placeholder),
      ...(initialValue !== undefined ? { initial_value: initialValue } : {}),
    },
  };
}

/**
 * The modal for a guide, with `band` (the clicked region) preselected. Null when the guide has no band whose
 * region can be offered (nothing to compare with).
 */
export function offerModal(guide: Guide, band: Band, metadata: OfferModalMetadata): ModalView | null {
  const options = guide.bands
    .map(regionOption)
    .filter((o): o is PlainTextOption => o !== null)
    .slice(0, MODAL_LIMITS.options);
  const initial = options.find((o) => o.value === oneLine(band.regionSlug)) ?? options[0];
  if (initial === undefined) return null;
  const currency = currencyCode(band);
  const unmarked = `Without a symbol, figures are read in the region's currency (${regionName(band)}: ${currency}).`;
  const blocks: KnownBlock[] = [
    sectionBlock(
      `*${escapeMrkdwn(truncate(guideTitle(guide), 200))}*\nI'll place each figure in the guide's band for the region and suggest a counter-offer. Only you see the answer; nothing you type is kept.`,
    ),
    {
      type: "input",
      block_id: OFFER_INPUTS.region.blockId,
      label: plainText("Region", MODAL_LIMITS.label),
      element: {
        type: "static_select",
        action_id: OFFER_INPUTS.region.actionId,
        options,
        initial_option: initial,
      },
    },
    textInput("base", "Base salary (per year)", `e.g. 150k, 150,000 or £150,000. ${unmarked}`, "e.g. 150k"),
    textInput(
      "stock",
      "Stock grant (total over vesting)",
      "The whole grant (e.g. 120k or £480,000), or a year's vesting written as one (e.g. 30k/yr).",
      "e.g. 120k",
    ),
    textInput(
      "vest",
      "Vesting years",
      `Whole years from 1 to ${MAX_VEST_YEARS}; the stock grant is spread over them.`,
      "e.g. 4",
      String(DEFAULT_VEST_YEARS),
    ),
    textInput(
      "bonus",
      "Annual bonus",
      "A percentage of base or an amount: e.g. 10% or 15k.",
      "e.g. 10% or 15k",
    ),
    textInput("signing", "Signing bonus", "Paid once, in year one: e.g. 20k or £20,000.", "e.g. 20k"),
    contextBlock([
      "Every figure is optional, but I need at least one. Not financial, tax or legal advice: the band is a market estimate from the guide.",
    ]),
  ];
  return {
    type: "modal",
    callback_id: OFFER_CALLBACK_ID,
    title: plainText(OFFER_MODAL_TITLE, MODAL_LIMITS.title),
    submit: plainText("Check offer", MODAL_LIMITS.button),
    close: plainText("Cancel", MODAL_LIMITS.button),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a submission
// ---------------------------------------------------------------------------------------------------------------

/** The inputs' state as Slack sends it in `view.state.values[block_id][action_id]` (validated in payloads.ts). */
export type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

export interface Money {
  amount: number;
  /** The high end when a range was typed ("150-170k"); absent for one figure. */
  high?: number;
  /** "£" / "$" / … or an ISO code ("GBP"), as written; null when none was. */
  currency: string | null;
  /** Typed with a period ("30k/yr", "2.5k a month"): `amount` is then a year's worth. */
  perYear?: boolean;
}

export interface OfferForm {
  region: string;
  base: Money | null;
  stock: Money | null;
  vestYears: number;
  bonus: { percent: number; percentHigh?: number } | Money | null;
  signing: Money | null;
}

export type FormResult = { ok: true; form: OfferForm } | { ok: false; errors: Record<string, string> };

const MAX_AMOUNT = 100_000_000;
const FORMATS = "Write it like 150k, 150,000 or £150,000.";
const CODE_LIKE = /(?:^([a-z]{3})(?=[\s\d$£€¥₹])|(?<=[\d\s$£€¥₹kKmM])([a-z]{3})$)/gi;
const SYMBOL_IN = /(?:US\$|C\$|A\$|S\$|[$£€¥₹])/;

/** The user's text quoted back in an error (short, one line). */
function quoted(text: string): string {
  return `“${truncate(text.replace(/\s+/g, " "), 30)}”`;
}

type Read<T> = { value: T } | { error: string };

/** Why a figure's currency cannot be read ("xyz 150k", "£150k USD", "GBP 150k EUR"), or null. */
function currencyProblem(text: string): string | null {
  const codes = [...text.matchAll(CODE_LIKE)].map((m) => (m[1] ?? m[2] ?? "").toUpperCase());
  const unknown = codes.find((c) => !CURRENCY_CODES.has(c));
  if (unknown !== undefined) {
    return `I don't know the currency ${quoted(unknown)}. Use £, $, € or a code like GBP, USD or EUR.`;
  }
  if (codes.length > 1) return "Write the currency once, e.g. GBP 150k or £150k.";
  const symbol = SYMBOL_IN.exec(text)?.[0];
  const code = codes[0];
  if (symbol !== undefined && code !== undefined && currencyOf(symbol) !== code) {
    return `${symbol} and ${code} are different currencies: write one, e.g. ${symbol}150k.`;
  }
  return null;
}

/** "0", "none", "no", "n/a": a part the offer does not have (stock, bonus, signing; never a base of 0). */
const NONE = /^(?:0+(?:\.0+)?\s*[k%]?|none|no|nil|nothing|n\/?a|-+)$/i;

/**
 * One amount (or range) typed in a field, read by the shared money reader; figures may be written in words.
 * `noneAllowed`: "0" or "none" is an amount of 0 (the offer check places it, as it does "stock 0" in a message).
 */
function readMoney(raw: string, what: string, noneAllowed = false): Read<Money> {
  const text = numberWordsToDigits(raw.trim());
  if (noneAllowed && NONE.test(text)) return { value: { amount: 0, currency: null } };
  const figure = readFigure(text);
  if (figure?.percent || (!figure && text.includes("%"))) {
    return { error: `A percentage only works for the bonus. Enter the ${what} as an amount, e.g. 150k.` };
  }
  if (!figure) {
    return { error: currencyProblem(text) ?? `I can't read ${quoted(text)} as an amount. ${FORMATS}` };
  }
  const amount = Math.round(figure.low);
  const high = Math.round(figure.high);
  if (!Number.isFinite(amount) || amount <= 0) {
    return { error: `Enter an amount above 0 (e.g. 150k), or leave this empty.` };
  }
  if (!figure.scaled && amount < 1000) {
    return {
      error: `${quoted(text)} looks too small for the ${what}. Did you mean ${text.replace(/[^\d.]/g, "")}k?`,
    };
  }
  if (high > MAX_AMOUNT) {
    return { error: `${quoted(text)} is more than 100M: check the figure (e.g. 150k or 1.2M).` };
  }
  if (figure.period !== null && what === "signing bonus") {
    return { error: `A signing bonus is paid once: enter its whole amount, e.g. 20k.` };
  }
  const currency = figure.mark;
  const money: Money = high !== amount ? { amount, high, currency } : { amount, currency };
  // Base and bonus are yearly anyway; a stock figure per year is worked out into a grant by the offer check.
  if (figure.period !== null) money.perYear = true;
  return { value: money };
}

function readVest(raw: string): Read<number> {
  const text = numberWordsToDigits(raw.trim());
  const m = /^(\d+(?:\.\d+)?)\s*(?:y|yrs?|years?)?$/i.exec(text);
  if (!m)
    return {
      error: `I can't read ${quoted(text)} as years. Enter whole years from 1 to ${MAX_VEST_YEARS}, e.g. 4.`,
    };
  const years = Number(m[1]);
  if (!Number.isInteger(years))
    return { error: `Vesting is counted in whole years: 1 to ${MAX_VEST_YEARS}, e.g. 4.` };
  if (years < 1 || years > MAX_VEST_YEARS)
    return { error: `Vesting must be 1 to ${MAX_VEST_YEARS} years, e.g. 4.` };
  return { value: years };
}

function readBonus(raw: string): Read<{ percent: number; percentHigh?: number } | Money> {
  const text = numberWordsToDigits(raw.trim());
  if (NONE.test(text)) return { value: { percent: 0 } };
  const figure = readFigure(text);
  if (figure?.percent) {
    if (figure.high > 100) {
      return { error: "A bonus is at most 100% of base. Enter e.g. 10%, or an amount like 15k." };
    }
    return {
      value:
        figure.high !== figure.low
          ? { percent: figure.low, percentHigh: figure.high }
          : { percent: figure.low },
    };
  }
  if (text.includes("%")) {
    return {
      error: `I can't read ${quoted(text)}. Enter a percentage of base (e.g. 10%) or an amount (15k).`,
    };
  }
  const bare = /^(\d+(?:\.\d+)?)$/.exec(text);
  if (bare && Number(bare[1]) <= 100) {
    return { error: `Is ${quoted(text)} a percentage or an amount? Write ${bare[1]}% or ${bare[1]}k.` };
  }
  const money = readMoney(text, "bonus");
  if ("error" in money) {
    return money.error.startsWith("I can't read")
      ? { error: `I can't read ${quoted(text)}. Enter a percentage of base (e.g. 10%) or an amount (15k).` }
      : money;
  }
  return money;
}

function inputValue(values: StateValues, field: OfferField): string {
  const { blockId, actionId } = OFFER_INPUTS[field];
  return values[blockId]?.[actionId]?.value?.trim() ?? "";
}

/** Every field checked; errors are keyed by block_id, each saying what is wrong and what would work. */
export function readOfferForm(values: StateValues): FormResult {
  const errors: Record<string, string> = {};
  const region = values[OFFER_INPUTS.region.blockId]?.[OFFER_INPUTS.region.actionId]?.selected_option?.value;
  if (region === undefined || !slug.safeParse(region).success) {
    errors[OFFER_INPUTS.region.blockId] = "Pick a region from the list.";
  }
  const read = <T>(field: OfferField, reader: (raw: string) => Read<T>): T | null => {
    const raw = inputValue(values, field);
    if (raw === "") return null;
    const result = reader(raw);
    if ("error" in result) {
      errors[OFFER_INPUTS[field].blockId] = result.error;
      return null;
    }
    return result.value;
  };
  const base = read("base", (raw) => readMoney(raw, "base salary"));
  const stock = read("stock", (raw) => readMoney(raw, "stock grant", true));
  const vestYears = read("vest", readVest) ?? DEFAULT_VEST_YEARS;
  const bonus = read("bonus", readBonus);
  const signing = read("signing", (raw) => readMoney(raw, "signing bonus", true));
  const given = (["base", "stock", "bonus", "signing"] as const).some((f) => inputValue(values, f) !== "");
  if (!given) {
    errors[OFFER_INPUTS.base.blockId] =
      "Enter at least one figure: base, stock, bonus or signing bonus (e.g. base 150k).";
  }
  if (Object.keys(errors).length > 0 || region === undefined) return { ok: false, errors };
  return { ok: true, form: { region, base, stock, vestYears, bonus, signing } };
}

function moneyWords(m: Money): string {
  const range = m.high !== undefined && m.high !== m.amount ? `${m.amount}-${m.high}` : String(m.amount);
  const figure = m.perYear ? `${range}/yr` : range;
  if (m.currency === null) return figure;
  return /^[A-Z]{3}$/.test(m.currency) ? `${m.currency} ${figure}` : `${m.currency}${figure}`;
}

/** The /comp words of the offer check: `offer <company> <role> <region> base … stock … bonus … signing … vest Ny`. */
export function offerQuestion(command: string, form: OfferForm): string {
  const parts = ["offer", command, form.region];
  if (form.base) parts.push("base", moneyWords(form.base));
  if (form.stock) parts.push("stock", moneyWords(form.stock));
  if (form.bonus)
    parts.push(
      "bonus",
      "percent" in form.bonus
        ? `${form.bonus.percent}${form.bonus.percentHigh !== undefined ? `-${form.bonus.percentHigh}` : ""}%`
        : moneyWords(form.bonus),
    );
  if (form.signing) parts.push("signing", moneyWords(form.signing));
  parts.push("vest", `${form.vestYears}y`);
  return parts.join(" ");
}
