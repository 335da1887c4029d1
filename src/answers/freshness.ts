/** How old a guide's data is, in plain words, from the guide's dates and today's date (given, never read). */
import type { Guide } from "../guides/types.ts";
import type { FollowUp, FreshnessAnswer, GuideFacts } from "./types.ts";

const DAY_MS = 86_400_000;
/** Average days in a month, for "about N months". */
const MONTH_DAYS = 30.44;

function dayNumber(iso: string): number | null {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / DAY_MS);
}

/** Days from one YYYY-MM-DD date to another (negative when `to` is earlier), or null for a bad date. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** "2025-Q4" -> { start: "2025-10-01", end: "2025-12-31" }, or null when it is not a quarter. */
export function quarterDates(quarter: string): { start: string; end: string } | null {
  const m = /^(\d{4})-Q([1-4])$/i.exec(quarter.trim());
  if (!m) return null;
  const year = m[1]!;
  const q = Number(m[2]);
  const startMonth = String((q - 1) * 3 + 1).padStart(2, "0");
  const end = ["03-31", "06-30", "09-30", "12-31"][q - 1]!;
  return { start: `${year}-${startMonth}-01`, end: `${year}-${end}` };
}

/** A span of days in plain words: "12 days", "about a month", "about 9 months", "about a year", "about 2 years". */
export function spanText(days: number): string {
  if (days < 31) return days === 1 ? "1 day" : `${days} days`;
  const months = Math.round(days / MONTH_DAYS);
  if (months <= 1) return "about a month";
  if (months <= 10) return `about ${months} months`;
  if (months <= 14) return "about a year";
  if (months <= 20) return "about a year and a half";
  return `about ${Math.round(months / 12)} years`;
}

/** "about a year old" for salary data of a quarter that ended that long before today. */
export function salaryDataAge(quarter: string, today: string): string | null {
  const dates = quarterDates(quarter);
  if (!dates) return null;
  const sinceStart = daysBetween(dates.start, today);
  // The quarter's dates are always readable: only an unreadable today gives null.
  if (sinceStart === null) return null;
  const sinceEnd = daysBetween(dates.end, today)!;
  if (sinceStart < 0) return "from a quarter that has not started yet";
  if (sinceEnd <= 0) return "from the current quarter";
  return `${spanText(sinceEnd)} old`;
}

/** "today", "3 days ago", "about 9 months ago" (or "in the future" for a date after today). */
export function agoText(date: string, today: string): string {
  const days = daysBetween(date, today);
  if (days === null) return "on an unreadable date";
  if (days < 0) return "in the future";
  if (days === 0) return "today";
  return `${spanText(days)} ago`;
}

export function freshnessAnswer(guide: Guide, facts: GuideFacts, followUps: FollowUp[]): FreshnessAnswer {
  return {
    kind: "freshness",
    ...facts,
    salaryDataQuarter: guide.salaryDataQuarter,
    salaryDataAge: salaryDataAge(guide.salaryDataQuarter, facts.today),
    lastUpdated: guide.lastUpdated,
    updatedAgo: agoText(guide.lastUpdated, facts.today),
    nextReviewDue: guide.nextReviewDue,
    followUps,
    command: `updated ${guide.company} ${guide.role}`,
  };
}
