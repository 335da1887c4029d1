/**
 * The markdown body of a guide, parsed on demand with marked's lexer (GFM tables).
 * Nothing here throws on odd markdown: missing sections come back as null or empty lists.
 */
import { readFileSync } from "node:fs";
import { marked, type Token, type Tokens } from "marked";
import { decodeGuideBytes } from "../text/decode.ts";
import { splitGuide } from "./frontmatter.ts";
import { repairMojibake } from "./repair.ts";
import type { AcceptThreshold, BodyTableRow, GuideBody, Lever, NegotiationScript } from "./types.ts";

export interface MoneyText {
  low: number;
  high: number;
  /** Currency symbol or code as written ("$", "£", "USD"), null when none. */
  symbol: string | null;
}

const MULTIPLIERS: Record<string, number> = { k: 1_000, m: 1_000_000, b: 1_000_000_000 };

/** One money figure: optional symbol/code, number with commas/decimals, optional K/M/B. */
const FIGURE =
  /(?<symbol>[$£€¥₹]|\b[A-Z]{3}\s?)?\s*(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<mult>[kKmMbB](?![a-zA-Z]))?/u;

const RANGE_SEPARATOR = /^\s*(?:[-–—]|to\b)\s*/i;

function readFigure(
  text: string,
): { value: number; symbol: string | null; rest: string; index: number } | null {
  const m = FIGURE.exec(text);
  if (!m?.groups) return null;
  const num = Number(m.groups.num!.replace(/,/g, ""));
  if (!Number.isFinite(num)) return null;
  const mult = m.groups.mult ? MULTIPLIERS[m.groups.mult.toLowerCase()]! : 1;
  return {
    value: Math.round(num * mult * 100) / 100,
    symbol: m.groups.symbol?.trim() || null,
    rest: text.slice(m.index + m[0].length),
    index: m.index,
  };
}

/**
 * Parses a money figure or range as written in a guide: "$188K–$228K", "£132K-£165K", "$1.2M", "188,000 to
 * 228,000", "$400K+". A single figure gives low = high. Returns null when there is no figure.
 */
export function parseMoneyText(text: string): MoneyText | null {
  const first = readFigure(text);
  if (!first) return null;
  let high = first.value;
  let symbol = first.symbol;
  const sep = RANGE_SEPARATOR.exec(first.rest);
  if (sep) {
    const second = readFigure(first.rest.slice(sep[0].length));
    if (second && second.index === 0) {
      high = second.value;
      symbol ??= second.symbol;
      // "$188–228K": the multiplier written once applies to both ends.
      if (second.value >= 1000 && first.value < 1000 && first.value * 1000 <= second.value) {
        return { low: first.value * 1000, high, symbol };
      }
    }
  }
  return { low: first.value, high, symbol };
}

/** Parses a percentage or percentage range: "10%", "10–15%", "10-15", "10 to 15 %". Null when none. */
export function parsePercentText(text: string): { low: number; high: number } | null {
  const m = /(\d+(?:\.\d+)?)\s*%?\s*(?:(?:[-–—]|to)\s*(\d+(?:\.\d+)?))?\s*%?/i.exec(text);
  if (!m) return null;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return null;
  return { low, high };
}

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["\u201c", "\u201d"],
  ["\u201d", "\u201d"],
  ["'", "'"],
  ["\u2018", "\u2019"],
];

/** Removes one pair of surrounding quotes (straight or curly), if present. */
export function stripQuotes(text: string): string {
  const t = text.trim();
  for (const [open, close] of QUOTE_PAIRS) {
    if (t.length >= 2 && t.startsWith(open) && t.endsWith(close))
      return t.slice(open.length, -close.length).trim();
  }
  return t;
}

/**
 * "**Label:** rest" → { label: "Label", rest: "rest", colon: true }; "**Label**" alone → rest "".
 */
function splitLabel(text: string): { label: string; rest: string; colon: boolean } | null {
  const m = /^\s*(?:\*\*|__)([^*_][\s\S]*?)(?:\*\*|__)\s*(:?)\s*([\s\S]*)$/.exec(text);
  if (!m) return null;
  const inner = m[1]!.trim();
  return {
    label: inner.replace(/:$/, "").trim(),
    rest: m[3]!.trim(),
    colon: inner.endsWith(":") || m[2] === ":",
  };
}

