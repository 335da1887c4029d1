/**
 * The heap growth cap: a process that keeps ~100 MB live and churns through objects that reach the old
 * generation peaks far lower with it than V8's default (which lets the old generation grow to ~4× what is
 * live). Measured in child processes, so this test's own heap is not involved; no timing is asserted.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WORKER_SEMI_SPACE_MB } from "./heap.ts";

const CHURN = fileURLToPath(new URL("../../tests/support/heap-churn.ts", import.meta.url));
const YOUNG = fileURLToPath(new URL("../../tests/support/young-space.ts", import.meta.url));

function churn(mode: "on" | "off", nodeFlags: string[] = []): { peakMB: number; liveMB: number } {
  const out = execFileSync(process.execPath, [...nodeFlags, "--import", "tsx", CHURN, mode], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return JSON.parse(out.trim());
}

describe("limitHeapGrowth", () => {
  it("keeps the heap's peak within about 1.5× of what is live, where V8 alone lets it reach ~4×", () => {
    const capped = churn("on");
    const uncapped = churn("off");
    // 50% growth over ~90 MB live, plus the young generation: under 2× live. V8's default went to ~4×.
    expect(capped.peakMB).toBeLessThan(2 * capped.liveMB);
    expect(uncapped.peakMB).toBeGreaterThan(3 * uncapped.liveMB);
  }, 60_000);

  it("leaves an operator's own --heap-growing-percent alone", () => {
    const operator = churn("on", ["--heap-growing-percent=300"]);
    expect(operator.peakMB).toBeGreaterThan(3 * operator.liveMB);
  }, 60_000);
});

/** Largest young generation (MB) of a worker, then of the main thread, in a process started as npm start does. */
function youngSpaces(mode: "set" | "unset" | "parse"): { workerMB: number; mainMB: number } {
  const out = execFileSync(process.execPath, ["--max-semi-space-size=4", "--import", "tsx", YOUNG, mode], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return JSON.parse(out.trim());
}

describe("setNewThreadsSemiSpace", () => {
  // V8's young generation is two semi-spaces: at most 2 × 4 MB under npm start's --max-semi-space-size=4.
  it("gives a worker started after it 16 MB semi-spaces, where the process's flag held it to 4", () => {
    expect(WORKER_SEMI_SPACE_MB).toBe(16);
    expect(youngSpaces("unset")).toEqual({ workerMB: 8, mainMB: 8 });
    const set = youngSpaces("set");
    expect(set.workerMB).toBeGreaterThan(8);
    expect(set.workerMB).toBeLessThanOrEqual(2 * 16);
  }, 60_000);

  it("is applied by the guide parser before it starts its workers", () => {
    expect(youngSpaces("parse").workerMB).toBeGreaterThan(8);
  }, 60_000);

  it("leaves the thread already running (the main one) at the process's 4 MB", () => {
    expect(youngSpaces("set").mainMB).toBeLessThanOrEqual(8);
  }, 60_000);
});
