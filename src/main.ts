/**
 * Entry point: reads config, loads guides, then starts Slack (Socket Mode or HTTP) or the local console.
 */
import { loadCompBot } from "./bot.ts";
import { guidesDirFromEnv, summariseProblems } from "./console/guides-dir.ts";
import { runShell } from "./console/shell.ts";

async function main(): Promise<number> {
  const dir = guidesDirFromEnv();
  const { bot, problems } = await loadCompBot(dir);
  const summary = summariseProblems(dir, bot.guideCount, problems);
  if (summary) process.stderr.write(`${summary}\n`);
  await runShell({
    bot,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    guidesDir: dir,
  });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`compbot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
