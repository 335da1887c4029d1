/**
 * What a start loads: the real process (`src/main.ts`, HTTP mode, against the fake Slack), with a preload that
 * prints at exit which packages of a given list were loaded. Each of them costs start-up time and is not needed
 * by a single-workspace start on the in-memory store (no DATABASE_URL):
 * - `pg`, the PostgreSQL client (about 0.1 s to load). With DATABASE_URL set it is loaded: the store is then
 *   PostgreSQL's, even when the server is not there.
 * - `express`, which Bolt's index loads for its ExpressReceiver (src/slack/bolt.ts imports Bolt's own files).
 * - `yaml`, the manifest reader's parser (OAuth mode only).
 * - `@slack/socket-mode` (Socket Mode) and `@slack/oauth` with `jsonwebtoken` (OAuth mode), which Bolt's files
 *   require whatever the mode (bolt.ts leaves them unloaded until read: requireOnUse).
 * - `undici`'s index, which loads all of undici; http-client.ts requires only its Agent and request().
 * - zod's translations of its messages (runtime/zod.ts leaves them unloaded: CompBot's are zod's English ones).
 * - `gray-matter` and `js-yaml` (guides/yaml-libraries.ts), when no guide is parsed: a start from the index
 *   cache, whose answers (bodies included) parse no frontmatter.
 * And when the index cache's helper thread starts (guides/early-read.ts): before the app's libraries load
 * (main.ts imports the rest of the app only once it has started), so that reading the cache overlaps their
 * loading.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generatedCatalogue, seedText } from "../../src/guides/test-fixtures.ts";
import { EVENTS_PATH } from "../../src/slack/app.ts";
import { type CompBotProcess, FROM_SOURCE, REPO_ROOT, spawnCompBot } from "../support/compbot-process.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { sendSigned, slashCommand } from "../support/signing.ts";

const BOT_TOKEN = "xoxb-start-modules-test";
const SIGNING_SECRET = "StartModulesSigningSecret42";

let fake: FakeSlack;
let folder: string;
let preload: string;
let workerPreload: string;
const spawned: CompBotProcess[] = [];

beforeAll(async () => {
  fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  folder = mkdtempSync(path.join(tmpdir(), "compbot-modules-"));
  preload = path.join(folder, "loaded.cjs");
  // CommonJS packages, loaded from ESM or not, all go through Module._load and stay in require.cache.
  writeFileSync(
    preload,
    `const { writeSync } = require("node:fs");
const { sep } = require("node:path");
// A package counts as loaded when one of these files of it is (bolt.ts's stand-in for @slack/oauth takes the
// place of its index in the cache; the package is loaded only when the files under it are).
const marks = {
  pg: "/node_modules/pg/",
  "pg-pool": "/node_modules/pg-pool/",
  "pg-protocol": "/node_modules/pg-protocol/",
  express: "/node_modules/express/",
  yaml: "/node_modules/yaml/",
  "@slack/socket-mode": "/node_modules/@slack/socket-mode/",
  "@slack/oauth": "/node_modules/@slack/oauth/dist/install-provider.js",
  jsonwebtoken: "/node_modules/jsonwebtoken/",
  "undici (index)": "/node_modules/undici/index.js",
  "gray-matter": "/node_modules/gray-matter/",
  "js-yaml": "/node_modules/js-yaml/",
  "js-yaml (loader)": "/node_modules/js-yaml/lib/js-yaml/loader.js",
  "zod (translations)": "/node_modules/zod/v4/locales/fr.cjs",
};
process.on("exit", () => {
  const packages = new Set();
  for (const file of Object.keys(require.cache)) {
    const path = file.split(sep).join("/");
    for (const [name, mark] of Object.entries(marks)) if (path.includes(mark)) packages.add(name);
  }
  writeSync(2, "LOADED: " + [...packages].sort().join(",") + "\\n");
});
`,
  );
});
beforeAll(() => {
  // Prints, when the process's first worker thread is constructed, which of the app's dependencies (package.json)
  // are loaded by then. Those that are CommonJS (loaded from ESM or not) stay in require.cache.
  const dependencies = Object.keys(
    (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { dependencies: object })
      .dependencies,
  );
  workerPreload = path.join(folder, "first-worker.cjs");
  writeFileSync(
    workerPreload,
    `const threads = require("node:worker_threads");
const { syncBuiltinESMExports } = require("node:module");
const { writeSync } = require("node:fs");
const dependencies = ${JSON.stringify(dependencies)};
const Worker = threads.Worker;
let first = true;
threads.Worker = class extends Worker {
  constructor(...args) {
    if (first) {
      first = false;
      const loaded = dependencies.filter((name) =>
        Object.keys(require.cache).some((file) => file.includes("/node_modules/" + name + "/")),
      );
      writeSync(2, "AT FIRST WORKER: " + loaded.join(",") + "\\n");
    }
    super(...args);
  }
};
syncBuiltinESMExports();
`,
  );
});
afterEach(() => {
  for (const p of spawned.splice(0)) p.kill();
});
afterAll(async () => {
  await fake?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The real process from source, preloading `preloadFile` (by default the one that prints the packages loaded). */
