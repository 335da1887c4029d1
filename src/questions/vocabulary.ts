/** The words that carry an intent, and the filler words of plain-language questions. */
import { CODE_SOURCE } from "../money/currency.ts";
import { PERIOD_SOURCE } from "../money/read.ts";
import { KEYWORDS } from "./offer-words.ts";
import type { Intent } from "./types.ts";

/** Phrases (folded words joined by spaces) that set an intent, longest first when matched. */
export const INTENT_PHRASES: ReadonlyArray<readonly [string, Intent]> = [
  ["how do i negotiate", "script"],
  ["what should i say", "script"],
  ["negotiation script", "script"],
  ["negotiate up", "script"],
  ["counter offer", "script"],
  ["script", "script"],
  ["scripts", "script"],
  ["negotiate", "script"],
  ["negotiation", "script"],
  ["negotiating", "script"],
  ["counteroffer", "script"],
  ["counter", "script"],
  ["levers", "script"],
  ["negotiable", "script"],
  ["email", "script"],
  ["draft", "script"],
  ["how much should i ask for", "targets"],
  ["should i ask", "targets"],
  ["can i ask", "targets"],
  ["should i push for", "targets"],
  ["push for", "targets"],
  ["signing bonus", "script"],
  ["signing bonuses", "script"],
  ["sign on bonus", "script"],
  ["what should i ask for", "targets"],
  ["how much to ask for", "targets"],
  ["what to ask for", "targets"],
  ["how much can i ask for", "targets"],
  ["ask for", "targets"],
  ["asking for", "targets"],
  ["aim for", "targets"],
  ["targets", "targets"],
  ["walk away", "targets"],
  ["walkaway", "targets"],
  ["walk-away", "targets"],
  ["minimum", "targets"],
  ["target", "targets"],
  ["how old", "freshness"],
  ["how fresh", "freshness"],
  ["how recent", "freshness"],
  ["how current", "freshness"],
  ["how stale", "freshness"],
  ["up to date", "freshness"],
  ["last updated", "freshness"],
  ["when was", "freshness"],
  ["updated", "freshness"],
  ["freshness", "freshness"],
  ["who wrote", "freshness"],
  ["come from", "freshness"],
  ["comes from", "freshness"],
  ["sources", "freshness"],
  ["source", "freshness"],
  ["outdated", "freshness"],
  ["stale", "freshness"],
  ["level mapping", "level"],
  ["levels", "level"],
  ["level", "level"],
  ["equivalent", "level"],
  ["equivalents", "level"],
  ["equivalence", "level"],
  ["mapping", "level"],
  ["maps to", "level"],
  ["same as", "level"],
  ["same level as", "level"],
  ["comparable to", "level"],
  ["equal to", "level"],
  ["list", "list"],
  ["catalog", "list"],
  ["catalogue", "list"],
  ["all guides", "list"],
  ["which companies", "list"],
  ["what companies", "list"],
  ["what guides", "list"],
  ["which guides", "list"],
  ["help", "help"],
  ["usage", "help"],
  ["commands", "help"],
  ["hi", "help"],
  ["hello", "help"],
  ["hey", "help"],
  ["howdy", "help"],
];

/** Words that only say "all regions" (band intent with no region). */
export const ALL_REGIONS_PHRASES: ReadonlyArray<string> = [
  "all regions",
  "every region",
  "each region",
  "everywhere",
  "regions",
  "all locations",
];

