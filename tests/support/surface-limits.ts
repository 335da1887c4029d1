/**
 * Slack's documented limits for the surfaces beyond plain messages, written here from Slack's reference pages
 * (docs.slack.dev: "Table block", "Context actions block", "Feedback buttons element", "App Home" / Block Kit
 * overview, "Select menu element" / external data source) and /work/shared/slack-platform-notes.md. Nothing is
 * imported from src/: raising a limit in the code cannot raise it here.
 *
 * - a message or a Home view holds at most one `table` block; a table at most 100 rows and 20 cells a row,
 *   every row non-empty, every cell raw_text / raw_number / rich_text with text of at least one character;
 * - `feedback_buttons` only inside a `context_actions` block; context_actions holds 1–5 elements
 *   (feedback_buttons or icon_button); each feedback button has plain_text text ≤ 75, a value of 1–2000 and an
 *   accessibility_label ≤ 75;
 * - a Home view: `type: "home"`, at most 100 blocks, private_metadata ≤ 3000, and no table (messages only);
 * - a `block_suggestion` answer: at most 100 options, each with plain_text text ≤ 75 and a value ≤ 150;
 * - a static select: at most 100 options, same option limits.
 */

export const SURFACE = {
  table: { rows: 100, cells: 20, perMessage: 1 },
  contextActions: { elements: 5 },
  feedbackButton: { text: 75, value: 2000, accessibilityLabel: 75 },
  home: { blocks: 100, privateMetadata: 3000 },
  options: { perResponse: 100, text: 75, value: 150 },
  select: { options: 100 },
} as const;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

function optionProblems(option: unknown, where: string): string[] {
  if (!isRec(option)) return [`${where}: not an object`];
  const out: string[] = [];
  const text = isRec(option.text) ? option.text : null;
  if (text?.type !== "plain_text" || typeof text.text !== "string" || text.text === "") {
    out.push(`${where}: text must be non-empty plain_text`);
  } else if (text.text.length > SURFACE.options.text) {
    out.push(`${where}: text is ${text.text.length} characters (max ${SURFACE.options.text})`);
  }
  if (typeof option.value !== "string" || option.value === "") out.push(`${where}: value missing`);
  else if (option.value.length > SURFACE.options.value) {
    out.push(`${where}: value is ${option.value.length} characters (max ${SURFACE.options.value})`);
  }
  return out;
}

function feedbackButtonsProblems(el: Rec, where: string): string[] {
  const out: string[] = [];
  for (const side of ["positive_button", "negative_button"] as const) {
    const b = el[side];
    if (!isRec(b)) {
      out.push(`${where}.${side}: missing`);
      continue;
    }
    const text = isRec(b.text) ? b.text : null;
    if (text?.type !== "plain_text" || typeof text.text !== "string" || text.text === "") {
      out.push(`${where}.${side}.text: must be non-empty plain_text`);
    } else if (text.text.length > SURFACE.feedbackButton.text) out.push(`${where}.${side}.text: too long`);
    if (typeof b.value !== "string" || b.value === "" || b.value.length > SURFACE.feedbackButton.value) {
      out.push(`${where}.${side}.value: must be 1–${SURFACE.feedbackButton.value} characters`);
    }
    if (
      b.accessibility_label !== undefined &&
      (typeof b.accessibility_label !== "string" ||
        b.accessibility_label.length > SURFACE.feedbackButton.accessibilityLabel)
    ) {
      out.push(`${where}.${side}.accessibility_label: at most ${SURFACE.feedbackButton.accessibilityLabel}`);
    }
  }
  return out;
}

/** Every feedback_buttons element anywhere in `v` that is not directly in a context_actions block's elements. */
function strayFeedbackButtons(v: unknown, path: string, inContextActions: boolean, out: string[]): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      strayFeedbackButtons(x, `${path}[${i}]`, inContextActions, out);
    });
    return;
  }
  if (!isRec(v)) return;
  if (v.type === "feedback_buttons" && !inContextActions) {
    out.push(`${path}: feedback_buttons outside a context_actions block`);
  }
  for (const [k, x] of Object.entries(v)) {
    strayFeedbackButtons(x, `${path}.${k}`, v.type === "context_actions" && k === "elements", out);
  }
}

