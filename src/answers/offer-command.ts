/** The /comp words that reproduce an offer check (its "run again" command and the other regions' buttons). */
import type { Band, Guide } from "../guides/types.ts";
import type { OfferMoney, ParsedOffer } from "../questions/offer.ts";
import type { FollowUp } from "./types.ts";

/** The button that checks the same figures against another band: "Check offer · London" ("Check pay · …"). */
export function offerFollowUp(
  guide: Guide,
  band: Band,
  offer: ParsedOffer,
  unmarked: string | null = null,
): FollowUp {
  return {
    label: `${offer.current ? "Check pay" : "Check offer"} · ${band.region}`,
    command: offerCommand(guide, band.regionSlug, offer, unmarked),
    kind: "offer",
  };
}

/** The /comp words that reproduce this offer check (or pay check). */
export function offerCommand(
  guide: Guide,
  regionSlug: string | null,
  offer: ParsedOffer,
  /** Currency to write for figures typed without one (so the command reads the same in another region). */
  unmarked: string | null = null,
): string {
  // Pay someone has now is asked again as pay ("currently"), never turned into an offer.
  const parts = offer.current ? [guide.company, guide.role] : ["offer", guide.company, guide.role];
  if (regionSlug) parts.push(regionSlug);
  if (offer.current) parts.push("currently");
  parts.push(...figureWords(offer, unmarked));
  // What was read apart from the offer is asked again with it, each in words that read it apart again.
  const apart: string[] = [];
  if (offer.wish) apart.push(["should I ask for", ...figureWords(offer.wish, unmarked)].join(" "));
  if (offer.now) apart.push(["currently", ...figureWords(offer.now, unmarked)].join(" "));
  const competing = competingWords(offer, unmarked);
  if (competing) apart.push(competing);
  return [parts.join(" "), ...apart].join("; ");
}

/** "competing offer from Google at total 400000": another company's offer, in words that read it apart again. */
function competingWords(offer: ParsedOffer, unmarked: string | null): string | null {
  const competing = offer.competing;
  if (!competing) return null;
  const unnamed = competing.unnamed;
  const figures = unnamed
    ? [moneyWords({ ...unnamed, text: "", period: null }, unmarked)]
    : figureWords(competing.offer, unmarked);
  return [`competing offer from ${competing.company} at`, ...figures].join(" ");
}

/**
 * What a targets or script question said besides its guide, to ask again with it (a button that picks the guide
 * or the region): the figures wanted ("should I ask for base 200000") and another company's offer. "" if none.
 */
export function askedWithIt(offer: ParsedOffer | null | undefined): string {
  if (!offer) return "";
  const words: string[] = [];
  const wanted = offer.wanted ? figureWords(offer, null) : [];
  if (wanted.length > 0) words.push(["should I ask for", ...wanted].join(" "));
  const competing = competingWords(offer, null);
  if (competing) words.push(competing);
  return words.map((w) => `; ${w}`).join("");
}

function moneyWords(m: OfferMoney, unmarked: string | null): string {
  const currency = m.currency ?? unmarked;
  const figure = m.high !== m.amount ? `${m.amount}-${m.high}` : `${m.amount}`;
  return `${currency ? `${currency} ` : ""}${figure}`;
}

/** "base 150000 stock 120000 bonus 10% vest 3y": the figures as the parser reads them back. */
function figureWords(offer: ParsedOffer, unmarked: string | null): string[] {
  const parts: string[] = [];
  const money = (m: OfferMoney) => moneyWords(m, unmarked);
  if (offer.base) parts.push("base", money(offer.base));
  if (offer.stock) parts.push(offer.stockOptions ? "options" : "stock", money(offer.stock));
  if (offer.bonusPct !== null) {
    const high = offer.bonusPctHigh ?? offer.bonusPct;
    parts.push("bonus", high !== offer.bonusPct ? `${offer.bonusPct}-${high}%` : `${offer.bonusPct}%`);
  } else if (offer.bonusAmount) parts.push("bonus", money(offer.bonusAmount));
  if (offer.signing) parts.push("signing", money(offer.signing));
  if (offer.total) parts.push("total", money(offer.total));
  if (offer.ote) parts.push("ote", money(offer.ote));
  if (offer.vestSchedule) parts.push("vesting", offer.vestSchedule.join("/"));
  else if (offer.vestGiven) parts.push("vest", `${offer.vestYears}y`);
  return parts;
}
