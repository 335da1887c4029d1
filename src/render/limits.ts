/**
 * Block Kit limits and builders that respect them by construction (the independent checker is in violations.ts).
 *
 * The builders never produce an invalid block: long text is cut with "…" (never inside an `&amp;` entity or a
 * `<…>` token), empty text becomes a visible placeholder, lists are capped. `blockKitViolations` re-checks a
 * finished message without trusting the builders (tests use it everywhere).
 *
 * Lengths are JavaScript string lengths (UTF-16 code units), which is never less than Slack's character count.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from "@slack/types";

/** What a renderer hands to Slack: `chat.postMessage` / `respond()` / `ack()` arguments. */
export interface SlackMessage {
  /** Top-level fallback (notifications, screen readers). mrkdwn: escaped. Never empty. */
  text: string;
  blocks: KnownBlock[];
}

export const MAX_BLOCKS = 50;
export const MAX_HEADER_TEXT = 150;
export const MAX_SECTION_TEXT = 3000;
export const MAX_SECTION_FIELDS = 10;
export const MAX_FIELD_TEXT = 2000;
/** Any text object (context elements included). */
export const MAX_TEXT_OBJECT = 3000;
export const MAX_CONTEXT_ELEMENTS = 10;
export const MAX_ACTIONS_ELEMENTS = 25;
export const MAX_BUTTON_TEXT = 75;
export const MAX_BUTTON_VALUE = 2000;
export const MAX_BUTTON_URL = 3000;
export const MAX_ACTION_ID = 255;
export const MAX_BLOCK_ID = 255;
export const MAX_MARKDOWN_BLOCK_TEXT = 12_000;
/** CompBot's cap on the top-level `text` (Slack truncates at 40,000 and recommends at most 4,000). */
export const MAX_TOP_LEVEL_TEXT = 4000;
/**
 * CompBot's cap on `JSON.stringify(blocks).length`. Slack refuses long block payloads (`msg_blocks_too_long`,
 * observed near 13k characters, unconfirmed), so we stay under 12k.
 */
export const MAX_BLOCKS_JSON = 12_000;

/** Shown where text would otherwise be empty (Slack refuses empty text objects). */
export const PLACEHOLDER = "(none)";
export const ELLIPSIS = "…";

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Cut to at most `max` characters, ending with "…"; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return ELLIPSIS;
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * Like `truncate`, for mrkdwn: never cuts inside an entity (`&amp;`) or a `<…>` token (mention, link), which
 * would leave Slack to show broken markup.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return truncate(text, max);
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  let head = text.slice(0, cut);
  const amp = head.lastIndexOf("&");
  if (amp >= 0 && amp >= head.length - 6 && !head.slice(amp).includes(";")) head = head.slice(0, amp);
  const lt = head.lastIndexOf("<");
  if (lt >= 0 && !head.slice(lt).includes(">")) head = head.slice(0, lt);
  return `${head.trimEnd()}${ELLIPSIS}`;
}

function fitText(text: string, max: number, mrkdwn: boolean): string {
  const t = typeof text === "string" ? text : "";
  if (t.trim() === "") return PLACEHOLDER;
  return mrkdwn ? truncateMrkdwn(t, max) : truncate(t, max);
}

/** A plain_text object (not escaped: see escape.ts). */
export function plainText(text: string, max = MAX_TEXT_OBJECT): PlainTextElement {
  return { type: "plain_text", text: fitText(text, max, false), emoji: true };
}

/** A mrkdwn object. `text` must already be escaped / converted. */
export function mrkdwnText(text: string, max = MAX_TEXT_OBJECT): MrkdwnElement {
  return { type: "mrkdwn", text: fitText(text, max, true) };
}

export function headerBlock(text: string): HeaderBlock {
  return { type: "header", text: plainText(text, MAX_HEADER_TEXT) };
}

/**
 * A section with mrkdwn text and/or fields (both already escaped). Without either, the text is the placeholder.
 * More than 10 fields: the 10th says how many were left out.
 */
export function sectionBlock(text: string | null, fields: string[] = []): SectionBlock {
  const block: SectionBlock = { type: "section" };
  if (text !== null || fields.length === 0) block.text = mrkdwnText(text ?? "", MAX_SECTION_TEXT);
  if (fields.length > 0) {
    const kept =
      fields.length > MAX_SECTION_FIELDS
        ? [
            ...fields.slice(0, MAX_SECTION_FIELDS - 1),
            `${ELLIPSIS}and ${fields.length - MAX_SECTION_FIELDS + 1} more`,
          ]
        : fields;
    block.fields = kept.map((f) => mrkdwnText(f, MAX_FIELD_TEXT));
  }
  return block;
}