/** Problems with the new block types in a list of blocks (messages and views alike). */
export function surfaceBlockProblems(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return ["blocks is not an array"];
  const out: string[] = [];
  strayFeedbackButtons(blocks, "blocks", false, out);
  let tables = 0;
  blocks.forEach((block, i) => {
    if (!isRec(block)) return;
    const at = `block ${i} (${String(block.type)})`;
    if (block.type === "table") {
      tables++;
      const rows = block.rows;
      if (!Array.isArray(rows) || rows.length === 0) {
        out.push(`${at}: rows must be a non-empty array`);
        return;
      }
      if (rows.length > SURFACE.table.rows)
        out.push(`${at}: ${rows.length} rows (max ${SURFACE.table.rows})`);
      rows.forEach((row, j) => {
        if (!Array.isArray(row) || row.length === 0) {
          out.push(`${at}.rows[${j}]: empty row`);
          return;
        }
        if (row.length > SURFACE.table.cells) {
          out.push(`${at}.rows[${j}]: ${row.length} cells (max ${SURFACE.table.cells})`);
        }
        row.forEach((c, k) => {
          if (!isRec(c) || !["raw_text", "raw_number", "rich_text"].includes(String(c.type))) {
            out.push(`${at}.rows[${j}][${k}]: not a table cell`);
          } else if (c.type !== "rich_text" && (typeof c.text !== "string" || c.text === "")) {
            out.push(`${at}.rows[${j}][${k}]: empty cell text`);
          }
        });
      });
    }
    if (block.type === "context_actions") {
      const elements = block.elements;
      if (
        !Array.isArray(elements) ||
        elements.length === 0 ||
        elements.length > SURFACE.contextActions.elements
      ) {
        out.push(`${at}: 1–${SURFACE.contextActions.elements} elements`);
        return;
      }
      elements.forEach((el, j) => {
        if (!isRec(el) || (el.type !== "feedback_buttons" && el.type !== "icon_button")) {
          out.push(`${at}.elements[${j}]: only feedback_buttons or icon_button`);
        } else if (el.type === "feedback_buttons")
          out.push(...feedbackButtonsProblems(el, `${at}.elements[${j}]`));
      });
    }
    if (block.type === "actions" && Array.isArray(block.elements)) {
      block.elements.forEach((el, j) => {
        if (!isRec(el) || el.type !== "static_select") return;
        const options = el.options;
        if (!Array.isArray(options) || options.length === 0 || options.length > SURFACE.select.options) {
          out.push(`${at}.elements[${j}]: a static select holds 1–${SURFACE.select.options} options`);
          return;
        }
        options.forEach((o, k) => {
          out.push(...optionProblems(o, `${at}.elements[${j}].options[${k}]`));
        });
      });
    }
  });
  if (tables > SURFACE.table.perMessage) out.push(`${tables} table blocks (one per message)`);
  return out;
}

/** Problems with a Home view (views.publish's `view`). */
export function homeViewProblems(view: unknown): string[] {
  if (!isRec(view)) return ["view is not an object"];
  const out: string[] = [];
  if (view.type !== "home") out.push(`view.type is ${String(view.type)}, not home`);
  const blocks = view.blocks;
  if (!Array.isArray(blocks)) return [...out, "view.blocks is not an array"];
  if (blocks.length > SURFACE.home.blocks) out.push(`${blocks.length} blocks (max ${SURFACE.home.blocks})`);
  if (blocks.some((b) => isRec(b) && b.type === "table"))
    out.push("a table block in a Home view (messages only)");
  if (
    typeof view.private_metadata === "string" &&
    view.private_metadata.length > SURFACE.home.privateMetadata
  ) {
    out.push(
      `private_metadata is ${view.private_metadata.length} characters (max ${SURFACE.home.privateMetadata})`,
    );
  }
  out.push(...surfaceBlockProblems(blocks));
  return out;
}

/** Problems with a block_suggestion answer (`{ options: [...] }`). */
export function optionsResponseProblems(body: unknown): string[] {
  if (!isRec(body) || !Array.isArray(body.options)) return ["no options array"];
  const out: string[] = [];
  if (body.options.length > SURFACE.options.perResponse) {
    out.push(`${body.options.length} options (max ${SURFACE.options.perResponse})`);
  }
  body.options.forEach((o, i) => {
    out.push(...optionProblems(o, `options[${i}]`));
  });
  return out;
}
