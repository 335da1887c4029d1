/**
 * The labelled corpora of tests/corpus (question phrasings and offer phrasings, each with the reading it must
 * get) run here against the parsers themselves, so that `npm run mutate` (which runs only the tests under src/)
 * holds src/questions to them too. tests/corpus/*.test.ts also check the answers given; this checks the reading.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Money, OFFER_CASES } from "../../tests/corpus/offers.ts";
import { QUESTION_CORPUS } from "../../tests/corpus/questions.ts";
import { loadGuides } from "../guides/load.ts";
import { SearchIndex } from "../search/index.ts";
import { type OfferMoney, parseOffer } from "./offer.ts";
import { parseQuestion } from "./parse.ts";

const CONTEXT = { company: "segment", role: "ml-ai-engineer" };
let index: SearchIndex;

beforeAll(async () => {
  const { guides } = await loadGuides("guides", { today: "2026-12-01", cache: false });
  index = new SearchIndex(guides);
});

describe("question corpus: the reading of each phrasing", () => {
  it.each(QUESTION_CORPUS)("%j (follow-up: %s)", (text, followUp, intent, company, role, region, level) => {
    const q = parseQuestion(text, index, followUp ? CONTEXT : {});
    const reading = [
      q.intent,
      q.company?.key ?? null,
      q.role?.key ?? null,
      q.region?.key ?? null,
      q.level ? `${q.level.company} ${q.level.level}` : null,
    ];
    expect(reading).toEqual([intent, company, role, region, level]);
  });
});

const money = (m: OfferMoney | null | undefined) =>
  m ? { amount: m.amount, high: m.high, currency: m.currency, period: m.period } : null;
const want = (m: Money | undefined) =>
  m
    ? { amount: m.amount, high: m.high ?? m.amount, currency: m.currency ?? null, period: m.period ?? null }
    : null;

describe("offer corpus: the reading of each phrasing", () => {
  it.each(OFFER_CASES.map((c) => [c.text, c] as const))("%j", (_text, c) => {
    const o = parseOffer(c.text);
    const pct =
      c.bonusPct === undefined ? null : Array.isArray(c.bonusPct) ? c.bonusPct : [c.bonusPct, c.bonusPct];
    expect({
      base: money(o.base),
      stock: money(o.stock),
      bonusAmount: money(o.bonusAmount),
      signing: money(o.signing),
      total: money(o.total),
      bonusPct: o.bonusPct === null ? null : [o.bonusPct, o.bonusPctHigh],
      vest: o.vestYears,
      vestGiven: o.vestGiven,
    }).toEqual({
      base: want(c.base),
      stock: want(c.stock),
      bonusAmount: want(c.bonusAmount),
      signing: want(c.signing),
      total: want(c.total),
      bonusPct: pct,
      vest: c.vest ?? 4,
      vestGiven: c.vest !== undefined,
    });
    expect(o.unreadable.map((u) => ({ text: u.text, kind: u.kind }))).toEqual(
      (c.unreadable ?? []).map((u) => ({ text: u.text, kind: u.kind ?? "unreadable" })),
    );
    (c.unreadable ?? []).forEach((u, i) => {
      if (u.suggestion !== undefined) expect(o.unreadable[i]?.suggestion).toBe(u.suggestion);
    });
  });
});
