import { describe, expect, it } from "vitest";
import { remembered } from "./recent.ts";

describe("remembered", () => {
  it("works a text out once while it is remembered, and gives the same result", () => {
    const calls: string[] = [];
    const upper = remembered((t: string) => {
      calls.push(t);
      return t.toUpperCase();
    });
    expect([upper("london"), upper("paris"), upper("london"), upper("london")]).toEqual([
      "LONDON",
      "PARIS",
      "LONDON",
      "LONDON",
    ]);
    expect(calls).toEqual(["london", "paris"]);
  });

  it("remembers an undefined result too", () => {
    let calls = 0;
    const nothing = remembered((_t: string) => {
      calls++;
      return undefined;
    });
    nothing("a");
    nothing("a");
    expect(calls).toBe(1);
  });

  it("forgets everything once `limit` texts are held, then starts remembering again", () => {
    const calls: string[] = [];
    const length = remembered((t: string) => {
      calls.push(t);
      return t.length;
    }, 2);
    length("a");
    length("bb");
    length("a"); // held: 2 texts
    length("ccc"); // a third: the two are forgotten, "ccc" is held
    length("a"); // worked out again
    length("ccc"); // still held
    expect(calls).toEqual(["a", "bb", "ccc", "a"]);
  });
});
