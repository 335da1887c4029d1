import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against the core: the unit tests under src/ and the property tests. Longer timeouts
 * than vitest.config.ts: Stryker runs two test processes next to everything else on a 2-core machine.
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/property/**/*.test.ts"],
    environment: "node",
    env: { COMPBOT_MUTATION: "1" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
