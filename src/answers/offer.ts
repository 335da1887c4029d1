/**
 * The offer check: where each offered figure sits in the guide's band, the annualised total, and a
 * counter-offer written into the guide's own "Negotiate Up" script. Every derived number says how it was made.
 * Nothing here keeps or logs the offer.
 */
import type { Band, Guide, GuideBody, MoneyRange, PercentRange } from "../guides/types.ts";
import type { ParsedOffer } from "../questions/offer.ts";
import { CURRENCY_SYMBOLS, offerCurrencies } from "../questions/offer.ts";
import type { BandPosition, FollowUp, OfferAnswer, OfferLine, OfferTarget } from "./types.ts";
import { DISCLAIMER } from "./types.ts";

export function position(offered: number, range: MoneyRange | PercentRange): BandPosition {
  const span = range.high - range.low;
  const pct = span > 0 ? ((offered - range.low) / span) * 100 : offered >= range.low ? 100 : 0;
  const where = offered < range.low ? "below" : offered > range.high ? "above" : "within";
  return { where, pct: Math.round(pct) };
}

const at = (range: MoneyRange, q: number) => range.low + (range.high - range.low) * q;
/** Targets are rounded to the nearest 1,000 of the currency. */
const round = (n: number) => Math.round(n / 1000) * 1000;

/** The /comp words that reproduce this offer check. */
export function offerCommand(
  guide: Guide,
  regionSlug: string | null,
  offer: ParsedOffer,
  /** Currency to write for figures typed without one (so the command reads the same in another region). */
  unmarked: string | null = null,
): string {
  const parts = ["offer", guide.company, guide.role];
  if (regionSlug) parts.push(regionSlug);
  const money = (m: { amount: number; currency: string | null }) => {
    const currency = m.currency ?? unmarked;
    return `${currency ? `${currency} ` : ""}${m.amount}`;
  };
  if (offer.base) parts.push("base", money(offer.base));
  if (offer.stock) parts.push("stock", money(offer.stock));
  if (offer.bonusPct !== null) parts.push("bonus", `${offer.bonusPct}%`);
  else if (offer.bonusAmount) parts.push("bonus", money(offer.bonusAmount));
  if (offer.signing) parts.push("signing", money(offer.signing));
  if (offer.vestGiven) parts.push("vest", `${offer.vestYears}y`);
  return parts.join(" ");
}

interface ScriptFigure {
  start: number;
  end: number;
  symbol: string | null;
  amount: number;
  percent: boolean;
  plus: boolean;
  component: "base" | "stock" | "bonus" | "signing" | "other";
}

/** The money and percentage figures of a script, each tied to the component the words around it name. */
export function scriptFigures(text: string): ScriptFigure[] {
  const figures: ScriptFigure[] = [];
  const re = /([$£€¥₹])?(\d+(?:\.\d+)?)\s?([KkMm])?(%)?(\+)?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [whole, symbol, num, mult, pct, plus] = m;
    if (!symbol && !pct) continue;
    const value = Number(num) * (mult ? (mult.toLowerCase() === "k" ? 1_000 : 1_000_000) : 1);
    const after = text.slice(m.index + whole.length, m.index + whole.length + 40).toLowerCase();
    const next = after.split(/[,.;]/)[0] ?? "";
    let component: ScriptFigure["component"] = "other";
    if (/^\s*(?:in\s+\w+\s+)?(?:rsus?|stock|equity)/.test(next)) component = "stock";
    else if (/^\s*base/.test(next)) component = "base";
    else if (/^\s*(?:signing|sign-on)/.test(next)) component = "signing";
    else if (pct && /^\s*bonus/.test(next)) component = "bonus";
    figures.push({
      start: m.index,
      end: m.index + whole.length,
      symbol: symbol ?? null,
      amount: value,
      percent: Boolean(pct),
      plus: Boolean(plus),
      component,
    });
  }
  return figures;
}

export interface OfferInput {
  guide: Guide;
  band: Band;
  offer: ParsedOffer;
  body: GuideBody | null;
  facts: { overdue: boolean; today: string };
  format: (amount: number, currency: string) => string;
}

