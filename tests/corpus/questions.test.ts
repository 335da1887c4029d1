/** Runs the labelled question corpus through the core; prints how many readings pass; fails on any miss. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CompBotApi, loadCompBot } from "../../src/bot.ts";
import { QUESTION_CORPUS } from "./questions.ts";

const CONTEXT = { company: "segment", role: "ml-ai-engineer" };
let bot: CompBotApi;
let passed = 0;

beforeAll(async () => {
  ({ bot } = await loadCompBot("guides", { today: () => "2026-12-01", cache: false }));
});

afterAll(() => {
  console.log(`question corpus: ${passed}/${QUESTION_CORPUS.length} readings pass`);
});

describe("question corpus", () => {
  it("has at least 80 phrasings, every one of them different", () => {
    expect(QUESTION_CORPUS.length).toBeGreaterThanOrEqual(80);
    const keys = QUESTION_CORPUS.map(([text, followUp]) => `${text}|${followUp}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(QUESTION_CORPUS)(
    "%j (follow-up: %s)",
    (text, followUp, intent, company, role, region, level, answer) => {
      const reply = bot.ask(text, { surface: "console", context: followUp ? CONTEXT : {} });
      const q = reply.query;
      const reading = [
        q.intent,
        q.company?.key ?? null,
        q.role?.key ?? null,
        q.region?.key ?? null,
        q.level ? `${q.level.company} ${q.level.level}` : null,
        reply.answer.kind,
      ];
      expect(reading).toEqual([intent, company, role, region, level, answer]);
      passed++;
    },
  );
});
