/**
 * Reads Stryker's JSON report (reports/mutation/mutation.json), leaves out the survivors listed as equivalent in
 * stryker.equivalent.json, prints the mutation score per folder, and exits 1 when a folder (or the whole run)
 * is below its threshold in stryker.config.mjs (`folderThresholds`). Only folders present in the report are
 * checked, so a run on part of the core (`npm run mutate -- --mutate "src/text/**\/*.ts"`) is judged on what
 * it mutated.
 *
 * Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it.
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

const REPORT = process.argv[2] ?? "reports/mutation/mutation.json";

const mutantSchema = z.object({
  id: z.string(),
  mutatorName: z.string(),
  replacement: z.string().optional(),
  status: z.string(),
  location: z.object({ start: z.object({ line: z.number(), column: z.number() }) }),
});
const reportSchema = z.object({
  files: z.record(z.string(), z.object({ mutants: z.array(mutantSchema) })),
});
const equivalentSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  mutatorName: z.string(),
  replacement: z.string(),
  why: z.string().min(10),
});

type Mutant = z.infer<typeof mutantSchema>;
type Equivalent = z.infer<typeof equivalentSchema>;

interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
  equivalent: number;
  other: number;
}

const empty = (): Tally => ({ killed: 0, survived: 0, noCoverage: 0, equivalent: 0, other: 0 });

function score(t: Tally): number | null {
  const valid = t.killed + t.survived + t.noCoverage;
  return valid === 0 ? null : (100 * t.killed) / valid;
}

function folderOf(file: string): string {
  const dir = dirname(file.replaceAll("\\", "/"));
  const parts = dir.split("/");
  return parts.length >= 2 ? `${parts[0]}/${parts[1]}` : dir;
}

function matches(e: Equivalent, file: string, m: Mutant): boolean {
  return (
    e.file === file &&
    e.line === m.location.start.line &&
    e.mutatorName === m.mutatorName &&
    e.replacement === (m.replacement ?? "")
  );
}

async function main(): Promise<number> {
  const config = (await import(new URL("../stryker.config.mjs", import.meta.url).href)) as {
    equivalentMutants: unknown;
    folderThresholds: Record<string, number>;
  };
  const equivalents = z.array(equivalentSchema).parse(config.equivalentMutants);
  const thresholds = config.folderThresholds;
  const report = reportSchema.parse(JSON.parse(readFileSync(REPORT, "utf8")));

  const folders = new Map<string, Tally>();
  const overall = empty();
  const used = new Set<Equivalent>();
  for (const [rawFile, { mutants }] of Object.entries(report.files)) {
    const file = rawFile.replaceAll("\\", "/");
    const folder = folderOf(file);
    const tally = folders.get(folder) ?? empty();
    folders.set(folder, tally);
    for (const m of mutants) {
      let key: keyof Tally;
      if (m.status === "Killed" || m.status === "Timeout") key = "killed";
      else if (m.status === "Survived" || m.status === "NoCoverage") {
        const eq = equivalents.find((e) => matches(e, file, m));
        if (eq) {
          used.add(eq);
          key = "equivalent";
        } else key = m.status === "Survived" ? "survived" : "noCoverage";
      } else key = "other";
      tally[key] += 1;
      overall[key] += 1;
    }
  }

  const failures: string[] = [];
  const line = (name: string, t: Tally, min: number | undefined): string => {
    const s = score(t);
    const shown = s === null ? "   n/a" : `${s.toFixed(1).padStart(5)}%`;
    if (min !== undefined && s !== null && s < min) failures.push(`${name} ${s.toFixed(1)}% < ${min}%`);
    return [
      name.padEnd(16),
      shown,
      `killed ${t.killed}`.padEnd(12),
      `survived ${t.survived}`.padEnd(14),
      `no coverage ${t.noCoverage}`.padEnd(16),
      `equivalent ${t.equivalent}`.padEnd(15),
      min === undefined ? "" : `target ${min}%`,
    ].join("  ");
  };
  console.log("Mutation score per folder (equivalent mutants left out):");
  for (const name of [...folders.keys()].sort()) {
    console.log(line(name, folders.get(name)!, thresholds[name]));
  }
  console.log(line("overall", overall, thresholds.overall));
  for (const e of equivalents) {
    if (!used.has(e) && folders.has(folderOf(e.file))) {
      console.log(
        `stale entry in stryker.equivalent.json (no such survivor): ${e.file}:${e.line} ${e.mutatorName}`,
      );
    }
  }
  if (failures.length > 0) {
    console.log(`Below target: ${failures.join("; ")}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
