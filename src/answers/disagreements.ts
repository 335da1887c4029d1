/** Where a guide's body disagrees with its own frontmatter, said in words (offer check and script answer). */
import type { Band, GuideBody } from "../guides/types.ts";
import { parsePercentText } from "../money/read.ts";

/** Where the body's table disagrees with the frontmatter for this band: both figures, in words. */
export function guideDisagreements(band: Band, body: GuideBody | null): string[] {
  const row = body?.table.find((r) => r.region.trim().toLowerCase() === band.region.trim().toLowerCase());
  if (!row) return [];
  const out: string[] = [];
  const pct = parsePercentText(row.bonus);
  const fm = band.bonusPct;
  if (pct && (pct.low !== fm.low || pct.high !== fm.high)) {
    const fmText = fm.low === fm.high ? `${fm.low}%` : `${fm.low}–${fm.high}%`;
    const bodyText = pct.low === pct.high ? `${pct.low}%` : `${pct.low}–${pct.high}%`;
    out.push(
      `The guide disagrees with itself on the ${band.region} bonus: its band data says ${fmText}, its own table says ${bodyText}. The band data is used here.`,
    );
  }
  return out;
}
