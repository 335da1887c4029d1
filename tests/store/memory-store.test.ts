import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory.ts";
import { storeContract } from "./contract.ts";

storeContract("memory", async (clock) => ({ store: new MemoryStore({}, clock), dispose: async () => {} }));

describe("memory store bounds", () => {
  it("keeps at most the given number of event ids, contexts and questions", async () => {
    const store = new MemoryStore({ dedupeCapacity: 100, conversations: 50, unanswered: 20 });
    for (let i = 0; i < 1_000; i++) {
      await store.claimEvent(`Ev${i}`);
      await store.setContext(`dm:T:D${i}`, { company: `c${i}` });
      await store.recordUnanswered(`question ${i}`);
    }
    expect(store.sizes).toEqual({ events: 100, contexts: 50, unanswered: 20 });
    // The newest are kept.
    expect(await store.getContext("dm:T:D999")).toEqual({ company: "c999" });
    expect(await store.getContext("dm:T:D0")).toBeUndefined();
  });
});
