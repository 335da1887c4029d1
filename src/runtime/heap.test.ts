/**
 * The heap growth cap: a process that keeps ~100 MB live and churns through objects that reach the old
 * generation peaks far lower with it than V8's default (which lets the old generation grow to ~4× what is
 * live). Measured in child processes, so this test's own heap is not involved; no timing is asserted.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CHURN = fileURLToPath(new URL("../../tests/support/heap-churn.ts", import.meta.url));

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
