/** The negotiation script answer: the guide's DNA, levers, script and accept threshold. */
import type { KnownBlock } from "@slack/types";
import type { ScriptAnswer } from "../../answers/types.ts";
import { DISCLAIMER } from "../../answers/types.ts";
import {
  askedCurrencyNote,
  currencyCode,
  DOT,
  guideTitle,
  oneLine,
  regionName,
  scriptTitle,
  wantedNotes,
} from "../describe.ts";
import { escapeMrkdwn as e, markdownToMrkdwn } from "../escape.ts";
import {
  contextBlock,
  headerBlock,
  MAX_SECTION_TEXT,
  sectionBlock,
  truncate,
  truncateMrkdwn,
} from "../limits.ts";

import {
  actionBlocks,
  bandFields,
  factsContext,
  listText,
  name,
  quoteSections,
  type RenderOptions,
  sharedByBlock,
} from "./common.ts";

export function script(answer: ScriptAnswer, options: RenderOptions, keep: Set<KnownBlock>): KnownBlock[] {
  const { guide } = answer;
  const blocks: KnownBlock[] = [
    headerBlock(`${scriptTitle(answer)}${DOT}${guideTitle(guide)}`),
    ...sharedByBlock(options),
  ];
  if (answer.band) {
    blocks.push(
      sectionBlock(
        `*${name(regionName(answer.band))}*${DOT}all figures in *${e(currencyCode(answer.band))}*`,
        bandFields(answer.band),
      ),
    );
    const wanted = wantedNotes(answer);
    if (wanted.length > 0) blocks.push(contextBlock(wanted.slice(0, 5).map((w) => e(truncate(w, 600)))));
  }
  const dna = oneLine(answer.dnaSummary);
  if (dna !== "")
    blocks.push(
      sectionBlock(truncateMrkdwn(`*Negotiation DNA*\n${markdownToMrkdwn(dna)}`, MAX_SECTION_TEXT)),
    );
  const levers = (answer.levers ?? []).map((l, i) => {
    const title = oneLine(l.title);
    const quote = oneLine(l.quote);
    const head = title !== "" ? `*${markdownToMrkdwn(title)}*` : "";
    const said = quote !== "" ? `"${markdownToMrkdwn(quote)}"` : "";
    return `${i + 1}. ${[head, said].filter((x) => x !== "").join(" — ") || "(no details)"}`;
  });
  if (levers.length > 0)
    blocks.push(sectionBlock(listText("*Levers*", levers, ["more lever", "more levers"])));
  const scriptText = answer.script?.text ?? "";
  if (scriptText.trim() !== "") blocks.push(...quoteSections("*Script*", scriptText));
  const threshold = oneLine(answer.script?.acceptThreshold?.text);
  if (threshold !== "") blocks.push(sectionBlock(`*Accept if above* ${e(truncate(threshold, 500))}`));
  const asked = askedCurrencyNote(answer);
  const notes = [...(asked ? [asked] : []), ...(answer.scriptNotes ?? [])]
    .map(oneLine)
    .filter((n) => n !== "");
  if (notes.length > 0) blocks.push(contextBlock(notes.slice(0, 8).map((n) => e(truncate(n, 600)))));
  if (dna === "" && levers.length === 0 && scriptText.trim() === "") {
    blocks.push(sectionBlock(`The ${name(guideTitle(guide))} guide has no negotiation script yet.`));
  }
  const disclaimer = factsContext(answer, [e(oneLine(answer.disclaimer) || DISCLAIMER)]);
  // The disclaimer survives any cut made to fit Slack's size limits.
  keep.add(disclaimer);
  blocks.push(disclaimer);
  // Scripts are private: never a share button.
  blocks.push(...actionBlocks(answer.followUps, null));
  return blocks;
}
