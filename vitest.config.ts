import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    // One temp folder for the run, removed at its end (tests/support/temp-root.ts).
    globalSetup: ["tests/support/temp-root.ts"],
  },
});
