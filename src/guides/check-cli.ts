/**
 * npm run guides:check [dir] [--fix]
 * Default dir: $GUIDES_DIR or ./guides. Exit 1 when any error is found, 0 otherwise.
 */
import { checkGuides } from "./check.ts";

const USAGE = "usage: npm run guides:check -- [dir] [--fix]";

async function main(argv: string[]): Promise<number> {
  let dir: string | null = null;
  let fix = false;
  for (const arg of argv) {
    if (arg === "--fix") fix = true;
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith("-")) {
      process.stderr.write(`error: unknown option ${arg}\n${USAGE}\n`);
      return 1;
    } else if (dir === null) dir = arg;
    else {
      process.stderr.write(`error: one directory at most (got ${dir} and ${arg})\n${USAGE}\n`);
      return 1;
    }
  }
  const report = await checkGuides(dir ?? (process.env.GUIDES_DIR || "guides"), { fix });
  if (report.fatal !== null) {
    process.stderr.write(`${report.fatal}\n`);
    return 1;
  }
  process.stdout.write(`${report.lines.join("\n")}\n`);
  return report.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
