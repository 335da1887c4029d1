/**
 * The level links of one outside company: what goes in comes back, in order, whatever the number of links
 * (the columns start at 64 and double), and the predicate is asked once per distinct level.
 */
import { describe, expect, it } from "vitest";
import { LevelLinks } from "./level-links.ts";

/** 300 links (past the first four doublings of the columns): positions 0, 3, 6…; five levels; two spellings. */
const LEVELS = ["L3", "L4", "L5", "L6", "L7 Staff"];
const made = Array.from({ length: 300 }, (_, i) => ({
  position: i * 3,
  company: i % 7 === 0 ? "google" : "Google",
  level: LEVELS[(i * i) % LEVELS.length]!,
}));

function filled(): LevelLinks {
  const links = new LevelLinks();
  for (const { position, company, level } of made) links.add(position, company, level);
  return links;
}

describe("LevelLinks", () => {
  it("gives back every link as it was added, in order", () => {
    const links = filled();
    expect(links.size).toBe(300);
    expect(links.find(() => true, Number.POSITIVE_INFINITY)).toEqual(made);
  });

  it("keeps the distinct levels in the order first added", () => {
    // (i * i) % 5 for i = 0, 1, 2, 3…: 0, 1, 4, 4, 1, 0…: L3, L4, L7 Staff first; 2 and 3 never come.
    expect([...filled().levels]).toEqual(["L3", "L4", "L7 Staff"]);
  });

  it("keeps the links whose level is accepted, up to the limit, asking once per level", () => {
    const links = filled();
    const asked: string[] = [];
    const l4 = (level: string) => {
      asked.push(level);
      return level === "L4";
    };
    const want = made.filter((link) => link.level === "L4");
    expect(want.length).toBeGreaterThan(100);
    expect(links.find(l4, Number.POSITIVE_INFINITY)).toEqual(want);
    expect(asked.sort()).toEqual(["L3", "L4", "L7 Staff"]);
    expect(links.find(l4, 5)).toEqual(want.slice(0, 5));
    expect(links.find(() => false, 10)).toEqual([]);
    expect(links.find(() => true, 0)).toEqual([]);
  });

  it("has nothing before anything is added", () => {
    const links = new LevelLinks();
    expect(links.size).toBe(0);
    expect(links.levels.size).toBe(0);
    expect(links.find(() => true, 10)).toEqual([]);
  });
});
