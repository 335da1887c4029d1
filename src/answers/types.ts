/**
 * Answers are plain data: no Slack types, no formatting. Renderers (src/render) turn them into Block Kit
 * or terminal text. Every answer can be reproduced by running its `command` (the /comp words) again.
 */
import type { Band, Guide, LevelEquivalence, Lever, NegotiationScript } from "../guides/types.ts";

/** A follow-up the user can take with one click (a button in Slack, a hint in the console). */
export interface FollowUp {
  /** Short button label, e.g. "New York" or "Negotiation script". */
  label: string;
  /** The /comp words that answer it, e.g. "segment ml-ai-engineer new-york". */
  command: string;
  kind: "region" | "script" | "regions" | "band" | "suggestion" | "level" | "company" | "role" | "offer";
}

/** Facts shown under every band-like answer. */
export interface GuideFacts {
  guide: Guide;
  /** next_review_due is before today. */
  overdue: boolean;
  /** Today's date used for `overdue`, YYYY-MM-DD. */
  today: string;
}

export interface HelpAnswer {
  kind: "help";
  /** Set when help is shown because the question was not understood (what we could not read). */
  reason: string | null;
  examples: { command: string; description: string }[];
  guideCount: number;
}

/** A currency the question asked for ("in dollars"): figures are never converted, and the answer says so. */
interface AskedCurrency {
  askedCurrency?: string;
}

export interface BandAnswer extends GuideFacts, AskedCurrency {
  kind: "band";
  band: Band;
  /** Other regions of the same guide, script, all regions. */
  followUps: FollowUp[];
  command: string;
}

export interface RegionsAnswer extends GuideFacts, AskedCurrency {
  kind: "regions";
  bands: Band[];
  /**
   * Set when the question named its regions ("london vs new york"): `bands` are those the guide has, in the
   * order asked, and `missing` the named regions it has no band for (display names).
   */
  named?: { missing: string[] } | null;
  followUps: FollowUp[];
  command: string;
}

export interface CompanyAnswer {
  kind: "company";
  company: { key: string; display: string };
  roles: { key: string; display: string; regions: string[] }[];
  followUps: FollowUp[];
  command: string;
}

export interface RoleAnswer {
  kind: "role";
  role: { key: string; display: string };
  companies: { key: string; display: string; regions: string[] }[];
  followUps: FollowUp[];
  command: string;
}

export interface CatalogAnswer {
  kind: "catalog";
  companies: { key: string; display: string; roles: { key: string; display: string }[] }[];
  /** Total guides loaded; `companies` may be cut (`truncated`). */
  guideCount: number;
  companyCount: number;
  truncated: boolean;
  command: string;
}

export interface ScriptAnswer extends GuideFacts, AskedCurrency {
  kind: "script";
  /** "targets" when the question was what to ask for ("how much should I ask for at Segment"). */
  purpose?: "targets";
  /** The band the user asked about, when a region was given. */
  band: Band | null;
  /**
   * How the script was made safe to say: figures carried to the band's currency, the guide's claims about the
   * speaker turned into placeholders, where the guide disagrees with itself. Empty when nothing was changed.
   */
  scriptNotes?: string[];
  /**
   * Figures the question wants to ask for ("what should I say to get 200k base?"), each placed in the band
   * (`lines`); `currency` set when they are in another currency than the band (then nothing is placed).
   */
  wanted?: { lines: OfferLine[]; currency: string | null } | null;
  dnaSummary: string | null;
  levers: Lever[];
  script: NegotiationScript | null;
  disclaimer: string;
  followUps: FollowUp[];
  command: string;
}

export interface LevelAnswer extends GuideFacts {
  kind: "level";
  internal: string | null;
  equivalences: LevelEquivalence[];
  raw: string;
  followUps: FollowUp[];
  command: string;
}

export interface LevelLookupAnswer {
  kind: "level-lookup";
  /** What was asked, e.g. { company: "Google", level: "L5" }. */
  company: string;
  level: string;
  matches: { guide: Guide; equivalence: LevelEquivalence }[];
  followUps: FollowUp[];
  command: string;
}

/** Nothing we have matches. Always says what was not found and what would work. */
export interface NotFoundAnswer {
  kind: "not-found";
  /** What we looked for, in words: "a guide for acme widget-engineer". */
  asked: string;
  /** The words we could not match. */
  unknown: string[];
  /** Ranked "did you mean" candidates, best first (may be empty). */
  suggestions: FollowUp[];
}

/** How old a guide's data is: its dates and salary quarter, in plain words (computed from `today`). */
export interface FreshnessAnswer extends GuideFacts {
  kind: "freshness";
  /** e.g. "2025-Q4" (as the guide states it). */
  salaryDataQuarter: string;
  /** "about a year old" (from the end of the quarter to today), or null when the quarter cannot be read. */
  salaryDataAge: string | null;
  /** YYYY-MM-DD */
  lastUpdated: string;
  /** "about 9 months ago", "today". */
  updatedAgo: string;
  /** YYYY-MM-DD */
  nextReviewDue: string;
  followUps: FollowUp[];
  command: string;
}

