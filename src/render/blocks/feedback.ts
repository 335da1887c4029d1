/**
 * Feedback on band, script, offer and level answers, and "Send to my DMs" on private answers.
 *
 * - `feedback: "native"` (messages CompBot posts itself: mentions, DMs): Slack's `feedback_buttons` element in a
 *   `context_actions` block, the only block it may appear in;
 * - `feedback: "buttons"` (ephemeral and response_url answers, the Home view): plain 👍 / 👎 buttons.
 * Both carry "Report outdated figure". Every value is `<verdict>|<kind>|<guide ref>`, where the guide ref is
 * `<company> <role> [<region-slug>]`: it names the guide and the band that were shown and never carries the
 * user's own offer figures.
 *
 * `feedbackReport` writes what the guide owners read in FEEDBACK_CHANNEL: which guide file, which region, which
 * figures were shown, who reported.
 */
import type { Button, ContextActionsBlock, KnownBlock } from "@slack/types";
import type { Answer, AnswerKind } from "../../answers/types.ts";
import type { Band, Guide } from "../../guides/types.ts";
import { bandFigures, DOT, FIGURE_LABELS, guideTitle, levelLine, oneLine, regionName } from "../describe.ts";
import { escapeMrkdwn as e } from "../escape.ts";
import { actionsBlocks, buttonElement, plainText, sectionBlock, truncate } from "../limits.ts";
import type { RenderOptions } from "./common.ts";

export const FEEDBACK_ACTION_ID = "compbot_feedback";
export const FEEDBACK_UP_ACTION_ID = "compbot_feedback_up";
export const FEEDBACK_DOWN_ACTION_ID = "compbot_feedback_down";
export const REPORT_ACTION_ID = "compbot_report_outdated";
export const REPORT_BUTTON_TEXT = "Report outdated figure";
export const SEND_DM_ACTION_ID = "compbot_send_dm";
export const SEND_DM_BUTTON_TEXT = "Send to my DMs";

/** The answers that carry feedback. */
export const FEEDBACK_KINDS: ReadonlySet<AnswerKind> = new Set<AnswerKind>([
  "band",
  "script",
  "offer",
  "level",
]);
/** The private answers that carry "Send to my DMs". */
const SEND_DM_KINDS: ReadonlySet<AnswerKind> = new Set<AnswerKind>(["script", "offer"]);

export type Verdict = "up" | "down" | "outdated";

export interface FeedbackRef {
  verdict: Verdict;
  kind: "band" | "script" | "offer" | "level";
  company: string;
  role: string;
  region: string | null;
}

const SLUG = /^[^\s|]{1,100}$/;

/** The guide and band an answer showed, or null for answers without feedback. */
export function feedbackTarget(answer: Answer): Omit<FeedbackRef, "verdict"> | null {
  if (!FEEDBACK_KINDS.has(answer.kind) || !("guide" in answer)) return null;
  const band: Band | null = "band" in answer ? (answer.band ?? null) : null;
  const target = {
    kind: answer.kind as FeedbackRef["kind"],
    company: oneLine(answer.guide.company),
    role: oneLine(answer.guide.role),
    region: band ? oneLine(band.regionSlug) : null,
  };
  if (!SLUG.test(target.company) || !SLUG.test(target.role)) return null;
  if (target.region !== null && !SLUG.test(target.region)) return null;
  return target;
}

export function feedbackValue(ref: FeedbackRef): string {
  return [ref.verdict, ref.kind, [ref.company, ref.role, ref.region ?? ""].join(" ").trim()].join("|");
}

/** A clicked value back to its parts, or null when it is not one CompBot wrote. */
export function parseFeedbackValue(value: string): FeedbackRef | null {
  const [verdict, kind, ref, ...rest] = value.split("|");
  if (rest.length > 0 || ref === undefined) return null;
  if (verdict !== "up" && verdict !== "down" && verdict !== "outdated") return null;
  if (kind !== "band" && kind !== "script" && kind !== "offer" && kind !== "level") return null;
  const [company, role, region, ...more] = ref.split(" ");
  if (more.length > 0 || company === undefined || role === undefined) return null;
  if (![company, role, region ?? "x"].every((w) => SLUG.test(w))) return null;
  return { verdict, kind, company, role, region: region ?? null };
}

/** The /comp words that show the band (or every region) a feedback ref is about. */
export function refCommand(ref: Pick<FeedbackRef, "company" | "role" | "region">): string {
  return [ref.company, ref.role, ref.region ?? ""].join(" ").trim();
}

