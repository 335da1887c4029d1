/**
 * The markdown body of a guide, parsed on demand with marked's lexer (GFM tables).
 * Nothing here throws on odd markdown: missing sections come back as null or empty lists.
 */
import { readFileSync } from "node:fs";
import { marked, type Token, type Tokens } from "marked";
import { findFigure, parseMoneyText, parsePercentText } from "../money/read.ts";
import { decodeGuideBytes } from "../text/decode.ts";
import { splitGuide } from "./frontmatter.ts";
import { repairMojibake } from "./repair.ts";
import type { AcceptThreshold, BodyTableRow, GuideBody, Lever, NegotiationScript } from "./types.ts";

export type { MoneyText } from "../money/read.ts";
export { parseMoneyText, parsePercentText };

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
  const figure = findFigure(text);
  const money = figure && !figure.percent ? figure : null;
  let component: string | null = null;
  if (money) {
    const comp = text
      .slice(money.end)
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

/**
 * Splits a file's text into frontmatter and body; falls back to a plain split when the YAML is broken.
 *
 * When the block holds at least one line and its closing `---` is a line of its own, both ways cut the body at
 * the same place (after that line), so the YAML is not parsed at all: a body read neither loads the YAML
 * libraries nor parses the frontmatter. `---` then another `-` opens no block (gray-matter keeps the whole
 * text): left to splitGuide.
 */
export function bodyOfText(text: string): string {
  if (text.startsWith("---") && text[3] !== "-") {
    const eol = text.indexOf("\n");
    const close = eol === -1 ? -1 : text.indexOf("\n---", eol);
    // A block closed on the line after it opens (empty) is left to splitGuide: the fallback looks further on.
    if (close > eol) {
      const after = close + 4;
      if (after === text.length) return "";
      if (text[after] === "\n") return text.slice(after + 1);
      if (text[after] === "\r" && text[after + 1] === "\n") return text.slice(after + 2);
    }
  }
  try {
    return splitGuide(text).content;
  } catch {
    const m = /^---[^\n]*\n[\s\S]*?\n---[^\n]*(?:\n|$)/.exec(text);
    return m ? text.slice(m[0].length) : text;
  }
}

/** Markdown of the kinds a guide body has (headings, lists, emphasis, a table, a quote), for `warmUpLexer`. */
const LEXER_SAMPLE = [
  "# Title",
  "## Section",
  "Text with **bold**, *emphasis*, `code` and a [link](https://example.com).",
  "- **Lever**: a point",
  "- another, 10%",
  "1. first",
  "2. second",
  "| Region | Base |",
  "|---|---|",
  "| London | £132K–£165K |",
  "> a quote",
  "<!-- a comment -->",
].join("\n\n");

/**
 * Lexes a small sample once: the first markdown a process lexes runs marked's code (and compiles its rules) for
 * the first time, which made the first guide body read several times as slow as the next (answers/warm-up.ts).
 */
export function warmUpLexer(): void {
  marked.lexer(LEXER_SAMPLE, { gfm: true });
}

/** Reads a guide file and parses its body (mojibake repaired). Throws only when the file cannot be read. */
export function readGuideBody(file: string): GuideBody {
  const text = repairMojibake(decodeGuideBytes(readFileSync(file)).text).text;
  return parseGuideBody(bodyOfText(text));
}
