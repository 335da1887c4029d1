/**
 * Block Kit limits, builders that respect them by construction, and an independent checker.
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

// ---------------------------------------------------------------------------------------------------------------
// Independent checker
// ---------------------------------------------------------------------------------------------------------------

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Block types CompBot sends and this checker understands. */
const CHECKED_BLOCK_TYPES = new Set([
  "header",
  "section",
  "context",
  "actions",
  "divider",
  "markdown",
  "context_actions",
  "table",
]);
/** context_actions: at most 5 feedback_buttons / icon_button elements. table: 100 rows, 20 cells a row. */
export const MAX_CONTEXT_ACTIONS_ELEMENTS = 5;
export const MAX_TABLE_ROWS = 100;
export const MAX_TABLE_CELLS = 20;

interface CheckState {
  out: string[];
  actionIds: Map<string, string>;
  blockIds: Map<string, string>;
  primaryButtons: number;
}

function checkTextObject(
  obj: unknown,
  where: string,
  max: number,
  allowed: readonly ("plain_text" | "mrkdwn")[],
  s: CheckState,
): void {
  if (!isRec(obj)) {
    s.out.push(`${where}: text object missing`);
    return;
  }
  const type = obj.type;
  if (type !== "plain_text" && type !== "mrkdwn") {
    s.out.push(`${where}: text type ${JSON.stringify(type)} is not plain_text or mrkdwn`);
  } else if (!allowed.includes(type)) {
    s.out.push(`${where}: must be ${allowed.join(" or ")}, not ${type}`);
  }
  const text = obj.text;
  if (typeof text !== "string") {
    s.out.push(`${where}: text is not a string`);
    return;
  }
  if (text.trim().length === 0) s.out.push(`${where}: text is empty`);
  if (text.length > max) s.out.push(`${where}: text is ${text.length} characters (max ${max})`);
  if (type === "mrkdwn" && text.includes("<!")) {
    s.out.push(`${where}: unescaped special mention "<!" in mrkdwn`);
  }
  if (type === "mrkdwn" && "emoji" in obj) s.out.push(`${where}: emoji is only allowed on plain_text`);
  if (type === "plain_text" && "verbatim" in obj) s.out.push(`${where}: verbatim is only allowed on mrkdwn`);
}

function checkId(kind: "action_id" | "block_id", id: unknown, where: string, s: CheckState): void {
  if (id === undefined) return;
  const max = kind === "action_id" ? MAX_ACTION_ID : MAX_BLOCK_ID;
  const seen = kind === "action_id" ? s.actionIds : s.blockIds;
  if (typeof id !== "string" || id.length === 0) {
    s.out.push(`${where}: ${kind} must be a non-empty string`);
    return;
  }
  if (id.length > max) s.out.push(`${where}: ${kind} is ${id.length} characters (max ${max})`);
  const first = seen.get(id);
  if (first !== undefined) s.out.push(`${where}: duplicate ${kind} "${id}" (first at ${first})`);
  else seen.set(id, where);
}

function checkButton(el: Rec, where: string, s: CheckState): void {
  checkTextObject(el.text, `${where}.text`, MAX_BUTTON_TEXT, ["plain_text"], s);
  checkId("action_id", el.action_id, where, s);
  if (el.value !== undefined) {
    if (typeof el.value !== "string") s.out.push(`${where}: value is not a string`);
    else if (el.value.length > MAX_BUTTON_VALUE) {
      s.out.push(`${where}: value is ${el.value.length} characters (max ${MAX_BUTTON_VALUE})`);
    }
  }
  if (el.url !== undefined) {
    if (typeof el.url !== "string") s.out.push(`${where}: url is not a string`);
    else if (el.url.length > MAX_BUTTON_URL) {
      s.out.push(`${where}: url is ${el.url.length} characters (max ${MAX_BUTTON_URL})`);
    }
  }
  if (el.style !== undefined && el.style !== "primary" && el.style !== "danger") {
    s.out.push(`${where}: style ${JSON.stringify(el.style)} is not primary or danger`);
  }
  if (el.style === "primary") s.primaryButtons++;
}

