/** Answers for what the catalogue does not have: an unknown guide, or a region without a band. */
import type { KnownBlock } from "@slack/types";
import type { NotFoundAnswer, RegionNotFoundAnswer } from "../../answers/types.ts";
import { askedPhrase, guideTitle, oneLine, regionChoices, regionName } from "../describe.ts";
import { offerWords } from "../describe-offer.ts";
import { escapeMrkdwn as e } from "../escape.ts";
import { headerBlock, MAX_SECTION_TEXT, sectionBlock, truncate, truncateMrkdwn } from "../limits.ts";

import { actionBlocks, factsContext, name, type RenderOptions, sharedByBlock } from "./common.ts";

export function notFound(answer: NotFoundAnswer, options: RenderOptions): KnownBlock[] {
  const lines = [`I don't have ${e(truncate(askedPhrase(answer.asked), 500))}.`];
  const unknown = (answer.unknown ?? []).map(oneLine).filter((w) => w !== "");
  if (unknown.length > 0) {
    const words = unknown.slice(0, 10).map((w) => `“${e(truncate(w, 100))}”`);
    const more = unknown.length > 10 ? ` and ${unknown.length - 10} more` : "";
    lines.push(`I didn't recognise ${words.join(", ")}${more}.`);
  }
  const suggestions = answer.suggestions ?? [];
  lines.push(suggestions.length > 0 ? "*Did you mean…*" : "Try `/comp list` to see every guide.");
  return [...sharedByBlock(options), sectionBlock(lines.join("\n")), ...actionBlocks(suggestions, null)];
}

export function regionNotFound(answer: RegionNotFoundAnswer, options: RenderOptions): KnownBlock[] {
  const { guide } = answer;
  const available = (answer.available ?? []).map((b) => name(regionName(b)));
  const askedRegion = oneLine(answer.askedRegion);
  const asked = name(askedRegion || "that region");
  const head = `No *${asked}* band for ${name(guideTitle(guide))}`;
  // An offer without a region: ask which, one "Check offer · <region>" button a region.
  const forOffer = askedRegion === "" && (answer.followUps ?? []).some((f) => f.kind === "offer");
  const words = offerWords(answer);
  const text = forOffer
    ? truncateMrkdwn(
        available.length > 0
          ? `*${words.whichRegion}* ${name(guideTitle(guide))} has bands for ${available.join(", ")}: ${words.pickRegion}.`
          : `${name(guideTitle(guide))} has no regional bands ${words.noRegion}.`,
        MAX_SECTION_TEXT,
      )
    : available.length > 0
      ? truncateMrkdwn(`${head} — we have: ${available.join(", ")}`, MAX_SECTION_TEXT)
      : `${head} — the guide has no regional bands.`;
  return [
    headerBlock(guideTitle(guide)),
    ...sharedByBlock(options),
    sectionBlock(text),
    factsContext(answer),
    ...actionBlocks(regionChoices(answer), null),
  ];
}
