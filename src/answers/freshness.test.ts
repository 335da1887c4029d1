/** How old a guide's data is, in words: day counts, quarters, spans at their boundaries, the answer's fields. */
import { describe, expect, it } from "vitest";
import { guide } from "../render/fixtures.test-helpers.ts";
import { agoText, daysBetween, freshnessAnswer, quarterDates, salaryDataAge, spanText } from "./freshness.ts";

describe("daysBetween", () => {
  it("counts calendar days, negative when the second date is earlier", () => {
    expect(daysBetween("2026-01-01", "2026-01-31")).toBe(30);
    expect(daysBetween("2026-01-31", "2026-01-01")).toBe(-30);
    expect(daysBetween("2026-03-01", "2026-03-01")).toBe(0);
    // Across a leap day and a year end.
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
  });

  it("is null when either date cannot be read", () => {
    expect(daysBetween("2026-13-45", "2026-01-01")).toBeNull();
    expect(daysBetween("2026-01-01", "soon")).toBeNull();
  });
});

describe("quarterDates", () => {
  it("gives the first and last day of each quarter", () => {
    expect(quarterDates("2025-Q1")).toEqual({ start: "2025-01-01", end: "2025-03-31" });
    expect(quarterDates("2025-Q2")).toEqual({ start: "2025-04-01", end: "2025-06-30" });
    expect(quarterDates("2025-Q3")).toEqual({ start: "2025-07-01", end: "2025-09-30" });
    expect(quarterDates("2025-Q4")).toEqual({ start: "2025-10-01", end: "2025-12-31" });
  });

  it("reads a lower-case q and surrounding spaces", () => {
    expect(quarterDates(" 2024-q2 ")).toEqual({ start: "2024-04-01", end: "2024-06-30" });
  });

  it.each(["2025-Q5", "2025-Q0", "x2025-Q1", "2025-Q1x", "25-Q1", "2025 Q1", "Q4", ""])(
    "%j is not a quarter",
    (text) => {
      expect(quarterDates(text)).toBeNull();
    },
  );
});

describe("spanText at each boundary", () => {
  it.each([
    [0, "0 days"],
    [1, "1 day"],
    [2, "2 days"],
    [30, "30 days"],
    [31, "about a month"],
    [45, "about a month"],
    [46, "about 2 months"],
    [319, "about 10 months"],
    [320, "about a year"],
    [441, "about a year"],
    [442, "about a year and a half"],
    [624, "about a year and a half"],
    [625, "about 2 years"],
    [1100, "about 3 years"],
  ])("%i days -> %j", (days, text) => {
    expect(spanText(days)).toBe(text);
  });
});

describe("salaryDataAge", () => {
  it("counts from the end of the quarter", () => {
    expect(salaryDataAge("2026-Q3", "2026-10-01")).toBe("1 day old");
    expect(salaryDataAge("2026-Q3", "2026-10-31")).toBe("about a month old");
  });

  it("the quarter's first and last day are the current quarter; the day before it has not started", () => {
    expect(salaryDataAge("2026-Q4", "2026-10-01")).toBe("from the current quarter");
    expect(salaryDataAge("2026-Q4", "2026-12-31")).toBe("from the current quarter");
    expect(salaryDataAge("2026-Q4", "2026-09-30")).toBe("from a quarter that has not started yet");
  });

  it("is null when the quarter or today cannot be read", () => {
    expect(salaryDataAge("2026 fourth quarter", "2026-12-01")).toBeNull();
    expect(salaryDataAge("2026-Q4", "not a date")).toBeNull();
  });
});

describe("agoText", () => {
  it("today, a day, a span, the future, an unreadable date", () => {
    expect(agoText("2026-12-01", "2026-12-01")).toBe("today");
    expect(agoText("2026-11-30", "2026-12-01")).toBe("1 day ago");
    expect(agoText("2025-12-01", "2026-12-01")).toBe("about a year ago");
    expect(agoText("2026-12-02", "2026-12-01")).toBe("in the future");
    expect(agoText("2026-02-30x", "2026-12-01")).toBe("on an unreadable date");
  });
});

describe("freshnessAnswer", () => {
  it("states the guide's dates and how old they are on the given day, with its command", () => {
    const g = guide({
      salaryDataQuarter: "2026-Q2",
      lastUpdated: "2026-11-28",
      nextReviewDue: "2027-05-28",
    });
    const followUps = [
      { label: "London", command: "segment ml-ai-engineer london", kind: "region" as const },
    ];
    const answer = freshnessAnswer(g, { guide: g, overdue: false, today: "2026-12-01" }, followUps);
    expect(answer).toEqual({
      kind: "freshness",
      guide: g,
      overdue: false,
      today: "2026-12-01",
      salaryDataQuarter: "2026-Q2",
      salaryDataAge: "about 5 months old",
      lastUpdated: "2026-11-28",
      updatedAgo: "3 days ago",
      nextReviewDue: "2027-05-28",
      followUps: [{ label: "London", command: "segment ml-ai-engineer london", kind: "region" }],
      command: "updated segment ml-ai-engineer",
    });
  });
});
