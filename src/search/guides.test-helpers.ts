/**
 * Plain-data guides for the search tests: what the loader would hand the index for a guide file, without
 * reading files (the index tests run many times under the mutation run). Level mappings are split by the
 * loader's own parseLevelMapping, as the loader does it (without knowing the catalogue's names).
 */
import { parseLevelMapping } from "../guides/levels.ts";
import type { Guide } from "../guides/types.ts";

export interface GuideData {
  company: string;
  companyDisplay: string;
  role?: string;
  roleDisplay?: string;
  /** Band regions as [display, slug]. */
  regions?: [string, string][];
  /** `level_mapping.raw`; by default the guide's own title mapped to Google L5. */
  levels?: string;
  extra?: Record<string, unknown>;
}

export function guideOf(d: GuideData): Guide {
  const role = d.role ?? "data-scientist";
  const roleDisplay = d.roleDisplay ?? "Data Scientist";
  const raw = d.levels ?? `${d.companyDisplay} ${roleDisplay} = Google L5`;
  const range = { low: 100000, high: 150000 };
  return {
    id: `${d.company}/${role}`,
    file: `guides/${d.company}/${role}.md`,
    company: d.company,
    companyDisplay: d.companyDisplay,
    role,
    roleDisplay,
    roleType: "standard",
    lastUpdated: "2026-10-01",
    nextReviewDue: "2027-06-01",
    dataQuality: "high",
    salaryDataQuarter: "2026-Q3",
    bands: (d.regions ?? [["San Francisco", "san-francisco"]]).map(([region, regionSlug]) => ({
      region,
      regionSlug,
      currency: "USD",
      base: range,
      stock: range,
      bonusPct: { low: 10, high: 10 },
      totalComp: range,
    })),
    levelMapping: { internal: null, raw, equivalences: parseLevelMapping(raw, d.companyDisplay) },
    dataSources: ["Levels.fyi"],
    negotiationDnaSummary: "Test DNA",
    extra: d.extra ?? {},
  };
}
