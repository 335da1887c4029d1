import type { ParsedOffer } from "./offer.ts";

/** What a question asks, whatever surface it came from (/comp words, a mention, a DM, the console). */

export type Intent =
  /** Usage with examples (`help`, nothing, "hi"). */
  | "help"
  /** The whole catalogue (`list`). */
  | "list"
  /** One band (company + role + region), or every region when no region is given. */
  | "band"
  /** The roles we have for a company. */
  | "company"
  /** The companies we have for a role. */
  | "role"
  /** The negotiation script of a guide. */
  | "script"
  /** The level mapping of one guide (`level segment ml-ai-engineer`). */
  | "level"
  /** The guides that map to an outside level (`level google l5`). */
  | "level-lookup"
  /** Place an offer's figures in a band and write a counter-offer (`offer segment … base 150k`). */
  | "offer"
  /** What to ask for: the guide's band and script for one region ("how much should I ask for at Segment"). */
  | "targets"
  /** How old the guide's data is ("when was segment ml engineer updated", "how old is this data"). */
  | "freshness";

/** How an entity was recognised. */
export type MatchKind = "exact" | "alias" | "fuzzy";

/** A company, role or region recognised in the question. */
export interface EntityMatch {
  /** Normalised key: company slug, role slug or region slug. */
  key: string;
  /** Display form, e.g. "Segment", "ML/AI Engineer", "London". */
  display: string;
  /** The words of the question that matched, as typed. */
  matched: string;
  kind: MatchKind;
  /** 0 = perfect, 1 = no match (fuse.js convention). */
  score: number;
}

/** An outside level named in a question: "google l5" -> { company: "google", level: "l5" }. */
export interface LevelRef {
  /** Company as typed, normalised to lower case ("google"). */
  company: string;
  /** Display form of the company when known from some guide's level mapping ("Google"). */
  companyDisplay: string;
  /** Level as typed, lower case ("l5", "e5"). */
  level: string;
}

export interface Query {
  intent: Intent;
  /** The question as received (trimmed), for echoing back (escape before posting). */
  text: string;
  company: EntityMatch | null;
  role: EntityMatch | null;
  region: EntityMatch | null;
  /**
   * Further regions the question names besides `region` ("london vs new york", "compare london and sf"), in the
   * order written, each once. Absent or empty when it names one region or none.
   */
  moreRegions?: EntityMatch[];
  level: LevelRef | null;
  /** Words that carried meaning but matched nothing we know ("acme", "paris"). */
  unknown: string[];
  /**
   * Those words as the question has them, for echoing: each run of unread words with the filler words inside it
   * ("quillonx data scientist", "bay of plenty", where `unknown` is quillonx, scientist / bay, plenty), runs
   * joined by a space. Absent when there are none (or on a query built elsewhere: use `unknown`).
   */
  unknownText?: string;
  /**
   * Unknown words left aside in an offer to a company with one guide, in a region named ("they won't budge"):
   * the answer says them back. Absent when none.
   */
  setAside?: string[];
  /** The offer's figures, for the "offer" intent. */
  offer: ParsedOffer | null;
  /** A currency the question asks its figures in ("london in dollars" -> USD); absent when none. */
  currency?: string;
  /** True when company/role were filled from the conversation (a thread follow-up), not from the text. */
  fromContext: boolean;
}

/** What a conversation remembers between questions (a Slack thread, a DM, the console session). */
export interface ConversationContext {
  company?: string;
  role?: string;
  /**
   * The region of the band last answered about in this conversation (a band, an offer check, a script for one
   * region): an offer, a script or what to ask for about the same guide, with no region named, is about it.
   */
  region?: string;
  /**
   * The last answer checked figures (an offer or pay check). No figure is kept; this only lets a follow-up offer
   * say that its own figures are all it checks.
   */
  checkedFigures?: boolean;
}
