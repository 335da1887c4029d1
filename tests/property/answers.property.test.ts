/**
 * Property tests over the whole core and both renderers: whatever a user types, CompBot answers, within
 * Block Kit's limits, without echoing anything that could ping or link, and without mojibake.
 * Runs ~100,000 generated cases in all (see RUNS); each is a full parse -> answer -> render.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type CompBotApi, loadCompBot } from "../../src/bot.ts";
import { hasMojibake } from "../../src/guides/repair.ts";
import { renderBlocks } from "../../src/render/blocks.ts";
import type { SlackMessage } from "../../src/render/limits.ts";
import { renderText } from "../../src/render/text.ts";
import { blockKitViolations } from "../../src/render/violations.ts";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 25_000);
/** Generous: a run is bounded by RUNS, not by the clock; CI machines are slower and shared. */
const TIMEOUT = 300_000;

/** Pieces people (and attackers) type: names we know, Slack markup, markdown, odd unicode. */
const PIECES = [
  "segment",
  "ml-ai-engineer",
  "ml engineer",
  "london",
  "sf",
  "nyc",
  "paris",
  "acme",
  "script",
  "level",
  "google",
  "l5",
  "list",
  "help",
  "offer",
  "base",
  "150k",
  "£120,000",
  "$1.2M",
  "10%",
  "vest 3y",
  "12O",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U123ABC>",
  "<#C123|general>",
  "<http://evil.example|click me>",
  "<https://x.test>",
  "&amp;",
  "&",
  "<",
  ">",
  "*bold*",
  "_it_",
  "~strike~",
  "`code`",
  "```block```",
  "> quote",
  "**md**",
  "[link](http://x.test)",
  "\u202eRTL override",
  "مرحبا",
  "שלום",
  "e\u0301\u0301\u0301",
  "🏗️",
  "👩🏽‍💻",
  "\u0000",
  "\u001b[31m",
  "\r\n",
  "\t",
  "â€“",
  "Â£",
  "ðŸ—ï¸",
  "Ã©",
];

const piece = fc.constantFrom(...PIECES);
const anyText = fc.string({ unit: "binary", maxLength: 40 });
const question = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof(piece, anyText), { maxLength: 12 }).map((xs) => xs.join(" ")) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 3_500, maxLength: 4_000 }) },
  { weight: 1, arbitrary: fc.array(piece, { minLength: 200, maxLength: 400 }).map((xs) => xs.join(" ")) },
);
const surface = fc.constantFrom("slash", "mention", "dm", "console") as fc.Arbitrary<
  "slash" | "mention" | "dm" | "console"
>;

/** Every mrkdwn string of a message: the top-level text, section texts and fields, context elements. */
function mrkdwnStrings(message: SlackMessage): string[] {
  const out = [message.text];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const obj = node as Record<string, unknown>;
      if (obj.type === "mrkdwn" && typeof obj.text === "string") out.push(obj.text);
      for (const value of Object.values(obj)) visit(value);
    }
  };
  visit(message.blocks);
  return out;
}

/**
 * A mrkdwn string is safe when `&` only starts an entity, `<` never appears raw (we never link user text),
 * and `>` only opens a quote at the start of a line.
 */
function unsafeMarkup(text: string): string | null {
  if (/&(?!amp;|lt;|gt;)/.test(text)) return "raw &";
  if (text.includes("<")) return "raw <";
  const stray = text.split("\n").find((line) => line.slice(1).includes(">"));
  if (stray !== undefined) return `raw > in ${JSON.stringify(stray.slice(0, 80))}`;
  return null;
}

let bot: CompBotApi;
beforeAll(async () => {
  ({ bot } = await loadCompBot("guides", { today: () => "2026-11-29" }));
});

describe("whatever is typed", () => {
  it(
    "the core answers and never throws",
    () => {
      fc.assert(
        fc.property(question, surface, (text, s) => {
          const reply = bot.ask(text, { surface: s });
          expect(reply.answer.kind).toEqual(expect.any(String));
          expect(reply.query.text.length).toBeLessThanOrEqual(1_000);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "the Block Kit message respects every limit, with and without the share button",
    () => {
      fc.assert(
        fc.property(question, fc.boolean(), (text, shareable) => {
          const { answer } = bot.ask(text, { surface: "slash" });
          const message = renderBlocks(answer, { shareable });
          expect(blockKitViolations(message)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "no input markup reaches mrkdwn unescaped, and no mojibake is ever shown",
    () => {
      fc.assert(
        fc.property(question, (text) => {
          const { answer } = bot.ask(text, { surface: "mention" });
          const message = renderBlocks(answer, { shareable: false });
          for (const s of mrkdwnStrings(message)) {
            expect(unsafeMarkup(s), s.slice(0, 200)).toBeNull();
            expect(hasMojibake(s), s.slice(0, 200)).toBe(false);
          }
          expect(hasMojibake(JSON.stringify(message))).toBe(false);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "the terminal text never shows undefined, NaN, mojibake or escape codes",
    () => {
      fc.assert(
        fc.property(question, (text) => {
          const out = renderText(bot.ask(text, { surface: "console" }).answer);
          expect(out.length).toBeGreaterThan(0);
          expect(out).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters.
          expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
          expect(hasMojibake(out)).toBe(false);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
