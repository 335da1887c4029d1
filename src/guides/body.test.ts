import { describe, expect, it } from "vitest";
import { parseGuideBody, parseMoneyText, parsePercentText, readGuideBody, stripQuotes } from "./body.ts";
import { hasMojibake } from "./repair.ts";
import { SEED_FILE } from "./test-fixtures.ts";

describe("readGuideBody on the seed", () => {
  const body = readGuideBody(SEED_FILE);

  it("finds the DNA summary and the prose", () => {
    expect(body.dnaSummary).toBe(
      "Top-Tier Twilio RSU + Signing Bonus | AI-Native Customer Data Intelligence 2026",
    );
    expect(body.overview).toHaveLength(4);
    expect(body.overview[0]).toMatch(
      /^Segment ML\/AI Engineers build the intelligence layer of the world's leading CDP — /,
    );
    expect(body.overview[3]).toMatch(/^Your models directly generate measurable value/);
    expect(body.overview.join("\n")).not.toContain("Level Mapping");
  });

  it("finds the four levers, quotes stripped", () => {
    expect(body.levers.map((l) => l.title)).toEqual([
      "AI Product Core",
      "AI Lab/Big Tech Counter",
      "Customer Data ML Scarcity",
      "Signing Bonus for AI Talent",
    ]);
    expect(body.levers[0]!.quote).toBe(
      "I'm building the AI intelligence that is becoming Segment's primary product differentiator. This isn't supplementary — it's the core value proposition. My RSUs must reflect the strategic centrality.",
    );
    for (const lever of body.levers) expect(lever.quote).not.toMatch(/^["“]|["”]$/);
  });

  it("finds the script and its accept threshold", () => {
    expect(body.script?.text.startsWith("I'd like $260K in Twilio RSUs over 4 years")).toBe(true);
    expect(body.script?.text.endsWith("Segment's RSU package must make this bet compelling.")).toBe(true);
    expect(body.script?.text).toContain("engine — the core product differentiator");
    expect(body.script?.acceptThreshold).toEqual({ text: "$242K RSUs", amount: 242000, component: "RSUs" });
  });

  it("finds the evidence list, brackets stripped", () => {
    expect(body.evidence).toEqual([
      "Segment — AI/ML Engineering Roadmap 2026",
      "Segment/Twilio ML Comp — Levels.fyi 2025-2026",
      "CDP AI — ML Engineer Talent Market 2026",
      "Customer Data Intelligence — ML Compensation Benchmarks 2026",
    ]);
  });

  it("reads the comp table as text", () => {
    expect(body.table).toEqual([
      {
        region: "San Francisco",
        base: "$188K–$228K",
        stock: "$145K–$270K",
        bonus: "10–15%",
        totalComp: "$262K–$355K",
      },
      {
        region: "New York",
        base: "$182K–$222K",
        stock: "$138K–$258K",
        bonus: "10–15%",
        totalComp: "$252K–$342K",
      },
      {
        region: "London",
        base: "£132K–£165K",
        stock: "£102K–£188K",
        bonus: "10–15%",
        totalComp: "£182K–£248K",
      },
    ]);
  });

  it("has no mojibake left", () => {
    expect(hasMojibake(JSON.stringify(body))).toBe(false);
  });
});

describe("parseGuideBody robustness", () => {
  it("gives an empty body for empty or odd markdown, never throwing", () => {
    const empty = { dnaSummary: null, overview: [], levers: [], script: null, evidence: [], table: [] };
    expect(parseGuideBody("")).toEqual(empty);
    expect(parseGuideBody("#\n\n> \n\n|a|\n|-|\n\n1.\n")).toMatchObject({
      levers: [],
      script: null,
      table: [],
    });
    for (const junk of ["**", "> **X:**", "| Region |\n|---|\n| |", "#### Evidence\n", "\u0000\uffff"]) {
      expect(() => parseGuideBody(junk)).not.toThrow();
    }
  });

  it("takes curly quotes and a threshold without a component", () => {
    const body = parseGuideBody(
      "1. **Lever:** \u201cSay this.\u201d\n\n> **Script:** \u201cI\u2019d like more.\u201d Accept if above $300K.\n",
    );
    expect(body.levers).toEqual([{ title: "Lever", quote: "Say this." }]);
    expect(body.script).toEqual({
      text: "I\u2019d like more.",
      acceptThreshold: { text: "$300K", amount: 300000, component: null },
    });
  });

  it("does not mistake evidence for levers", () => {
    const body = parseGuideBody('## Evidence & Sources\n\n1. **Report:** "x"\n\n## Next\n\n- plain\n');
    expect(body.evidence).toEqual(['**Report:** "x"']);
    expect(body.levers).toEqual([]);
  });
});

describe("parseMoneyText / parsePercentText", () => {
  it("parses the ways guides write money", () => {
    expect(parseMoneyText("$188K–$228K")).toEqual({ low: 188000, high: 228000, symbol: "$" });
    expect(parseMoneyText("£132K-£165K")).toEqual({ low: 132000, high: 165000, symbol: "£" });
    expect(parseMoneyText("188,000 to 228,000")).toEqual({ low: 188000, high: 228000, symbol: null });
    expect(parseMoneyText("$1.2M")).toEqual({ low: 1200000, high: 1200000, symbol: "$" });
    expect(parseMoneyText("$400K+")).toEqual({ low: 400000, high: 400000, symbol: "$" });
    expect(parseMoneyText("$188–228K")).toEqual({ low: 188000, high: 228000, symbol: "$" });
    expect(parseMoneyText("€90000")).toEqual({ low: 90000, high: 90000, symbol: "€" });
    expect(parseMoneyText("n/a")).toBeNull();
  });

  it("parses percentages", () => {
    expect(parsePercentText("10–15%")).toEqual({ low: 10, high: 15 });
    expect(parsePercentText("10-15")).toEqual({ low: 10, high: 15 });
    expect(parsePercentText("12.5%")).toEqual({ low: 12.5, high: 12.5 });
    expect(parsePercentText("none")).toBeNull();
  });

  it("strips straight or curly quotes", () => {
    expect(stripQuotes('"a"')).toBe("a");
    expect(stripQuotes("\u201ca\u201d")).toBe("a");
    expect(stripQuotes("a")).toBe("a");
  });
});
