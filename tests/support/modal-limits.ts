/**
 * A checker for modal views: the limits Slack documents for views, inputs and selects, from slack-limits.ts
 * (written from Slack's docs, never imported from src/).
 */
import { blockProblems, isRec, SLACK } from "./slack-limits.ts";

/**
 * Every way a modal view breaks a Slack limit CompBot can check (empty = valid): title/submit/close ≤ 24, ≤ 100
 * blocks, labels and hints ≤ 2000, placeholders ≤ 150, select options 1–100 (text ≤ 75, value ≤ 150, initial one
 * of them), block and action ids unique, private_metadata ≤ 3000; other blocks as in messages (blockProblems).
 */
export function modalViolations(view: unknown): string[] {
  const out: string[] = [];
  if (!isRec(view)) return ["view is not an object"];
  const text = (obj: unknown, where: string, max: number): void => {
    if (!isRec(obj) || obj.type !== "plain_text" || typeof obj.text !== "string") {
      out.push(`${where}: not a plain_text object`);
      return;
    }
    if (obj.text.trim() === "") out.push(`${where}: empty`);
    if (obj.text.length > max) out.push(`${where}: ${obj.text.length} characters (max ${max})`);
  };
  if (view.type !== "modal") out.push("type is not modal");
  text(view.title, "title", SLACK.modal.title);
  if (view.submit !== undefined) text(view.submit, "submit", SLACK.modal.submit);
  if (view.close !== undefined) text(view.close, "close", SLACK.modal.close);
  if (typeof view.callback_id !== "string" || view.callback_id.length > SLACK.modal.callbackId)
    out.push("callback_id");
  if (typeof view.private_metadata === "string" && view.private_metadata.length > SLACK.modal.privateMetadata)
    out.push("private_metadata too long");
  const blocks = view.blocks;
  if (!Array.isArray(blocks) || blocks.length === 0) return [...out, "no blocks"];
  if (blocks.length > SLACK.modal.blocks) out.push(`${blocks.length} blocks (max ${SLACK.modal.blocks})`);
  // Section and context blocks: the same checks as in messages.
  const display = blocks.filter((b) => isRec(b) && b.type !== "input");
  for (const v of blockProblems(display, { maxBlocks: SLACK.modal.blocks })) out.push(`display blocks: ${v}`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  const id = (set: Set<string>, value: unknown, where: string): void => {
    if (value === undefined) return;
    if (typeof value !== "string" || value === "" || value.length > 255) out.push(`${where}: bad id`);
    else if (set.has(value)) out.push(`${where}: duplicate id ${value}`);
    else set.add(value);
  };
  blocks.forEach((block: unknown, i) => {
    const at = `block ${i}`;
    if (!isRec(block)) {
      out.push(`${at}: not an object`);
      return;
    }
    id(blockIds, block.block_id, at);
    if (block.type !== "input") return;
    text(block.label, `${at}.label`, SLACK.input.label);
    if (block.hint !== undefined) text(block.hint, `${at}.hint`, SLACK.input.hint);
    const el = block.element;
    if (!isRec(el)) {
      out.push(`${at}: no element`);
      return;
    }
    id(actionIds, el.action_id, `${at}.element`);
    if (el.placeholder !== undefined) text(el.placeholder, `${at}.placeholder`, SLACK.select.placeholder);
    if (el.type === "static_select") {
      const options = Array.isArray(el.options) ? (el.options as unknown[]) : [];
      if (options.length === 0 || options.length > SLACK.select.options) out.push(`${at}: options count`);
      const values = options.map((o, j) => {
        if (!isRec(o)) return "";
        text(o.text, `${at}.options[${j}]`, SLACK.option.text);
        if (typeof o.value !== "string" || o.value.length > SLACK.option.value) out.push(`${at}: value`);
        return String(o.value);
      });
      if (new Set(values).size !== values.length) out.push(`${at}: duplicate option values`);
      const initial = el.initial_option;
      if (initial !== undefined && !(isRec(initial) && values.includes(String(initial.value))))
        out.push(`${at}: initial_option is not one of the options`);
    } else if (el.type === "plain_text_input") {
      if (typeof el.max_length === "number" && el.max_length > SLACK.plainTextInput.maxLength)
        out.push(`${at}: max_length over ${SLACK.plainTextInput.maxLength}`);
      if (typeof el.initial_value === "string" && typeof el.max_length === "number")
        if (el.initial_value.length > el.max_length) out.push(`${at}: initial_value too long`);
    }
  });
  return out;
}