function checkBlock(
  block: unknown,
  i: number,
  s: CheckState,
  markdownChars: { n: number },
  tables: { n: number },
): void {
  const where = `block ${i}`;
  if (!isRec(block)) {
    s.out.push(`${where}: not an object`);
    return;
  }
  const type = block.type;
  const at = `${where} (${String(type)})`;
  checkId("block_id", block.block_id, at, s);
  if (typeof type !== "string" || !CHECKED_BLOCK_TYPES.has(type)) {
    s.out.push(`${at}: block type not sent by CompBot (unchecked)`);
    return;
  }
  switch (type) {
    case "header":
      checkTextObject(block.text, `${at}.text`, MAX_HEADER_TEXT, ["plain_text"], s);
      break;
    case "section": {
      const { text, fields, accessory } = block;
      if (text === undefined && fields === undefined) s.out.push(`${at}: needs text or fields`);
      if (text !== undefined)
        checkTextObject(text, `${at}.text`, MAX_SECTION_TEXT, ["plain_text", "mrkdwn"], s);
      if (fields !== undefined) {
        if (!Array.isArray(fields) || fields.length === 0)
          s.out.push(`${at}: fields must be a non-empty array`);
        else {
          if (fields.length > MAX_SECTION_FIELDS) {
            s.out.push(`${at}: ${fields.length} fields (max ${MAX_SECTION_FIELDS})`);
          }
          fields.forEach((f, j) => {
            checkTextObject(f, `${at}.fields[${j}]`, MAX_FIELD_TEXT, ["plain_text", "mrkdwn"], s);
          });
        }
      }
      if (isRec(accessory) && accessory.type === "button") checkButton(accessory, `${at}.accessory`, s);
      break;
    }
    case "context": {
      const { elements } = block;
      if (!Array.isArray(elements) || elements.length === 0) {
        s.out.push(`${at}: elements must be a non-empty array`);
        break;
      }
      if (elements.length > MAX_CONTEXT_ELEMENTS) {
        s.out.push(`${at}: ${elements.length} elements (max ${MAX_CONTEXT_ELEMENTS})`);
      }
      elements.forEach((e, j) => {
        if (isRec(e) && e.type === "image") {
          if (typeof e.alt_text !== "string" || e.alt_text === "")
            s.out.push(`${at}.elements[${j}]: alt_text`);
        } else {
          checkTextObject(e, `${at}.elements[${j}]`, MAX_TEXT_OBJECT, ["plain_text", "mrkdwn"], s);
        }
      });
      break;
    }
    case "actions": {
      const { elements } = block;
      if (!Array.isArray(elements) || elements.length === 0) {
        s.out.push(`${at}: elements must be a non-empty array`);
        break;
      }
      if (elements.length > MAX_ACTIONS_ELEMENTS) {
        s.out.push(`${at}: ${elements.length} elements (max ${MAX_ACTIONS_ELEMENTS})`);
      }
      elements.forEach((e, j) => {
        const w = `${at}.elements[${j}]`;
        if (!isRec(e)) s.out.push(`${w}: not an object`);
        else if (e.type === "button") checkButton(e, w, s);
        else checkId("action_id", e.action_id, w, s);
      });
      break;
    }
    case "context_actions": {
      const { elements } = block;
      if (
        !Array.isArray(elements) ||
        elements.length === 0 ||
        elements.length > MAX_CONTEXT_ACTIONS_ELEMENTS
      ) {
        s.out.push(`${at}: elements must hold 1–${MAX_CONTEXT_ACTIONS_ELEMENTS} items`);
        break;
      }
      elements.forEach((e, j) => {
        const w = `${at}.elements[${j}]`;
        if (!isRec(e) || (e.type !== "feedback_buttons" && e.type !== "icon_button")) {
          s.out.push(`${w}: only feedback_buttons and icon_button go in context_actions`);
          return;
        }
        checkId("action_id", e.action_id, w, s);
        if (e.type === "feedback_buttons") {
          for (const side of ["positive_button", "negative_button"] as const) {
            const b = e[side];
            if (!isRec(b)) s.out.push(`${w}.${side}: missing`);
            else {
              checkTextObject(b.text, `${w}.${side}.text`, MAX_BUTTON_TEXT, ["plain_text"], s);
              if (typeof b.value !== "string" || b.value === "" || b.value.length > MAX_BUTTON_VALUE) {
                s.out.push(`${w}.${side}: value must be 1–${MAX_BUTTON_VALUE} characters`);
              }
            }
          }
        }
      });
      break;
    }
    case "table": {
      const { rows } = block;
      if (!Array.isArray(rows) || rows.length === 0) {
        s.out.push(`${at}: rows must be a non-empty array`);
        break;
      }
      if (rows.length > MAX_TABLE_ROWS) s.out.push(`${at}: ${rows.length} rows (max ${MAX_TABLE_ROWS})`);
      rows.forEach((row, j) => {
        if (!Array.isArray(row) || row.length === 0) s.out.push(`${at}.rows[${j}]: not a non-empty array`);
        else if (row.length > MAX_TABLE_CELLS) {
          s.out.push(`${at}.rows[${j}]: ${row.length} cells (max ${MAX_TABLE_CELLS})`);
        }
      });
      tables.n++;
      break;
    }
    case "markdown": {
      const { text } = block;
      if (typeof text !== "string" || text.trim() === "")
        s.out.push(`${at}: text must be a non-empty string`);
      else markdownChars.n += text.length;
      break;
    }
    default:
      break;
  }
}

