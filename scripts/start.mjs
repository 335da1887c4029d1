/**
 * `npm start`: CompBot from its compiled build (dist/main.js), in this process. dist/ is built first when it
 * is missing or older than the sources (scripts/build.mjs decides; a build takes some seconds, once), so a
 * fresh clone and an edited one both start from what src/ says. Loading compiled JavaScript skips the tsx
 * loader (about 0.3 s of every start and 20–35 MB at 50,000 guides: README, Performance). To run the
 * TypeScript sources directly, as while changing them, use `npm run dev`.
 *
 * The node flags of `npm start` apply to this process, which is the bot's own: nothing runs in between.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, whyStale } from "./build.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const stale = whyStale(root);
let problem = null;
if (stale) {
  process.stderr.write(`compbot: building dist/ from src/ first (${stale})…\n`);
  const started = performance.now();
  problem = build(root);
  if (!problem) {
    process.stderr.write(`compbot: built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}
if (problem) {
  process.stderr.write(
    `compbot: cannot start: ${problem}\n(\`npm run dev\` runs the sources through tsx, without building.)\n`,
  );
  process.exitCode = 1;
} else {
  await import(pathToFileURL(path.join(root, "dist/main.js")).href);
}
