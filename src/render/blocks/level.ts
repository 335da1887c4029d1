/** Level answers: one guide's mapping, and which guides map to a given company level. */
import type { KnownBlock } from "@slack/types";
import type { LevelAnswer, LevelLookupAnswer } from "../../answers/types.ts";
import {
  companyName,
  DOT,
  equivalenceLabel,
  guideTitle,
  levelSummary,
  oneLine,
  sameCompany,
} from "../describe.ts";
import { escapeMrkdwn as e, markdownToMrkdwn } from "../escape.ts";
import { headerBlock, MAX_SECTION_TEXT, sectionBlock, truncate, truncateMrkdwn } from "../limits.ts";

import {
  actionBlocks,
  factsContext,
  listText,
  name,
  type RenderOptions,
  shareCommand,
  sharedByBlock,
} from "./common.ts";

export function level(answer: LevelAnswer, options: RenderOptions): KnownBlock[] {
  const { guide } = answer;
  const summary = levelSummary(guide);
  const own = oneLine(answer.internal) || summary.own;
  // The guide's own level is shown as the title, not repeated in the list.
  const eqs = (answer.equivalences ?? []).filter(
    (eq) => equivalenceLabel(eq) !== "" && !(own && sameCompany(eq, guide)),
  );
  const lines = eqs.map((eq) => {
    const lvl = oneLine(eq.level);
    return lvl !== "" ? `• *${name(eq.company)}* — ${e(truncate(lvl, 300))}` : `• *${name(eq.company)}*`;
  });
  const raw = oneLine(answer.raw);
  let text: string;
  if (lines.length > 0) {
    const title = own
      ? `*${name(companyName(guide))} level:* ${e(truncate(own, 300))}\n*Equivalent to*`
      : "*Equivalent to*";
    text = listText(title, lines, ["more equivalence", "more equivalences"]);
  } else if (raw !== "") {
    text = truncateMrkdwn(`*As written in the guide*\n${markdownToMrkdwn(raw)}`, MAX_SECTION_TEXT);
  } else {
    text = "This guide has no level mapping.";
  }
  return [
    headerBlock(`Level mapping${DOT}${guideTitle(guide)}`),
    ...sharedByBlock(options),
    sectionBlock(text),
    factsContext(answer),
    ...actionBlocks(answer.followUps, shareCommand(answer, options)),
  ];
}

export function levelLookup(answer: LevelLookupAnswer, options: RenderOptions): KnownBlock[] {
  const asked = `${oneLine(answer.company)} ${oneLine(answer.level)}`.trim() || "that level";
  const matches = answer.matches ?? [];
  const blocks: KnownBlock[] = [headerBlock(`Guides mapped to ${asked}`), ...sharedByBlock(options)];
  if (matches.length > 0) {
    const lines = matches.map(
      (m) => `• *${name(guideTitle(m.guide))}* — ${e(truncate(equivalenceLabel(m.equivalence), 300))}`,
    );
    blocks.push(sectionBlock(listText(null, lines, ["more guide", "more guides"])));
  } else {
    const hint =
      (answer.followUps ?? []).length > 0
        ? "These might help:"
        : "Try `/comp list` to see every guide, or `/comp level &lt;company&gt; &lt;role&gt;` for one guide's mapping.";
    blocks.push(sectionBlock(`No guide maps to *${name(asked)}*.\n${hint}`));
  }
  blocks.push(...actionBlocks(answer.followUps, shareCommand(answer, options)));
  return blocks;
}