/**
 * The question needs one more choice before it can be answered (which guide, which role, which region):
 * the choices as buttons, and how to type the question in full.
 */
export interface ChooseAnswer {
  kind: "choose";
  /** What is being chosen, e.g. "Which guide's level mapping?" (plain text). */
  question: string;
  /** The choices shown (at most a few; `total` says how many there are). */
  options: FollowUp[];
  total: number;
  /** How to ask in full, e.g. "level <company> <role>", and an example command. */
  usage: string;
  example: string | null;
}

/** The guide exists but has no band for the asked region. */
export interface RegionNotFoundAnswer extends GuideFacts {
  kind: "region-not-found";
  askedRegion: string;
  /** Asked for a pay check (pay someone has now) without a region: the question says pay, not offer. */
  paidNow?: boolean;
  available: Band[];
  followUps: FollowUp[];
}

export type Answer =
  | HelpAnswer
  | BandAnswer
  | RegionsAnswer
  | CompanyAnswer
  | RoleAnswer
  | CatalogAnswer
  | ScriptAnswer
  | LevelAnswer
  | LevelLookupAnswer
  | NotFoundAnswer
  | RegionNotFoundAnswer
  | OfferAnswer
  | FreshnessAnswer
  | ChooseAnswer;

export type AnswerKind = Answer["kind"];

export const DISCLAIMER = "Not financial, tax or legal advice: figures are market estimates from the guide.";

/** Where an offered figure sits in the band: below it, N% of the way from low to high, or above it. */
export interface BandPosition {
  where: "below" | "within" | "above";
  /** (offered - low) / (high - low) * 100, not clamped (negative below, over 100 above). */
  pct: number;
}

export interface OfferLine {
  component: "base" | "stock" | "bonus" | "total";
  label: string;
  /** Money in the band's currency, or a percentage for a bonus given as a percentage. */
  offered: number;
  low: number;
  high: number;
  unit: "money" | "percent";
  position: BandPosition;
}

/** A figure of the counter-offer and where it came from. */
export interface OfferTarget {
  component: "base" | "stock" | "bonus" | "signing";
  label: string;
  amount: number;
  unit: "money" | "percent";
  /** How it was obtained, in words ("75th percentile of the band's stock range"). */
  how: string;
}

export interface OfferAnswer extends GuideFacts {
  kind: "offer";
  band: Band;
  /** The figures are what the person is paid now ("I currently make…"), not an offer: every label says so. */
  paidNow?: boolean;
  /** The offer's figures as read (amounts in whole units of their currency). */
  offer: {
    base: number | null;
    stock: number | null;
    bonusPct: number | null;
    bonusAmount: number | null;
    signing: number | null;
    vestYears: number;
    vestGiven: boolean;
    /** The currency the figures were written in, or null when none was marked. */
    currency: string | null;
    /** Each figure's own currency as written (null: none marked), for an offer that mixes currencies. */
    currencies?: {
      base: string | null;
      stock: string | null;
      bonusAmount: string | null;
      signing: string | null;
    };
  };
  /** Figures were written without a currency and were read in the band's currency. */
  assumedCurrency: boolean;
  /** Set when the offer is in another currency than the band: nothing is compared then. */
  currencyMismatch: { offer: string; band: string; regionsInOfferCurrency: FollowUp[] } | null;
  lines: OfferLine[];
  /** base + stock ÷ vesting years + bonus, with the parts used; null when no figure was given. */
  annual: {
    total: number;
    parts: { label: string; amount: number; formula: string }[];
    partial: boolean;
  } | null;
  /** Year-one cash on top of the annual figure. */
  signing: number | null;
  /** base, stock or bonus not given: no total is placed then. */
  missing?: ("base" | "stock" | "bonus")[];
  /** The band's total built from its components the way the offer's is, beside the guide's stated one. */
  totals?: {
    components: { low: number; high: number };
    stated: { low: number; high: number };
    /** Which one the offer's total is placed in (null when no total is placed). */
    comparedWith: "components" | "stated" | null;
  } | null;
  /** How the offer was read and compared: ranges, periods, vesting, totals, one sentence each. */
  notes?: string[];
  /** Every given component already meets the guide's targets: what is still worth asking for, and why. */
  alreadyBeats?: { stillWorth: { label: string; amount: number | null; reason: string }[] } | null;
  /** Where the guide's body and frontmatter disagree on this band (both shown). */
  guideDisagrees?: string[];
  targets: OfferTarget[];
  /** The guide's Negotiate Up script with our targets written in, or null when the guide has none. */
  script: string | null;
  /**
   * The walk-away line, never below what is on the table. `met`: the offer already clears the guide's line,
   * so the line shown is what is offered.
   */
  acceptThreshold: { amount: number; text: string; how: string; met?: boolean } | null;
  /** Which numbers come from the guide and which were derived, and how. */
  provenance: string[];
  /** Parts not read (with a hint), or read but implausible (`kind: "implausible"`, with the question we ask). */
  unreadable: {
    text: string;
    suggestion: string | null;
    hint?: string | null;
    kind?: "unreadable" | "implausible";
  }[];
  disclaimer: string;
  followUps: FollowUp[];
  command: string;
}
