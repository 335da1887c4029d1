/** The /comp words and labels that name a guide (and one of its regions), shared by the answers. */
import type { Guide } from "../guides/types.ts";

/** "segment ml-ai-engineer london": the words that ask for a guide's band (all regions without one). */
export const bandCommand = (g: Guide, region?: string) =>
  [g.company, g.role, region].filter(Boolean).join(" ");

/** "ML/AI Engineer · Segment": a guide on a button. */
export const guideLabel = (g: Guide) => `${g.roleDisplay} · ${g.companyDisplay}`;

export function hasBand(guide: Guide, regionKey: string): boolean {
  return guide.bands.some((b) => b.regionSlug === regionKey);
}

/** The region when the guide has a band there, else nothing (the guide's every region is meant then). */
export function regionIfBand(guide: Guide, regionKey: string | undefined): string | undefined {
  return regionKey && hasBand(guide, regionKey) ? regionKey : undefined;
}