/**
 * Every way `message` breaks a Block Kit limit or a CompBot convention (empty list = valid). Checks: top-level
 * text present and ≤ MAX_TOP_LEVEL_TEXT; ≤ 50 blocks; header plain_text ≤ 150; section text 1–3000, ≤ 10 fields
 * each 1–2000; context 1–10 elements; actions 1–25 elements; button text plain_text 1–75, value ≤ 2000, url ≤ 3000,
 * style primary|danger, at most one primary; action_id / block_id ≤ 255 and unique in the message; no raw "<!" in
 * mrkdwn; markdown blocks ≤ 12,000 in total; blocks JSON ≤ MAX_BLOCKS_JSON.
 */
export function blockKitViolations(message: SlackMessage): string[] {
  const s: CheckState = { out: [], actionIds: new Map(), blockIds: new Map(), primaryButtons: 0 };
  const m: unknown = message;
  if (!isRec(m)) return ["message is not an object"];
  if (typeof m.text !== "string" || m.text.trim() === "") s.out.push("top-level text is missing or empty");
  else {
    if (m.text.length > MAX_TOP_LEVEL_TEXT) {
      s.out.push(`top-level text is ${m.text.length} characters (max ${MAX_TOP_LEVEL_TEXT})`);
    }
    if (m.text.includes("<!")) s.out.push('top-level text: unescaped special mention "<!"');
  }
  if (!Array.isArray(m.blocks)) {
    s.out.push("blocks is not an array");
    return s.out;
  }
  if (m.blocks.length > MAX_BLOCKS) s.out.push(`${m.blocks.length} blocks (max ${MAX_BLOCKS})`);
  const markdownChars = { n: 0 };
  const tables = { n: 0 };
  m.blocks.forEach((b, i) => {
    checkBlock(b, i, s, markdownChars, tables);
  });
  if (tables.n > 1) s.out.push(`${tables.n} table blocks (one per message)`);
  if (markdownChars.n > MAX_MARKDOWN_BLOCK_TEXT) {
    s.out.push(`markdown blocks hold ${markdownChars.n} characters (max ${MAX_MARKDOWN_BLOCK_TEXT})`);
  }
  if (s.primaryButtons > 1) s.out.push(`${s.primaryButtons} primary buttons (at most one)`);
  const json = JSON.stringify(m.blocks).length;
  if (json > MAX_BLOCKS_JSON)
    s.out.push(`blocks JSON is ${json} characters (CompBot max ${MAX_BLOCKS_JSON})`);
  return s.out;
}
