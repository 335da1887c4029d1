/**
 * What the first questions of a process would otherwise pay for, done at start in steps that the caller runs in
 * turns of their own (CompBot.warmUpFirstQuestions, which run.ts runs beside auth.test; Slack's start listens once
 * it is done): code that runs for the first time is compiled then, and so is a regular expression at its first
 * match. On a cached start at 50,000 guides the first offer check took 35-42 ms against 2-3 ms for the next
 * (README, Performance): the money scanner's first figures, marked's first lexing and the first guide body read
 * were most of it. Each step is one of those, so that other work waiting (auth.test's answer) waits for one at
 * most. Results are dropped: no answer changes, except that the guide body read is kept, as any body read is.
 */
import { warmUpLexer } from "../guides/body.ts";
import type { Guide, GuideBody } from "../guides/types.ts";
import { scanFigures } from "../money/read.ts";
import { parseQuestion } from "../questions/parse.ts";
import type { SearchIndex } from "../search/index.ts";
import { buildAnswer } from "./build.ts";

/** Figures in the forms people write them, for the money reader's first matches. */
const FIGURES_SAMPLE = "base £150k, stock 120,000 over 4 years, bonus 10-15%, $12.5k a month, GBP 150 000";

/** The steps; each `yield` is where the caller frees the event loop. Never throws. */
export function* warmUpSteps(
  index: SearchIndex,
  body: (guide: Guide) => GuideBody | null,
  today: string,
): Generator<void, void, void> {
  scanFigures(FIGURES_SAMPLE);
  yield;
  warmUpLexer();
  yield;
  const guide = index.guides.find((g) => g.bands.length > 0);
  if (!guide) return;
  body(guide);
  yield;
  // An offer check on that guide: the question's reading and the answer, with the body now read.
  const question = `offer ${guide.company} ${guide.role} ${guide.bands[0]!.regionSlug} base 150k stock 120k bonus 10%`;
  buildAnswer(parseQuestion(question, index), { index, today, body });
}
