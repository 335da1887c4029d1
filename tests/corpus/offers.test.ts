/**
 * The labelled offer corpus: every phrasing must get exactly its reading (components, amounts, currencies,
 * periods, ranges, vesting, and every part named back). Prints how many pass; fails on any miss.
 */
import { describe, expect, it } from "vitest";
import { type OfferMoney, type ParsedOffer, parseOffer } from "../../src/questions/offer.ts";
import { type Money, OFFER_CASES, type OfferCase } from "./offers.ts";

function moneyProblems(name: string, got: OfferMoney | null | undefined, want: Money | undefined): string[] {
  if (!want) return got ? [`${name}: read ${got.amount} (${got.text}), expected nothing`] : [];
  if (!got) return [`${name}: not read, expected ${want.amount}`];
  const expected = {
    amount: want.amount,
    high: want.high ?? want.amount,
    currency: want.currency ?? null,
    period: want.period ?? null,
  };
  const actual = { amount: got.amount, high: got.high, currency: got.currency, period: got.period };
  return JSON.stringify(actual) === JSON.stringify(expected)
    ? []
    : [`${name}: read ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`];
}

function problems(c: OfferCase, o: ParsedOffer): string[] {
  const out = [
    ...moneyProblems("base", o.base, c.base),
    ...moneyProblems("stock", o.stock, c.stock),
    ...moneyProblems("bonus amount", o.bonusAmount, c.bonusAmount),
    ...moneyProblems("signing", o.signing, c.signing),
    ...moneyProblems("total", o.total, c.total),
  ];
  const pct =
    c.bonusPct === undefined ? null : Array.isArray(c.bonusPct) ? c.bonusPct : [c.bonusPct, c.bonusPct];
  const gotPct = o.bonusPct === null ? null : [o.bonusPct, o.bonusPctHigh ?? o.bonusPct];
  if (JSON.stringify(pct) !== JSON.stringify(gotPct))
    out.push(`bonus %: read ${JSON.stringify(gotPct)}, expected ${JSON.stringify(pct)}`);
  if (o.vestYears !== (c.vest ?? 4)) out.push(`vest: read ${o.vestYears}, expected ${c.vest ?? 4}`);
  const want = (c.unreadable ?? []).map((u) => ({
    text: u.text,
    kind: u.kind ?? "unreadable",
    ...(u.suggestion !== undefined ? { suggestion: u.suggestion } : {}),
  }));
  const got = o.unreadable.map((u, i) => ({
    text: u.text,
    kind: u.kind ?? "unreadable",
    ...(want[i] && "suggestion" in want[i] ? { suggestion: u.suggestion } : {}),
  }));
  if (JSON.stringify(got) !== JSON.stringify(want))
    out.push(`named back: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  // Every part named back carries a hint that says what would work, never "000%".
  for (const u of o.unreadable) {
    if (!u.hint) out.push(`named back without a hint: ${u.text}`);
    if (/000%/.test(`${u.suggestion ?? ""} ${u.hint ?? ""}`)) out.push(`a wrong hint for ${u.text}`);
  }
  return out;
}

describe("labelled offer corpus", () => {
  it(`reads all ${OFFER_CASES.length} phrasings as labelled`, () => {
    expect(OFFER_CASES.length).toBeGreaterThanOrEqual(90);
    const misses: string[] = [];
    for (const c of OFFER_CASES) {
      const p = problems(c, parseOffer(c.text));
      if (p.length > 0) misses.push(`"${c.text}"\n    ${p.join("\n    ")}`);
    }
    const pass = OFFER_CASES.length - misses.length;
    console.log(`offer corpus: ${pass}/${OFFER_CASES.length} phrasings read as labelled`);
    expect(misses).toEqual([]);
  });
});
