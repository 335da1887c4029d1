/**
 * The bench's sequential questions (bench/generate.ts, benchQuestions): the corpus's own, with a question of
 * another kind after every fourth, each answered as that kind by a bot over a generated catalogue; more
 * different questions than the app keeps replies for.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchQuestions, generateCorpus, type LabelledQuery } from "../../bench/generate.ts";
import { type CompBotApi, loadCompBot, REPLY_MEMO_SIZE } from "../../src/bot.ts";
import { tempGuidesDir } from "../../src/guides/test-fixtures.ts";

describe("benchQuestions", () => {
  let dir: ReturnType<typeof tempGuidesDir>;
  let queries: LabelledQuery[];
  let bot: CompBotApi;
  beforeAll(async () => {
    dir = tempGuidesDir();
    ({ queries } = await generateCorpus({ seed: 7, n: 1000, dir: dir.dir }));
    ({ bot } = await loadCompBot(dir.dir, { cache: false }));
  }, 60_000);
  afterAll(() => dir?.cleanup());

  it("keeps every corpus question, in order, with another kind's after every fourth", () => {
    const questions = benchQuestions(queries);
    expect(questions.filter((q) => queries.some((c) => c.text === q))).toEqual(queries.map((q) => q.text));
    expect(questions).toHaveLength(queries.length + Math.floor(queries.length / 4));
    expect(questions[4]).toMatch(/^offer \S+ \S+ \S+ base 150k stock 100k bonus 10%$/);
    expect(new Set(questions).size).toBeGreaterThan(REPLY_MEMO_SIZE);
  });

  it("asks each other kind, answered as that kind", () => {
    const corpus = new Set(queries.map((q) => q.text));
    const kinds = new Map<string, Set<string>>();
    for (const question of benchQuestions(queries)) {
      if (corpus.has(question)) continue;
      const word = question.split(" ")[0]!;
      const { kind } = bot.ask(question, { surface: "slash" }).answer;
      kinds.set(word, (kinds.get(word) ?? new Set()).add(kind));
    }
    expect(Object.fromEntries([...kinds].map(([w, k]) => [w, [...k].sort()]))).toEqual({
      offer: ["offer"],
      script: ["script"],
      level: ["level"],
      targets: ["script"],
      when: ["freshness"],
      list: ["catalog"],
      help: ["help"],
    });
  });
});
