/** What every answer kind's blocks share: options, buttons, lists, quotes, the facts line. */
import type { Button, KnownBlock, SectionBlock } from "@slack/types";
import type { Answer, AnswerKind, FollowUp, GuideFacts } from "../../answers/types.ts";
import type { Band } from "../../guides/types.ts";
import {
  bandFigures,
  DOT,
  FIGURE_LABELS,
  oneLine,
  overdueLine,
  slashCommand,
  sourceParts,
} from "../describe.ts";
import { escapeMrkdwn as e, markdownToMrkdwn } from "../escape.ts";
import { plural } from "../format.ts";
import {
  actionsBlocks,
  buttonElement,
  contextBlock,
  ELLIPSIS,
  MAX_SECTION_TEXT,
  sectionBlock,
  truncate,
  truncateMrkdwn,
} from "../limits.ts";

export interface RenderOptions {
  /** Add a "Share in channel" button (shareable kinds only). Default false. */
  shareable?: boolean;
  /** Slack user id of the person who shared the answer ("U123"); adds "Shared by <@U123>". */
  sharedBy?: string;
  /** Add a "Check my offer" button (band answers only). Default false. */
  offerCheck?: boolean;
}

export const RUN_ACTION_PREFIX = "compbot_run_";
export const SHARE_ACTION_ID = "compbot_share";
export const SHARE_BUTTON_TEXT = "Share in channel";
export const OFFER_OPEN_ACTION_ID = "compbot_offer_open";
export const OFFER_BUTTON_TEXT = "Check my offer";
/** Follow-up buttons shown at most; the rest are counted in a context line. */
export const MAX_RUN_BUTTONS = 20;
export const SHAREABLE: ReadonlySet<AnswerKind> = new Set<AnswerKind>([
  "band",
  "regions",
  "level",
  "level-lookup",
  "company",
  "role",
  "catalog",
]);
const USER_ID = /^[UW][A-Z0-9]+$/;
/** Longest name (company, role, region) put in a list line or a title before cutting. */
export const NAME_MAX = 120;
/** Longest single list line. */
const LINE_MAX = 600;
/** Budget (JSON characters) for all buttons of a message (long commands make big buttons). */
const BUTTONS_JSON_BUDGET = 3500;
/** Longest sources line. */
const SOURCES_MAX = 600;
/** Most sections a long script is split into. */
const MAX_SCRIPT_SECTIONS = 3;

/** Escaped one-line name, cut to NAME_MAX. */
export function name(text: string): string {
  return e(truncate(oneLine(text), NAME_MAX));
}

export function sharedByBlock(options: RenderOptions): KnownBlock[] {
  const id = options.sharedBy;
  return typeof id === "string" && USER_ID.test(id) ? [contextBlock([`Shared by <@${id}>`])] : [];
}

/**
 * The trailing blocks: a context line when some follow-ups were left out, then the actions block(s).
 * `share` is the command to share, or null for no share button. `extra` buttons (always kept) come after the
 * follow-ups and before the share button.
 */
export function actionBlocks(
  followUps: FollowUp[] | undefined,
  share: string | null,
  extra: Button[] = [],
): KnownBlock[] {
  const usable = (followUps ?? []).filter(
    (f) => typeof f.command === "string" && f.command.trim() !== "" && f.command.length <= 2000,
  );
  const buttons: Button[] = [];
  const shareButton =
    share === null
      ? null
      : buttonElement({ text: SHARE_BUTTON_TEXT, actionId: SHARE_ACTION_ID, value: share });
  let size = [shareButton, ...extra].reduce((n, b) => n + (b ? JSON.stringify(b).length : 0), 0);
  for (const f of usable) {
    if (buttons.length >= MAX_RUN_BUTTONS) break;
    const b = buttonElement({
      text: oneLine(f.label) || slashCommand(f.command),
      actionId: `${RUN_ACTION_PREFIX}${buttons.length}`,
      value: f.command,
    });
    if (!b) continue;
    size += JSON.stringify(b).length;
    if (size > BUTTONS_JSON_BUDGET) break;
    buttons.push(b);
  }
  const hidden = usable.length - buttons.length;
  buttons.push(...extra);
  if (shareButton) buttons.push(shareButton);
  const out: KnownBlock[] = [];
  if (hidden > 0) out.push(contextBlock([`${plural(hidden, "more option")} not shown`]));
  out.push(...actionsBlocks(buttons, "compbot_actions"));
  return out;
}

