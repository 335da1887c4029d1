/** The offer check as terminal text. */
import type { OfferAnswer } from "../../answers/types.ts";
import { DISCLAIMER } from "../../answers/types.ts";
import { currencyCode, regionName } from "../describe.ts";
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

import {
  bandRows,
  bullets,
  cleanTerminalText,
  columns,
  factsLines,
  hangingColumns,
  INDENT,
  line,
  MAX_LIST,
  nextLines,
  plainMarkdown,
  WRAP_WIDTH,
  wrap,
} from "./layout.ts";

export function offerSections(answer: OfferAnswer): string[][] {
  const note = assumedCurrencyNote(answer);
  const sections: string[][] = [
    [
      line(offerTitle(answer)),
      ...(answer.currencyMismatch
        ? []
        : [`Figures in ${line(currencyCode(answer.band))}${note ? ` (${line(note)})` : ""}`]),
    ],
  ];
  const unreadable = (answer.unreadable ?? []).map(unreadableParts);
  if (unreadable.length > 0) {
    const said = unreadable.slice(0, MAX_LIST).flatMap((u) =>
      wrap(
        unreadableSentence(u, (x) => `\`${line(x)}\``),
        WRAP_WIDTH,
        "",
      ),
    );
    if (unreadable.length > MAX_LIST) said.push(`…and ${unreadable.length - MAX_LIST} more`);
    sections.push([...said, unreadableTrailer(unreadable.length, answer.paidNow)]);
  }
  const disclaimer = line(answer.disclaimer) || DISCLAIMER;
  if (answer.currencyMismatch) {
    const offerCode = line(answer.currencyMismatch.offer) || "as written";
    const bandCode = line(answer.currencyMismatch.band) || line(currencyCode(answer.band));
    const rows = offerRows(answer, mismatchOfferCurrency(answer)).map(([label, fig]) => [line(label), fig]);
    const regions = answer.currencyMismatch.regionsInOfferCurrency ?? [];
    sections.push(wrap(line(mismatchLine(answer)), WRAP_WIDTH, ""));
    sections.push([
      `${offerWords(answer).Your} (${offerCode})`,
      ...(rows.length > 0 ? columns(rows) : [`${INDENT}No figures read.`]),
    ]);
    sections.push([`${line(regionName(answer.band))} band (${bandCode})`, ...columns(bandRows(answer.band))]);
    const hint = mismatchHint(answer);
    if (hint) sections.push(wrap(line(hint), WRAP_WIDTH, ""));
    sections.push([disclaimer, ...factsLines(answer)]);
    sections.push(
      nextLines(offerFollowUps(answer), regions.length > 0 ? `Compare in ${offerCode}:` : "Next:"),
    );
    return sections;
  }

  const currency = offerMoneyCurrency(answer);
  const lines = (answer.lines ?? []).map((l) => offerLineText(l, currency, answer.annual?.partial === true));
  if (lines.length > 0) {
    sections.push([
      `Where ${offerWords(answer).your} sits in the ${line(regionName(answer.band))} band`,
      ...columns([
        ["", offerWords(answer).column, "Band", "Position", ""],
        ...lines.map((l) => [line(l.label), l.offered, l.band, l.gauge, l.position]),
      ]),
    ]);
  } else {
    sections.push(["No figures I could read to place in the band."]);
  }

  const readNotes = (answer.notes ?? []).map(line).filter((n) => n !== "");
  const missing = partialNote(answer);
  if (missing) readNotes.unshift(missing);
  if (readNotes.length > 0) sections.push(["How I read and compared it", ...bullets(readNotes)]);

  const formula = annualFormula(answer);
  const signing = signingLine(answer);
  if (formula || signing) {
    const labels = line(annualLabels(answer));
    const annual: string[] = [];
    if (formula) {
      annual.push(`Annualised total${labels ? ` (${labels})` : ""}`, `${INDENT}${line(formula)}`);
    }
    if (signing) annual.push(formula ? `${INDENT}${signing}` : signing);
    sections.push(annual);
  }

  const targets = (answer.targets ?? []).map((t) => [
    line(t.label) || "Figure",
    targetFigure(t, currency),
    line(t.how),
  ]);
  const beats = beatsLines(answer);
  if (beats.length > 0)
    sections.push(beats.flatMap((b, i) => wrap(line(b), WRAP_WIDTH, i === 0 ? "" : INDENT)));
  if (targets.length > 0)
    sections.push([offerWords(answer).counter, ...hangingColumns(targets.slice(0, MAX_LIST))]);
  const scriptText = cleanTerminalText(answer.script ?? "").trim();
  if (scriptText !== "")
    sections.push([
      "Script with these figures",
      ...wrap(plainMarkdown(scriptText), WRAP_WIDTH, `${INDENT}> `),
    ]);
  const threshold = line(answer.acceptThreshold?.text);
  if (threshold !== "") {
    const how = line(answer.acceptThreshold?.how);
    sections.push([
      `${thresholdHeading(answer)} ${threshold}`,
      ...(how !== "" ? wrap(how, WRAP_WIDTH, INDENT) : []),
    ]);
  }
  const disagrees = (answer.guideDisagrees ?? []).map(line).filter((p) => p !== "");
  if (disagrees.length > 0) sections.push(["Where the guide disagrees with itself", ...bullets(disagrees)]);
  const provenance = (answer.provenance ?? []).map(line).filter((p) => p !== "");
  if (provenance.length > 0) {
    sections.push([
      "Where the numbers come from",
      ...provenance.slice(0, MAX_LIST).flatMap((p) => {
        const [first = "", ...rest] = wrap(p, WRAP_WIDTH - INDENT.length - 2, "");
        return [`${INDENT}• ${first}`, ...rest.map((r) => `${INDENT}  ${r}`)];
      }),
    ]);
  }
  sections.push([disclaimer, ...factsLines(answer)]);
  sections.push(nextLines(answer.followUps));
  return sections;
}