function nativeFeedback(target: Omit<FeedbackRef, "verdict">): ContextActionsBlock {
  return {
    type: "context_actions",
    block_id: "compbot_feedback",
    elements: [
      {
        type: "feedback_buttons",
        action_id: FEEDBACK_ACTION_ID,
        positive_button: {
          text: plainText("Helpful", 75),
          accessibility_label: "This answer was helpful",
          value: feedbackValue({ ...target, verdict: "up" }),
        },
        negative_button: {
          text: plainText("Not helpful", 75),
          accessibility_label: "This answer was not helpful: tell the guide owners",
          value: feedbackValue({ ...target, verdict: "down" }),
        },
      },
    ],
  };
}

/**
 * The feedback blocks (and "Send to my DMs") for an answer, placed after its own blocks. Empty when the answer
 * kind carries none or no feedback was asked for.
 */
export function feedbackBlocks(answer: Answer, options: RenderOptions): KnownBlock[] {
  const out: KnownBlock[] = [];
  const buttons: (Button | null)[] = [];
  const target = options.feedback !== undefined ? feedbackTarget(answer) : null;
  if (target !== null) {
    if (options.feedback === "native") out.push(nativeFeedback(target));
    else {
      buttons.push(
        buttonElement({
          text: "👍 Helpful",
          actionId: FEEDBACK_UP_ACTION_ID,
          value: feedbackValue({ ...target, verdict: "up" }),
        }),
        buttonElement({
          text: "👎 Not helpful",
          actionId: FEEDBACK_DOWN_ACTION_ID,
          value: feedbackValue({ ...target, verdict: "down" }),
        }),
      );
    }
    buttons.push(
      buttonElement({
        text: REPORT_BUTTON_TEXT,
        actionId: REPORT_ACTION_ID,
        value: feedbackValue({ ...target, verdict: "outdated" }),
      }),
    );
  }
  const command = "command" in answer ? oneLine(answer.command) : "";
  if (
    options.sendToDm === true &&
    options.inDm !== true &&
    SEND_DM_KINDS.has(answer.kind) &&
    command !== ""
  ) {
    buttons.push(buttonElement({ text: SEND_DM_BUTTON_TEXT, actionId: SEND_DM_ACTION_ID, value: command }));
  }
  const kept = buttons.filter((b): b is Button => b !== null);
  if (kept.length > 0) out.push(...actionsBlocks(kept, "compbot_feedback_actions"));
  return out;
}

function figuresLine(band: Band): string {
  const f = bandFigures(band);
  return [
    `${FIGURE_LABELS.base} ${f.base}`,
    `${FIGURE_LABELS.stock} ${f.stock}`,
    `${FIGURE_LABELS.bonus} ${f.bonus}`,
    `${FIGURE_LABELS.total} ${f.total}`,
  ].join(DOT);
}

const VERDICT_TITLE: Record<Exclude<Verdict, "up">, string> = {
  down: "Not helpful",
  outdated: "Outdated figure reported",
};

/**
 * The report for the guide owners: which guide file, which region, which figures were shown (the guide's band,
 * never the user's offer), who reported (a user mention). `guide` and `band` come from the guide as loaded now.
 */
export function feedbackReport(
  ref: FeedbackRef & { verdict: "down" | "outdated" },
  guide: Guide,
  band: Band | null,
  reporter: string,
): { text: string; blocks: KnownBlock[] } {
  const who = /^[UW][A-Z0-9]+$/.test(reporter) ? `<@${reporter}>` : "someone";
  const region = band ? regionName(band) : "no region (every region was shown)";
  const lines = [
    `*${VERDICT_TITLE[ref.verdict]}* by ${who} on ${ref.kind === "offer" ? "an" : "a"} ${ref.kind} answer: ${e(truncate(guideTitle(guide), 200))}`,
    `*Guide file:* \`${e(truncate(oneLine(guide.file), 500))}\``,
    `*Region:* ${e(truncate(region, 200))}`,
  ];
  if (band) lines.push(`*Figures shown:* ${e(figuresLine(band))}`);
  else if (ref.kind === "level")
    lines.push(`*Level mapping shown:* ${e(truncate(levelLine(guide) ?? "none", 800))}`);
  else
    lines.push(
      `*Figures shown:* ${e(truncate(guide.bands.map((b) => `${regionName(b)}: ${figuresLine(b)}`).join("; "), 1800))}`,
    );
  lines.push(`Last updated ${e(guide.lastUpdated)}${DOT}next review due ${e(guide.nextReviewDue)}`);
  const text = lines.join("\n");
  return {
    text: `${VERDICT_TITLE[ref.verdict]}: ${e(truncate(guideTitle(guide), 200))}`,
    blocks: [sectionBlock(text)],
  };
}
