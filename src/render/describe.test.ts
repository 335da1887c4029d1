import { describe, expect, it } from "vitest";
import { oneLine } from "./describe.ts";

describe("oneLine", () => {
  it("keeps a clean one-line name as it is", () => {
    expect(oneLine("ML/AI Engineer")).toBe("ML/AI Engineer");
    expect(oneLine("Segment")).toBe("Segment");
  });
  it("collapses runs, tabs, newlines and no-break spaces, and trims both ends", () => {
    expect(oneLine("ML  Engineer")).toBe("ML Engineer");
    expect(oneLine("ML\tEngineer")).toBe("ML Engineer");
    expect(oneLine("ML\nEngineer")).toBe("ML Engineer");
    expect(oneLine("ML\u00a0Engineer")).toBe("ML Engineer");
    expect(oneLine(" Segment")).toBe("Segment");
    expect(oneLine("Segment ")).toBe("Segment");
    expect(oneLine("\n Segment \t\n")).toBe("Segment");
    expect(oneLine("   ")).toBe("");
  });
  it("turns anything that is not text into display text", () => {
    expect(oneLine(undefined)).toBe("");
    expect(oneLine(null)).toBe("");
    expect(oneLine(42)).toBe("42");
    expect(oneLine(Number.NaN)).toBe("n/a");
    expect(oneLine({})).toBe("");
  });
});
