/**
 * Answer -> plain terminal text (the local console, like Hubot's shell adapter). No ANSI colours, no JSON;
 * figures in aligned columns; guide text cleaned of control characters (so a guide cannot inject escape codes).
 */
import type { Answer, FollowUp, GuideFacts, OfferAnswer } from "../answers/types.ts";
import { DISCLAIMER } from "../answers/types.ts";
import type { Band } from "../guides/types.ts";
import {
  askedPhrase,
  bandFigures,
  companyName,
  currencyCode,
  DOT,
  equivalenceLabel,
  FIGURE_LABELS,
  guideTitle,
  levelLine,
  levelSummary,
  oneLine,
  overdueLine,
  regionChoices,
  regionName,
  sameCompany,
  slashCommand,
  sourceParts,
  summaryText,
  unknownKindText,
} from "./describe.ts";
import {
  annualFormula,
  annualLabels,
  assumedCurrencyNote,
  mismatchHint,
  mismatchLine,
  mismatchOfferCurrency,
  offerFollowUps,
  offerLineText,
  offerMoneyCurrency,
  offerRows,
  offerTitle,
  partialNote,
  signingLine,
  targetFigure,
  unreadableParts,
  unreadableTrailer,
} from "./describe-offer.ts";
import { plural, safeText } from "./format.ts";

/** Width used to wrap long prose (the script). */
export const WRAP_WIDTH = 96;
const INDENT = "  ";
/** Most list lines printed before "…and N more". */
const MAX_LIST = 50;

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
function line(value: unknown): string {
  return oneLine(cleanTerminalText(value));
}

/** GitHub markdown to readable plain text: **bold** -> bold, [label](url) -> label (url). */
function plainMarkdown(md: string): string {
  return md
    .replace(/\[([^\]\n]*)\]\(([^()\s]*)\)/g, (_m, label: string, url: string) =>
      /^https?:\/\//i.test(url) ? `${label} (${url})` : label,
    )
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, "$1");
}

