// @ts-check
/**
 * Mutation testing of the Slack-free core (`npm run mutate`; not part of `npm test`).
 * Stryker's own `break` is off: the targets are per folder and must discount the equivalent mutants listed in
 * stryker.equivalent.json, so scripts/mutation-score.ts checks `folderThresholds` from the JSON report.
 */
import { readFileSync } from "node:fs";

/** Mutants that no test can kill because they do not change behaviour, each with why (see the file). */
export const equivalentMutants = JSON.parse(
  readFileSync(new URL("./stryker.equivalent.json", import.meta.url), "utf8"),
).mutants;

/** Minimum mutation score (%) per folder, and for everything mutated together ("overall"). */
export const folderThresholds = {
  "src/questions": 85,
  "src/answers": 85,
  "src/money": 85,
  overall: 75,
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutate.config.ts", related: true },
  mutate: [
    "src/text/**/*.ts",
    "src/guides/**/*.ts",
    "src/search/**/*.ts",
    "src/questions/**/*.ts",
    "src/answers/**/*.ts",
    "src/money/**/*.ts",
    "!src/**/*.test.ts",
    "!src/**/*.test-helpers.ts",
    "!src/**/test-fixtures.ts",
    // Command-line entry point and worker-thread plumbing: exercised by process tests, not unit tests.
    "!src/guides/check-cli.ts",
    "!src/guides/parse-worker.ts",
  ],
  coverageAnalysis: "perTest",
  // Mutants in module-level constants (alias and typo tables, regular expressions built once) can only be tested
  // by re-running every test: on the src/text + src/search run they were 60% of the mutants and 99% of the time.
  // Stryker reports them as Ignored (not in the score).
  ignoreStatic: true,
  reporters: ["clear-text", "progress-append-only", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  timeoutMS: 10000,
  // The first (coverage) run of every test takes minutes on the shared 2-core machine.
  dryRunTimeoutMinutes: 20,
};

export default config;
