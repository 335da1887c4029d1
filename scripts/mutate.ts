/**
 * `npm run mutate [-- <stryker options>]`: runs Stryker (stryker.config.mjs) with the given options, then
 * scripts/mutation-score.ts on its JSON report. Exits non-zero if Stryker fails or a folder is below its target.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (args: string[]): number =>
  spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" }).status ?? 1;

const stryker = fileURLToPath(
  new URL("../node_modules/@stryker-mutator/core/bin/stryker.js", import.meta.url),
);
const code = run([stryker, "run", ...process.argv.slice(2)]);
if (code !== 0) process.exit(code);
process.exit(run(["--import", "tsx", "scripts/mutation-score.ts"]));
