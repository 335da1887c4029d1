/**
 * The offer check: where each offered figure sits in the guide's band, the annualised total compared with a
 * band total built the same way, and a counter-offer written into the guide's own "Negotiate Up" script.
 *
 * Rules (issue 10): the counter never asks for less than what is offered, and the walk-away line is never below
 * what is on the table; a total is placed only when every component is known; figures far from the band are
 * asked about, not placed; every derived number says how it was made. Nothing here keeps or logs the offer.
 */
import type { Band, Guide, GuideBody, MoneyRange } from "../guides/types.ts";
import type { OfferMoney, ParsedOffer, Unreadable } from "../questions/offer.ts";
import { offerCurrencies } from "../questions/offer.ts";
import { competingNote, competingSentence } from "./competing.ts";
import { guideDisagreements } from "./disagreements.ts";
import { howRead } from "./how-read.ts";
import { offerCommand, offerFollowUp } from "./offer-command.ts";
import { readOte } from "./ote.ts";
import { floorOf, payNow, payNowNotes } from "./paid-now.ts";
import { BAND_VEST_YEARS, IMPLAUSIBLE_HIGH, IMPLAUSIBLE_LOW, implausible, line, position } from "./place.ts";
import { adaptScript, ceilK, conversionFor, leverInGuideWords, roundK, scriptFigures } from "./script.ts";
import type { FollowUp, OfferAnswer, OfferLine, OfferTarget } from "./types.ts";
import { DISCLAIMER } from "./types.ts";
import { walkAway } from "./walk-away.ts";
import { wishNotes } from "./wish.ts";

export {
  BAND_VEST_YEARS,
  guideDisagreements,
  IMPLAUSIBLE_HIGH,
  IMPLAUSIBLE_LOW,
  offerCommand,
  position,
  scriptFigures,
};

const at = (range: MoneyRange, q: number) => range.low + (range.high - range.low) * q;

export interface OfferInput {
  guide: Guide;
  band: Band;
  offer: ParsedOffer;
  body: GuideBody | null;
  facts: { overdue: boolean; today: string };
  format: (amount: number, currency: string) => string;
}

/** What a component is called in sentences. */
const NAMES = {
  base: "base",
  stock: "stock grant",
  bonus: "bonus",
  signing: "signing bonus",
  total: "total",
};

