/**
 * The guide watcher of the running app (`node --import tsx src/main.ts`, HTTP mode) starts from the folders the
 * start-up helper listed when the index cache is on, and lists them itself when it is off; either way a guide
 * added in a folder within a folder afterwards is served.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PATH } from "../../src/slack/app.ts";
import { type CompBotProcess, spawnHttpCompBot } from "../support/compbot-process.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { guideText } from "../support/make-guide.ts";
import { sendSigned, slashCommand, TEST_BOT_TOKEN } from "../support/signing.ts";

const guide = (company: string, role: string, roleDisplay: string, low: number) =>
  guideText({
    company,
    companyDisplay: company[0]!.toUpperCase() + company.slice(1),
    role,
    roleDisplay,
    bands: [{ region: "London", currency: "GBP", base: [low, low + 20_000] }],
  });

let fake: FakeSlack;
let root: string;
let p: CompBotProcess | null = null;

beforeAll(async () => {
  fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN });
  root = mkdtempSync(path.join(tmpdir(), "compbot-watch-start-"));
});
afterEach(() => {
  p?.kill();
  p = null;
});
afterAll(async () => {
  await fake?.close();
  rmSync(root, { recursive: true, force: true });
});

/** acme/, emea/ and emea/beta/, each folder's mtime an hour back (well before the start's scan). */
function guidesDir(name: string): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, "acme"), { recursive: true });
  mkdirSync(path.join(dir, "emea", "beta"), { recursive: true });
  writeFileSync(
    path.join(dir, "acme", "ml-engineer.md"),
    guide("acme", "ml-engineer", "ML Engineer", 90_000),
  );
  writeFileSync(
    path.join(dir, "emea", "beta", "data-engineer.md"),
    guide("beta", "data-engineer", "Data Engineer", 80_000),
  );
  const hourAgo = new Date(Date.now() - 3_600_000);
  const age = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }))
      if (entry.isDirectory()) age(path.join(folder, entry.name));
    utimesSync(folder, hourAgo, hourAgo);
  };
  age(dir);
  return dir;
}

async function startAndAdd(cacheDir: string, dir: string, expectedLog: RegExp): Promise<void> {
  const started = await spawnHttpCompBot(fake.apiUrl, { GUIDES_DIR: dir, COMPBOT_CACHE_DIR: cacheDir });
  p = started.process;
  const { base } = started;
  await p.waitFor(expectedLog);
  const ask = async (text: string) => {
    const res = await sendSigned(
      `${base}${EVENTS_PATH}`,
      slashCommand({ text, response_url: fake.responseUrl("ws") }),
    );
    expect(res.status).toBe(200);
    return res.text();
  };
  expect(await ask("beta data-engineer london")).toContain("£80K–£100K");
  writeFileSync(
    path.join(dir, "emea", "beta", "product-manager.md"),
    guide("beta", "product-manager", "Product Manager", 70_000),
  );
  await p.waitFor(/guides reloaded: 1 added, 0 updated, 0 removed; serving 3/);
  expect(await ask("beta product-manager london")).toContain("£70K–£90K");
  expect(p.stderr).not.toMatch(/ (WARN|ERROR) /);
}

describe("the guide watcher of the running app", () => {
  it("with the index cache on, starts from the folders listed at start-up", async () => {
    await startAndAdd(
      path.join(root, "cache"),
      guidesDir("cached"),
      /guide watcher: watching 4 folders \(as listed at start-up\)/,
    );
  }, 30_000);

  it("with the index cache off, lists the folders itself", async () => {
    await startAndAdd(
      "off",
      guidesDir("uncached"),
      /guide watcher: watching 4 folders \(listed by the watcher\)/,
    );
  }, 30_000);
});
