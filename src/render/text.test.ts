import { describe, expect, it } from "vitest";
import type { Answer } from "../answers/types.ts";
import {
  aboveOfferAnswer,
  bandAnswer,
  everyKind,
  everyOffer,
  followUp,
  guide,
  helpAnswer,
  LONDON,
  levelLookupAnswer,
  mismatchOfferAnswer,
  notFoundAnswer,
  offerAnswer,
  partialOfferAnswer,
  regionNotFoundAnswer,
  regionsAnswer,
  scriptAnswer,
  unreadableOfferAnswer,
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

  it("regions a question named: the notes under the table", () => {
    const out = renderText(regionsAnswer({ bands: [LONDON], named: { missing: ["Berlin", "Tokyo"] } }));
    expect(out).toContain("No band for Berlin, Tokyo in this guide; it has San Francisco, New York, London.");
    expect(out).not.toContain("own currency");
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

describe("renderText: offer check", () => {
  const out = renderText(offerAnswer());
  const lines = out.split("\n");

  it("heading, currency, then label | offered | band | position + gauge in aligned columns", () => {
    expect(lines[0]).toBe("Offer check · ML/AI Engineer · Segment · London");
    expect(lines[1]).toBe("Figures in GBP (read as GBP, the band's currency — add £/$/€ to be explicit)");
    expect(out).toContain("Where your offer sits in the London band");
    const rows = ["Base", "Stock (grant over 4 yrs)", "Bonus", "Total comp (annualised)"].map((label) =>
      lines.find((l) => l.startsWith(`  ${label} `)),
    );
    expect(rows.every((r) => r !== undefined)).toBe(true);
    for (const col of [/£\d|\d+%/, /▕/, /\d+% of the way|at the band/]) {
      const starts = rows.map((r) => r!.search(col));
      expect(starts.every((at) => at > 0)).toBe(true);
    }
    // Offered, band, gauge and position each start in one column.
    const at = (r: string, s: string) => r.indexOf(s);
    expect(
      new Set([at(rows[0]!, "£150K"), at(rows[1]!, "£120K"), at(rows[2]!, "10% "), at(rows[3]!, "£195K")])
        .size,
    ).toBe(1);
    expect(new Set(rows.map((r) => r!.indexOf("▕"))).size).toBe(1);
    expect(rows[0]).toBe(
      "  Base                      £150K    £132K–£165K  ▕■■■■■□□□□□▏  55% of the way from low to high",
    );
    expect(rows[3]).toContain("▕■■□□□□□□□□▏  20% of the way from low to high");
    expect(lines.find((l) => l.includes("Offered"))).toMatch(/^ +Offered +Band +Position$/);
  });

  it("annualised total with its formula, signing bonus apart, then the counter-offer and the script", () => {
    expect(out).toContain(
      "Annualised total (base + stock per year + bonus)\n  £150K + £120K ÷ 4 + 10% × £150K = £195K\n  + £20K signing bonus in year one",
    );
    expect(out).toMatch(/^ {2}Stock grant {4}£167K {2}75th percentile of the band's stock range/m);
    expect(out).toMatch(/^ {2}Signing bonus {2}£38K {3}the guide's \$55K × 0\.70/m);
    expect(out).toMatch(/^Script with these figures\n {2}> I'd like £167K in Twilio RSUs/m);
    expect(out).toContain("Accept if above £155K in stock\n  the guide accepts above $242K RSUs");
    expect(out).toContain("Where the numbers come from\n  • From the guide: the London band (2025-Q4)");
    expect(out).toContain("Not financial, tax or legal advice");
    expect(out.indexOf("Counter-offer")).toBeLessThan(out.indexOf("Script with these figures"));
    expect(out.indexOf("Script with these figures")).toBeLessThan(out.indexOf("Accept if above"));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
  });

  it("partial, below and above", () => {
    const partial = renderText(partialOfferAnswer());
    expect(partial).toContain("  • No total of the components placed: stock and bonus not given");
    expect(partial).toMatch(/^ {2}Base +£100K +£132K–£165K +▕□□□□□□□□□□▏ {2}below the band$/m);
    expect(partial).not.toContain("(partial)");
    expect(partial).not.toContain("Total comp");
    // Nothing read to add up (no base, stock, bonus or total): no note about a total.
    const none = partialOfferAnswer({
      offer: { ...partialOfferAnswer().offer, base: null },
      lines: [],
      missing: ["base", "stock", "bonus"],
    });
    expect(renderText(none)).toContain("No figures I could read to place in the band.");
    expect(renderText(none)).not.toContain("No total of the components placed");
    const above = renderText(aboveOfferAnswer());
    expect(above).toMatch(/^ {2}Base +\$300K +\$182K–\$222K +▕■■■■■■■■■■▏ {2}above the band$/m);
    expect(above).toContain("Figures in USD\n");
    expect(above).toMatch(/^Next: {2}\/comp offer segment ml-ai-engineer san-francisco/m);
  });

  it("currency mismatch: both sides labelled, nothing compared, the bands in the offer's currency", () => {
    const mm = renderText(mismatchOfferAnswer());
    expect(mm).toContain("Your offer is in USD but the London band is in GBP, so I haven't compared them.");
    expect(mm).toMatch(/^Your offer \(USD\)\n {2}Base +\$150K$/m);
    expect(mm).toMatch(/^London band \(GBP\)\n {2}Base +£132K–£165K$/m);
    expect(mm).toMatch(
      /^Compare in USD: {2}\/comp offer segment ml-ai-engineer san-francisco base USD 150000/m,
    );
    // Each region once, though it is both a region in USD and a follow-up.
    expect(mm.match(/san-francisco/g)).toHaveLength(1);
    expect(mm).not.toMatch(/[▕■□]|Counter-offer|Annualised|Accept if/);
    expect(mm).toContain("Not financial, tax or legal advice");
  });

  it("unreadable figures come first, each named back", () => {
    const u = renderText(unreadableOfferAnswer()).split("\n");
    expect(u.slice(3, 6)).toEqual([
      "I couldn't read `stock 12O` — did you mean `120k`?",
      "I couldn't read `bonus 1O%`.",
      "I left them out: send the offer again to include them.",
    ]);
  });

  it("never prints undefined/null/NaN or control characters, even with holes in the data", () => {
    const holes: Answer[] = [
      offerAnswer({
        lines: [
          { ...offerAnswer().lines[0]!, offered: Number.NaN, position: { where: "within", pct: Number.NaN } },
        ],
        annual: { total: Number.NaN, parts: [], partial: true },
        signing: Number.NaN,
        targets: [{ component: "base", label: "", amount: Number.NaN, unit: "money", how: "" }],
        script: "",
        acceptThreshold: { amount: 0, text: "", how: "" },
        provenance: ["", "\u001b[31mred"],
        unreadable: [{ text: "", suggestion: "" }],
        disclaimer: "",
      }),
      { ...offerAnswer(), lines: undefined, targets: undefined, provenance: undefined } as unknown as Answer,
      { ...mismatchOfferAnswer(), offer: {}, currencyMismatch: { offer: "", band: "" } } as unknown as Answer,
    ];
    for (const a of [...everyOffer(), ...holes]) {
      const text = renderText(a);
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(BAD);
    }
  });
});

it("an answer kind the renderer does not know yet still prints something sensible", () => {
  expect(renderText({ kind: "mystery" } as unknown as Answer)).toBe(
    'CompBot cannot show this answer here yet (kind "mystery")',
  );
});
