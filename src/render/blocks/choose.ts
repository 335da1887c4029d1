/** One more choice before the answer (which guide, role or region): the choices as buttons, and how to type it. */
import type { KnownBlock } from "@slack/types";
import type { ChooseAnswer } from "../../answers/types.ts";
import { oneLine, slashCommand } from "../describe.ts";
import { escapeMrkdwn as e } from "../escape.ts";
import { plural } from "../format.ts";
import { contextBlock, sectionBlock, truncate } from "../limits.ts";
import { actionBlocks, type RenderOptions, sharedByBlock } from "./common.ts";

export function choose(answer: ChooseAnswer, options: RenderOptions): KnownBlock[] {
  const choices = answer.options ?? [];
  const more = (answer.total ?? choices.length) - choices.length;
  const usage = oneLine(answer.usage);
  const example = oneLine(answer.example);
  const how: string[] = [];
  if (more > 0) how.push(`${plural(more, "more choice")} not shown.`);
  if (usage !== "") {
    const eg = example !== "" ? `, e.g. \`${e(truncate(slashCommand(example), 300))}\`` : "";
    how.push(`Or type \`${e(truncate(slashCommand(usage), 300))}\`${eg}`);
  }
  return [
    ...sharedByBlock(options),
    sectionBlock(`*${e(truncate(oneLine(answer.question), 500)) || "Which one?"}*`),
    ...actionBlocks(choices, null),
    ...(how.length > 0 ? [contextBlock([how.join(" ")])] : []),
  ];
}