function plainText(markdown: string): string {
  return markdown.replace(/\*\*|__|`/g, "").trim();
}

const OPEN_QUOTE = /["\u201c\u201d]/;
const CLOSE_QUOTE = /["\u201c\u201d](?=[^"\u201c\u201d]*$)/;

/** The quoted part of a text and what follows it: `"…" Accept if…` → { quote, after }. */
function splitQuoted(text: string): { quote: string; after: string } | null {
  const open = OPEN_QUOTE.exec(text);
  if (!open) return null;
  const tail = text.slice(open.index + 1);
  const close = CLOSE_QUOTE.exec(tail);
  if (!close) return null;
  return { quote: tail.slice(0, close.index).trim(), after: tail.slice(close.index + 1).trim() };
}

/** Parses "Accept if above $242K RSUs." into the accept threshold. */
function parseAcceptThreshold(after: string): AcceptThreshold | null {
  const m =
    /\baccept\b\s*(?:it\s+|the\s+offer\s+)?(?:if|when|at)?\s*(?:it'?s\s+|the\s+offer\s+is\s+)?(?:above|over|at\s+least|more\s+than|>=?|≥)?\s*([^.\n]*\d[^\n]*?)\s*\.?\s*$/i.exec(
      after,
    );
  if (!m) return null;
  const text = m[1]!.trim();
  const money = parseMoneyText(text);
  let component: string | null = null;
  if (money) {
    let rest = readFigure(text)?.rest ?? "";
    const sep = RANGE_SEPARATOR.exec(rest);
    const second = sep ? readFigure(rest.slice(sep[0].length)) : null;
    if (sep && second?.index === 0) rest = second.rest;
    const comp = rest
      .replace(/^\+/, "")
      .replace(/^\s*(?:in|of)\s+/i, "")
      .trim();
    component = comp === "" ? null : comp;
  }
  return { text, amount: money ? money.low : null, component };
}

function tokensOf(token: Token): Token[] {
  const inner = (token as { tokens?: Token[] }).tokens;
  return Array.isArray(inner) ? inner : [];
}

function parseScript(text: string): NegotiationScript | null {
  const labelled = splitLabel(text);
  const body = labelled ? labelled.rest : text;
  const quoted = splitQuoted(body);
  if (!quoted) return null;
  return { text: quoted.quote, acceptThreshold: parseAcceptThreshold(quoted.after) };
}

/** Maps table header cells to the BodyTableRow columns. */
function tableColumns(header: Tokens.TableCell[]): Record<keyof BodyTableRow, number> | null {
  const find = (re: RegExp) => header.findIndex((cell) => re.test(cell.text));
  const cols = {
    region: find(/region|location|city|market/i),
    base: find(/base/i),
    stock: find(/stock|rsu|equity/i),
    bonus: find(/bonus/i),
    totalComp: find(/total/i),
  };
  if (cols.region === -1) return null;
  return cols;
}

function parseTable(table: Tokens.Table): BodyTableRow[] {
  const cols = tableColumns(table.header);
  if (!cols) return [];
  const cell = (row: Tokens.TableCell[], i: number) => (i === -1 ? "" : (row[i]?.text ?? "").trim());
  return table.rows
    .map((row) => ({
      region: plainText(cell(row, cols.region)),
      base: cell(row, cols.base),
      stock: cell(row, cols.stock),
      bonus: cell(row, cols.bonus),
      totalComp: cell(row, cols.totalComp),
    }))
    .filter((row) => row.region !== "");
}

function emptyBody(): GuideBody {
  return { dnaSummary: null, overview: [], levers: [], script: null, evidence: [], table: [] };
}

/** Parses a guide's markdown body (without frontmatter). Never throws. */
export function parseGuideBody(markdown: string): GuideBody {
  const body = emptyBody();
  let tokens: Token[];
  try {
    tokens = marked.lexer(markdown, { gfm: true });
  } catch {
    return body;
  }

  let inEvidence = false;
  for (const token of tokens) {
    switch (token.type) {
      case "heading": {
        inEvidence = /evidence|sources|references/i.test((token as Tokens.Heading).text);
        break;
      }
      case "paragraph": {
        const text = (token as Tokens.Paragraph).text.trim();
        const labelled = splitLabel(text);
        if (labelled) {
          // "**Global Levers**" alone is a sub-heading; "**Evidence & Sources**" opens the evidence list.
          if (labelled.rest === "") {
            inEvidence = /evidence|sources|references/i.test(labelled.label);
            break;
          }
          if (/negotiation dna/i.test(labelled.label)) {
            body.dnaSummary ??= plainText(labelled.rest);
            break;
          }
          if (/strateg|script/i.test(labelled.label) && !body.script) {
            const script = parseScript(text);
            if (script) {
              body.script = script;
              break;
            }
          }
          // Other "**Label:** value" lines (Level Mapping…) are fields, not prose.
          if (labelled.colon) break;
        }
        if (text !== "") body.overview.push(text);
        break;
      }
      case "list": {
        const list = token as Tokens.List;
        if (inEvidence) {
          for (const item of list.items) {
            const t = item.text.trim();
            const bracketed = /^\[([^\]]*)\]$/.exec(t);
            const entry = bracketed ? bracketed[1]!.trim() : t;
            if (entry !== "") body.evidence.push(entry);
          }
          break;
        }
        for (const item of list.items) {
          const labelled = splitLabel(item.text.trim());
          if (!labelled || labelled.label === "") continue;
          const lever: Lever = { title: labelled.label, quote: stripQuotes(labelled.rest) };
          if (list.ordered || lever.quote !== labelled.rest) body.levers.push(lever);
        }
        break;
      }
      case "blockquote": {
        if (body.script) break;
        for (const inner of tokensOf(token)) {
          if (inner.type !== "paragraph") continue;
          const script = parseScript((inner as Tokens.Paragraph).text);
          if (script) {
            body.script = script;
            break;
          }
        }
        break;
      }
      case "table": {
        if (body.table.length === 0) body.table = parseTable(token as Tokens.Table);
        break;
      }
      default:
        break;
    }
  }
  return body;
}

/** Splits a file's text into frontmatter and body; falls back to a plain split when the YAML is broken. */
export function bodyOfText(text: string): string {
  try {
    return splitGuide(text).content;
  } catch {
    const m = /^---[^\n]*\n[\s\S]*?\n---[^\n]*(?:\n|$)/.exec(text);
    return m ? text.slice(m[0].length) : text;
  }
}

/** Reads a guide file and parses its body (mojibake repaired). Throws only when the file cannot be read. */
export function readGuideBody(file: string): GuideBody {
  const text = repairMojibake(decodeGuideBytes(readFileSync(file)).text).text;
  return parseGuideBody(bodyOfText(text));
}
