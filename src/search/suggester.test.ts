/**
 * Suggester: fuse.js over phrases, built at once or in slices with the same results; a reset during a build in
 * slices drops it, so that phrases added meanwhile are never missed.
 */
import { describe, expect, it } from "vitest";
import { Suggester } from "./suggester.ts";

const NAMES = [
  "Globex",
  "Umbrella Corp",
  "Initech",
  "Hooli",
  "Acme Robotics",
  "Acme Rockets",
  "Vandelay",
  "Acme",
];

describe("Suggester", () => {
  it("built in slices, searches exactly as built at once", async () => {
    const docs = () => NAMES.map((phrase, i) => ({ phrase, value: i }));
    const whole = new Suggester(docs);
    const sliced = new Suggester(docs);
    let pauses = 0;
    await sliced.buildInSlices(2, async () => {
      pauses++;
    });
    expect(pauses).toBe(4); // 8 phrases, 2 a slice
    expect(sliced.built).toBe(true);
    for (const text of ["acme", "globx", "umbrela", "hooli", "zz", "vandely industries"]) {
      expect(sliced.search(text, 10)).toEqual(whole.search(text, 10));
    }
    expect(whole.search("globx", 10)[0]).toMatchObject({ phrase: "Globex", value: 0 });
    // At most `limit`, best first.
    expect(whole.search("acme", 10).length).toBeGreaterThan(2);
    expect(whole.search("acme", 2)).toEqual(whole.search("acme", 10).slice(0, 2));
  });

  it("a reset during a build in slices drops it: the next search sees the phrases added meanwhile", async () => {
    const phrases = ["Globex", "Initech"];
    const suggester = new Suggester(() => phrases.map((phrase) => ({ phrase, value: phrase })));
    const building = suggester.buildInSlices(1, async () => {
      if (!phrases.includes("Hooli")) {
        phrases.push("Hooli");
        suggester.reset();
      }
    });
    await building;
    expect(suggester.built).toBe(false);
    expect(suggester.search("hooli", 5)[0]).toMatchObject({ phrase: "Hooli" });
  });
});
