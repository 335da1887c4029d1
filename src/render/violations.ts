/**
 * An independent checker of finished Block Kit messages: it re-checks everything Slack would refuse (lengths,
 * counts, ids, block types) without trusting the builders in limits.ts. Tests use it on every message.
 */
import {
  MAX_ACTION_ID,
  MAX_ACTIONS_ELEMENTS,
  MAX_BLOCK_ID,
  MAX_BLOCKS,
  MAX_BLOCKS_JSON,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_URL,
  MAX_BUTTON_VALUE,
  MAX_CONTEXT_ACTIONS_ELEMENTS,
  MAX_CONTEXT_ELEMENTS,
  MAX_FIELD_TEXT,
  MAX_HEADER_TEXT,
  MAX_MARKDOWN_BLOCK_TEXT,
  MAX_SECTION_FIELDS,
  MAX_SECTION_TEXT,
  MAX_TABLE_CELLS,
  MAX_TABLE_ROWS,
  MAX_TEXT_OBJECT,
  MAX_TOP_LEVEL_TEXT,
  type SlackMessage,
} from "./limits.ts";

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
