/**
 * The guide model shared by every part of CompBot. Plain data: no Slack types, no I/O.
 *
 * A guide is split in two: `Guide` (from the frontmatter, small, kept in the hot index for every guide)
 * and `GuideBody` (parsed from the markdown body on demand, only when an answer needs it).
 */

/** An inclusive money range in whole units of the band's currency. */
export interface MoneyRange {
  low: number;
  high: number;
}

/** A bonus target, as a percentage of base: a single figure (10) or a range (10–15). */
export interface PercentRange {
  low: number;
  high: number;
}

/** One region's compensation band. */
export interface Band {
  /** Display name as the guide spells it, e.g. "San Francisco". */
  region: string;
  /** Normalised key, e.g. "san-francisco". */
  regionSlug: string;
  /** ISO 4217 code, upper case, e.g. "GBP". */
  currency: string;
  base: MoneyRange;
  /** Total equity grant over the vesting period (RSUs over 4 years). */
  stock: MoneyRange;
  bonusPct: PercentRange;
  totalComp: MoneyRange;
}

/** One "X = Company Level" equivalence parsed from `level_mapping.raw`. */
export interface LevelEquivalence {
  /** Company display name as written, e.g. "Google". */
  company: string;
  /** The level/title part, e.g. "L4-L5 ML". Empty when the raw text names only a company. */
  level: string;
}

export interface LevelMapping {
  internal: string | null;
  raw: string;
  equivalences: LevelEquivalence[];
}

/** Everything we know about a guide from its frontmatter. Kept in memory for every guide. */
export interface Guide {
  /** `${company}/${role}`: unique across the catalogue. */
  id: string;
  /** Path of the source file (as given to the loader, relative or absolute). */
  file: string;
  company: string;
  companyDisplay: string;
  role: string;
  roleDisplay: string;
  roleType: string;
  /** ISO dates, YYYY-MM-DD. */
  lastUpdated: string;
  nextReviewDue: string;
  dataQuality: string;
  /** e.g. "2025-Q4". */
  salaryDataQuarter: string;
  bands: Band[];
  levelMapping: LevelMapping;
  dataSources: string[];
  negotiationDnaSummary: string;
  /** Frontmatter fields we do not model, kept as found (already mojibake-repaired where text). */
  extra: Record<string, unknown>;
}

export interface Lever {
  /** e.g. "AI Product Core". */
  title: string;
  /** The quoted line the candidate can say, without the surrounding quotes. */
  quote: string;
}

export interface AcceptThreshold {
  /** The figure as written, e.g. "$242K RSUs". */
  text: string;
  /** Parsed amount in whole currency units when the text has one (242000). */
  amount: number | null;
  /** What the amount is about, when stated: "RSUs", "total comp", "base"… */
  component: string | null;
}

export interface NegotiationScript {
  /** The quoted script, without the surrounding quotes. */
  text: string;
  acceptThreshold: AcceptThreshold | null;
}

/** A row of the comp table in the guide body, as written (figures as text, already repaired). */
export interface BodyTableRow {
  region: string;
  base: string;
  stock: string;
  bonus: string;
  totalComp: string;
}

/** What the markdown body holds. Parsed on demand. */
export interface GuideBody {
  dnaSummary: string | null;
  /** Paragraphs of prose under the DNA / lever headings, repaired, plain markdown. */
  overview: string[];
  levers: Lever[];
  script: NegotiationScript | null;
  evidence: string[];
  table: BodyTableRow[];
}

/** A problem found while loading guides. `error` means the guide was skipped. */
export interface GuideProblem {
  severity: "error" | "warning";
  file: string;
  /** Dotted field path ("compensation.0.base_low"), or "" for the whole file. */
  path: string;
  /** Human sentence: what was expected, what was found. */
  message: string;
  /** Stable machine code, e.g. "schema", "duplicate", "mojibake", "overdue", "body-mismatch", "read". */
  code: string;
}
