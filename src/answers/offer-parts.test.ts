/**
 * Parts of an offer that are not the bands' parts: OTE (base + bonus at target) and stock refreshers. Over the real
 * seed guide through the real core; London band: base £132K–£165K, stock £102K–£188K, bonus 10%, total £182K–£248K.
 */
import { describe, expect, it } from "vitest";
import { seedBot } from "./seed-bot.test-helpers.ts";

const { offer } = seedBot();

describe("OTE is never placed as a total comp", () => {
  it("with the base: the bonus at target is OTE less the base, said so", () => {
    const a = offer("segment london offer 150k base, OTE 180k");
    // £180K − £150K = £30K, 20% of £150K.
    expect(a.lines.map((l) => [l.component, l.offered])).toEqual([
      ["base", 150000],
      ["bonus", 20],
    ]);
    expect(a.notes).toContain(
      "OTE £180K is base + bonus at target: £180K − £150K base = £30K, read as your bonus at target.",
    );
    expect(a.lines.some((l) => l.component === "total")).toBe(false);
  });

  it("alone, or beside a bonus: not placed, and what would work", () => {
    const alone = offer("segment london offer OTE 180k");
    expect(alone.lines).toEqual([]);
    expect(alone.notes?.[0]).toBe(
      "OTE £180K is base + bonus at target, not a total comp: the band's totals have stock in them, so it is not placed. Give the base too (OTE less the base is the bonus at target), or the base and bonus themselves.",
    );
    const both = offer("segment london offer 150k base, 10% bonus, on-target earnings 165k, 100k stock");
    // The total placed is built from the parts: £150K + £100K ÷ 4 + 10% × £150K = £190K.
    expect(both.lines.find((l) => l.component === "total")?.offered).toBe(190000);
    expect(both.notes).toContain(
      "OTE £165K is base + bonus at target, not a total comp: the band's totals have stock in them, so it is not placed. You gave the bonus too, so it adds nothing.",
    );
  });
});

describe("OTE that gives no bonus", () => {
  it("a range, or not above the base: said why", () => {
    const range = offer("segment london offer base 150k, OTE 170-180k");
    expect(range.notes?.[0]).toBe(
      "OTE £170K–£180K is base + bonus at target, not a total comp: the band's totals have stock in them, so it is not placed. A range of OTE gives no one bonus: give the bonus itself, e.g. bonus 15%.",
    );
    const low = offer("segment london offer base 150k, OTE 150k");
    expect(low.notes?.[0]).toBe(
      "OTE £150K is base + bonus at target, not a total comp: the band's totals have stock in them, so it is not placed. It is not above the base (£150K), so it says nothing about a bonus: check the figures.",
    );
    expect(low.lines.map((l) => l.component)).toEqual(["base"]);
  });
});

describe("stock refreshers", () => {
  it("are named back as not compared, never read as the grant", () => {
    const a = offer("segment london offer 150k base, 100k stock, stock refreshers 25k a year");
    expect(a.lines.find((l) => l.component === "stock")?.offered).toBe(100000);
    expect(a.notes?.[0]).toMatch(/^Not compared: "stock refreshers 25k"/);
    const only = offer("segment london offer £150k base plus £20k annual refreshers");
    expect(only.lines.map((l) => l.component)).toEqual(["base"]);
    expect(only.notes?.[0]).toMatch(/^Not compared: "£20k annual refreshers"/);
  });
});
