/** Help: why the question was not understood, and examples to try. */
import type { KnownBlock } from "@slack/types";
import type { HelpAnswer } from "../../answers/types.ts";
import { DOT, oneLine, slashCommand } from "../describe.ts";
import { escapeMrkdwn as e } from "../escape.ts";
import { plural } from "../format.ts";
import { contextBlock, headerBlock, sectionBlock, truncate } from "../limits.ts";

import { listText, type RenderOptions, sharedByBlock } from "./common.ts";

export function help(answer: HelpAnswer, options: RenderOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [
    headerBlock("CompBot: pay bands from our negotiation guides"),
    ...sharedByBlock(options),
  ];
  // Why help is shown (the question was not understood) comes before the examples.
  const reason = oneLine(answer.reason);
  if (reason !== "") blocks.push(sectionBlock(e(truncate(reason, 1000))));
  const examples = (answer.examples ?? []).map((x) => {
    const desc = oneLine(x.description);
    const cmd = `\`${e(truncate(slashCommand(x.command), 300))}\``;
    return desc !== "" ? `• ${cmd} — ${e(truncate(desc, 280))}` : `• ${cmd}`;
  });
  blocks.push(
    sectionBlock(
      examples.length > 0
        ? listText("*Try:*", examples, ["more example", "more examples"])
        : "Ask `/comp &lt;company&gt; &lt;role&gt; &lt;region&gt;`, or `/comp list` for every guide.",
    ),
  );
  blocks.push(
    contextBlock([`${plural(answer.guideCount ?? 0, "guide")} loaded${DOT}\`/comp list\` shows them all`]),
  );
  return blocks;
}
