/** Layout helpers of the terminal renderer: cleaning, wrapping, columns, lists. */
import type { FollowUp, GuideFacts } from "../../answers/types.ts";
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
import { plural, safeText } from "../format.ts";

export const WRAP_WIDTH = 96;
export const INDENT = "  ";
/** Most list lines printed before "…and N more". */
export const MAX_LIST = 50;

/** Text without control characters (ESC included); tabs become spaces, other line breaks become "\n". */
export function cleanTerminalText(value: unknown): string {
  return (
    safeText(value)
      .replace(/\r\n?/g, "\n")
      .replace(/\t/g, " ")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "")
  );
}

/** One cleaned line. */
export function line(value: unknown): string {
  return oneLine(cleanTerminalText(value));
}

/** GitHub markdown to readable plain text: **bold** -> bold, [label](url) -> label (url). */
export function plainMarkdown(md: string): string {
  return md
    .replace(/\[([^\]\n]*)\]\(([^()\s]*)\)/g, (_m, label: string, url: string) =>
      /^https?:\/\//i.test(url) ? `${label} (${url})` : label,
    )
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, "$1");
}

/** Word-wrap one paragraph to `width`, every line prefixed with `prefix`. */
export function wrap(text: string, width: number, prefix: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let current = "";
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      if (current !== "" && current.length + 1 + word.length > width - prefix.length) {
        out.push(`${prefix}${current}`);
        current = word;
      } else {
        current = current === "" ? word : `${current} ${word}`;
      }
    }
    out.push(`${prefix}${current}`.trimEnd());
  }
  return out;
}

/** Rows as aligned columns (every column but the last padded to its widest cell). */
export function columns(rows: string[][], indent = INDENT, gap = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    `${indent}${row.map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - [...cell].length))).join(gap)}`.trimEnd(),
  );
}

export function bandRows(band: Band): string[][] {
  const f = bandFigures(band);
  return [
    [FIGURE_LABELS.base, f.base],
    [FIGURE_LABELS.stock, f.stock],
    [FIGURE_LABELS.bonus, f.bonus],
    [FIGURE_LABELS.total, f.total],
  ];
}

export function factsLines(facts: GuideFacts): string[] {
  const out: string[] = [];
  const sources = sourceParts(facts.guide).map(line);
  if (sources.length > 0) out.push(sources.join(DOT));
  const overdue = overdueLine(facts);
  if (overdue) out.push(line(overdue));
  return out;
}

export function nextLines(followUps: FollowUp[] | undefined, lead = "Next:"): string[] {
  const usable = (followUps ?? []).filter((f) => line(f.command) !== "");
  if (usable.length === 0) return [];
  const rows = usable.slice(0, MAX_LIST).map((f, i) => {
    const label = line(f.label);
    return [i === 0 ? lead : "", slashCommand(line(f.command)), label !== "" ? `(${label})` : ""];
  });
  const out = columns(rows, "");
  if (usable.length > MAX_LIST) out.push(`${" ".repeat(lead.length)}  …and ${usable.length - MAX_LIST} more`);
  return out;
}

export function listLines(lines: string[], noun: [string, string]): string[] {
  const out = lines.slice(0, MAX_LIST).map((l) => `${INDENT}• ${l}`);
  if (lines.length > MAX_LIST) out.push(`${INDENT}…and ${plural(lines.length - MAX_LIST, noun[0], noun[1])}`);
  return out;
}

/** Blank-line separated sections, empty ones dropped. */
export function join(sections: string[][]): string {
  return sections
    .filter((s) => s.length > 0)
    .map((s) => s.join("\n"))
    .join("\n\n");
}

/** Like `columns`, with the last cell word-wrapped to WRAP_WIDTH; its continuation lines start under it. */
export function hangingColumns(rows: string[][]): string[] {
  const heads = columns(rows.map((row) => row.slice(0, -1)));
  const width = Math.max(0, ...heads.map((h) => [...h].length)) + 2;
  return rows.flatMap((row, i) => {
    const head = heads[i] ?? "";
    const pad = " ".repeat(width - [...head].length);
    const [first = "", ...rest] = wrap(row[row.length - 1] ?? "", Math.max(30, WRAP_WIDTH - width), "");
    return [`${head}${pad}${first}`.trimEnd(), ...rest.map((r) => `${" ".repeat(width)}${r}`)];
  });
}

/** "  • first line" with wrapped continuation lines, for a list of sentences. */
export function bullets(items: string[]): string[] {
  return items.slice(0, MAX_LIST).flatMap((p) => {
    const [first = "", ...rest] = wrap(p, WRAP_WIDTH - INDENT.length - 2, "");
    return [`${INDENT}• ${first}`, ...rest.map((r) => `${INDENT}  ${r}`)];
  });
}
