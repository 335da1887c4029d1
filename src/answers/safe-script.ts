/** The guide's negotiation script made safe to say for one band (or as written, without one). */
import type { Band, Guide, GuideBody, Lever, NegotiationScript } from "../guides/types.ts";
import { formatMoney } from "../money/format.ts";
import type { Competing } from "../questions/competing.ts";
import { competingNote, competingSentence } from "./competing.ts";
import { guideDisagreements } from "./offer.ts";
import { adaptQuote, adaptScript, conversionFor, quoteChanges, scriptFigures } from "./script.ts";

/**
 * The guide's script as the user may say it: in the asked band's currency (or, without a region, as written
 * for the band it was written for), claims about the speaker as placeholders, and what was changed, in words.
 */
export function safeScript(
  guide: Guide,
  band: Band | null,
  body: GuideBody | null,
  /** The person's own competing offer: said in the script in place of the guide's claim. */
  competing?: Competing,
): { script: NegotiationScript | null; notes: string[]; levers: Lever[] } {
  const script = body?.script ?? null;
  const first = guide.bands[0];
  const bodyLevers = body?.levers ?? [];
  if (!script || !first) return { script, notes: [], levers: bodyLevers };
  const target = band ?? conversionFor(guide, first, script.text, formatMoney).reference;
  const told = competing ? competingSentence(competing, target, formatMoney) : undefined;
  const adapted = adaptScript({
    guide,
    band: target,
    script,
    format: formatMoney,
    ...(told ? { competing: told } : {}),
  });
  const notes = [...adapted.notes];
  if (competing) notes.unshift(competingNote(competing, guide, target, formatMoney, adapted.saidCompeting));
  // The levers are things to say too: the same conversion, the same placeholders for claims.
  const levers = bodyLevers.map((l) => {
    const a = adaptQuote(l.quote, target, adapted.conversion, formatMoney);
    // Its figures say how they were changed, as the script's do.
    const changes = quoteChanges(l.quote, target, adapted.conversion, formatMoney);
    if (changes.length > 0)
      notes.push(`The "${l.title}" lever's figures are carried the same way: ${changes.join(", ")}.`);
    if (a.claim)
      notes.push(
        `The "${l.title}" lever says "${a.claim}" That is the guide's example, not your situation: it is a placeholder.`,
      );
    return { ...l, quote: a.quote };
  });
  if (!band) {
    notes.unshift(
      `Figures as the guide wrote them, for ${target.region} (${target.currency}). Ask with a region for its own figures, e.g. script ${guide.company} ${guide.role} ${guide.bands[guide.bands.length - 1]!.regionSlug}.`,
    );
  }
  notes.push(...guideDisagreements(target, body));
  const scriptBonus = scriptFigures(script.text).find((f) => f.component === "bonus");
  const pct = target.bonusPct;
  if (scriptBonus && scriptBonus.low !== pct.low && scriptBonus.low !== pct.high) {
    notes.push(
      `The script asks for a ${scriptBonus.low}% bonus; the guide's band data for ${target.region} says ${pct.low === pct.high ? `${pct.low}%` : `${pct.low}–${pct.high}%`}.`,
    );
  }
  const threshold = adapted.threshold
    ? {
        text: adapted.threshold.text,
        amount: adapted.threshold.amount,
        component: adapted.threshold.component,
      }
    : script.acceptThreshold;
  return { script: { text: adapted.text, acceptThreshold: threshold }, notes, levers };
}
