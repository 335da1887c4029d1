/**
 * Every region of a guide as one Block Kit `table` block (messages only: Slack accepts tables in messages, not in
 * the Home view or modals, and one table per message). Slack's limits: at most 100 rows and 20 cells a row; cells
 * are `raw_text` of at least one character.
 */
import type { RawTextElement, TableBlock } from "@slack/types";
import type { Band } from "../../guides/types.ts";
import { bandFigures, currencyCode, FIGURE_LABELS, regionName } from "../describe.ts";
import { PLACEHOLDER, truncate } from "../limits.ts";

export const MAX_TABLE_ROWS = 100;
/** Longest cell text (a region name can be long; figures are short). */
const CELL_MAX = 120;

function cell(text: string): RawTextElement {
  const t = truncate(text.trim(), CELL_MAX);
  return { type: "raw_text", text: t === "" ? PLACEHOLDER : t };
}

/**
 * The header row, then one row per band, as many as fit in Slack's 100 rows and in `jsonBudget` characters of
 * JSON; `shown` says how many bands made it (the caller names the rest).
 */
export function regionsTable(
  bands: readonly Band[],
  jsonBudget: number,
): { table: TableBlock; shown: number } {
  const header = [
    "Region",
    FIGURE_LABELS.base,
    FIGURE_LABELS.stock,
    FIGURE_LABELS.bonus,
    FIGURE_LABELS.total,
  ];
  const table: TableBlock = {
    type: "table",
    block_id: "compbot_regions_table",
    column_settings: [{ is_wrapped: true }],
    rows: [header.map(cell)],
  };
  let size = JSON.stringify(table).length;
  for (const b of bands) {
    if (table.rows.length >= MAX_TABLE_ROWS) break;
    const f = bandFigures(b);
    const row = [`${regionName(b)} (${currencyCode(b)})`, f.base, f.stock, f.bonus, f.total].map(cell);
    const rowSize = JSON.stringify(row).length + 1;
    if (size + rowSize > jsonBudget) break;
    table.rows.push(row);
    size += rowSize;
  }
  return { table, shown: table.rows.length - 1 };
}
