/** The offer check: where each figure sits in the band, the annualised total, the counter-offer. */
import type { KnownBlock } from "@slack/types";
import type { OfferAnswer } from "../../answers/types.ts";
import { DISCLAIMER } from "../../answers/types.ts";
import { bandFigures, currencyCode, FIGURE_LABELS, oneLine, regionName } from "../describe.ts";
import {
  annualFormula,
  annualLabels,
  assumedCurrencyNote,
  beatsLines,
  mismatchHint,
  mismatchLine,
  mismatchOfferCurrency,
  offerFollowUps,
  offerLineText,
  offerMoneyCurrency,
  offerRows,
  offerTitle,
  offerWords,
  partialNote,
  signingLine,
  targetFigure,
  thresholdHeading,
  unreadableParts,
  unreadableSentence,
  unreadableTrailer,
} from "../describe-offer.ts";
import { escapeMrkdwn as e } from "../escape.ts";
import { plural } from "../format.ts";
import {
  contextBlock,
  ELLIPSIS,
  headerBlock,
  MAX_SECTION_TEXT,
  sectionBlock,
  truncate,
  truncateMrkdwn,
} from "../limits.ts";

import {
  actionBlocks,
  factsContext,
  listText,
  NAME_MAX,
  name,
  quoteSections,
  type RenderOptions,
  sharedByBlock,
} from "./common.ts";

/** Offer lines per section (two fields each, 10 fields at most). */
const OFFER_LINES_PER_SECTION = 5;
/** Longest user-typed text (an unreadable figure) quoted back. */
const UNREADABLE_MAX = 200;
/** Longest provenance line. */
const PROVENANCE_MAX = 600;
/** Budget (characters) for all provenance lines of an offer check; the rest are counted. */
const PROVENANCE_BUDGET = 2400;

/** User text inside a `code` span: escaped, one line, and without backticks (which would end the span). */
function code(text: string, max: number): string {
  return `\`${e(truncate(oneLine(text).replace(/`/g, "'"), max))}\``;
}

/** "I couldn't read `stock 12O` — did you mean `120k`?" for each, then what happened to them. */
function unreadableSection(answer: OfferAnswer): KnownBlock[] {
  const unreadable = (answer.unreadable ?? []).map(unreadableParts);
  if (unreadable.length === 0) return [];
  const lines = (answer.unreadable ?? []).map((u) =>
    unreadableSentence({ ...u, hint: truncate(oneLine(u?.hint), 400) }, (t) => code(t, UNREADABLE_MAX), e),
  );
  return [
    sectionBlock(
      listText(null, lines, ["more unreadable figure", "more unreadable figures"], { maxItems: 20 }),
    ),
    contextBlock([unreadableTrailer(unreadable.length, answer.paidNow)]),
  ];
}

/** Offer figures and the band side by side, each in its own currency; nothing compared. */
function mismatchBlocks(answer: OfferAnswer): KnownBlock[] {
  const offerCurrency = mismatchOfferCurrency(answer);
  const offerCode = oneLine(answer.currencyMismatch?.offer) || "as written";
  const rows = offerRows(answer, offerCurrency).map(([label, fig]) => `${e(label)}: ${e(fig)}`);
  const f = bandFigures(answer.band);
  const bandCode = oneLine(answer.currencyMismatch?.band) || currencyCode(answer.band);
  const bandRows = [
    `${FIGURE_LABELS.base}: ${e(f.base)}`,
    `${FIGURE_LABELS.stock}: ${e(f.stock)}`,
    `${FIGURE_LABELS.bonus}: ${e(f.bonus)}`,
    `${FIGURE_LABELS.total}: ${e(f.total)}`,
  ];
  const hint = mismatchHint(answer);
  const where = hint
    ? e(truncate(hint, 500))
    : `Compare with a band in *${e(truncate(offerCode, 50))}* instead:`;
  return [
    sectionBlock(`*${e(mismatchLine(answer))}*`, [
      `*${offerWords(answer).Your} (${e(truncate(offerCode, 50))})*\n${rows.length > 0 ? rows.join("\n") : "No figures read."}`,
      `*${name(regionName(answer.band))} band (${e(truncate(bandCode, 50))})*\n${bandRows.join("\n")}`,
    ]),
    sectionBlock(where),
  ];
}

/** Each line: label, offered and the band in one field, the gauge and the position in the next. */
function offerLineSections(answer: OfferAnswer): KnownBlock[] {
  const currency = offerMoneyCurrency(answer);
  const note = assumedCurrencyNote(answer);
  const currencyLine = `Figures in *${e(currencyCode(answer.band))}*${note ? ` (${e(note)})` : ""}`;
  const partial = answer.annual?.partial === true;
  const lines = (answer.lines ?? []).map((l) => offerLineText(l, currency, partial));
  if (lines.length === 0) {
    return [sectionBlock(`${currencyLine}\nNo figures I could read to place in the band.`)];
  }
  const title = `${currencyLine}\n*Where ${offerWords(answer).your} sits in the ${name(regionName(answer.band))} band*`;
  const sections: KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += OFFER_LINES_PER_SECTION) {
    const fields = lines
      .slice(i, i + OFFER_LINES_PER_SECTION)
      .flatMap((l) => [
        `*${e(truncate(l.label, NAME_MAX))}*  ${e(l.offered)}\nband ${e(l.band)}`,
        `\`${l.gauge}\`\n${e(l.position)}`,
      ]);
    sections.push(sectionBlock(i === 0 ? title : null, fields));
  }
  return sections;
}

