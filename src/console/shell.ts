/**
 * The local console, in the spirit of Hubot's shell adapter: a prompt in a terminal that talks to the same
 * core as Slack. With piped input it answers each line and exits at the end of input.
 * Lines starting with "/comp" are read as the slash command; anything else as a DM to the bot.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { CompBotApi } from "../bot.ts";
import type { ConversationContext } from "../questions/types.ts";
import { renderText } from "../render/text.ts";

export interface ShellOptions {
  bot: CompBotApi;
  input: Readable;
  output: Writable;
  /** Show a banner and a prompt (a person at a terminal); off for piped input. */
  interactive: boolean;
  /** Where the guides came from, for the banner. */
  guidesDir: string;
}

const PROMPT = "compbot> ";
const QUIT = new Set(["exit", "quit", ":q", "/quit", "/exit"]);

/** Answers one line as the console would print it. */
export function answerLine(bot: CompBotApi, line: string, context: ConversationContext) {
  const slash = /^\s*\/comp\b/i.test(line);
  const reply = bot.ask(line, { surface: slash ? "slash" : "dm", context });
  return { text: renderText(reply.answer), context: reply.context };
}

export function runShell(options: ShellOptions): Promise<void> {
  const { bot, input, output, interactive } = options;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  let context: ConversationContext = {};

  if (interactive) {
    const n = bot.guideCount;
    output.write(
      `CompBot console: ${n} guide${n === 1 ? "" : "s"} from ${options.guidesDir}.\n` +
        `Type "/comp help", or ask in plain words ("ml engineer at segment in london?"). Ctrl+D to quit.\n`,
    );
    rl.setPrompt(PROMPT);
    rl.prompt();
  }

  return new Promise((resolve) => {
    let first = true;
    rl.on("line", (raw) => {
      const line = raw.trim();
      if (QUIT.has(line.toLowerCase())) {
        rl.close();
        return;
      }
      if (line.length > 0) {
        const result = answerLine(bot, line, context);
        context = result.context;
        if (!interactive && !first) output.write("\n");
        output.write(`${result.text.trimEnd()}\n`);
        first = false;
      }
      if (interactive) {
        output.write("\n");
        rl.prompt();
      }
    });
    rl.on("close", () => {
      if (interactive) output.write("\n");
      resolve();
    });
  });
}
