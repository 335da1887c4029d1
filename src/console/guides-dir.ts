import type { GuideProblem } from "../guides/types.ts";

export function guidesDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.GUIDES_DIR?.trim();
  return dir && dir.length > 0 ? dir : "guides";
}

/** One line about what loading found, or "" when all is well. Details come from `npm run guides:check`. */
export function summariseProblems(dir: string, loaded: number, problems: readonly GuideProblem[]): string {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.length - errors.length;
  if (errors.length === 0 && loaded > 0) return "";
  const skipped = new Set(errors.map((p) => p.file)).size;
  const parts = [`Loaded ${loaded} guide${loaded === 1 ? "" : "s"} from ${dir}`];
  if (skipped > 0) parts.push(`${skipped} file${skipped === 1 ? "" : "s"} skipped with errors`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  const first = errors[0];
  const detail = first
    ? ` First error: ${first.file}: ${first.path ? `${first.path}: ` : ""}${first.message}.`
    : "";
  return `${parts.join("; ")}.${detail} Run "npm run guides:check" for the full list.`;
}
