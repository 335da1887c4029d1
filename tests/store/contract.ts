/**
 * The store contract: the same cases run against every Store (memory, PostgreSQL). Each case gets a fresh,
 * empty store and a clock it controls.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/types.ts";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

export interface StoreUnderTest {
  store: Store;
  /** Release what the case used (truncate tables, close pools). */
  dispose(): Promise<void>;
}

/** `make` builds an empty store that reads the time from `clock`. */
export function storeContract(name: string, make: (clock: () => number) => Promise<StoreUnderTest>): void {
  describe(`store contract: ${name}`, () => {
    let now = Date.parse("2026-03-01T12:00:00Z");
    let subject: StoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      now = Date.parse("2026-03-01T12:00:00Z");
      subject = await make(() => now);
      store = subject.store;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    it("claims an event id once; a repeat is refused", async () => {
      expect(await store.claimEvent("Ev001")).toBe(true);
      expect(await store.claimEvent("Ev001")).toBe(false);
      expect(await store.claimEvent("Ev002")).toBe(true);
      now += 59 * 60_000;
      expect(await store.claimEvent("Ev001")).toBe(false);
    });

    it("concurrent claims of one id: exactly one wins", async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => store.claimEvent("EvRace")));
      expect(results.filter((r) => r)).toHaveLength(1);
    });

    it("an event id is kept 1 hour: after that it can be claimed again, and cleanup deletes it", async () => {
      await store.claimEvent("EvOld");
      now += HOUR;
      expect(await store.claimEvent("EvOld")).toBe(true);
      await store.claimEvent("EvOther");
      now += HOUR;
      const removed = await store.cleanup();
      expect(removed.events).toBe(2);
      expect(await store.claimEvent("EvOther")).toBe(true);
    });

    it("a claim that wins stores the context given with it; a claim that loses stores nothing", async () => {
      const key = "thread:T1:C1:7.7";
      expect(await store.claimEvent("EvWith1", { key, context: { company: "segment" } })).toBe(true);
      expect(await store.getContext(key)).toEqual({ company: "segment" });
      expect(await store.claimEvent("EvWith1", { key, context: { company: "stripe" } })).toBe(false);
      expect(await store.getContext(key)).toEqual({ company: "segment" });
      expect(await store.claimEvent("EvWith2", { key, context: { role: "ml-ai-engineer" } })).toBe(true);
      expect(await store.getContext(key)).toEqual({ role: "ml-ai-engineer" });
      // That the last answer checked figures is kept (never the figures).
      const after = { company: "segment", region: "london", checkedFigures: true };
      expect(await store.claimEvent("EvWith3", { key, context: after })).toBe(true);
      expect(await store.getContext(key)).toEqual(after);
      // The context expires 24 hours after the claim wrote it, like any other write.
      now += 24 * HOUR;
      expect(await store.getContext(key)).toBeUndefined();
    });

    it("concurrent claims of one id, each with its own context: the winner's context is stored", async () => {
      const key = "thread:T1:C1:8.8";
      const companies = ["acme", "globex", "initech", "segment", "stripe", "umbrella"];
      const results = await Promise.all(
        companies.map((company) => store.claimEvent("EvRaceWith", { key, context: { company } })),
      );
      expect(results.filter((r) => r)).toHaveLength(1);
      const winner = companies[results.indexOf(true)];
      expect(await store.getContext(key)).toEqual({ company: winner });
    });

    it("remembers a conversation's context and overwrites it", async () => {
      expect(await store.getContext("thread:T1:C1:1.1")).toBeUndefined();
      await store.setContext("thread:T1:C1:1.1", { company: "segment", role: "ml-ai-engineer" });
      await store.setContext("dm:T1:D1", { company: "segment" });
      expect(await store.getContext("thread:T1:C1:1.1")).toEqual({
        company: "segment",
        role: "ml-ai-engineer",
      });
      await store.setContext("thread:T1:C1:1.1", { role: "backend-engineer" });
      expect(await store.getContext("thread:T1:C1:1.1")).toEqual({ role: "backend-engineer" });
      expect(await store.getContext("dm:T1:D1")).toEqual({ company: "segment" });
      // The region talked about is kept with them.
      const withRegion = { company: "segment", role: "ml-ai-engineer", region: "london" };
      await store.setContext("dm:T1:D1", withRegion);
      expect(await store.getContext("dm:T1:D1")).toEqual(withRegion);
    });

    it("forgets every conversation of one workspace, and only that workspace's", async () => {
      await store.setContext("thread:T1:C1:1.1", { company: "segment" });
      await store.setContext("dm:T1:D1", { role: "ml-ai-engineer" });
      await store.setContext("thread:T10:C1:1.1", { company: "stripe" });
      await store.setContext("dm:T2:D1", { company: "globex" });
      expect(await store.forgetTeam("T1")).toBe(2);
      expect(await store.getContext("thread:T1:C1:1.1")).toBeUndefined();
      expect(await store.getContext("dm:T1:D1")).toBeUndefined();
      expect(await store.getContext("thread:T10:C1:1.1")).toEqual({ company: "stripe" });
      expect(await store.getContext("dm:T2:D1")).toEqual({ company: "globex" });
      expect(await store.forgetTeam("T")).toBe(0);
      expect(await store.forgetTeam("T1")).toBe(0);
    });

    it("a context is kept 24 hours after its last write", async () => {
      await store.setContext("dm:T1:D1", { company: "segment" });
      await store.setContext("dm:T1:D2", { company: "stripe" });
      now += 23 * HOUR;
      await store.setContext("dm:T1:D2", { company: "stripe" });
      expect(await store.getContext("dm:T1:D1")).toEqual({ company: "segment" });
      now += HOUR;
      expect(await store.getContext("dm:T1:D1")).toBeUndefined();
      expect(await store.getContext("dm:T1:D2")).toEqual({ company: "stripe" });
      const removed = await store.cleanup();
      expect(removed.contexts).toBe(1);
    });

    it("counts unanswered questions; the top list is most asked first, then most recent", async () => {
      for (let i = 0; i < 3; i++) await store.recordUnanswered("acme widget engineer");
      await store.recordUnanswered("segment ml-ai-engineer tokyo");
      now += 1000;
      await store.recordUnanswered("globex designer");
      await store.recordUnanswered("segment ml-ai-engineer tokyo");
      const top = await store.topUnanswered(50);
      expect(top.map((r) => [r.text, r.count])).toEqual([
        ["acme widget engineer", 3],
        ["segment ml-ai-engineer tokyo", 2],
        ["globex designer", 1],
      ]);
      expect(top[1]?.firstAsked.toISOString()).toBe("2026-03-01T12:00:00.000Z");
      expect(top[1]?.lastAsked.toISOString()).toBe("2026-03-01T12:00:01.000Z");
      expect(await store.topUnanswered(2)).toHaveLength(2);
    });

    it("concurrent records of one question are all counted", async () => {
      await Promise.all(Array.from({ length: 10 }, () => store.recordUnanswered("initech tester")));
      expect((await store.topUnanswered(5)).map((r) => r.count)).toEqual([10]);
    });

    it("an unanswered question is kept 90 days after it was last asked", async () => {
      await store.recordUnanswered("acme widget engineer");
      await store.recordUnanswered("globex designer");
      now += 89 * DAY;
      await store.recordUnanswered("globex designer");
      now += DAY;
      expect((await store.topUnanswered(50)).map((r) => r.text)).toEqual(["globex designer"]);
      const removed = await store.cleanup();
      expect(removed.unanswered).toBe(1);
      // Asked again after expiry: counted from 1.
      await store.recordUnanswered("acme widget engineer");
      expect((await store.topUnanswered(50)).map((r) => [r.text, r.count])).toEqual([
        ["globex designer", 2],
        ["acme widget engineer", 1],
      ]);
    });

    it("answers a ping", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