/** Word-wrap one paragraph to `width`, every line prefixed with `prefix`. */
function wrap(text: string, width: number, prefix: string): string[] {
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

function bandRows(band: Band): string[][] {
  const f = bandFigures(band);
  return [
    [FIGURE_LABELS.base, f.base],
    [FIGURE_LABELS.stock, f.stock],
    [FIGURE_LABELS.bonus, f.bonus],
    [FIGURE_LABELS.total, f.total],
  ];
}

function factsLines(facts: GuideFacts): string[] {
  const out: string[] = [];
  const sources = sourceParts(facts.guide).map(line);
  if (sources.length > 0) out.push(sources.join(DOT));
  const overdue = overdueLine(facts);
  if (overdue) out.push(line(overdue));
  return out;
}

function nextLines(followUps: FollowUp[] | undefined, lead = "Next:"): string[] {
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

function listLines(lines: string[], noun: [string, string]): string[] {
  const out = lines.slice(0, MAX_LIST).map((l) => `${INDENT}• ${l}`);
  if (lines.length > MAX_LIST) out.push(`${INDENT}…and ${plural(lines.length - MAX_LIST, noun[0], noun[1])}`);
  return out;
}

/** Blank-line separated sections, empty ones dropped. */
function join(sections: string[][]): string {
  return sections
    .filter((s) => s.length > 0)
    .map((s) => s.join("\n"))
    .join("\n\n");
}

/** Like `columns`, with the last cell word-wrapped to WRAP_WIDTH; its continuation lines start under it. */
function hangingColumns(rows: string[][]): string[] {
  const heads = columns(rows.map((row) => row.slice(0, -1)));
  const width = Math.max(0, ...heads.map((h) => [...h].length)) + 2;
  return rows.flatMap((row, i) => {
    const head = heads[i] ?? "";
    const pad = " ".repeat(width - [...head].length);
    const [first = "", ...rest] = wrap(row[row.length - 1] ?? "", Math.max(30, WRAP_WIDTH - width), "");
    return [`${head}${pad}${first}`.trimEnd(), ...rest.map((r) => `${" ".repeat(width)}${r}`)];
  });
}

function offerSections(answer: OfferAnswer): string[][] {
  const note = assumedCurrencyNote(answer);
  const sections: string[][] = [
    [
      line(offerTitle(answer)),
      ...(answer.currencyMismatch
        ? []
        : [`Figures in ${line(currencyCode(answer.band))}${note ? ` (${line(note)})` : ""}`]),
    ],
  ];
  const unreadable = (answer.unreadable ?? []).map(unreadableParts);
  if (unreadable.length > 0) {
    const said = unreadable.slice(0, MAX_LIST).map((u) => {
      const text = `I couldn't read \`${line(u.text)}\``;
      return u.suggestion ? `${text} — did you mean \`${line(u.suggestion)}\`?` : `${text}.`;
    });
    if (unreadable.length > MAX_LIST) said.push(`…and ${unreadable.length - MAX_LIST} more`);
    sections.push([...said, unreadableTrailer(unreadable.length)]);
  }
  const disclaimer = line(answer.disclaimer) || DISCLAIMER;
  if (answer.currencyMismatch) {
    const offerCode = line(answer.currencyMismatch.offer) || "as written";
    const bandCode = line(answer.currencyMismatch.band) || line(currencyCode(answer.band));
    const rows = offerRows(answer, mismatchOfferCurrency(answer)).map(([label, fig]) => [line(label), fig]);
    const regions = answer.currencyMismatch.regionsInOfferCurrency ?? [];
    sections.push(wrap(line(mismatchLine(answer)), WRAP_WIDTH, ""));
    sections.push([
      `Your offer (${offerCode})`,
      ...(rows.length > 0 ? columns(rows) : [`${INDENT}No figures read.`]),
    ]);
    sections.push([`${line(regionName(answer.band))} band (${bandCode})`, ...columns(bandRows(answer.band))]);
    const hint = mismatchHint(answer);
    if (hint) sections.push(wrap(line(hint), WRAP_WIDTH, ""));
    sections.push([disclaimer, ...factsLines(answer)]);
    sections.push(
      nextLines(offerFollowUps(answer), regions.length > 0 ? `Compare in ${offerCode}:` : "Next:"),
    );
    return sections;
  }

  const currency = offerMoneyCurrency(answer);
  const lines = (answer.lines ?? []).map((l) => offerLineText(l, currency, answer.annual?.partial === true));
  if (lines.length > 0) {
    sections.push([
      `Where your offer sits in the ${line(regionName(answer.band))} band`,
      ...columns([
        ["", "Offered", "Band", "Position", ""],
        ...lines.map((l) => [line(l.label), l.offered, l.band, l.gauge, l.position]),
      ]),
    ]);
  } else {
    sections.push(["No figures I could read to place in the band."]);
  }

  const formula = annualFormula(answer);
  const signing = signingLine(answer);
  if (formula || signing) {
    const labels = line(annualLabels(answer));
    const annual: string[] = [];
    if (formula) {
      annual.push(`Annualised total${labels ? ` (${labels})` : ""}`, `${INDENT}${line(formula)}`);
      const partial = partialNote(answer);
      if (partial) annual.push(`${INDENT}${partial}`);
    }
    if (signing) annual.push(formula ? `${INDENT}${signing}` : signing);
    sections.push(annual);
  }

  const targets = (answer.targets ?? []).map((t) => [
    line(t.label) || "Figure",
    targetFigure(t, currency),
    line(t.how),
  ]);
  if (targets.length > 0) sections.push(["Counter-offer", ...hangingColumns(targets.slice(0, MAX_LIST))]);
  const scriptText = cleanTerminalText(answer.script ?? "").trim();
  if (scriptText !== "")
    sections.push([
      "Script with these figures",
      ...wrap(plainMarkdown(scriptText), WRAP_WIDTH, `${INDENT}> `),
    ]);
  const threshold = line(answer.acceptThreshold?.text);
  if (threshold !== "") {
    const how = line(answer.acceptThreshold?.how);
    sections.push([`Accept if above ${threshold}`, ...(how !== "" ? wrap(how, WRAP_WIDTH, INDENT) : [])]);
  }
  const provenance = (answer.provenance ?? []).map(line).filter((p) => p !== "");
  if (provenance.length > 0) {
    sections.push([
      "Where the numbers come from",
      ...provenance.slice(0, MAX_LIST).flatMap((p) => {
        const [first = "", ...rest] = wrap(p, WRAP_WIDTH - INDENT.length - 2, "");
        return [`${INDENT}• ${first}`, ...rest.map((r) => `${INDENT}  ${r}`)];
      }),
    ]);
  }
  sections.push([disclaimer, ...factsLines(answer)]);
  sections.push(nextLines(answer.followUps));
  return sections;
}

function body(answer: Answer): string[][] {
  switch (answer.kind) {
    case "band": {
      const { guide } = answer;
      const level = levelLine(guide);
      const rows = bandRows(answer.band);
      if (level) rows.push(["Level mapping", line(level)]);
      return [
        [
          `${line(guideTitle(guide))}${DOT}${line(regionName(answer.band))}`,
          `All figures in ${line(currencyCode(answer.band))}`,
        ],
        columns(rows),
        factsLines(answer),
        nextLines(answer.followUps),
      ];
    }
    case "regions": {
      const { guide } = answer;
      const bands = answer.bands ?? [];
      const header = [
        "Region",
        "Currency",
        FIGURE_LABELS.base,
        "Stock (4 yrs)",
        "Bonus",
        FIGURE_LABELS.total,
      ];
      const rows = bands.map((b) => {
        const f = bandFigures(b);
        return [
          line(regionName(b)),
          line(currencyCode(b)),
          f.base,
          f.stock,
          f.bonus.replace(/ of base$/, ""),
          f.total,
        ];
      });
      return [
        [line(guideTitle(guide))],
        bands.length > 0 ? columns([header, ...rows]) : [`${INDENT}This guide has no regional bands.`],
        factsLines(answer),
        nextLines(answer.followUps),
      ];
    }
    case "company": {
      const display = line(answer.company.display) || line(answer.company.key);
      const roles = answer.roles ?? [];
      const lines = roles.map((r) => {
        const regions = (r.regions ?? []).map(line).filter((x) => x !== "");
        const label = line(r.display) || line(r.key);
        return regions.length > 0 ? `${label} — ${regions.join(", ")}` : label;
      });
      return [
        [`${display}: ${plural(roles.length, "role guide")}`],
        listLines(lines, ["more role", "more roles"]),
        nextLines(answer.followUps),
      ];
    }
    case "role": {
      const display = line(answer.role.display) || line(answer.role.key);
      const companies = answer.companies ?? [];
      const lines = companies.map((c) => {
        const regions = (c.regions ?? []).map(line).filter((x) => x !== "");
        const label = line(c.display) || line(c.key);
        return regions.length > 0 ? `${label} — ${regions.join(", ")}` : label;
      });
      return [
        [`${display}: guides at ${plural(companies.length, "company", "companies")}`],
        listLines(lines, ["more company", "more companies"]),
        nextLines(answer.followUps),
      ];
    }
    case "catalog": {
      const companies = answer.companies ?? [];
      const lines = companies.map((c) => {
        const roles = (c.roles ?? []).map((r) => line(r.display) || line(r.key)).filter((x) => x !== "");
        const label = line(c.display) || line(c.key);
        return roles.length > 0 ? `${label} — ${roles.join(", ")}` : label;
      });
      const list = listLines(lines, ["more company", "more companies"]);
      const missing = Math.max(0, (answer.companyCount ?? 0) - companies.length);
      if (missing > 0 && lines.length <= MAX_LIST)
        list.push(`${INDENT}…and ${plural(missing, "more company", "more companies")}`);
      return [
        [
          `CompBot guides: ${plural(answer.guideCount ?? 0, "guide")} across ${plural(answer.companyCount ?? companies.length, "company", "companies")}`,
        ],
        list,
        ["Next: /comp <company>  (a company's roles)"],
      ];
    }
    case "script": {
      const { guide } = answer;
      const sections: string[][] = [[`Negotiation script${DOT}${line(guideTitle(guide))}`]];
      if (answer.band) {
        sections.push([
          `${line(regionName(answer.band))}, all figures in ${line(currencyCode(answer.band))}`,
          ...columns(bandRows(answer.band)),
        ]);
      }
      const dna = line(answer.dnaSummary);
      if (dna !== "") sections.push(["Negotiation DNA", ...wrap(plainMarkdown(dna), WRAP_WIDTH, INDENT)]);
      const levers = answer.levers ?? [];
      if (levers.length > 0) {
        sections.push([
          "Levers",
          ...levers.flatMap((l, i) => {
            const title = plainMarkdown(line(l.title));
            const quote = plainMarkdown(line(l.quote));
            const text = [title, quote !== "" ? `"${quote}"` : ""].filter((x) => x !== "").join(" — ");
            const num = `${i + 1}. `;
            const [first = "", ...rest] = wrap(text, WRAP_WIDTH - num.length, "");
            return [`${INDENT}${num}${first}`, ...rest.map((r) => `${INDENT}${" ".repeat(num.length)}${r}`)];
          }),
        ]);
      }
      const scriptText = cleanTerminalText(answer.script?.text ?? "").trim();
      if (scriptText !== "")
        sections.push(["Script", ...wrap(plainMarkdown(scriptText), WRAP_WIDTH, `${INDENT}> `)]);
      const threshold = line(answer.script?.acceptThreshold?.text);
      if (threshold !== "") sections.push([`Accept if above ${threshold}`]);
      if (dna === "" && levers.length === 0 && scriptText === "") {
        sections.push([`The ${line(guideTitle(guide))} guide has no negotiation script yet.`]);
      }
      sections.push([line(answer.disclaimer) || DISCLAIMER, ...factsLines(answer)]);
      sections.push(nextLines(answer.followUps));
      return sections;
    }
    case "level": {
      const { guide } = answer;
      const own = line(answer.internal) || levelSummary(guide).own;
      const eqs = (answer.equivalences ?? []).filter(
        (eq) => equivalenceLabel(eq) !== "" && !(own && sameCompany(eq, guide)),
      );
      const rows = eqs.map((eq) => [line(eq.company), line(eq.level)]);
      const raw = line(answer.raw);
      let lines: string[];
      if (rows.length > 0) lines = columns(rows);
      else if (raw !== "") lines = [`${INDENT}${plainMarkdown(raw)}`];
      else lines = [`${INDENT}This guide has no level mapping.`];
      return [
        [
          `Level mapping${DOT}${line(guideTitle(guide))}`,
          ...(own ? [`${line(companyName(guide))} level: ${line(own)}`] : []),
        ],
        lines,
        factsLines(answer),
        nextLines(answer.followUps),
      ];
    }
    case "level-lookup": {
      const asked = `${line(answer.company)} ${line(answer.level)}`.trim() || "that level";
      const matches = answer.matches ?? [];
      if (matches.length === 0) {
        return [
          [`No guide maps to ${asked}.`],
          nextLines(answer.followUps, "Try:"),
          (answer.followUps ?? []).length === 0 ? ["Try: /comp list  or  /comp level <company> <role>"] : [],
        ];
      }
      return [
        [`Guides mapped to ${asked}`],
        columns(matches.map((m) => [line(guideTitle(m.guide)), line(equivalenceLabel(m.equivalence))])),
        nextLines(answer.followUps),
      ];
    }
    case "not-found": {
      const lines = [`I don't have ${line(askedPhrase(answer.asked))}.`];
      const unknown = (answer.unknown ?? []).map(line).filter((w) => w !== "");
      if (unknown.length > 0) lines.push(`I didn't recognise: ${unknown.map((w) => `"${w}"`).join(", ")}`);
      const suggestions = answer.suggestions ?? [];
      return [lines, suggestions.length > 0 ? nextLines(suggestions, "Did you mean:") : ["Try: /comp list"]];
    }
    case "region-not-found": {
      return [[line(summaryText(answer))], factsLines(answer), nextLines(regionChoices(answer), "Try:")];
    }
    case "help": {
      const reason = line(answer.reason);
      const examples = (answer.examples ?? []).map((x) => [
        slashCommand(line(x.command)),
        line(x.description),
      ]);
      return [
        reason !== "" ? [reason] : [],
        ["CompBot: pay bands from our negotiation guides"],
        examples.length > 0 ? columns(examples) : [`${INDENT}/comp <company> <role> <region>`],
        [`${plural(answer.guideCount ?? 0, "guide")} loaded${DOT}/comp list shows them all`],
      ];
    }
    case "offer":
      return offerSections(answer);
    default:
      return [[unknownKindText(answer)]];
  }
}

/** Render an answer for a terminal. */
export function renderText(answer: Answer): string {
  return join(body(answer).map((section) => section.map((l) => cleanTerminalText(l).trimEnd())));
}
