/** The bench's "not found" questions (bench/process.ts): each names no company of a generated catalogue. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notFoundQuestions } from "../../bench/process.ts";
import { type CompBotApi, loadCompBot } from "../../src/bot.ts";
import { generatedCatalogue } from "../../src/guides/test-fixtures.ts";

describe("notFoundQuestions", () => {
  let catalogue: Awaited<ReturnType<typeof generatedCatalogue>>;
  let bot: CompBotApi;
  beforeAll(async () => {
    catalogue = await generatedCatalogue(15, 1000);
    ({ bot } = await loadCompBot(catalogue.dir, { cache: false }));
  }, 60_000);
  afterAll(() => catalogue?.cleanup());

  it("are all different: more than the 500 replies the app keeps, so none is answered from that memo", () => {
    const questions = notFoundQuestions(4000);
    expect(questions).toHaveLength(4000);
    expect(new Set(questions).size).toBe(4000);
  });

  it('are answered "not found" by a bot over a generated catalogue', () => {
    const kinds = new Map<string, number>();
    for (const question of notFoundQuestions(600)) {
      const { kind } = bot.ask(question, { surface: "slash" }).answer;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(kinds)).toEqual({ "not-found": 600 });
  });
});
