import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against the core: the unit tests under src/. (tests/property is left out: under
 * Stryker's per-test coverage its fast-check runs took over 5 minutes each on the 2-core machine.) Longer timeouts
 * than vitest.config.ts: Stryker runs two test processes next to everything else on a 2-core machine.
 */
export default defineConfig({
  test: {
    // MUTATE_TESTS="src/questions/**/*.test.ts,src/money/**/*.test.ts" narrows the tests to a folder's own (a faster
    // run whose score is a floor of the full one: more tests can only kill more mutants).
    include: process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(",") : ["src/**/*.test.ts"],
    environment: "node",
    env: { COMPBOT_MUTATION: "1" },
    // One temp folder for the run, removed at its end, as in vitest.config.ts.
    globalSetup: ["tests/support/temp-root.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
