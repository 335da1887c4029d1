/**
 * Hot reload through the running app: the real process (`node --import tsx src/main.ts`, HTTP mode) over a temp
 * GUIDES_DIR, answering signed /comp commands while guides are edited, broken, renamed and deleted, and while a
 * reload is under way. No sleeps: each step waits for the watcher's log line, then asks.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PATH } from "../../src/slack/app.ts";
import { type CompBotProcess, spawnHttpCompBot } from "../support/compbot-process.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { guideText } from "../support/make-guide.ts";
import { sendSigned, slashCommand, TEST_BOT_TOKEN } from "../support/signing.ts";

let fake: FakeSlack;
let p: CompBotProcess;
let dir: string;
let base: string;
let reloads = 0;

const acme = (low: number, high: number) =>
  guideText({
    company: "acme",
    companyDisplay: "Acme",
    role: "ml-engineer",
    roleDisplay: "ML Engineer",
    bands: [{ region: "San Francisco", base: [low, high] }],
  });
const beta = (low: number, high: number) =>
  guideText({
    company: "beta",
    companyDisplay: "Beta",
    role: "data-engineer",
    roleDisplay: "Data Engineer",
    bands: [{ region: "London", currency: "GBP", base: [low, high] }],
  });

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

/** The /comp answer (the ack body) for `text`. */
async function ask(text: string): Promise<string> {
  const res = await sendSigned(
    `${base}${EVENTS_PATH}`,
    slashCommand({ text, response_url: fake.responseUrl("hr") }),
  );
  expect(res.status).toBe(200);
  return res.text();
}

/** Waits for the next "guides reloaded" line (the n-th since start) and returns what follows it. */
async function nextReload(): Promise<string> {
  reloads += 1;
  // Anchored, with tempered tokens: linear in the output (a lazy `[\s\S]*?` repeated n times backtracks badly).
  const other = "(?:(?!guides reloaded: )[\\s\\S])*";
  const pattern = new RegExp(
    `^${other}(?:guides reloaded: [^\\n]*${other}){${reloads - 1}}guides reloaded: ([^\\n]*)`,
  );
  const match = await p.waitFor(pattern);
  return match[1] ?? "";
}

/** Waits for reloads until one ends in `pattern` (a rename may be seen as a removal, then an addition). */
async function reloadUntil(pattern: RegExp, most = 3): Promise<string[]> {
  const lines: string[] = [];
  while (lines.length < most) {
    const line = await nextReload();
    lines.push(line);
    if (pattern.test(line)) return lines;
  }
  throw new Error(`no reload matching ${pattern}: ${lines.join(" | ")}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "compbot-reload-"));
  write("acme/ml-engineer.md", acme(150_000, 190_000));
  write("beta/data-engineer.md", beta(90_000, 110_000));
  fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN });
  ({ process: p, base } = await spawnHttpCompBot(fake.apiUrl, { GUIDES_DIR: dir }));
}, 30_000);
afterAll(async () => {
  p?.kill();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("hot reload while CompBot serves questions", () => {
  it("serves the guides it started with", async () => {
    expect(await ask("acme ml-engineer san-francisco")).toContain("$150K–$190K");
    expect(await ask("beta data-engineer london")).toContain("£90K–£110K");
  });

  it("an edited guide is served without a restart", async () => {
    write("acme/ml-engineer.md", acme(160_000, 200_000));
    expect(await nextReload()).toMatch(/0 added, 1 updated, 0 removed; serving 2/);
    expect(await ask("acme ml-engineer san-francisco")).toContain("$160K–$200K");
  });

  it("a broken edit keeps the last good version, logs why, and the other guides are untouched", async () => {
    write("acme/ml-engineer.md", "---\ncompany: [unclosed\n---\n");
    await p.waitFor(/guide reload: still serving the last good version of [^\n]*acme[/\\]ml-engineer\.md/);
    expect(p.stderr).toMatch(/WARN \[compbot\] guide reload: [^\n]*acme[/\\]ml-engineer\.md: /);
    expect(await ask("acme ml-engineer san-francisco")).toContain("$160K–$200K");
    expect(await ask("beta data-engineer london")).toContain("£90K–£110K");
    // Repaired: served again.
    write("acme/ml-engineer.md", acme(170_000, 210_000));
    expect(await nextReload()).toMatch(/1 updated/);
    expect(await ask("acme ml-engineer san-francisco")).toContain("$170K–$210K");
  });

  it("questions asked during a reload get the old or the new figures, never an error or a miss", async () => {
    write("beta/data-engineer.md", beta(95_000, 115_000));
    const during = await Promise.all(Array.from({ length: 12 }, () => ask("beta data-engineer london")));
    for (const answer of during) expect(answer).toMatch(/£90K–£110K|£95K–£115K/);
    expect(await nextReload()).toMatch(/0 added, 1 updated, 0 removed; serving 2/);
    expect(await ask("beta data-engineer london")).toContain("£95K–£115K");
    expect(p.stderr).not.toMatch(/ ERROR /);
  });

  it("a renamed guide file is served again under its new name, once", async () => {
    renameSync(path.join(dir, "acme/ml-engineer.md"), path.join(dir, "acme/ml-engineer-2026.md"));
    // The watcher may see the rename as one change or as a removal then an addition (two reloads).
    const lines = await reloadUntil(/serving 2$/);
    expect(lines.join(" | ")).toMatch(/^(?:0 added, 0 updated, 1 removed; serving 1 \| )?(?:1|0) added/);
    const answer = await ask("acme ml-engineer san-francisco");
    expect(answer).toContain("$170K–$210K");
    expect(p.stderr).not.toMatch(/ERROR/);
  });

  it("a deleted guide is no longer served; the others still are", async () => {
    rmSync(path.join(dir, "beta/data-engineer.md"));
    expect(await nextReload()).toMatch(/0 added, 0 updated, 1 removed; serving 1/);
    const answer = await ask("beta data-engineer london");
    expect(answer).not.toContain("£95K–£115K");
    expect(answer).not.toMatch(/Sorry, something went wrong/);
    expect(await ask("acme ml-engineer san-francisco")).toContain("$170K–$210K");
    expect(p.stderr).not.toMatch(/ ERROR /);
  });
});
