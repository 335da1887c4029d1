/**
 * `npm run ask -- segment ml-ai-engineer london` answers once in the terminal;
 * `--json` prints the Block Kit payload the Slack app would send instead.
 */
import { loadCompBot } from "../bot.ts";
import { renderBlocks } from "../render/blocks.ts";
import { renderText } from "../render/text.ts";
import { guidesDirFromEnv, summariseProblems } from "./guides-dir.ts";

async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const words = argv.filter((a) => a !== "--json");
  const dir = guidesDirFromEnv();
  const { bot, problems } = await loadCompBot(dir);
  const summary = summariseProblems(dir, bot.guideCount, problems);
  if (summary) process.stderr.write(`${summary}\n`);
  const { answer } = bot.ask(words.join(" "), { surface: "slash" });
  if (json) process.stdout.write(`${JSON.stringify(renderBlocks(answer, { shareable: true }), null, 2)}\n`);
  else process.stdout.write(`${renderText(answer).trimEnd()}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`compbot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