/** How the offer was read and compared (missing parts, ranges, vesting, totals), and where the guide disagrees. */
function notesSections(answer: OfferAnswer): KnownBlock[] {
  const notes = (answer.notes ?? []).map(oneLine).filter((n) => n !== "");
  const missing = partialNote(answer);
  if (missing) notes.unshift(missing);
  const blocks: KnownBlock[] = [];
  if (notes.length > 0)
    blocks.push(
      sectionBlock(
        listText(
          "*How I read and compared it*",
          notes.map((n) => `• ${e(truncate(n, 700))}`),
          ["more note", "more notes"],
          { maxItems: 8 },
        ),
      ),
    );
  const disagrees = (answer.guideDisagrees ?? []).map(oneLine).filter((n) => n !== "");
  if (disagrees.length > 0)
    blocks.push(contextBlock(disagrees.slice(0, 5).map((d) => `⚠️ ${e(truncate(d, 600))}`)));
  return blocks;
}

function annualSection(answer: OfferAnswer): KnownBlock[] {
  const formula = annualFormula(answer);
  const signing = signingLine(answer);
  if (!formula && !signing) return [];
  const labels = annualLabels(answer);
  const lines: string[] = [];
  if (formula) {
    lines.push(`*Annualised total*${labels ? ` (${e(truncate(labels, 200))})` : ""}`, e(formula));
  }
  if (signing) lines.push(e(signing));
  return [sectionBlock(truncateMrkdwn(lines.join("\n"), MAX_SECTION_TEXT))];
}

function counterOfferBlocks(answer: OfferAnswer): KnownBlock[] {
  const currency = offerMoneyCurrency(answer);
  const blocks: KnownBlock[] = [];
  const targets = (answer.targets ?? []).map((t) => {
    const how = oneLine(t.how);
    const head = `• *${e(truncate(oneLine(t.label) || "Figure", NAME_MAX))}* ${e(targetFigure(t, currency))}`;
    return how !== "" ? `${head} — ${e(truncate(how, 400))}` : head;
  });
  const beats = beatsLines(answer);
  if (beats.length > 0)
    blocks.push(
      sectionBlock(
        truncateMrkdwn(beats.map((b, i) => (i === 0 ? `*${e(b)}*` : e(b))).join("\n"), MAX_SECTION_TEXT),
      ),
    );
  if (targets.length > 0)
    blocks.push(
      sectionBlock(listText(`*${offerWords(answer).counter}*`, targets, ["more figure", "more figures"])),
    );
  const scriptText = oneLine(answer.script) === "" ? "" : (answer.script ?? "");
  if (scriptText !== "") blocks.push(...quoteSections("*Script with these figures*", scriptText));
  const threshold = answer.acceptThreshold;
  const thresholdText = oneLine(threshold?.text);
  if (thresholdText !== "") {
    blocks.push(sectionBlock(`*${thresholdHeading(answer)}* ${e(truncate(thresholdText, 500))}`));
    const how = oneLine(threshold?.how);
    if (how !== "") blocks.push(contextBlock([e(truncate(how, 1000))]));
  }
  const lines = (answer.provenance ?? []).map(oneLine).filter((p) => p !== "");
  const provenance: string[] = [];
  let used = 0;
  for (const p of lines) {
    const text = e(truncate(p, PROVENANCE_MAX));
    if (used + text.length > PROVENANCE_BUDGET) break;
    provenance.push(text);
    used += text.length;
  }
  if (provenance.length < lines.length)
    provenance.push(`${ELLIPSIS}and ${plural(lines.length - provenance.length, "more note")}`);
  if (provenance.length > 0) blocks.push(contextBlock(provenance));
  return blocks;
}

/**
 * `keep` receives the blocks finalizeMessage must not drop: the disclaimer and the "more options" line.
 * Offer checks are private: never a share button.
 */
export function offer(answer: OfferAnswer, options: RenderOptions, keep: Set<KnownBlock>): KnownBlock[] {
  const blocks: KnownBlock[] = [headerBlock(offerTitle(answer)), ...sharedByBlock(options)];
  blocks.push(...unreadableSection(answer));
  // Never compared across currencies: no gauges, no total, no targets.
  const mismatch = answer.currencyMismatch !== null && answer.currencyMismatch !== undefined;
  if (mismatch) blocks.push(...mismatchBlocks(answer));
  else
    blocks.push(
      ...offerLineSections(answer),
      ...notesSections(answer),
      ...annualSection(answer),
      ...counterOfferBlocks(answer),
    );
  const disclaimer = factsContext(answer, [e(oneLine(answer.disclaimer) || DISCLAIMER)]);
  const actions = actionBlocks(mismatch ? offerFollowUps(answer) : answer.followUps, null);
  for (const b of [disclaimer, ...actions]) if (b.type !== "actions") keep.add(b);
  return [...blocks, disclaimer, ...actions];
}
