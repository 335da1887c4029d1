/**
 * Answer -> plain terminal text (the local console, like Hubot's shell adapter). No ANSI colours, no JSON;
 * figures in aligned columns; guide text cleaned of control characters (so a guide cannot inject escape codes).
 */
import type { Answer } from "../answers/types.ts";
import { DISCLAIMER } from "../answers/types.ts";
import {
  askedCurrencyNote,
  askedPhrase,
  bandFigures,
  companyName,
  currencyCode,
  DOT,
  equivalenceLabel,
  FIGURE_LABELS,
  freshnessLines,
  guideTitle,
  levelLine,
  levelSummary,
  regionChoices,
  regionName,
  regionsNotes,
  sameCompany,
  scriptTitle,
  slashCommand,
  summaryText,
  unknownKindText,
  wantedNotes,
} from "./describe.ts";
import { plural } from "./format.ts";

import {
  bandRows,
  bullets,
  cleanTerminalText,
  columns,
  factsLines,
  INDENT,
  join,
  line,
  listLines,
  MAX_LIST,
  nextLines,
  plainMarkdown,
  WRAP_WIDTH,
  wrap,
} from "./text/layout.ts";
import { offerSections } from "./text/offer.ts";

export { cleanTerminalText, columns, WRAP_WIDTH } from "./text/layout.ts";

function body(answer: Answer): string[][] {
  switch (answer.kind) {
    case "band": {
      const { guide } = answer;
      const level = levelLine(guide);
      const rows = bandRows(answer.band);
      if (level) rows.push(["Level mapping", line(level)]);
      const askedNote = askedCurrencyNote(answer);
      return [
        [
          `${line(guideTitle(guide))}${DOT}${line(regionName(answer.band))}`,
          `All figures in ${line(currencyCode(answer.band))}`,
        ],
        columns(rows),
        askedNote === null ? [] : wrap(line(askedNote), WRAP_WIDTH, ""),
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
        regionsNotes(answer).flatMap((n) => wrap(line(n), WRAP_WIDTH, "")),
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
      const sections: string[][] = [[`${scriptTitle(answer)}${DOT}${line(guideTitle(guide))}`]];
      if (answer.band) {
        sections.push([
          `${line(regionName(answer.band))}, all figures in ${line(currencyCode(answer.band))}`,
          ...columns(bandRows(answer.band)),
        ]);
      }
      const wanted = wantedNotes(answer).map(line);
      if (wanted.length > 0) sections.push(bullets(wanted));
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
      const asked = askedCurrencyNote(answer);
      const notes = [...(asked ? [asked] : []), ...(answer.scriptNotes ?? [])]
        .map(line)
        .filter((n) => n !== "");
      if (notes.length > 0) sections.push(["About this script", ...bullets(notes)]);
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
    case "freshness":
      return [
        [`Data dates${DOT}${line(guideTitle(answer.guide))}`],
        freshnessLines(answer).map((l) => `${INDENT}${line(l)}`),
        factsLines(answer),
        nextLines(answer.followUps),
      ];
    case "choose": {
      const options = answer.options ?? [];
      const more = (answer.total ?? options.length) - options.length;
      const usage = line(answer.usage);
      const example = line(answer.example);
      const how =
        usage !== ""
          ? `Or type: ${slashCommand(usage)}${example !== "" ? `  (e.g. ${slashCommand(example)})` : ""}`
          : "";
      return [
        [line(answer.question)],
        nextLines(options, "Choose:"),
        [...(more > 0 ? [`…and ${more} more.`] : []), ...(how !== "" ? [how] : [])],
      ];
    }
    default:
      return [[unknownKindText(answer)]];
  }
}

/** Render an answer for a terminal. */
export function renderText(answer: Answer): string {
  return join(body(answer).map((section) => section.map((l) => cleanTerminalText(l).trimEnd())));
}
