/** Band answers: one region, or every region of a guide. */
import type { Button, KnownBlock, SectionBlock } from "@slack/types";
import type { BandAnswer, RegionsAnswer } from "../../answers/types.ts";
import type { Band } from "../../guides/types.ts";
import {
  askedCurrencyNote,
  currencyCode,
  DOT,
  guideTitle,
  levelLine,
  oneLine,
  regionName,
  regionsNotes,
} from "../describe.ts";
import { escapeMrkdwn as e } from "../escape.ts";
import { plural } from "../format.ts";
import {
  buttonElement,
  contextBlock,
  ELLIPSIS,
  headerBlock,
  MAX_BLOCKS,
  MAX_BLOCKS_JSON,
  sectionBlock,
  truncateMrkdwn,
} from "../limits.ts";

import {
  actionBlocks,
  bandFields,
  factsContext,
  name,
  OFFER_BUTTON_TEXT,
  OFFER_OPEN_ACTION_ID,
  type RenderOptions,
  shareCommand,
  sharedByBlock,
} from "./common.ts";
import { regionsTable } from "./table.ts";

/** Budget (JSON characters) for the per-region sections of a regions answer. */
const REGIONS_JSON_BUDGET = 8000;

export function band(answer: BandAnswer, options: RenderOptions): KnownBlock[] {
  const { guide } = answer;
  const blocks: KnownBlock[] = [
    headerBlock(`${guideTitle(guide)}${DOT}${regionName(answer.band)}`),
    ...sharedByBlock(options),
    sectionBlock(`All figures in *${e(currencyCode(answer.band))}*`, bandFields(answer.band)),
  ];
  const asked = askedCurrencyNote(answer);
  if (asked) blocks.push(contextBlock([e(asked)]));
  const level = levelLine(guide);
  if (level) blocks.push(sectionBlock(`*Level mapping*\n${e(level)}`));
  blocks.push(factsContext(answer));
  blocks.push(...actionBlocks(answer.followUps, shareCommand(answer, options), offerButton(answer, options)));
  return blocks;
}

/** "Check my offer" for a band answer (value: `<company> <role> <region-slug>`), when asked for. */
function offerButton(answer: BandAnswer, options: RenderOptions): Button[] {
  if (options.offerCheck !== true) return [];
  const words = [answer.guide.company, answer.guide.role, answer.band.regionSlug].map(oneLine);
  if (words.some((w) => w === "" || /\s/.test(w))) return [];
  const button = buttonElement({
    text: OFFER_BUTTON_TEXT,
    actionId: OFFER_OPEN_ACTION_ID,
    value: words.join(" "),
  });
  return button ? [button] : [];
}

function regionSection(b: Band): SectionBlock {
  return sectionBlock(`*${name(regionName(b))}*${DOT}${e(currencyCode(b))}`, bandFields(b));
}

export function regions(answer: RegionsAnswer, options: RenderOptions): KnownBlock[] {
  const { guide } = answer;
  const head: KnownBlock[] = [headerBlock(guideTitle(guide)), ...sharedByBlock(options)];
  const named = regionsNotes(answer);
  const tail: KnownBlock[] = [
    ...(named.length > 0 ? [contextBlock(named.map(e))] : []),
    factsContext(answer),
    ...actionBlocks(answer.followUps, shareCommand(answer, options)),
  ];
  const bands = answer.bands ?? [];
  const middle: KnownBlock[] = [];
  const room = MAX_BLOCKS - head.length - tail.length - 1; // 1 for the "more regions" line
  // What the other blocks leave of the JSON budget, less room for the "more regions" line.
  const budget = Math.min(
    REGIONS_JSON_BUDGET,
    MAX_BLOCKS_JSON - JSON.stringify([...head, ...tail]).length - 1300,
  );
  if (bands.length === 0) middle.push(sectionBlock("This guide has no regional bands."));
  else if (options.surface !== "home") {
    // Messages: one table, a row per region (Slack: at most 100 rows, the header included).
    const { table, shown } = regionsTable(bands, budget);
    middle.push(table);
    const rest = bands.slice(shown);
    if (rest.length > 0) middle.push(moreRegions(rest));
    return [...head, ...middle, ...tail];
  }
  let used = 0;
  let shown = 0;
  for (const b of bands) {
    const section = regionSection(b);
    const size = JSON.stringify(section).length;
    if (shown >= room || used + size > budget) break;
    middle.push(section);
    used += size;
    shown++;
  }
  const rest = bands.slice(shown);
  if (rest.length > 0) middle.push(moreRegions(rest));
  return [...head, ...middle, ...tail];
}

function moreRegions(rest: readonly Band[]): KnownBlock {
  const names = rest.map((b) => name(regionName(b))).join(", ");
  return sectionBlock(truncateMrkdwn(`${ELLIPSIS}and ${plural(rest.length, "more region")}: ${names}`, 1000));
}
