import { describe, expect, it } from "vitest";
import type { Answer } from "../answers/types.ts";
import {
  bandAnswer,
  everyKind,
  followUp,
  guide,
  helpAnswer,
  LONDON,
  levelLookupAnswer,
  notFoundAnswer,
  regionNotFoundAnswer,
  regionsAnswer,
  scriptAnswer,
} from "./fixtures.test-helpers.ts";
import { renderText } from "./text.ts";

const BAD = new RegExp(`undefined|null|NaN|\\[object Object\\]|${String.fromCharCode(27)}|^\\s*[[{]"`, "m");

describe("renderText", () => {
  it("band: heading, currency, aligned figure columns, sources, next hints", () => {
    const out = renderText(bandAnswer({ overdue: true }));
    const lines = out.split("\n");
    expect(lines[0]).toBe("ML/AI Engineer · Segment · London");
    expect(out).toContain("All figures in GBP");
    const rows = ["Base", "Stock (RSU over 4 yrs)", "Bonus", "Total comp"].map((label) =>
      lines.find((l) => l.trimStart().startsWith(label)),
    );
    expect(rows.every((r) => r !== undefined)).toBe(true);
    // Figures start in the same column.
    const starts = ["£132K", "£102K", "10%", "£182K"].map((figure, i) => rows[i]!.indexOf(figure));
    expect(starts.every((at) => at > 0)).toBe(true);
    expect(new Set(starts).size).toBe(1);
    expect(rows[0]).toBe("  Base                    £132K–£165K");
    expect(rows[3]).toBe("  Total comp              £182K–£248K");
    expect(out).toContain("10% of base");
    expect(out).toContain("Sources: Levels.fyi · Salary data 2025-Q4 · Updated 23 Feb 2026");
    expect(out).toContain("Review overdue since 23 May 2026");
    expect(out).toMatch(/^Next: {2}\/comp segment ml-ai-engineer san-francisco {2}\(San Francisco\)$/m);
    expect(out).toMatch(/^ {7}\/comp segment ml-ai-engineer new-york {7}\(New York\)$/m);
    expect(out).not.toMatch(BAD);
  });

  it("regions: a table whose columns line up", () => {
    const lines = renderText(regionsAnswer()).split("\n");
    const table = lines.filter((l) => /^ {2}(Region|San Francisco|New York|London)\b/.test(l));
    expect(table).toHaveLength(4);
    for (const col of ["Currency", "Base", "Total comp"]) {
      const at = table[0]!.indexOf(col);
      for (const row of table.slice(1)) expect(row.charAt(at)).not.toBe(" ");
      for (const row of table.slice(1)) expect(row.charAt(at - 1)).toBe(" ");
    }
    expect(lines.join("\n")).toContain("$188K–$228K");
  });

  it("script: quoted, indented, with the disclaimer and the accept line", () => {
    const out = renderText(scriptAnswer());
    expect(out).toContain("Negotiation script · ML/AI Engineer · Segment");
    expect(out).toMatch(/^ {2}> I'd like \$260K/m);
    expect(out).toContain("Accept if above $242K RSUs");
    expect(out).toContain("Not financial, tax or legal advice");
    expect(out).toMatch(/^ {2}1\. AI Product Core — "I'm building/m);
    for (const l of out.split("\n")) expect(l.length).toBeLessThanOrEqual(100);
  });

  it("strips markdown and control characters from guide text", () => {
    const out = renderText(
      scriptAnswer({
        dnaSummary: "**Bold** and [Levels](https://levels.fyi) \u001b[31mred\u001b[0m",
        script: { text: "say\tthis", acceptThreshold: null },
      }),
    );
    expect(out).toContain("Bold and Levels (https://levels.fyi) [31mred[0m");
    expect(out).not.toContain("\u001b");
    expect(out).toContain("> say this");
  });

  it("not-found, region-not-found, level-lookup and help say what would work", () => {
    expect(renderText(notFoundAnswer())).toContain('I didn\'t recognise: "acme", "widget-engineer"');
    expect(renderText(notFoundAnswer({ suggestions: [] }))).toContain("Try: /comp list");
    const rnf = renderText(regionNotFoundAnswer());
    expect(rnf).toContain("No London band for ML/AI Engineer at Segment — we have: San Francisco, New York");
    expect(rnf).toContain("/comp segment ml-ai-engineer new-york");
    expect(renderText(levelLookupAnswer({ level: "L7", matches: [], followUps: [] }))).toContain(
      "No guide maps to Google L7.",
    );
    const help = renderText(helpAnswer({ reason: "I couldn't read “zzz”." }));
    expect(help.indexOf("I couldn't read")).toBe(0);
    expect(help).toMatch(/^ {2}\/comp segment ml-ai-engineer london {2}one band$/m);
  });

  it("never prints undefined/null/NaN/[object Object]/JSON for any kind, even with holes in the data", () => {
    const holes: Answer[] = [
      bandAnswer({
        guide: guide({ dataSources: [], salaryDataQuarter: "", lastUpdated: "" }),
        band: { ...LONDON, base: { low: Number.NaN, high: Number.NaN } },
        followUps: [followUp("", "")],
      }),
      scriptAnswer({ band: null, dnaSummary: null, levers: [], script: null, disclaimer: "" }),
      // Runtime data that breaks the types (as a loader bug might produce).
      { ...bandAnswer(), followUps: undefined } as unknown as Answer,
      { ...regionsAnswer(), bands: [{ ...LONDON, region: null, currency: undefined }] } as unknown as Answer,
    ];
    for (const a of [...everyKind(), ...holes]) {
      const out = renderText(a);
      expect(out.trim().length).toBeGreaterThan(0);
      expect(out, a.kind).not.toMatch(BAD);
    }
  });
});

it("an answer kind the renderer does not know yet still prints something sensible", () => {
  expect(renderText({ kind: "offer" } as unknown as Answer)).toBe(
    'CompBot cannot show this answer here yet (kind "offer")',
  );
});
