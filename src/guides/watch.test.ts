/** Hot reload through the real watcher, the real loader and the real bot, on a temp guides folder. */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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

  it("sees a renamed guide, a removed folder, a renamed folder and a new folder's nested guides", async () => {
    const acme = { ...stripe, company: "acme", companyDisplay: "Acme" };
    const dir = makeGuidesDir([stripe, acme], seed);
    const { bot } = await start(dir);
    const answer = (text: string) => bot.ask(text, { surface: "slash" }).answer;

    // A file renamed to another role: the old guide goes, the new one comes.
    const moved = { ...stripe, role: "backend-engineer", roleDisplay: "Backend Engineer" };
    writeFileSync(join(dir, "stripe", "data-scientist.md"), guideText(moved));
    renameSync(join(dir, "stripe", "data-scientist.md"), join(dir, "stripe", "backend-engineer.md"));
    await eventually(() => kind(bot, "stripe backend engineer dublin") === "band");
    expect(bot.guides.some((g) => g.id === "stripe/data-scientist")).toBe(false);

    // A company folder renamed: its guides are read from their new place (and served from it).
    renameSync(join(dir, "acme"), join(dir, "acme-renamed"));
    await eventually(() => bot.guides.some((g) => g.file.includes("acme-renamed")));
    expect(bot.guides.filter((g) => g.id === "acme/data-scientist")).toHaveLength(1);

    // A company folder removed: its guides go.
    rmSync(join(dir, "acme-renamed"), { recursive: true });
    await eventually(() => kind(bot, "acme data scientist dublin") === "not-found");

    // A new folder with a folder in it, made in one go: both watched, the nested guide served, then edited.
    const globex = { ...stripe, company: "globex", companyDisplay: "Globex" };
    mkdirSync(join(dir, "emea", "globex"), { recursive: true });
    writeFileSync(join(dir, "emea", "globex", "data-scientist.md"), guideText(globex));
    await eventually(() => kind(bot, "globex data scientist dublin") === "band");
    writeFileSync(
      join(dir, "emea", "globex", "data-scientist.md"),
      guideText({ ...globex, bands: [{ region: "Dublin", currency: "EUR", base: [91000, 121000] }] }),
    );
    await eventually(() => {
      const a = answer("globex data scientist dublin");
      return a.kind === "band" && a.band.base.low === 91000;
    });

    // Hidden files and READMEs are not guides.
    writeFileSync(join(dir, "stripe", ".data-scientist.md.swp"), "not yaml: [");
    writeFileSync(join(dir, "stripe", "README.md"), "# Stripe guides\n");
    const count = bot.guideCount;
    writeFileSync(
      join(dir, "stripe", "product-manager.md"),
      guideText({ ...stripe, role: "product-manager", roleDisplay: "Product Manager" }),
    );
    await eventually(() => bot.guideCount === count + 1);
    expect(bot.guides.some((g) => g.file.endsWith("README.md") || g.file.includes(".swp"))).toBe(false);
    expect(kind(bot, "segment ml-ai-engineer london")).toBe("band");
  });

  it("answers after an in-place edit exactly as a fresh start over the same files", async () => {
    const dir = makeGuidesDir([stripe], seed);
    const { bot } = await start(dir);
    const before = bot.index;
    writeFileSync(
      join(dir, "stripe", "data-scientist.md"),
      guideText({ ...stripe, bands: [{ region: "Dublin", currency: "EUR", base: [97000, 127000] }] }),
    );
    await eventually(() => {
      const a = bot.ask("stripe data scientist dublin", { surface: "slash" }).answer;
      return a.kind === "band" && a.band.base.low === 97000;
    });
    // Figures only: the index was updated in place, not rebuilt.
    expect(bot.index).toBe(before);
    const { bot: fresh } = await loadCompBot(dir, { today: () => "2026-11-29" });
    for (const text of [
      "stripe data scientist dublin",
      "stripe",
      "data scientist",
      "segment ml-ai-engineer london",
      "strpe data scientst",
    ]) {
      expect(bot.ask(text, { surface: "slash" }).answer).toEqual(
        fresh.ask(text, { surface: "slash" }).answer,
      );
    }
  });
});
