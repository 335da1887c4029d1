/**
 * What the body parser takes from the ways guide authors write: the DNA line, the prose, levers, the script
 * and its accept threshold, the evidence list and the comp table. (The seed guide is in body.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { bodyOfText, parseGuideBody, stripQuotes } from "./body.ts";

describe("stripQuotes", () => {
  it("removes one pair of straight or curly quotes, and the spaces inside", () => {
    expect(stripQuotes('  " a b "  ')).toBe("a b");
    expect(stripQuotes("\u201cHi.\u201d")).toBe("Hi.");
    expect(stripQuotes("\u201dHi.\u201d")).toBe("Hi.");
    expect(stripQuotes("'Hi.'")).toBe("Hi.");
    expect(stripQuotes("\u2018Hi.\u2019")).toBe("Hi.");
    expect(stripQuotes('""')).toBe("");
  });

  it("leaves unpaired or lone quotes", () => {
    expect(stripQuotes('"')).toBe('"');
    expect(stripQuotes('"Hi.')).toBe('"Hi.');
    expect(stripQuotes('Hi."')).toBe('Hi."');
    expect(stripQuotes("\u201cHi.'")).toBe("\u201cHi.'");
    expect(stripQuotes('"a" and "b"')).toBe('a" and "b');
  });
});

describe("DNA summary and prose", () => {
  it("takes the first DNA line as plain text and keeps other paragraphs as prose", () => {
    const body = parseGuideBody(
      [
        "# Acme Backend",
        "**Negotiation DNA:** `Cash-heavy` | **Stable**",
        "__negotiation dna__: second one",
        "Acme pays **well** in cash.",
        "**Level Mapping:** Acme Senior = Google L5",
        "__Note__ bold words start this line.",
      ].join("\n\n"),
    );
    expect(body.dnaSummary).toBe("Cash-heavy | Stable");
    expect(body.overview).toEqual(["Acme pays **well** in cash.", "__Note__ bold words start this line."]);
  });

  it("a label with the colon inside or outside the bold is a field, not prose", () => {
    const body = parseGuideBody("**Data quality**: high\n\n**Team:** ten people\n\nPlain prose.\n");
    expect(body.overview).toEqual(["Plain prose."]);
  });
});

describe("levers", () => {
  it("numbered items with a bold label are levers; bulleted ones need a quoted line", () => {
    const body = parseGuideBody(
      [
        "1. **Equity:** ask for more RSUs",
        '2. **Sign-on:** "I\'d like a signing bonus."',
        "",
        '- **Counter:** "I have another offer."',
        "- **Background:** just a note",
        "- plain item",
        "- ****: empty label",
      ].join("\n"),
    );
    expect(body.levers).toEqual([
      { title: "Equity", quote: "ask for more RSUs" },
      { title: "Sign-on", quote: "I'd like a signing bonus." },
      { title: "Counter", quote: "I have another offer." },
    ]);
  });
});

describe("evidence", () => {
  it("lists items under an evidence, sources or references heading, brackets stripped, until the next heading", () => {
    const body = parseGuideBody(
      [
        "## References",
        "",
        "- [Levels.fyi 2026]",
        "- Glassdoor",
        "- [ ]",
        "",
        "## Levers",
        "",
        '- **Counter:** "I have another offer."',
        "",
        "**Sources**",
        "",
        "1. Blind survey",
      ].join("\n"),
    );
    expect(body.evidence).toEqual(["Levels.fyi 2026", "Glassdoor", "Blind survey"]);
    expect(body.levers).toEqual([{ title: "Counter", quote: "I have another offer." }]);
  });

  it("a bold sub-heading that is not about evidence ends the list", () => {
    const body = parseGuideBody(
      "**Evidence & Sources**\n\n- A report\n\n**Global Levers**\n\n1. **Equity:** more RSUs\n",
    );
    expect(body.evidence).toEqual(["A report"]);
    expect(body.levers).toEqual([{ title: "Equity", quote: "more RSUs" }]);
  });
});

describe("script and accept threshold", () => {
  const scriptOf = (md: string) => parseGuideBody(md).script;

  it("takes a labelled strategy paragraph, with the money, its component and the text", () => {
    expect(scriptOf('**Strategy:** "I\'d like $260K." Accept if above $242K RSUs.')).toEqual({
      text: "I'd like $260K.",
      acceptThreshold: { text: "$242K RSUs", amount: 242000, component: "RSUs" },
    });
    expect(scriptOf('**Script:** "Ask." Accept at $300K in total comp')).toEqual({
      text: "Ask.",
      acceptThreshold: { text: "$300K in total comp", amount: 300000, component: "total comp" },
    });
    expect(scriptOf('**Script:** "Ask." Accept it if it\'s over £150K of base.')).toEqual({
      text: "Ask.",
      acceptThreshold: { text: "£150K of base", amount: 150000, component: "base" },
    });
    expect(scriptOf('**Script:** "Ask." accept the offer when the offer is at least $200K')).toEqual({
      text: "Ask.",
      acceptThreshold: { text: "$200K", amount: 200000, component: null },
    });
  });

  it("a threshold without money keeps its text, with no amount", () => {
    expect(scriptOf('**Script:** "Ask." Accept if above 15% bonus.')?.acceptThreshold).toEqual({
      text: "15% bonus",
      amount: null,
      component: null,
    });
    expect(scriptOf('**Script:** "Ask." Then wait.')?.acceptThreshold).toBeNull();
    expect(scriptOf('**Script:** "Ask."')?.acceptThreshold).toBeNull();
  });

  it("a script paragraph without a quote is a field, and the first script wins", () => {
    expect(scriptOf("**Script:** ask for more")).toBeNull();
    const body = parseGuideBody(
      '**Script:** "First." Accept at $1M.\n\n**Strategy:** "Second."\n\n> "Third." Accept at $2M.\n',
    );
    expect(body.script).toEqual({
      text: "First.",
      acceptThreshold: { text: "$1M", amount: 1000000, component: null },
    });
    expect(body.overview).toEqual([]);
  });

  it("a blockquote gives the script when no paragraph did: its first quoted paragraph", () => {
    expect(scriptOf("> No quote here.\n>\n> \u201cSay this.\u201d Accept at $90K.\n")).toEqual({
      text: "Say this.",
      acceptThreshold: { text: "$90K", amount: 90000, component: null },
    });
    expect(scriptOf("> - a list\n> - in a quote\n")).toBeNull();
    expect(scriptOf('> "Unclosed quote\n')).toBeNull();
  });

  it("the quote runs to the last quote mark", () => {
    expect(scriptOf('> "Say \u201cyes\u201d to it." Accept at $5K')?.text).toBe("Say \u201cyes\u201d to it.");
  });
});

describe("comp table", () => {
  it("finds the columns by their header words, in any order, and strips bold from regions", () => {
    const body = parseGuideBody(
      [
        "| Total | Equity | Location | Base salary | Target bonus |",
        "|---|---|---|---|---|",
        "| $300K | $100K | **Berlin** | $200K | 10% |",
        "| | | | | |",
      ].join("\n"),
    );
    expect(body.table).toEqual([
      { region: "Berlin", base: "$200K", stock: "$100K", bonus: "10%", totalComp: "$300K" },
    ]);
  });

  it("missing columns read as empty; a table with no region column is not the comp table", () => {
    expect(parseGuideBody("| City | RSU |\n|---|---|\n| Paris | €50K |\n").table).toEqual([
      { region: "Paris", base: "", stock: "€50K", bonus: "", totalComp: "" },
    ]);
    expect(parseGuideBody("| Market | Base |\n|---|---|\n| Tokyo | ¥9M |\n").table).toEqual([
      { region: "Tokyo", base: "¥9M", stock: "", bonus: "", totalComp: "" },
    ]);
    expect(parseGuideBody("| Level | Base |\n|---|---|\n| L5 | $200K |\n").table).toEqual([]);
  });

  it("only the first comp table counts", () => {
    const md = "| Region | Base |\n|---|---|\n| A | 1 |\n\n| Region | Base |\n|---|---|\n| B | 2 |\n";
    expect(parseGuideBody(md).table.map((r) => r.region)).toEqual(["A"]);
  });
});

describe("bodyOfText", () => {
  it("drops the frontmatter, even when its YAML is broken", () => {
    expect(bodyOfText("---\na: 1\n---\nBody\n")).toBe("Body\n");
    expect(bodyOfText("---\na: [\n---\nBody\n")).toBe("Body\n");
    expect(bodyOfText("---\na: [\n--- \n")).toBe("");
    expect(bodyOfText("No frontmatter\n")).toBe("No frontmatter\n");
  });
});