/** A context block of mrkdwn elements; more than 10 are joined into the 10th. Empty -> one placeholder. */
export function contextBlock(texts: string[]): ContextBlock {
  const items = texts.filter((t) => t.trim() !== "");
  const kept =
    items.length > MAX_CONTEXT_ELEMENTS
      ? [...items.slice(0, MAX_CONTEXT_ELEMENTS - 1), items.slice(MAX_CONTEXT_ELEMENTS - 1).join(" · ")]
      : items;
  return { type: "context", elements: (kept.length > 0 ? kept : [""]).map((t) => mrkdwnText(t)) };
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  /** Sent back to the app when clicked. Identifiers are never cut: too long -> no button (null). */
  value?: string;
  style?: "primary" | "danger";
}

/** A button, or null when `value` is empty or longer than 2000 (a cut value would run the wrong command). */
export function buttonElement(spec: ButtonSpec): Button | null {
  if (spec.value !== undefined && (spec.value.length === 0 || spec.value.length > MAX_BUTTON_VALUE))
    return null;
  const button: Button = {
    type: "button",
    text: plainText(spec.text, MAX_BUTTON_TEXT),
    action_id: truncate(spec.actionId, MAX_ACTION_ID),
  };
  if (spec.value !== undefined) button.value = spec.value;
  if (spec.style) button.style = spec.style;
  return button;
}

/** Buttons in as many actions blocks as needed (25 each), block ids `${blockIdPrefix}_<i>`. */
export function actionsBlocks(buttons: Button[], blockIdPrefix: string): ActionsBlock[] {
  const blocks: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += MAX_ACTIONS_ELEMENTS) {
    blocks.push({
      type: "actions",
      block_id: truncate(`${blockIdPrefix}_${blocks.length}`, MAX_BLOCK_ID),
      elements: buttons.slice(i, i + MAX_ACTIONS_ELEMENTS),
    });
  }
  return blocks;
}

function blocksJsonLength(blocks: KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}

/** Every mrkdwn text object in section text/fields and context elements, with a setter. */
function mrkdwnSlots(blocks: KnownBlock[]): MrkdwnElement[] {
  const slots: MrkdwnElement[] = [];
  for (const block of blocks) {
    if (block.type === "section") {
      if (block.text?.type === "mrkdwn") slots.push(block.text);
      for (const f of block.fields ?? []) if (f.type === "mrkdwn") slots.push(f);
    } else if (block.type === "context") {
      for (const e of block.elements) if (e.type === "mrkdwn") slots.push(e);
    }
  }
  return slots;
}

const MIN_SHRUNK_TEXT = 200;

/**
 * The last step of every renderer: a non-empty, capped `text`; at most 50 blocks; the blocks' JSON under
 * MAX_BLOCKS_JSON (longest mrkdwn texts are cut first, then blocks before the trailing actions are dropped).
 * Blocks in `keep` (a disclaimer, say) are never dropped, though their text may be cut like any other.
 */
export function finalizeMessage(
  text: string,
  blocks: KnownBlock[],
  fallbackText = "CompBot",
  keep: ReadonlySet<KnownBlock> = new Set(),
): SlackMessage {
  const out = [...blocks];
  // Keep trailing actions blocks (the buttons) and the blocks in `keep` when dropping.
  const dropOne = (): boolean => {
    let i = out.length - 1;
    while (i >= 0 && (out[i]?.type === "actions" || keep.has(out[i]!))) i--;
    if (i <= 0) return false; // keep the first block (the header)
    out.splice(i, 1);
    return true;
  };
  while (out.length > MAX_BLOCKS) {
    if (!dropOne()) out.splice(MAX_BLOCKS);
  }
  for (let guard = 0; guard < 200 && blocksJsonLength(out) > MAX_BLOCKS_JSON; guard++) {
    const excess = blocksJsonLength(out) - MAX_BLOCKS_JSON;
    const longest = mrkdwnSlots(out).sort((a, b) => b.text.length - a.text.length)[0];
    if (longest && longest.text.length > MIN_SHRUNK_TEXT) {
      longest.text = truncateMrkdwn(
        longest.text,
        Math.max(MIN_SHRUNK_TEXT, longest.text.length - excess - 16),
      );
    } else if (!dropOne()) {
      break;
    }
  }
  const t = typeof text === "string" && text.trim() !== "" ? text : fallbackText;
  return { text: truncateMrkdwn(t, MAX_TOP_LEVEL_TEXT), blocks: out };
}

/** context_actions: at most 5 feedback_buttons / icon_button elements. table: 100 rows, 20 cells a row. */
export const MAX_CONTEXT_ACTIONS_ELEMENTS = 5;
export const MAX_TABLE_ROWS = 100;
export const MAX_TABLE_CELLS = 20;