export function offerAnswer({ guide, band, offer, body, facts, format }: OfferInput): OfferAnswer {
  const currencies = offerCurrencies(offer);
  const offerCurrency =
    currencies.length === 1 ? currencies[0]! : currencies.length > 1 ? currencies.join("/") : null;
  // Other regions are offered only where the band is in the same currency as the offer.
  const effective = offerCurrency ?? band.currency;
  const followUps: FollowUp[] = guide.bands
    .filter((b) => b.regionSlug !== band.regionSlug && b.currency === effective)
    .map((b) => ({
      label: b.region,
      command: offerCommand(guide, b.regionSlug, offer, effective),
      kind: "offer" as const,
    }));
  const base: OfferAnswer = {
    kind: "offer",
    guide,
    ...facts,
    band,
    offer: {
      base: offer.base?.amount ?? null,
      stock: offer.stock?.amount ?? null,
      bonusPct: offer.bonusPct,
      bonusAmount: offer.bonusAmount?.amount ?? null,
      signing: offer.signing?.amount ?? null,
      vestYears: offer.vestYears,
      vestGiven: offer.vestGiven,
      currency: offerCurrency,
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
    command: offerCommand(guide, band.regionSlug, offer),
  };

  // Never compare or add figures across currencies: say so and offer the bands in the offer's currency.
  if (offerCurrency && offerCurrency !== band.currency) {
    base.currencyMismatch = {
      offer: offerCurrency,
      band: band.currency,
      regionsInOfferCurrency: guide.bands
        .filter((b) => b.currency === offerCurrency)
        .map((b) => ({
          label: b.region,
          command: offerCommand(guide, b.regionSlug, offer),
          kind: "offer" as const,
        })),
    };
    return base;
  }

  const cur = band.currency;
  const lines: OfferLine[] = [];
  if (offer.base) lines.push(line("base", "Base", offer.base.amount, band.base, "money"));
  if (offer.stock)
    lines.push(
      line("stock", `Stock (grant over ${offer.vestYears} yrs)`, offer.stock.amount, band.stock, "money"),
    );
  if (offer.bonusPct !== null) lines.push(line("bonus", "Bonus", offer.bonusPct, band.bonusPct, "percent"));

  // Annualised: base + stock grant ÷ vesting years + bonus.
  const parts: NonNullable<OfferAnswer["annual"]>["parts"] = [];
  if (offer.base)
    parts.push({ label: "base", amount: offer.base.amount, formula: format(offer.base.amount, cur) });
  if (offer.stock) {
    const perYear = offer.stock.amount / offer.vestYears;
    parts.push({
      label: "stock per year",
      amount: perYear,
      formula: `${format(offer.stock.amount, cur)} ÷ ${offer.vestYears}`,
    });
  }
  if (offer.bonusAmount)
    parts.push({
      label: "bonus",
      amount: offer.bonusAmount.amount,
      formula: format(offer.bonusAmount.amount, cur),
    });
  else if (offer.bonusPct !== null && offer.base) {
    const amount = (offer.base.amount * offer.bonusPct) / 100;
    parts.push({ label: "bonus", amount, formula: `${offer.bonusPct}% × ${format(offer.base.amount, cur)}` });
  }
  // A bonus is known as an amount, or as a percentage of a known base.
  const bonusKnown = Boolean(offer.bonusAmount) || (offer.bonusPct !== null && Boolean(offer.base));
  if (parts.length > 0) {
    const total = parts.reduce((sum, p) => sum + p.amount, 0);
    const partial = !offer.base || !offer.stock || !bonusKnown;
    base.annual = { total, parts, partial };
    lines.push(line("total", "Total comp (annualised)", total, band.totalComp, "money"));
  }
  base.lines = lines;

  // Counter-offer: the weakest given component aims at the band's top quartile, the others at least its middle.
  const moneyLines = lines.filter((l) => l.component === "base" || l.component === "stock");
  const weakest = [...moneyLines].sort((a, b) => a.position.pct - b.position.pct)[0];
  const provenance: string[] = [
    `From the guide: the ${band.region} band (${guide.salaryDataQuarter}) and the wording of its Negotiate Up script.`,
  ];
  const targets: OfferTarget[] = [];
  for (const component of ["base", "stock"] as const) {
    const range = band[component];
    const offered = offer[component]?.amount ?? null;
    const label = component === "base" ? "Base" : "Stock grant";
    let amount: number;
    let how: string;
    if (weakest?.component === component) {
      const q3 = round(at(range, 0.75));
      amount = offered !== null && offered >= q3 ? round(range.high) : q3;
      how =
        amount === q3
          ? `75th percentile of the band's ${component} range (your weakest figure, ${
              weakest.position.where === "below"
                ? "below the band"
                : `at ${weakest.position.pct}% of the band`
            })`
          : `top of the band's ${component} range (you are already past its 75th percentile)`;
    } else {
      const mid = round(at(range, 0.5));
      amount = offered !== null && offered > mid ? round(offered) : mid;
      how =
        amount === mid
          ? `middle of the band's ${component} range`
          : `your offer, already above the band's middle`;
    }
    targets.push({ component, label, amount, unit: "money", how });
  }
  const bonusTarget = Math.max(offer.bonusPct ?? 0, band.bonusPct.high);
  targets.push({
    component: "bonus",
    label: "Bonus",
    amount: bonusTarget,
    unit: "percent",
    how:
      bonusTarget === band.bonusPct.high
        ? "top of the band's bonus range"
        : "your offer, already above the band",
  });

  // Figures of the script that are not band components are scaled from the band the script was written for.
  const scriptText = body?.script?.text ?? null;
  const figures = scriptText ? scriptFigures(scriptText) : [];
  const symbol = figures.find((f) => f.symbol)?.symbol ?? null;
  const scriptCurrency = symbol ? CURRENCY_SYMBOLS[symbol] : undefined;
  const reference = guide.bands.find((b) => b.currency === scriptCurrency) ?? band;
  const mid = (b: Band) => (b.totalComp.low + b.totalComp.high) / 2;
  const factor = mid(reference) > 0 ? mid(band) / mid(reference) : 1;
  const factorText =
    reference === band
      ? "as written in the guide"
      : `× ${factor.toFixed(2)} (${band.region} ÷ ${reference.region} total comp midpoints)`;

  const scriptSigning = figures.find((f) => f.component === "signing");
  if (scriptSigning || offer.signing) {
    const scaled = scriptSigning ? round(scriptSigning.amount * factor) : 0;
    const amount = Math.max(scaled, offer.signing?.amount ?? 0);
    targets.push({
      component: "signing",
      label: "Signing bonus",
      amount,
      unit: "money",
      how:
        amount === scaled && scriptSigning
          ? `the guide's ${format(scriptSigning.amount, scriptCurrency ?? cur)} ${factorText}`
          : "your offer's signing bonus",
    });
  }
  for (const t of targets) {
    provenance.push(
      `Derived: ${t.label.toLowerCase()} ${t.unit === "percent" ? `${t.amount}%` : format(t.amount, cur)} = ${t.how}.`,
    );
  }

  if (scriptText) {
    const targetOf = (c: ScriptFigure["component"]) => targets.find((t) => t.component === c);
    let rewritten = "";
    let last = 0;
    let scaledOther = false;
    for (const f of figures) {
      const target = targetOf(f.component);
      let replacement: string;
      if (f.percent)
        replacement =
          f.component === "bonus" && target ? `${target.amount}%` : scriptText.slice(f.start, f.end);
      else if (target) replacement = format(target.amount, cur);
      else {
        replacement = `${format(round(f.amount * factor), cur)}${f.plus ? "+" : ""}`;
        scaledOther = reference !== band;
      }
      if (f.plus && target) replacement += "+";
      rewritten += scriptText.slice(last, f.start) + replacement;
      last = f.end;
    }
    rewritten += scriptText.slice(last);
    base.script = rewritten;
    if (scaledOther)
      provenance.push(`Derived: other figures in the script (competing offers) ${factorText}, in ${cur}.`);

    const threshold = body?.script?.acceptThreshold;
    const askedStock = figures.find((f) => f.component === "stock");
    const stockTarget = targetOf("stock");
    if (
      threshold?.amount &&
      askedStock &&
      stockTarget &&
      /rsu|stock|equity/i.test(threshold.component ?? threshold.text)
    ) {
      const amount = round((stockTarget.amount * threshold.amount) / askedStock.amount);
      base.acceptThreshold = {
        amount,
        text: `${format(amount, cur)} in stock`,
        how: `the guide accepts above ${threshold.text} against its ${format(askedStock.amount, scriptCurrency ?? cur)} ask; the same ratio applied to the stock target`,
      };
    } else if (threshold?.amount) {
      const amount = round(threshold.amount * factor);
      base.acceptThreshold = {
        amount,
        text: format(amount, cur),
        how: `the guide's ${threshold.text} ${factorText}`,
      };
    }
    if (base.acceptThreshold)
      provenance.push(
        `Derived: accept threshold ${base.acceptThreshold.text} = ${base.acceptThreshold.how}.`,
      );
  }
  base.targets = targets;
  base.provenance = provenance;
  return base;
}

function line(
  component: OfferLine["component"],
  label: string,
  offered: number,
  range: MoneyRange | PercentRange,
  unit: OfferLine["unit"],
): OfferLine {
  return {
    component,
    label,
    offered,
    low: range.low,
    high: range.high,
    unit,
    position: position(offered, range),
  };
}
