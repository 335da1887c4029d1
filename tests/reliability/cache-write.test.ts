/**
 * The index cache of a new or changed catalogue is written after the bot starts answering, a chunk at a time
 * (src/main.ts, guides/cache.ts): the first answer does not wait for it. Checked in the real process
 * (`src/main.ts`, HTTP mode) over a generated catalogue big enough to use the cache (1,000 files or more).
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readCache } from "../../src/guides/cache.ts";
import { generatedCatalogue, seedText } from "../../src/guides/test-fixtures.ts";
import { type CompBotProcess, spawnCompBot } from "../support/compbot-process.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { sendSigned, slashCommand, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../support/signing.ts";

/** Over the 1,000 files from which CompBot uses the index cache by default. */
const GUIDES = 1_100;

let fake: FakeSlack;
let catalogue: Awaited<ReturnType<typeof generatedCatalogue>>;
const running: CompBotProcess[] = [];

beforeAll(async () => {
  fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN });
  catalogue = await generatedCatalogue(23, GUIDES);
  const seed = path.join(catalogue.dir, "guides", "segment", "ml-ai-engineer.md");
  mkdirSync(path.dirname(seed), { recursive: true });
  writeFileSync(seed, seedText());
  // The seed file is new: aged past the racy window like the rest, so that a second start reuses it.
  await new Promise((resolve) => setTimeout(resolve, 2_300));
}, 60_000);
afterAll(async () => {
  for (const p of running) p.kill();
  await fake?.close();
  catalogue?.cleanup();
});

const guidesDir = () => path.join(catalogue.dir, "guides");

function start(cacheDir: string): CompBotProcess {
  const p = spawnCompBot({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    GUIDES_DIR: guidesDir(),
    COMPBOT_CACHE_DIR: cacheDir,
  });
  running.push(p);
  return p;
}

async function ask(p: CompBotProcess, text: string): Promise<string> {
  const match = await p.waitFor(/listening for Slack on port (\d+)/, 60_000);
  const res = await sendSigned(
    `http://127.0.0.1:${match[1]}/slack/events`,
    slashCommand({ text, response_url: fake.responseUrl("cache") }),
  );
  expect(res.status).toBe(200);
  return res.text();
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not true within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

it("answers, then writes the index cache; the next start uses it and writes nothing", async () => {
  const cacheDir = path.join(catalogue.dir, "cache-a");
  const first = start(cacheDir);
  expect(await ask(first, "segment ml-ai-engineer london")).toContain("£132K–£165K");
  await until(() => cacheFiles(cacheDir).some((name) => name.endsWith(".bin")), 30_000);
  // Written through a temp file renamed into place: one file, complete.
  expect(cacheFiles(cacheDir)).toHaveLength(1);
  const file = path.join(cacheDir, cacheFiles(cacheDir)[0]!);
  const read = readCache(file, { dir: guidesDir(), checkBody: false });
  expect(read.ok && read.entries.size).toBeGreaterThan(GUIDES * 0.8);
  first.child.kill("SIGTERM");
  expect(await first.exitWithin(6_000)).toBe(0);
  expect(first.stderr).not.toMatch(/index cache could not be written/);

  const written = statSync(file);
  const second = start(cacheDir);
  expect(await ask(second, "segment ml-ai-engineer london")).toContain("£132K–£165K");
  // Every guide was reused: nothing to write, so the file is the same one, untouched.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  second.child.kill("SIGTERM");
  expect(await second.exitWithin(6_000)).toBe(0);
  expect(cacheFiles(cacheDir)).toEqual([path.basename(file)]);
  const after = statSync(file);
  expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
}, 90_000);

it("stopped while it may be writing the cache: exits 0 and leaves no temp file behind", async () => {
  const cacheDir = path.join(catalogue.dir, "cache-b");
  const p = start(cacheDir);
  await p.waitFor(/listening for Slack on port \d+/, 60_000);
  p.child.kill("SIGTERM");
  expect(await p.exitWithin(6_000)).toBe(0);
  const names = cacheFiles(cacheDir);
  expect(names.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  // Either the write was stopped (no cache: the next start writes it) or it had finished (a whole cache).
  for (const name of names) {
    expect(readCache(path.join(cacheDir, name), { dir: guidesDir(), checkBody: false }).ok).toBe(true);
  }
}, 90_000);

it("a cache folder it cannot write to: one warning line, and it goes on answering", async () => {
  const blocker = path.join(catalogue.dir, "not-a-folder");
  writeFileSync(blocker, "a file where the cache folder should be");
  const p = start(path.join(blocker, "cache"));
  expect(await ask(p, "segment ml-ai-engineer london")).toContain("£132K–£165K");
  await p.waitFor(
    /The index cache could not be written \(.*(ENOTDIR|EEXIST).*\); the next start reads every guide again/,
    30_000,
  );
  expect(await ask(p, "segment ml-ai-engineer new york")).toContain("$182K–$222K");
  p.child.kill("SIGTERM");
  expect(await p.exitWithin(6_000)).toBe(0);
}, 90_000);
