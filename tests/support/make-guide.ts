/** Writes guide files for tests: real markdown + YAML frontmatter, read back by the real loader. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BandSpec {
  region: string;
  currency?: string;
  base?: [number, number];
  stock?: [number, number];
  bonus?: number;
  total?: [number, number];
}

export interface GuideSpec {
  company: string;
  companyDisplay: string;
  role: string;
  roleDisplay: string;
  bands?: BandSpec[];
  levelRaw?: string;
  nextReviewDue?: string;
  lastUpdated?: string;
  extraYaml?: string;
  body?: string;
}

export function guideText(spec: GuideSpec): string {
  const bands = spec.bands ?? [{ region: "San Francisco" }];
  const comp = bands
    .map((b) => {
      const [bl, bh] = b.base ?? [150000, 190000];
      const [sl, sh] = b.stock ?? [100000, 200000];
      const [tl, th] = b.total ?? [200000, 300000];
      return [
        `  - region: ${b.region}`,
        `    base_low: ${bl}`,
        `    base_high: ${bh}`,
        `    stock_low: ${sl}`,
        `    stock_high: ${sh}`,
        `    bonus_pct: ${b.bonus ?? 10}`,
        `    total_comp_low: ${tl}`,
        `    total_comp_high: ${th}`,
        `    currency: ${b.currency ?? "USD"}`,
      ].join("\n");
    })
    .join("\n");
  return `---
company: ${spec.company}
company_display: ${spec.companyDisplay}
role: ${spec.role}
role_display: ${spec.roleDisplay}
role_type: standard
last_updated: ${spec.lastUpdated ?? "2026-10-01"}
data_quality: high
salary_data_quarter: 2026-Q3
next_review_due: ${spec.nextReviewDue ?? "2027-06-01"}
compensation:
${comp}
level_mapping:
  internal: null
  raw: ${spec.levelRaw ?? `${spec.companyDisplay} ${spec.roleDisplay} = Google L5`}
data_sources:
  - Levels.fyi
negotiation_dna_summary: "Test DNA for ${spec.companyDisplay}"
${spec.extraYaml ?? ""}---
${spec.body ?? `### ${spec.roleDisplay} | ${spec.companyDisplay}\n\nA test guide.\n`}`;
}

/** A temp guides dir laid out as <company>/<role>.md, with the given guides. */
export function makeGuidesDir(specs: GuideSpec[], seed?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "compbot-guides-"));
  for (const spec of specs) {
    mkdirSync(join(dir, spec.company), { recursive: true });
    writeFileSync(join(dir, spec.company, `${spec.role}.md`), guideText(spec));
  }
  if (seed) {
    mkdirSync(join(dir, "segment"), { recursive: true });
    writeFileSync(join(dir, "segment", "ml-ai-engineer.md"), seed);
  }
  return dir;
}
