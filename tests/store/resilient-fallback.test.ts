/**
 * The shared store while PostgreSQL is not there (a port where nothing listens): the in-memory fallback keeps
 * event claims and contexts, including the context given with a claim.
 */
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PostgresStore } from "../../src/store/postgres.ts";
import { ResilientStore } from "../../src/store/resilient.ts";

/** A loopback port that was free a moment ago and has no listener now: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
let store: ResilientStore | undefined;

afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe("the shared store on its in-memory fallback", () => {
  it("a claim with a context: won once, and the context is remembered; a repeat writes nothing", async () => {
    const port = await closedPort();
    store = new ResilientStore(
      new PostgresStore({ connectionString: `postgres://compbot@127.0.0.1:${port}/compbot` }),
      { logger: quiet, openTimeoutMs: 2_000, probeIntervalMs: 60_000 },
    );
    await store.open();
    expect(store.shared).toBe(false);
    const key = "thread:T1:C1:9.9";
    expect(await store.claimEvent("EvDown", { key, context: { company: "segment" } })).toBe(true);
    expect(await store.getContext(key)).toEqual({ company: "segment" });
    expect(await store.claimEvent("EvDown", { key, context: { company: "stripe" } })).toBe(false);
    expect(await store.getContext(key)).toEqual({ company: "segment" });
  });
});