function start(env: Record<string, string>, preloadFile = preload): CompBotProcess {
  const p = spawnCompBot(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: "0",
      SLACK_API_URL: fake.apiUrl,
      GUIDES_DIR: "guides",
      ...env,
    },
    ["--require", preloadFile, ...FROM_SOURCE],
  );
  spawned.push(p);
  return p;
}

async function ask(p: CompBotProcess, text: string): Promise<string> {
  const match = await p.waitFor(/listening for Slack on port (\d+)/, 60_000);
  const res = await sendSigned(
    `http://127.0.0.1:${match[1]}${EVENTS_PATH}`,
    slashCommand({ text, response_url: fake.responseUrl("m") }),
    { secret: SIGNING_SECRET },
  );
  return res.text();
}

async function answerThenStop(p: CompBotProcess): Promise<string> {
  expect(await ask(p, "segment ml-ai-engineer london")).toContain("£132K–£165K");
  p.child.kill("SIGTERM");
  expect(await p.exitWithin(10_000)).toBe(0);
  const line = p.stderr.match(/^LOADED: (.*)$/m);
  expect(line, p.stderr).not.toBeNull();
  return line![1]!;
}

describe("the packages a start loads", () => {
  it("without DATABASE_URL: answers without loading the PostgreSQL client, Express, YAML, Socket Mode, OAuth, undici's index or zod's translations", async () => {
    // The one guide is parsed (no cache under 1,000 files) by simple-yaml.ts, which types its dates with
    // js-yaml's types: js-yaml's safe schema is loaded, not its loader, nor gray-matter.
    expect(await answerThenStop(start({}))).toBe("js-yaml");
  });

  it("with DATABASE_URL (no server there): the PostgreSQL client is loaded, and it still answers", async () => {
    // Port 9 on 127.0.0.1: nothing listens; the store warns once and answers from memory.
    const p = start({ DATABASE_URL: "postgres://compbot@127.0.0.1:9/compbot" });
    expect(await answerThenStop(p)).toContain("pg");
  });
});

describe("Socket Mode's packages", () => {
  it("are loaded by a Socket Mode start, which connects (bolt.ts's stand-in gives way to the real module)", async () => {
    const p = start({ SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-test-A0START-startmodulestest" });
    await p.waitFor(/connected to Slack \(Socket Mode/, 30_000);
    p.child.kill("SIGTERM");
    expect(await p.exitWithin(10_000)).toBe(0);
    const line = p.stderr.match(/^LOADED: (.*)$/m);
    expect(line, p.stderr).not.toBeNull();
    expect(line![1]!.split(",")).toEqual(expect.arrayContaining(["@slack/socket-mode", "undici (index)"]));
    expect(line![1]).not.toContain("@slack/oauth");
  });
});

describe("the index cache's helper thread", () => {
  it("starts before the app's libraries load: only dotenv (which names the guides and the cache) is loaded by then", async () => {
    const p = start({ COMPBOT_CACHE_DIR: path.join(folder, "cache") }, workerPreload);
    // Loaded before the helper, imported statically beside early-read.ts: gray-matter (among others).
    const line = await p.waitFor(/^AT FIRST WORKER: (.*)$/m, 30_000);
    expect(line[1]).toBe("dotenv");
    // And the app it started ahead of still starts.
    await p.waitFor(/listening for Slack on port (\d+)/, 30_000);
  });
});

describe("a start from the index cache", () => {
  it("answers, a negotiation script (the guide's body) included, without loading gray-matter or js-yaml", async () => {
    // Over the 1,000 files from which CompBot uses the index cache, plus the seed.
    const catalogue = await generatedCatalogue(31, 1_050);
    try {
      const guides = path.join(catalogue.dir, "guides");
      const seed = path.join(guides, "segment", "ml-ai-engineer.md");
      mkdirSync(path.dirname(seed), { recursive: true });
      writeFileSync(seed, seedText());
      // Aged past the cache's racy window, so that the second start reuses every file.
      await new Promise((resolve) => setTimeout(resolve, 2_300));
      const cache = path.join(catalogue.dir, "cache");
      const env = { GUIDES_DIR: guides, COMPBOT_CACHE_DIR: cache };

      // The first start parses every guide (in worker threads) and writes the cache once it answers.
      const first = start(env);
      expect(await ask(first, "segment ml-ai-engineer london")).toContain("£132K–£165K");
      const written = () => existsSync(cache) && readdirSync(cache).some((name) => name.endsWith(".bin"));
      for (const end = Date.now() + 30_000; !written(); ) {
        expect(Date.now()).toBeLessThan(end);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      first.child.kill("SIGTERM");
      expect(await first.exitWithin(10_000)).toBe(0);

      const second = start(env);
      expect(await ask(second, "script segment ml-ai-engineer london")).toContain(
        "I'd like £181K in Twilio RSUs over 4 years with a £157K base",
      );
      expect(await answerThenStop(second)).toBe("");
    } finally {
      catalogue.cleanup();
    }
  }, 120_000);
});
