/**
 * Slack's documented Block Kit limits, written here from Slack's reference pages (docs.slack.dev "Blocks",
 * "Block elements", "Composition objects", "Modal views"; /work/shared/slack-platform-notes.md), and a checker
 * for messages built on them. Tests hold the code to these numbers: nothing here is imported from src/, so
 * raising a limit in the code cannot raise it in the test.
 *
 * Lengths are counted in JavaScript string length (UTF-16 code units), never less than Slack's count.
 */

export const SLACK = {
  message: {
    /** Blocks in a message. */
    blocks: 50,
    /** chat.postMessage's top-level `text`: longer is truncated by Slack; we treat it as msg_too_long. */
    text: 40_000,
  },
  header: { text: 150 },
  section: { text: 3000, fields: 10, fieldText: 2000 },
  context: { elements: 10 },
  actions: { elements: 25 },
  markdown: { text: 12_000 },
  contextActions: { elements: 5 },
  table: { rows: 100, cells: 20 },
  image: { altText: 2000, url: 3000 },
  /** Every text object outside the cases above (context elements included). */
  textObject: 3000,
  button: { text: 75, value: 2000, url: 3000 },
  id: { action: 255, block: 255 },
  modal: {
    title: 24,
    submit: 24,
    close: 24,
    blocks: 100,
    privateMetadata: 3000,
    callbackId: 255,
  },
  input: { label: 2000, hint: 2000 },
  select: { placeholder: 150, options: 100 },
  option: { text: 75, value: 150 },
  plainTextInput: { placeholder: 150, maxLength: 3000 },
} as const;

type Rec = Record<string, unknown>;
export const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks one text object: a plain_text or mrkdwn object with 1..max characters. */
export function textProblems(obj: unknown, where: string, max: number, plainOnly = false): string[] {
  if (!isRec(obj) || typeof obj.text !== "string") return [`${where}: not a text object`];
  if (obj.type !== "plain_text" && (plainOnly || obj.type !== "mrkdwn"))
    return [
      `${where}: type ${String(obj.type)} (expected ${plainOnly ? "plain_text" : "plain_text or mrkdwn"})`,
    ];
  if (obj.text.trim() === "") return [`${where}: empty text`];
  if (obj.text.length > max) return [`${where}: ${obj.text.length} characters (max ${max})`];
  return [];
}

/** Checks a block_id / action_id: a non-empty string of at most `max`, unique within `seen`. */
export function idProblems(value: unknown, where: string, max: number, seen: Set<string>): string[] {
  if (value === undefined) return [];
  if (typeof value !== "string" || value === "" || value.length > max) return [`${where}: bad id`];
  if (seen.has(value)) return [`${where}: duplicate id ${value}`];
  seen.add(value);
  return [];
}

function buttonProblems(el: Rec, where: string, actionIds: Set<string>): string[] {
  const out = textProblems(el.text, `${where}.text`, SLACK.button.text, true);
  out.push(...idProblems(el.action_id, `${where}.action_id`, SLACK.id.action, actionIds));
  if (el.value !== undefined && (typeof el.value !== "string" || el.value.length > SLACK.button.value))
    out.push(`${where}.value: over ${SLACK.button.value} characters`);
  if (el.url !== undefined && (typeof el.url !== "string" || el.url.length > SLACK.button.url))
    out.push(`${where}.url: over ${SLACK.button.url} characters`);
  if (el.style !== undefined && el.style !== "primary" && el.style !== "danger")
    out.push(`${where}.style: ${String(el.style)}`);
  return out;
}

function selectProblems(el: Rec, where: string, actionIds: Set<string>): string[] {
  const out = idProblems(el.action_id, `${where}.action_id`, SLACK.id.action, actionIds);
  if (el.placeholder !== undefined)
    out.push(...textProblems(el.placeholder, `${where}.placeholder`, SLACK.select.placeholder, true));
  if (el.type === "static_select") {
    const options = Array.isArray(el.options) ? el.options : [];
    if (options.length === 0 || options.length > SLACK.select.options)
      out.push(`${where}.options: ${options.length} (1–${SLACK.select.options})`);
    options.forEach((o: unknown, j) => {
      const at = `${where}.options[${j}]`;
      if (!isRec(o)) {
        out.push(`${at}: not an object`);
        return;
      }
      out.push(...textProblems(o.text, `${at}.text`, SLACK.option.text, true));
      if (typeof o.value !== "string" || o.value.length > SLACK.option.value) out.push(`${at}.value`);
    });
  }
  return out;
}

const SELECTS = new Set([
  "static_select",
  "external_select",
  "users_select",
  "conversations_select",
  "channels_select",
]);

/**
 * Every way the blocks of a message (or a modal's non-input blocks, with `maxBlocks` 100) break Slack's
 * documented limits; empty = valid. Block types CompBot does not send are refused as unknown, as Slack refuses a
 * type it does not know.
 */
