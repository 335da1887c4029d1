/**
 * `npm run build`: compiles src/ to dist/ (tsconfig.build.json) from an empty dist/, and records what it was
 * built from in dist/build-inputs.json, so that `npm start` (scripts/start.mjs) can tell when dist/ is out of
 * date. Plain JavaScript, because it runs where tsx is not installed (the Dockerfile's build stage).
 *
 * What a build is made from: every file under src/, the two tsconfig files and package-lock.json (the
 * TypeScript version and the types of the libraries), each as its path, size and modification time. An
 * edit, a new or a deleted file, a checkout or an upgrade changes that record; the build itself does not.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RECORD = "build-inputs.json";
const TOP_LEVEL_INPUTS = ["tsconfig.json", "tsconfig.build.json", "package-lock.json"];

/** path, size and mtime of every file under `dir`, relative to `root`, appended to `out`. */
function listFiles(root, dir, out) {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(root, relative, out);
    else out.push(describe(root, relative));
  }
}

function describe(root, relative) {
  try {
    const info = statSync(path.join(root, relative));
    return `${relative}\t${info.size}\t${info.mtimeMs}`;
  } catch {
    return `${relative}\tmissing`;
  }
}

/** A hash of what dist/ would be built from now (see above). */
export function buildInputs(root) {
  const lines = TOP_LEVEL_INPUTS.map((file) => describe(root, file));
  listFiles(root, "src", lines);
  lines.sort();
  return createHash("sha1").update(lines.join("\n")).digest("hex");
}

/** Why dist/ has to be built before it can run, or null when it matches the sources. */
export function whyStale(root) {
  if (!existsSync(path.join(root, "dist/main.js"))) return "dist/ has not been built yet";
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(path.join(root, "dist", RECORD), "utf8")).inputs;
  } catch {
    return "dist/ has no record of the sources it was built from";
  }
  return recorded === buildInputs(root) ? null : "the sources changed since dist/ was built";
}

/**
 * Builds dist/ from an empty folder. Returns null when built, else what went wrong (with the compiler's own
 * messages, trimmed). The compiler's output is kept unless the build fails.
 */
export function build(root) {
  let tsc;
  try {
    tsc = createRequire(path.join(root, "package.json")).resolve("typescript/bin/tsc");
  } catch {
    return "TypeScript is not installed here (`npm prune --omit=dev` removes it): run `npm install`, then start again";
  }
  const inputs = buildInputs(root);
  rmSync(path.join(root, "dist"), { recursive: true, force: true });
  const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (run.status !== 0) {
    const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim().split("\n");
    const shown = output.slice(0, 30).join("\n");
    const more =
      output.length > 30 ? `\n… and ${output.length - 30} more lines (npm run typecheck shows them all)` : "";
    return `the TypeScript build failed:\n${shown}${more}`;
  }
  writeFileSync(path.join(root, "dist", RECORD), `${JSON.stringify({ inputs })}\n`);
  return null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const problem = build(root);
  if (problem) {
    process.stderr.write(`compbot: ${problem}\n`);
    process.exitCode = 1;
  }
}
