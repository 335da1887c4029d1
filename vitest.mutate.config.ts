import { defineConfig } from "vitest/config";

/** The tests Stryker runs against the core: the unit tests under src/ and the property tests. */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/property/**/*.test.ts"],
    environment: "node",
    env: { COMPBOT_MUTATION: "1" },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
