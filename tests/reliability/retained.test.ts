/**
 * What the serving process keeps. The start-up load reports every guide's problems (one "review was due …"
 * warning per overdue guide: tens of thousands in a large catalogue, each message a rope of strings); they are
 * printed as a summary and must then be garbage, not kept for the life of the process for every garbage
 * collection to walk. Checked in the real process (`src/main.ts`, HTTP mode) with a heap snapshot taken in it
 * (tests/support/heap-probe.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type CompBotProcess, spawnCompBot } from "../support/compbot-process.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { makeGuidesDir } from "../support/make-guide.ts";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../support/signing.ts";

const OVERDUE_GUIDES = 40;

let fake: FakeSlack;
let app: CompBotProcess | undefined;

beforeAll(async () => {
  fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN });
});
afterAll(async () => {
  app?.kill();
  await fake?.close();
});

it("does not keep the start-up load's problem messages once it serves", async () => {
  const dir = makeGuidesDir(
    Array.from({ length: OVERDUE_GUIDES }, (_, i) => ({
      company: `probe-${i}`,
      companyDisplay: `Probeco ${i}`,
      role: "data-scientist",
      roleDisplay: "Data Scientist",
      nextReviewDue: "2025-01-15",
    })),
  );
  // One broken file too, so that the start-up summary line (printed only when something is skipped) shows
  // the warnings were made.
  mkdirSync(join(dir, "broken"));
  writeFileSync(join(dir, "broken", "nothing.md"), "no frontmatter here\n");
  app = spawnCompBot(
    {
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      GUIDES_DIR: dir,
      HEAP_PROBE_PATTERN: "^review was due 2025-01-15, \\d+ days before",
      HEAP_PROBE_CONTROL: "^Probeco \\d+$",
    },
    ["--import", "tsx", "--import", "./tests/support/heap-probe.ts", "src/main.ts"],
  );
  await app.waitFor(/listening for Slack on port \d+/, 30_000);
  // The problems were made (and summarised): one overdue warning per guide.
  expect(app.stderr).toContain(
    `Loaded ${OVERDUE_GUIDES} guides from ${dir}; 1 file skipped with errors; ${OVERDUE_GUIDES} warnings.`,
  );

  app.child.kill("SIGUSR2");
  const match = await app.waitFor(/heap-probe (\{.*\})/, 30_000);
  const probe = JSON.parse(match[1]!) as { count: number; control: number };
  // Every company name is kept (the index needs it): the probe sees what is kept.
  expect(probe.control).toBeGreaterThanOrEqual(OVERDUE_GUIDES);
  expect(probe.count).toBe(0);
}, 60_000);