export function blockProblems(
  blocks: unknown,
  {
    maxBlocks = SLACK.message.blocks as number,
    blockIds = new Set<string>(),
    actionIds = new Set<string>(),
  } = {},
): string[] {
  if (!Array.isArray(blocks)) return ["blocks: not an array"];
  const out: string[] = [];
  if (blocks.length > maxBlocks) out.push(`${blocks.length} blocks (max ${maxBlocks})`);
  blocks.forEach((block: unknown, i) => {
    const at = `blocks[${i}]`;
    if (!isRec(block)) {
      out.push(`${at}: not an object`);
      return;
    }
    out.push(...idProblems(block.block_id, `${at}.block_id`, SLACK.id.block, blockIds));
    switch (block.type) {
      case "header":
        out.push(...textProblems(block.text, `${at}.text`, SLACK.header.text, true));
        break;
      case "section": {
        if (block.text === undefined && block.fields === undefined)
          out.push(`${at}: neither text nor fields`);
        if (block.text !== undefined) out.push(...textProblems(block.text, `${at}.text`, SLACK.section.text));
        if (block.fields !== undefined) {
          const fields = Array.isArray(block.fields) ? block.fields : [];
          if (fields.length === 0 || fields.length > SLACK.section.fields)
            out.push(`${at}.fields: ${fields.length} (1–${SLACK.section.fields})`);
          fields.forEach((f: unknown, j) => {
            out.push(...textProblems(f, `${at}.fields[${j}]`, SLACK.section.fieldText));
          });
        }
        if (isRec(block.accessory) && block.accessory.type === "button")
          out.push(...buttonProblems(block.accessory, `${at}.accessory`, actionIds));
        break;
      }
      case "context": {
        const els = Array.isArray(block.elements) ? block.elements : [];
        if (els.length === 0 || els.length > SLACK.context.elements)
          out.push(`${at}.elements: ${els.length} (1–${SLACK.context.elements})`);
        els.forEach((e: unknown, j) => {
          if (isRec(e) && e.type === "image") return;
          out.push(...textProblems(e, `${at}.elements[${j}]`, SLACK.textObject));
        });
        break;
      }
      case "actions": {
        const els = Array.isArray(block.elements) ? block.elements : [];
        if (els.length === 0 || els.length > SLACK.actions.elements)
          out.push(`${at}.elements: ${els.length} (1–${SLACK.actions.elements})`);
        els.forEach((e: unknown, j) => {
          if (!isRec(e)) out.push(`${at}.elements[${j}]: not an object`);
          else if (e.type === "button") out.push(...buttonProblems(e, `${at}.elements[${j}]`, actionIds));
          else if (typeof e.type === "string" && SELECTS.has(e.type))
            out.push(...selectProblems(e, `${at}.elements[${j}]`, actionIds));
          else out.push(`${at}.elements[${j}]: unexpected element ${String(e.type)}`);
        });
        break;
      }
      case "markdown":
        if (typeof block.text !== "string" || block.text.trim() === "") out.push(`${at}.text: empty`);
        else if (block.text.length > SLACK.markdown.text)
          out.push(`${at}.text: ${block.text.length} characters (max ${SLACK.markdown.text})`);
        break;
      case "context_actions": {
        const els = Array.isArray(block.elements) ? block.elements : [];
        if (els.length === 0 || els.length > SLACK.contextActions.elements)
          out.push(`${at}.elements: ${els.length} (1–${SLACK.contextActions.elements})`);
        els.forEach((e: unknown, j) => {
          const w = `${at}.elements[${j}]`;
          if (!isRec(e) || (e.type !== "feedback_buttons" && e.type !== "icon_button")) {
            out.push(`${w}: only feedback_buttons and icon_button go in context_actions`);
            return;
          }
          out.push(...idProblems(e.action_id, `${w}.action_id`, SLACK.id.action, actionIds));
          if (e.type === "feedback_buttons") {
            for (const side of ["positive_button", "negative_button"]) {
              const b = e[side];
              if (!isRec(b)) out.push(`${w}.${side}: missing`);
              else {
                out.push(...textProblems(b.text, `${w}.${side}.text`, SLACK.button.text, true));
                if (typeof b.value !== "string" || b.value.length > SLACK.button.value)
                  out.push(`${w}.${side}.value`);
              }
            }
          }
        });
        break;
      }
      case "table": {
        const rows = Array.isArray(block.rows) ? block.rows : [];
        if (rows.length === 0 || rows.length > SLACK.table.rows) out.push(`${at}.rows: ${rows.length}`);
        rows.forEach((r: unknown, j) => {
          if (!Array.isArray(r) || r.length === 0 || r.length > SLACK.table.cells)
            out.push(`${at}.rows[${j}]: cells`);
        });
        break;
      }
      case "image":
        if (typeof block.alt_text !== "string" || block.alt_text.length > SLACK.image.altText)
          out.push(`${at}.alt_text`);
        break;
      case "rich_text":
        if (!Array.isArray(block.elements)) out.push(`${at}.elements: not an array`);
        break;
      case "divider":
        break;
      default:
        out.push(`${at}: unknown block type ${String(block.type)}`);
    }
  });
  return out;
}

/** What Slack answers a chat.postMessage / postEphemeral / response_url message with: null when accepted. */
export function messageError(body: Rec): "invalid_blocks" | "msg_too_long" | "no_text" | null {
  const hasText = typeof body.text === "string" && body.text !== "";
  const blocks = body.blocks;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  if (!hasText && !hasBlocks) return "no_text";
  if (typeof body.text === "string" && body.text.length > SLACK.message.text) return "msg_too_long";
  if (blocks !== undefined && blockProblems(blocks).length > 0) return "invalid_blocks";
  return null;
}
