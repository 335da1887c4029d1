/**
 * A parsed guide with every field set and figures that tell each other apart (a fractional base and bonus,
 * an internal level, two sources), for the tests of the compact encoding and of packed guides.
 */
import type { Guide } from "./types.ts";

export function sampleGuide(file: string, over: Partial<Guide> = {}): Guide {
  return {
    id: "acme/backend-engineer",
    file,
    company: "acme",
    companyDisplay: "Acme",
    role: "backend-engineer",
    roleDisplay: "Backend Engineer",
    roleType: "standard",
    lastUpdated: "2026-01-10",
    nextReviewDue: "2026-04-10",
    dataQuality: "medium",
    salaryDataQuarter: "2025-Q4",
    bands: [
      {
        region: "Berlin",
        regionSlug: "berlin",
        currency: "EUR",
        base: { low: 80000, high: 100000 },
        stock: { low: 10000, high: 20000 },
        bonusPct: { low: 10, high: 15 },
        totalComp: { low: 92000, high: 124000 },
      },
      {
        region: "London",
        regionSlug: "london",
        currency: "GBP",
        base: { low: 70000.5, high: 90000 },
        stock: { low: 0, high: 0 },
        bonusPct: { low: 7.5, high: 7.5 },
        totalComp: { low: 75000, high: 99000 },
      },
    ],
    levelMapping: {
      internal: "Senior",
      raw: "Acme Senior = Google L5 = Meta E5",
      equivalences: [
        { company: "Google", level: "L5" },
        { company: "Meta", level: "E5" },
      ],
    },
    dataSources: ["Levels.fyi", "Blind"],
    negotiationDnaSummary: "Cash-heavy | Stable",
    extra: {},
    ...over,
  };
}

/**
 * A guide as a parsed one is made: an ordinary object with every field its own, in the order of the Guide
 * type. A packed guide (packed.ts) keeps its bulky fields as getters of its class, which deep equality does
 * not see: tests compare `plainGuide(packed)` with the guide it stands for.
 */
export function plainGuide(guide: Guide): Guide {
  return {
    id: guide.id,
    file: guide.file,
    company: guide.company,
    companyDisplay: guide.companyDisplay,
    role: guide.role,
    roleDisplay: guide.roleDisplay,
    roleType: guide.roleType,
    lastUpdated: guide.lastUpdated,
    nextReviewDue: guide.nextReviewDue,
    dataQuality: guide.dataQuality,
    salaryDataQuarter: guide.salaryDataQuarter,
    bands: guide.bands,
    levelMapping: guide.levelMapping,
    dataSources: guide.dataSources,
    negotiationDnaSummary: guide.negotiationDnaSummary,
    extra: guide.extra,
  };
}