export function offerAnswer({ guide, band, offer: parsed, body, facts, format }: OfferInput): OfferAnswer {
  const currencies = offerCurrencies(parsed);
  // One currency, or every one written ("USD/EUR"), or null when none was.
  const offerCurrency = currencies.length > 0 ? currencies.join("/") : null;
  // Other regions are offered only where the band is in the same currency as the offer.
  const effective = offerCurrency ?? band.currency;
  const followUps: FollowUp[] = guide.bands
    .filter((b) => b.regionSlug !== band.regionSlug && b.currency === effective)
    .map((b) => offerFollowUp(guide, b, parsed, effective));
  // What could not be read of pay now told beside the offer is asked about with the offer's.
  const offer: ParsedOffer = {
    ...parsed,
    unreadable: [...parsed.unreadable, ...(parsed.now?.unreadable ?? [])],
  };
  // Pay someone has now is checked like an offer, and every sentence says which it is.
  const paidNow = parsed.current === true;
  const held = paidNow ? "what you are paid now" : "what is on the table";
  const asksAtLeast = paidNow ? "what to ask for is at least" : "the counter-offer asks for at least";
  const guideDisagrees = guideDisagreements(band, body);
  const answer: OfferAnswer = {
    kind: "offer",
    guide,
    ...facts,
    band,
    paidNow,
    offer: {
      base: offer.base?.amount ?? null,
      stock: offer.stock?.amount ?? null,
      bonusPct: offer.bonusPct,
      bonusAmount: offer.bonusAmount?.amount ?? null,
      signing: offer.signing?.amount ?? null,
      vestYears: offer.vestYears,
      vestGiven: offer.vestGiven,
      currency: offerCurrency,
      // Only an offer in several currencies needs each figure's own.
      ...(currencies.length > 1
        ? {
            currencies: {
              base: offer.base?.currency ?? null,
              stock: offer.stock?.currency ?? null,
              bonusAmount: offer.bonusAmount?.currency ?? null,
              signing: offer.signing?.currency ?? null,
            },
          }
        : {}),
    },
    assumedCurrency: offerCurrency === null,
    currencyMismatch: null,
    lines: [],
    annual: null,
    signing: offer.signing?.amount ?? null,
    targets: [],
    script: null,
    acceptThreshold: null,
    provenance: [],
    unreadable: offer.unreadable,
    disclaimer: DISCLAIMER,
    followUps,
    command: offerCommand(guide, band.regionSlug, parsed),
    missing: [],
    totals: null,
    notes: [],
    alreadyBeats: null,
    guideDisagrees,
  };

  // Never compare or add figures across currencies: say so and offer the bands in the offer's currency.
  if (offerCurrency && offerCurrency !== band.currency) {
    answer.currencyMismatch = {
      offer: offerCurrency,
      band: band.currency,
      regionsInOfferCurrency: guide.bands
        .filter((b) => b.currency === offerCurrency)
        .map((b) => offerFollowUp(guide, b, parsed)),
    };
    // Each region once: the bands in the offer's currency are the follow-ups.
    answer.followUps = [];
    return answer;
  }

  const cur = band.currency;
  const f = (n: number) => format(n, cur);
  const fr = (r: { low: number; high: number }) => (r.low === r.high ? f(r.low) : `${f(r.low)}–${f(r.high)}`);
  const notes: string[] = [];
  const unreadable: Unreadable[] = answer.unreadable;
  const vest = offer.vestYears;

  // Said first: how the figures were taken decides how every other sentence reads.
  const lead = parsed.assumedOffer
    ? [
        "You didn't say whether these figures are an offer; only the ones told as your pay now were clear. They are checked as an offer here: if they are your pay now too, send them with the word currently.",
      ]
    : [];
  if (parsed.current) {
    notes.push(
      "You said this is what you are paid now, not an offer: it is placed in the band as an offer would be, and what to ask for is never less. To check an offer instead, send its figures with the word offer.",
    );
  }

  const beside = parsed.notCompared ?? [];
  if (beside.length > 0) {
    notes.push(
      `Not compared: ${beside.map((b) => `"${b}"`).join(", ")}. The guide's bands have base, stock, bonus and total comp only, so ${beside.length === 1 ? "it is" : "they are"} left out of every figure here.`,
    );
  }

  notes.push(...howRead(offer, { f, fr, asksAtLeast }));
  const ote = readOte(offer, f);
  if (ote) notes.push(ote);
  const bonusPctHigh = offer.bonusPct === null ? null : (offer.bonusPctHigh ?? offer.bonusPct);

  // Sanity: a figure far outside its band is asked about, not placed.
  const doubt = (c: keyof typeof NAMES, m: OfferMoney, value: number, range: MoneyRange, what: string) => {
    if (!implausible(value, range)) return false;
    // "no stock": none, said so (only stock is read as 0; a base or a total of 0 is asked about when read).
    if (value === 0 && c === "stock") return false;
    unreadable.push({
      text: `${c} ${m.text}`,
      suggestion: null,
      kind: "implausible",
      hint: `${f(value)} is ${value < range.low ? "under a fifth of the bottom" : "over five times the top"} of the ${band.region} band's ${what} (${fr(range)}). Is that right? Check the figure, or the region.`,
    });
    return true;
  };
  if (offer.base && doubt("base", offer.base, offer.base.amount, band.base, "base")) offer.base = null;
  const stock4 = (n: number) => (n / vest) * BAND_VEST_YEARS;
  if (offer.stock && doubt("stock", offer.stock, stock4(offer.stock.amount), band.stock, "stock grant"))
    offer.stock = null;
  if (offer.total && doubt("total", offer.total, offer.total.amount, band.totalComp, "total comp"))
    offer.total = null;
  if (offer.signing && offer.signing.amount > IMPLAUSIBLE_HIGH * band.totalComp.high) {
    unreadable.push({
      text: `signing ${offer.signing.text}`,
      suggestion: null,
      kind: "implausible",
      hint: `${f(offer.signing.amount)} is over five times the band's whole yearly total (${fr(band.totalComp)}). Is that right?`,
    });
    offer.signing = null;
    answer.signing = null;
  }
  if (offer.bonusAmount && offer.base && offer.bonusAmount.amount > offer.base.amount) {
    unreadable.push({
      text: `bonus ${offer.bonusAmount.text}`,
      suggestion: null,
      kind: "implausible",
      hint: `a bonus of ${f(offer.bonusAmount.amount)} is more than the whole base (${f(offer.base.amount)}). Is that right? A bonus is usually a percentage of base (bonus 10%).`,
    });
    offer.bonusAmount = null;
  }

  if (offer.stock && vest !== BAND_VEST_YEARS) {
    notes.push(
      `Your ${f(offer.stock.amount)} grant vests over ${vest} years: ${f(offer.stock.amount / vest)} a year, which is ${f(stock4(offer.stock.amount))} on the band's ${BAND_VEST_YEARS}-year basis (${f(offer.stock.amount)} ÷ ${vest} × ${BAND_VEST_YEARS}). It is compared as ${f(stock4(offer.stock.amount))}.`,
    );
  }

  // Options are not shares: the figure is placed as the band's stock only if it is what they are worth.
  if (offer.stock && offer.stockOptions) {
    const s = f(offer.stock.amount);
    notes.push(
      `You called the stock options. An option is worth only the share price less its strike price, so a figure of options is not one of shares: ${s} is placed here as stock worth ${s}, which holds only if that is what the options are worth after their strike price. Ask the company for that figure.`,
    );
  }

  // An uneven schedule (40/30/20/10): the grant is compared by its yearly average; year one is said apart.
  const schedule = offer.vestSchedule;
  if (offer.stock && schedule) {
    const grant = offer.stock.amount;
    const first = schedule[0]!;
    notes.push(
      `Your ${f(grant)} grant vests unevenly (${schedule.join("/")}% over ${vest} years): it is compared by its average, ${f(grant / vest)} a year; year one brings ${first}%, ${f((grant * first) / 100)}${first < 100 / vest ? ", less than that average" : ""}.`,
    );
  }

  // Each given component in its own band.
  const lines: OfferLine[] = [];
  if (offer.base) lines.push(line("base", "Base", offer.base.amount, band.base, "money"));
  if (offer.stock)
    lines.push(
      line(
        "stock",
        vest === BAND_VEST_YEARS ? "Stock (grant over 4 yrs)" : `Stock (${vest}-yr grant on a 4-yr basis)`,
        stock4(offer.stock.amount),
        band.stock,
        "money",
      ),
    );
  if (offer.bonusPct !== null) lines.push(line("bonus", "Bonus", offer.bonusPct, band.bonusPct, "percent"));
  else if (offer.bonusAmount && offer.base) {
    const pct = Math.round((offer.bonusAmount.amount / offer.base.amount) * 1000) / 10;
    lines.push(line("bonus", "Bonus (as % of base)", pct, band.bonusPct, "percent"));
    notes.push(
      `Bonus ${f(offer.bonusAmount.amount)} is ${pct}% of your ${f(offer.base.amount)} base; the band's bonus is a percentage of base.`,
    );
  }

  // The band's total built the way the offer's is: base + stock ÷ 4 + bonus % × base, at each end.
  const b = band;
  const components = {
    low: b.base.low + b.stock.low / BAND_VEST_YEARS + (b.base.low * b.bonusPct.low) / 100,
    high: b.base.high + b.stock.high / BAND_VEST_YEARS + (b.base.high * b.bonusPct.high) / 100,
  };
  const componentsHow = `${f(b.base.low)} + ${f(b.stock.low)} ÷ 4 + ${b.bonusPct.low}% × ${f(b.base.low)} = ${f(components.low)} to ${f(b.base.high)} + ${f(b.stock.high)} ÷ 4 + ${b.bonusPct.high}% × ${f(b.base.high)} = ${f(components.high)}`;
  answer.totals = { components, stated: { ...b.totalComp }, comparedWith: null };

  const bonusValue =
    offer.bonusAmount?.amount ??
    (offer.bonusPct !== null && offer.base ? (offer.base.amount * offer.bonusPct) / 100 : null);
  const missing: ("base" | "stock" | "bonus")[] = [];
  if (!offer.base) missing.push("base");
  if (!offer.stock) missing.push("stock");
  if (offer.bonusPct === null && !offer.bonusAmount) missing.push("bonus");
  answer.missing = missing;
  const given = lines.length > 0 || offer.signing !== null || offer.total;

  // Every component known (missing is empty): base, stock and a bonus value.
  if (offer.base && offer.stock && bonusValue !== null) {
    const parts: NonNullable<OfferAnswer["annual"]>["parts"] = [
      { label: "base", amount: offer.base.amount, formula: f(offer.base.amount) },
      {
        label: "stock per year",
        amount: offer.stock.amount / vest,
        formula: `${f(offer.stock.amount)} ÷ ${vest}`,
      },
      {
        label: "bonus",
        amount: bonusValue,
        formula: offer.bonusAmount
          ? f(offer.bonusAmount.amount)
          : `${offer.bonusPct}% × ${f(offer.base.amount)}`,
      },
    ];
    const total = parts.reduce((sum, p) => sum + p.amount, 0);
    answer.annual = { total, parts, partial: false };
    lines.push(line("total", "Total comp (annualised)", total, components, "money"));
    answer.totals.comparedWith = "components";
    notes.push(
      `Your total is placed in the band's total built the same way from its components (base + stock ÷ 4 + bonus % × base): ${componentsHow}. The guide states ${fr(b.totalComp)} for total comp; that figure is not built from these components, so it is not used for your total.`,
    );
    if (offer.total && Math.abs(offer.total.amount - total) > 0.01 * total) {
      notes.push(
        `You said the total is ${f(offer.total.amount)}; from your figures it is ${f(total)}, and that is the one placed.`,
      );
    }
  } else if (offer.total) {
    lines.push(line("total", "Total comp (as you stated it)", offer.total.amount, b.totalComp, "money"));
    answer.totals.comparedWith = "stated";
    notes.push(
      `You gave a total of ${f(offer.total.amount)}; I can't see how it was built, so it is placed in the guide's stated total band (${fr(b.totalComp)}), not in the one its components give (${fr(components)}).`,
    );
  }
  answer.lines = lines;
  if (!given) {
    answer.notes = [...lead, ...notes];
    return answer;
  }

  // Counter-offer. The guide's mark: the weakest given money component aims at the band's 75th percentile,
  // the others at its middle. What is asked is never below what is on the table.
  const moneyLines = lines.filter((l) => l.component === "base" || l.component === "stock");
  const weakest = [...moneyLines].sort((x, y) => x.position.pct - y.position.pct)[0];
  const provenance: string[] = [
    `From the guide: the ${band.region} band (${guide.salaryDataQuarter}) and the wording of its Negotiate Up script.`,
  ];
  const targets: OfferTarget[] = [];
  let saidCompeting = false;
  // Pay now told beside the offer: what is asked is never less than it either.
  const now = parsed.now ? payNow(parsed.now, band) : null;
  const marks: Partial<Record<"base" | "stock", number>> = {};
  const beats: boolean[] = [];
  for (const component of ["base", "stock"] as const) {
    const range = band[component];
    const m = offer[component];
    const offered = m ? (component === "stock" ? stock4(m.high) : m.high) : null;
    const floor = floorOf(offered, now?.[component] ?? null, held);
    const onTable = floor?.value ?? null;
    const label = component === "base" ? "Base" : "Stock grant (4 yrs)";
    let mark: number;
    let point: string;
    let why = "";
    if (weakest?.component === component) {
      mark = roundK(at(range, 0.75));
      point = `75th percentile of the band's ${component} range`;
      why = ` (your weakest figure, ${
        weakest.position.where === "within"
          ? `at ${weakest.position.pct}% of the band`
          : `${weakest.position.where} the band`
      })`;
    } else {
      mark = roundK(at(range, 0.5));
      point = `middle of the band's ${component} range`;
    }
    marks[component] = mark;
    if (offered !== null) beats.push(offered >= mark);
    const amount = onTable !== null && onTable >= mark ? ceilK(onTable) : mark;
    // What is on the table wins: which figure was weakest no longer matters to this one.
    const how =
      amount === mark
        ? `${point}${why}`
        : `${floor!.who} (${f(onTable!)}), never less; the guide's mark is ${f(mark)}, the ${point}`;
    targets.push({ component, label, amount, unit: "money", how });
  }
  const bonusOffered =
    bonusPctHigh ??
    (offer.bonusAmount && offer.base ? (offer.bonusAmount.high / offer.base.amount) * 100 : null);
  const bonusFloor = floorOf(bonusOffered, now?.bonusPct ?? null, held);
  const bonusOnTable = bonusFloor?.value ?? null;
  const bonusMark = band.bonusPct.high;
  if (bonusOffered !== null) beats.push(bonusOffered >= bonusMark);
  const bonusTarget = Math.max(bonusOnTable ?? 0, bonusMark);
  const bonusAsk = Math.round(bonusTarget * 10) / 10;
  targets.push({
    component: "bonus",
    label: "Bonus",
    amount: bonusAsk,
    unit: "percent",
    how:
      bonusTarget === bonusMark
        ? "top of the band's bonus range"
        : `${bonusFloor!.who} (${bonusAsk}%), never less; the band's top is ${bonusMark}%`,
  });

  // The script's signing bonus, carried to this band.
  // Figures are found only in a script, so a script signing figure always comes with its conversion.
  const scriptText = body?.script?.text ?? null;
  const conversion = scriptText ? conversionFor(guide, band, scriptText, format) : null;
  const figures = scriptFigures(scriptText ?? "");
  const scriptSigning = figures.find((x) => x.component === "signing");
  // A script in a currency the guide has no band in gives no signing figure for this band.
  const signingMark =
    scriptSigning && !conversion!.foreign ? roundK(scriptSigning.low * conversion!.factor) : null;
  if (signingMark !== null || offer.signing) {
    const onTable = offer.signing?.high ?? 0;
    const amount = Math.max(signingMark ?? 0, ceilK(onTable));
    targets.push({
      component: "signing",
      label: "Signing bonus",
      amount,
      unit: "money",
      how:
        amount === signingMark
          ? `the guide's ${format(scriptSigning!.low, scriptSigning!.currency ?? cur)} ${conversion!.how}`
          : signingMark !== null
            ? `${held} (${f(onTable)}), never less; the guide's is ${f(signingMark)}`
            : `${held}, never less`,
    });
  }
  for (const t of targets) {
    provenance.push(
      `Derived: ${t.label.toLowerCase()} ${t.unit === "percent" ? `${t.amount}%` : f(t.amount)} = ${t.how}.`,
    );
  }

  // Every given component already meets the guide's marks: say so, and what is still worth asking for.
  if (beats.length > 0 && beats.every(Boolean)) {
    const stillWorth: { label: string; amount: number | null; reason: string }[] = [];
    const signingLever = body?.levers.find((l) => /signing|sign-on/i.test(`${l.title} ${l.quote}`));
    const offeredSigning = offer.signing?.high ?? 0;
    if (signingMark !== null && offeredSigning < signingMark) {
      const reason = signingLever
        ? leverInGuideWords(signingLever, band, conversion!, format)
        : `the guide's script asks for one (${f(signingMark)} for ${band.region})`;
      stillWorth.push({ label: "Signing bonus", amount: signingMark, reason });
    } else if (signingLever && !offer.signing) {
      stillWorth.push({
        label: "Signing bonus",
        amount: null,
        reason: `${signingLever.title}: "${signingLever.quote}"`,
      });
    }
    answer.alreadyBeats = { stillWorth };
  }

  // The script with these figures, spoken only with the user's facts.
  if (body?.script) {
    const byComponent: Partial<
      Record<"base" | "stock" | "bonus" | "signing", { amount: number; unit: "money" | "percent" }>
    > = {};
    for (const t of targets) byComponent[t.component] = { amount: t.amount, unit: t.unit };
    const adapted = adaptScript({
      guide,
      band,
      script: body.script,
      targets: byComponent,
      format,
      ...(parsed.competing ? { competing: competingSentence(parsed.competing, band, format) } : {}),
    });
    answer.script = adapted.text;
    saidCompeting = adapted.saidCompeting;
    provenance.push(...adapted.notes.map((n) => `Script: ${n}`));
    const scriptBonus = figures.find((x) => x.component === "bonus");
    if (scriptBonus && scriptBonus.low !== band.bonusPct.high && scriptBonus.low !== band.bonusPct.low) {
      guideDisagrees.push(
        `The guide's script asks for a ${scriptBonus.low}% bonus; its band data says ${band.bonusPct.low === band.bonusPct.high ? `${band.bonusPct.low}%` : `${band.bonusPct.low}–${band.bonusPct.high}%`}. ${paidNow ? "What to ask for uses" : "The counter-offer uses"} ${bonusAsk}%.`,
      );
    }

    // The walk-away line, never below what is on the table (or what is paid now).
    answer.acceptThreshold = walkAway({
      threshold: body.script.acceptThreshold,
      carried: adapted.threshold,
      askedStock: figures.find((x) => x.component === "stock") ?? null,
      stockMark: marks.stock!,
      offered: { stock: offer.stock ? stock4(offer.stock.high) : null, total: answer.annual?.total ?? null },
      now,
      held,
      paidNow,
      money: f,
      guideMoney: (n, c) => format(n, c ?? cur),
    });
    if (answer.acceptThreshold)
      provenance.push(
        `Derived: ${answer.acceptThreshold.met ? "walk-away line" : "accept threshold"} ${answer.acceptThreshold.text} = ${answer.acceptThreshold.how}.`,
      );
  }
  answer.targets = targets;
  answer.provenance = provenance;
  // "should I ask for 170k?" beside the offer: said first, beside the counter-offer.
  const offered = {
    base: offer.base?.high ?? null,
    stock: offer.stock ? stock4(offer.stock.high) : null,
    bonusPct: bonusOffered === null ? null : Math.round(bonusOffered * 10) / 10,
    total: answer.annual
      ? { amount: answer.annual.total, how: "components" as const }
      : offer.total
        ? { amount: offer.total.high, how: "stated" as const }
        : null,
  };
  answer.notes = [
    ...lead,
    ...(parsed.wish ? wishNotes(band, offer, parsed.wish, targets, f, paidNow, now) : []),
    ...(now ? payNowNotes(now, offered, band, f) : []),
    ...(parsed.competing ? [competingNote(parsed.competing, guide, band, format, saidCompeting)] : []),
    ...notes,
  ];
  return answer;
}
