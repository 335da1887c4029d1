/**
 * The first questions' warm-up (answers/warm-up.ts, CompBot.warmUpFirstQuestions): its steps run the money
 * reader, marked, a guide body read and an offer check once each, stop where the caller frees the event loop,
 * never throw, and change no answer.
 */
import { describe, expect, it } from "vitest";
import { countTurns } from "../../tests/support/turns.ts";
import { type CompBot, loadCompBot } from "../bot.ts";
import type { Guide, GuideBody } from "../guides/types.ts";
import { guideOf } from "../search/guides.test-helpers.ts";
import { SearchIndex } from "../search/index.ts";
import { warmUpSteps } from "./warm-up.ts";

const TODAY = "2026-12-04";

/** Runs the steps to the end; how many times they stopped, and the guides whose bodies they read. */
function run(index: SearchIndex): { stops: number; read: string[] } {
  const read: string[] = [];
  const steps = warmUpSteps(
    index,
    (g: Guide): GuideBody | null => {
      read.push(g.id);
      return null;
    },
    TODAY,
  );
  let stops = 0;
  while (!steps.next().done) stops++;
  return { stops, read };
}

describe("warmUpSteps", () => {
  it("reads the first guide with a band, once, in the third of four steps", () => {
    const noBands = guideOf({ company: "acme", companyDisplay: "Acme", regions: [] });
    const withBands = guideOf({ company: "globex", companyDisplay: "Globex" });
    expect(withBands.bands.length).toBeGreaterThan(0);
    expect(
      run(new SearchIndex([noBands, withBands, guideOf({ company: "initech", companyDisplay: "Initech" })])),
    ).toEqual({
      stops: 3,
      read: [withBands.id, withBands.id], // the body step, then the offer check on the same guide
    });
  });

  it("stops after marked's step when no guide has a band, or there is no guide", () => {
    expect(run(new SearchIndex([guideOf({ company: "acme", companyDisplay: "Acme", regions: [] })]))).toEqual(
      { stops: 2, read: [] },
    );
    expect(run(new SearchIndex([]))).toEqual({ stops: 2, read: [] });
  });
});

describe("CompBot.warmUpFirstQuestions", () => {
  it("changes no answer: a warmed bot answers every kind of question as a cold one does", async () => {
    const cold = (await loadCompBot("guides", { cache: false })).bot;
    const warmed = (await loadCompBot("guides", { cache: false, deferSuggestions: true })).bot as CompBot;
    await warmed.warmUpFirstQuestions();
    await warmed.warmUp();
    for (const text of [
      "offer segment ml-ai-engineer london base 150k stock 120k bonus 10%",
      "I was offered 120k base at Segment in London, what should I ask for?",
      "script segment ml-ai-engineer",
      "segment ml-ai-engineer london",
      "level segment ml-ai-engineer",
      "segmnt",
      "list",
    ]) {
      expect(warmed.ask(text, { surface: "dm" })).toEqual(cold.ask(text, { surface: "dm" }));
    }
  });

  it("frees the event loop before each of its four steps, and runs them once", async () => {
    const bot = (await loadCompBot("guides", { cache: false })).bot as CompBot;
    const turnsOf = async (work: () => Promise<void>) => {
      const stop = countTurns();
      await work();
      return stop();
    };
    // Four steps (money, marked, the body, the offer check), the event loop free before each.
    expect(await turnsOf(() => bot.warmUpFirstQuestions())).toBeGreaterThanOrEqual(4);
    expect(await turnsOf(() => bot.warmUpFirstQuestions())).toBe(0);
  });
});
