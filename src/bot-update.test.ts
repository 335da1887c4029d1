/**
 * CompBot.updateGuides (hot reload): a burst of in-place edits is applied a slice at a time, the event loop
 * turning between slices, and ends exactly where one step would; a change of names anywhere in the burst
 * still ends in a full rebuild over every guide served; a body edited in place is read again.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countTurns } from "../tests/support/turns.ts";
import { CompBot, IN_PLACE_SLICE, loadCompBot } from "./bot.ts";
import { loadGuides } from "./guides/load.ts";
import type { Guide } from "./guides/types.ts";
import { guideOf } from "./search/guides.test-helpers.ts";
import { SearchIndex } from "./search/index.ts";

const COUNT = 2 * IN_PLACE_SLICE + 50;
const before: Guide[] = Array.from({ length: COUNT }, (_, i) =>
  guideOf({ company: `co${i}`, companyDisplay: `Company ${i}` }),
);
/** The same guide with new figures: every name and level kept, so it can be replaced in place. */
const refigured = (g: Guide, low: number): Guide => ({
  ...g,
  bands: g.bands.map((b) => ({ ...b, base: { low, high: low + 1000 } })),
});

describe("CompBot.updateGuides", () => {
  it("starts from a warm index (loadCompBot): the first typo or suggestion builds nothing while a user waits", async () => {
    const { bot } = await loadCompBot("guides", { cache: false });
    expect((bot as CompBot).index.warmed).toBe(true);
  });

  it("with deferSuggestions, warms up after start (warmUp) and answers the same before and after", async () => {
    const warm = (await loadCompBot("guides", { cache: false })).bot;
    const { bot } = await loadCompBot("guides", { cache: false, deferSuggestions: true });
    expect((bot as CompBot).index.warmed).toBe(false);
    await bot.warmUp!();
    expect((bot as CompBot).index.warmed).toBe(true);
    for (const text of ["segmnet ml-ai-engineer london", "sgement", "zzzz data scientist"]) {
      expect(bot.ask(text, { surface: "slash" }).answer).toEqual(warm.ask(text, { surface: "slash" }).answer);
    }
  });

  it("applies a burst of in-place edits a slice at a time, the event loop turning in between", async () => {
    const bot = new CompBot(new SearchIndex(before), () => "2026-12-02");
    const after = before.map((g, i) => refigured(g, 50_000 + i));
    const stop = countTurns();
    await bot.updateGuides(
      before.map((g, i) => ({ before: g, after: after[i]! })),
      () => after,
    );
    // Three slices: the loop is free after the first and after the second.
    expect(stop()).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < COUNT; i++) expect(bot.index.guide(`co${i}`, "data-scientist")).toBe(after[i]);
    expect(bot.index.guides).toEqual(after);
    expect(bot.ask("company 449 data scientist san francisco", { surface: "slash" }).answer).toMatchObject({
      kind: "band",
    });
  });

  it("rebuilds over every guide served when a later slice renames something", async () => {
    const bot = new CompBot(new SearchIndex(before), () => "2026-12-02");
    const after = before.map((g, i) => refigured(g, 60_000 + i));
    const last = COUNT - 1;
    after[last] = { ...after[last]!, companyDisplay: "Renamed Company" };
    await bot.updateGuides(
      before.map((g, i) => ({ before: g, after: after[i]! })),
      () => after,
    );
    expect(bot.index.guide("co0", "data-scientist")).toBe(after[0]);
    expect(bot.index.guide(`co${last}`, "data-scientist")?.companyDisplay).toBe("Renamed Company");
    expect(bot.index.exact("renamed company").map((h) => h.entity.key)).toEqual([`co${last}`]);
    expect(bot.index.exact(`company ${last}`)).toEqual([]);
    // Served warm: the first typo or "did you mean" after the rebuild builds nothing while a user waits.
    expect(bot.index.warmed).toBe(true);
  });

  it("reads a guide's body again after an edit in place (the negotiation script shows the new words)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "compbot-body-"));
    try {
      mkdirSync(path.join(dir, "segment"));
      const file = path.join(dir, "segment", "ml-ai-engineer.md");
      copyFileSync(new URL("../guides/segment/ml-ai-engineer.md", import.meta.url), file);
      const loaded = await loadGuides(dir, { cache: false, today: "2026-12-02" });
      const bot = new CompBot(new SearchIndex(loaded.guides), () => "2026-12-02");
      const script = () => JSON.stringify(bot.ask("script segment ml-ai-engineer", { surface: "dm" }).answer);
      expect(script()).toContain("customer intelligence engine");
      // Only the body changes: the guide is replaced in place, and its body must be read again.
      writeFileSync(
        file,
        readFileSync(file, "utf8").replaceAll("customer intelligence engine", "customer data platform core"),
      );
      const { guides } = await loadGuides(dir, { cache: false, today: "2026-12-02" });
      const before = bot.guides[0]!;
      await bot.updateGuides([{ before, after: guides[0]! }], () => guides);
      expect(bot.index.guide("segment", "ml-ai-engineer")).toBe(guides[0]);
      expect(script()).toContain("customer data platform core");
      expect(script()).not.toContain("customer intelligence engine");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
