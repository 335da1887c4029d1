import { describe, expect, it } from "vitest";
import { ShardedMap } from "./sharded-map.ts";

describe("ShardedMap", () => {
  it("gets, sets, replaces and deletes like a Map, and counts its entries", () => {
    const m = new ShardedMap<number>();
    expect(m.get("a")).toBeUndefined();
    expect(m.has("a")).toBe(false);
    m.set("a", 1).set("b", 2).set("a", 3);
    expect([m.get("a"), m.get("b"), m.size]).toEqual([3, 2, 2]);
    expect(m.delete("a")).toBe(true);
    expect(m.delete("a")).toBe(false);
    expect([m.has("a"), m.get("a"), m.size]).toEqual([false, undefined, 1]);
    // Keys of any length, the empty one included, and keys alike but for characters far from their end.
    m.set("", 0);
    const long = `${"x".repeat(100)}/same-ending.md`;
    const other = `${"y".repeat(100)}/same-ending.md`;
    m.set(long, 10).set(other, 20);
    expect([m.get(""), m.get(long), m.get(other), m.size]).toEqual([0, 10, 20, 4]);
  });

  it("holds as many keys as it is given, each once, and lists every one", () => {
    const m = new ShardedMap<number>();
    const keys = Array.from({ length: 5_000 }, (_, i) => `guides/company-${i % 200}/role-${i}.md`);
    for (const [i, k] of keys.entries()) m.set(k, i);
    for (const [i, k] of keys.entries()) m.set(k, i); // again: replaced, not added
    expect(m.size).toBe(5_000);
    expect([...m.keys()].sort()).toEqual([...keys].sort());
    expect(keys.every((k, i) => m.get(k) === i)).toBe(true);
  });

  it("spreads keys that differ only near their end over many of its maps", () => {
    const m = new ShardedMap<number>();
    for (let i = 0; i < 6_400; i++) m.set(`/srv/guides/acme/role-${i}.md`, i);
    // 64 maps of about 100 keys each: none holds more than twice its share.
    const sizes = (m as unknown as { shards: Map<string, number>[] }).shards.map((s) => s.size);
    expect(sizes.length).toBe(64);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(200);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
  });
});