export function shareCommand(answer: Answer, options: RenderOptions): string | null {
  if (options.shareable !== true || !SHAREABLE.has(answer.kind)) return null;
  const command = "command" in answer ? answer.command : "";
  return typeof command === "string" && command.trim() !== "" ? command : null;
}

/** Context line(s) under band-like answers: sources, data quarter, last update, overdue warning. */
export function factsContext(facts: GuideFacts, extra: string[] = []): KnownBlock {
  const parts = [...extra];
  const sources = sourceParts(facts.guide);
  if (sources.length > 0) parts.push(truncateMrkdwn(e(sources.join(DOT)), SOURCES_MAX));
  const overdue = overdueLine(facts);
  if (overdue) parts.push(e(overdue));
  return contextBlock(parts.length > 0 ? parts : ["Source: the negotiation guide"]);
}

/** The four figure fields of a band. */
export function bandFields(band: Band): string[] {
  const f = bandFigures(band);
  return [
    `*${FIGURE_LABELS.base}*\n${e(f.base)}`,
    `*${FIGURE_LABELS.stock}*\n${e(f.stock)}`,
    `*${FIGURE_LABELS.bonus}*\n${e(f.bonus)}`,
    `*${FIGURE_LABELS.total}*\n${e(f.total)}`,
  ];
}

/**
 * Lines (already mrkdwn) joined under an optional title, as many as fit in one section (and at most maxItems),
 * then "…and N more <noun>".
 */
export function listText(
  title: string | null,
  lines: string[],
  noun: [string, string],
  options: { maxItems?: number; alsoMissing?: number } = {},
): string {
  const maxItems = options.maxItems ?? 40;
  const moreLine = (n: number) => `${ELLIPSIS}and ${plural(n, noun[0], noun[1])}`;
  const reserve = 64;
  let text = title ?? "";
  let shown = 0;
  for (const raw of lines) {
    if (shown >= maxItems) break;
    const line = truncateMrkdwn(raw, LINE_MAX);
    const next = text === "" ? line : `${text}\n${line}`;
    if (next.length > MAX_SECTION_TEXT - reserve) break;
    text = next;
    shown++;
  }
  const more = lines.length - shown + (options.alsoMissing ?? 0);
  if (more > 0) text = text === "" ? moreLine(more) : `${text}\n${moreLine(more)}`;
  return text;
}

/** Split mrkdwn into pieces of at most `max` characters, at whitespace outside `<…>` and entities. */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = -1;
    for (let i = max; i > max / 2; i--) {
      if (/\s/.test(rest.charAt(i))) {
        const head = rest.slice(0, i);
        const lt = head.lastIndexOf("<");
        if (lt < 0 || head.indexOf(">", lt) >= 0) {
          cut = i;
          break;
        }
      }
    }
    if (cut < 0) {
      pieces.push(truncateMrkdwn(rest, max));
      const kept = pieces[pieces.length - 1]?.length ?? max;
      rest = rest.slice(Math.max(1, kept - 1));
      continue;
    }
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim() !== "") pieces.push(rest);
  return pieces;
}

/** The script as mrkdwn quote sections (`>` on every line), split when long. */
export function quoteSections(title: string, scriptText: string): SectionBlock[] {
  const body = markdownToMrkdwn(scriptText.trim());
  // Room for the title and one ">" per line.
  const lineCount = body.split("\n").length;
  const room = MAX_SECTION_TEXT - title.length - 2 - Math.min(lineCount, 200) - 8;
  const chunks = splitMrkdwn(body, Math.max(500, room));
  const shown = chunks.slice(0, MAX_SCRIPT_SECTIONS);
  if (chunks.length > MAX_SCRIPT_SECTIONS && shown.length > 0) {
    const lastIndex = shown.length - 1;
    shown[lastIndex] = `${shown[lastIndex] ?? ""} ${ELLIPSIS}`;
  }
  return shown.map((chunk, i) => {
    const quoted = chunk
      .split("\n")
      .map((l) => `>${l}`)
      .join("\n");
    return sectionBlock(i === 0 ? `${title}\n${quoted}` : quoted);
  });
}