/** Words that carry no entity in questions like "what's the total comp for an ML engineer at Segment in London?" */
export const FILLER = new Set(
  `a an the and or but for at in on of to from with by as is are was be been am i im i'm me my we our you your
  it its this that these those there here what whats what's which who whom how much many does do did doing
  can could would should will shall may might please pls plz tell show give get got getting need want know
  about around roughly approx approximately typical typically usually current currently today now these days
  comp compensation salary salaries pay pays paid paying band bands range ranges total tc base stock stocks rsu
  rsus equity bonus bonuses package offer offers offered offering figures numbers data info information guide guides market rate
  rates role roles job jobs position positions title titles work working someone somebody person people
  like look looking lookup find see check per year yearly annual annually us me thanks thank ok okay so
  yo sup good morning afternoon evening company companies region regions location locations city
  also too then next again same one s m t re ve ll have has any ty thx they them their gave given received
  experience yoe years yrs over under more less than almost nearly just only accept accepting ask asked
  asking wants wanted below above
  if whether compare compared comparing comparison vs versus against think thoughts respond expect expected
  expecting fair unfair reasonable realistic decent fine right bad great generous competitive enough worth deal
  low high lowball lowballed lowballing standard normal average
  came come comes coming back countered revised updated new improved bumped raised upped increased final
  initial latest recruiter recruiters hr said says told mentioned verbal written email emailed call say
  competing competitor competitors hoping hope hoped cliff benefits perks cover covers covered available when
  going gonna where write draft send email message reply letter number higher bigger larger better
  signing sign-on make makes making earn earns earning moment
  beat beats beating vesting vested schedule add adds added adding include includes included including plus
  up down take takes took taking true false really actually correct accurate legit possible cap caps capped max
  maximum min minimum limit limits ceiling monthly quarterly yearly first part parts other others sent`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Words that may name a role the catalogue does not have ("data scientist", "prompt engineer"): an unknown word
 * among them keeps a question about a company's only guide from being answered as that guide's.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  `engineer engineers engineering eng swe sde developer developers dev devs programmer scientist scientists science
  researcher researchers research analyst analysts analytics designer designers design manager managers management
  pm tpm em product program programme project data software hardware firmware ml ai machine learning deep nlp
  vision backend back-end frontend front-end fullstack full-stack stack mobile ios android web devops sre
  reliability security infrastructure infra platform cloud network networking systems embedded qa sdet test
  testing quality automation sales marketing account accounts executive exec director directors vp head lead
  leads architect architects consultant specialist administrator admin support success operations ops finance
  financial accountant legal counsel lawyer writer technical tech recruiter recruiting hr people ux ui
  applied quant quantitative trader trading economist statistician biz business solutions
  customer partner partnerships growth content editor intern interns apprentice graduate`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Outside levels look like l5, e5, ic4, t3, sde2, m1, p4, d1, mts2. */
export const LEVEL_TOKEN = /^(?:l|e|ic|t|m|p|d|sde|swe|mts|g|lvl|level)\d{1,2}$/;

// What the words around a question's figures say about them (an offer, pay now, a wish), and help.

export const HELP_WORD = /\b(?:help|usage|commands)\b/i;
/** The parts of a band, as a follow-up names them ("and the stock?", "what's the total comp there?"). */
export const BAND_PARTS: ReadonlySet<string> = new Set(
  "base salary stock stocks rsu rsus equity bonus bonuses total tc comp compensation package".split(" "),
);
/** Words that say the figures are what someone is paid now. */
export const CURRENT_PAY =
  /\b(?:(?:currently|current(?:ly)? (?:base|salary|pay|comp|total|package|tc)|right now|at the moment|i (?:make|earn|get)|i'?m (?:on|paid|making|earning|getting)|i am (?:on|paid|making|earning|getting)|my (?:salary|pay|base) is)\b|current\s*[:=]|my (?:current |present )?(?:job|role|employer|company|work) pays(?: me)?\b|(?:my current|i'?m at|i am at|i have)(?=\s+(?:[$£€]\s?\d|\d[\d,.]*\s?[km]\b)))/i;
/** Words before a figure that say it is wanted ("to get 200k", "ask for £180k", "hoping for 230k"). */
export const WANTED = new RegExp(
  String.raw`\b(?:to\s+get|(?:can|could|should|shall|would)\s+(?:i|we)\s+(?:get|ask\s+for)|want(?:ed|ing)?|counter(?:ing)?(?:\s+(?:with|at|for))?|propos(?:e|ing)|suggest(?:ing)?|ask(?:ing)?(?:\s+[\w-]+){0,3}?\s+for|hop(?:e|ing)\s+for|aim(?:ing)?\s+for|push(?:ing)?\s+for|request(?:ing)?|negotiate(?:\s+(?:it\s+)?up)?\s+to|get\s+(?:them|it)\s+(?:up\s+)?to)\s+(?:(?:a|an|my|the|base|salary|stock|rsus?|equity|bonus|total|tc|of|at\s+least|around|about)\s+)*(?:(?:${CODE_SOURCE})\s?)?[$£€]?\d`,
  "i",
);
/** Where a sentence ends: ? ! ; or a full stop that is not a decimal point ("400.5k"). */
export const SENTENCE_END = /[?!;]|\.(?!\d)/;
/** The offer's own words: "offer", and how people say one came ("they came in at", "gave me", "sent me"). */
export const OFFER_WORD =
  /\b(?:offer|offered|offering|check my offer|came\s+(?:in|back)\s+(?:at|with)|gave\s+me|(?:are|is|were)\s+giving\s+me|sent\s+me)\b/i;
/**
 * The parts of an offer a figure may be named by, next to it ("total comp 210k", "£200k total", "salary 150k"):
 * the offer reader's own names (offer-words.ts), so that any figure it would read is seen as one here.
 */
export const PART = `(?:${KEYWORDS.map(([k]) => k).join("|")})`;
/** "base 150k", "base: 150k", "my base is 150k", "total of £200k". */
export const FIGURE_AFTER_KEYWORD = new RegExp(
  `\\b${PART}(?:\\s*[:=]\\s*|\\s+(?:is|was|of|at|about|around)\\s+|\\s+)(?:(?:${CODE_SOURCE})\\s?)?[$£€]?\\d`,
  "i",
);
/**
 * "they gave me 150k base", "£120k stock", "£11k a month base": an amount written as money (a currency sign, or
 * k/m after it), then maybe its period, just before a part's name. A bare number is not enough ("l4 base", "2025
 * bonus", "top 10 base").
 */
const MONEY = String.raw`(?:[$£€]\s?\d[\d,]*(?:\.\d+)?\s?[km]?|(?<![\w.])\d[\d,]*(?:\.\d+)?\s?[km]\b)`;
export const MONEY_BEFORE_KEYWORD = new RegExp(`${MONEY}(?:${PERIOD_SOURCE})?\\s+${PART}\\b`, "i");
/** An amount written as money: a currency sign before it, or k/m after it ("£95k", "$150,000", "150k"). */
export const MONEY_FIGURE = new RegExp(MONEY, "i");
