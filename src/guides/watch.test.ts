/** Hot reload through the real watcher, the real loader and the real bot, on a temp guides folder. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { guideText, makeGuidesDir } from "../../tests/support/make-guide.ts";
import { type CompBot, loadCompBot } from "../bot.ts";
import { GuideLibrary } from "./library.ts";
import { type GuideWatcher, watchGuides } from "./watch.ts";

const seed = readFileSync("guides/segment/ml-ai-engineer.md", "utf8");
const stripe = {
  company: "stripe",
  companyDisplay: "Stripe",
  role: "data-scientist",
  roleDisplay: "Data Scientist",
  bands: [{ region: "Dublin", currency: "EUR", base: [90000, 120000] as [number, number] }],
};

let watcher: GuideWatcher | null = null;
afterEach(async () => {
  await watcher?.close();
  watcher = null;
});

/** Waits (without sleeping blindly) until `check` holds, or fails after `ms`. */
async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function start(dir: string) {
  const { bot } = await loadCompBot(dir, { today: () => "2026-11-29" });
  const compbot = bot as CompBot;
  const library = new GuideLibrary(compbot.guides);
  const logs: string[] = [];
  watcher = watchGuides({
    dir,
    library,
    today: () => "2026-11-29",
    onUpdate: (report, guides) => compbot.updateGuides(report.changes, guides),
    log: (level, line) => logs.push(`${level} ${line}`),
    debounceMs: 50,
  });
  await watcher.ready;
  return { bot: compbot, logs };
}

const kind = (bot: CompBot, text: string) => bot.ask(text, { surface: "slash" }).answer.kind;

describe("hot reload", () => {
  it("serves an added guide, a changed guide and drops a removed one without a restart", async () => {
    const dir = makeGuidesDir([], seed);
    const { bot, logs } = await start(dir);
    expect(kind(bot, "stripe data scientist dublin")).toBe("not-found");

    mkdirSync(join(dir, "stripe"));
    writeFileSync(join(dir, "stripe", "data-scientist.md"), guideText(stripe));
    await eventually(() => kind(bot, "stripe data scientist dublin") === "band");

    writeFileSync(
      join(dir, "stripe", "data-scientist.md"),
      guideText({ ...stripe, bands: [{ region: "Berlin", currency: "EUR" }] }),
    );
    await eventually(() => kind(bot, "stripe data scientist berlin") === "band");
    expect(kind(bot, "stripe data scientist dublin")).toBe("region-not-found");

    rmSync(join(dir, "stripe", "data-scientist.md"));
    await eventually(() => kind(bot, "stripe data scientist") === "not-found");
    expect(kind(bot, "segment ml-ai-engineer london")).toBe("band");
    expect(logs.some((l) => l.includes("guides reloaded"))).toBe(true);
  });

  it("keeps serving the last good version of a broken edit, and picks up the fix", async () => {
    const dir = makeGuidesDir([stripe], seed);
    const { bot, logs } = await start(dir);
    const file = join(dir, "stripe", "data-scientist.md");
    writeFileSync(file, guideText(stripe).replace("base_low: 90000", "base_low: lots"));
    await eventually(() => logs.some((l) => l.includes("still serving the last good version")));
    expect(logs.some((l) => l.includes("base_low"))).toBe(true);
    const band = bot.ask("stripe data scientist dublin", { surface: "slash" }).answer;
    expect(band.kind === "band" && band.band.base.low).toBe(90000);

    writeFileSync(
      file,
      guideText({ ...stripe, bands: [{ region: "Dublin", currency: "EUR", base: [95000, 125000] }] }),
    );
    await eventually(() => {
      const a = bot.ask("stripe data scientist dublin", { surface: "slash" }).answer;
      return a.kind === "band" && a.band.base.low === 95000;
    });
  });

  it("refuses a second file for the same company and role", async () => {
    const dir = makeGuidesDir([stripe], seed);
    const { bot, logs } = await start(dir);
    mkdirSync(join(dir, "copies"));
    writeFileSync(
      join(dir, "copies", "stripe.md"),
      guideText({ ...stripe, bands: [{ region: "Paris", currency: "EUR" }] }),
    );
    await eventually(() => logs.some((l) => l.includes("already defined")));
    expect(kind(bot, "stripe data scientist dublin")).toBe("band");
    expect(kind(bot, "stripe data scientist paris")).toBe("region-not-found");
  });
});
