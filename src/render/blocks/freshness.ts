/** How old a guide's data is: its salary quarter, last update and review date, in plain sentences. */
import type { KnownBlock } from "@slack/types";
import type { FreshnessAnswer } from "../../answers/types.ts";
import { DOT, freshnessLines, guideTitle } from "../describe.ts";
import { escapeMrkdwn as e } from "../escape.ts";
import { headerBlock, sectionBlock } from "../limits.ts";
import { actionBlocks, factsContext, type RenderOptions, sharedByBlock } from "./common.ts";

export function freshness(answer: FreshnessAnswer, options: RenderOptions): KnownBlock[] {
  const lines = freshnessLines(answer).map(e);
  return [
    headerBlock(`Data dates${DOT}${guideTitle(answer.guide)}`),
    ...sharedByBlock(options),
    sectionBlock(lines.length > 0 ? lines.join("\n") : "This guide states no dates."),
    factsContext(answer),
    ...actionBlocks(answer.followUps, null),
  ];
}
