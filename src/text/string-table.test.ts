import { describe, expect, it } from "vitest";
import { StringTable } from "./string-table.ts";

describe("StringTable", () => {
  it("numbers each distinct string once, in the order first seen", () => {
    const table = new StringTable();
    expect(["b", "a", "b", "", "a", "c"].map((s) => table.indexOf(s))).toEqual([0, 1, 0, 2, 1, 3]);
    expect(table.list).toEqual(["b", "a", "", "c"]);
    expect(table.size).toBe(4);
  });

  it("starts empty, and tells apart strings that differ only in case or accents", () => {
    const table = new StringTable();
    expect(table.list).toEqual([]);
    expect(table.size).toBe(0);
    expect(["Zürich", "zürich", "Zurich"].map((s) => table.indexOf(s))).toEqual([0, 1, 2]);
  });
});
