/**
 * What the body parser takes from the ways guide authors write: the DNA line, the prose, levers, the script
 * and its accept threshold, the evidence list and the comp table. (The seed guide is in body.test.ts.)
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../bench/generate.ts";
import { bodyOfText, parseGuideBody, stripQuotes } from "./body.ts";
import { splitGuide } from "./frontmatter.ts";
import { SEED_FILE } from "./test-fixtures.ts";

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

  it("cuts after the closing line, whatever the block holds, with CRLF, and at the very end", () => {
    expect(bodyOfText("---\r\na: 1\r\n---\r\nBody\r\n")).toBe("Body\r\n");
    expect(bodyOfText("---\na: 1\n---")).toBe("");
    expect(bodyOfText("---\n{ not: [yaml\n---\n\nBody")).toBe("\nBody");
    expect(bodyOfText("---js\nmodule.exports = {}\n---\nBody")).toBe("Body");
    expect(bodyOfText("---toml\na = 1\n---\nBody\n---\nMore")).toBe("Body\n---\nMore");
  });

  it("keeps the two ways' answers where they differ: an empty block, `----`, a closing line with more on it", () => {
    // An empty block: gray-matter's cut when the YAML is read, the fallback's (which looks further on) when not.
    expect(bodyOfText("---\n---\nBody\n")).toBe("Body\n");
    expect(bodyOfText("---toml\n---\nBody\n---\nMore")).toBe("More");
    // "----" opens no block: the whole text is the body.
    expect(bodyOfText("----\na: 1\n---\nBody")).toBe("----\na: 1\n---\nBody");
    // "---x" closing: gray-matter keeps "x"; the fallback (broken YAML) drops the line.
    expect(bodyOfText("---\na: 1\n---x\nBody")).toBe("x\nBody");
    expect(bodyOfText("---\na: [\n---x\nBody")).toBe("Body");
    // No line break at all, and a closing line that ends the text after an empty block.
    expect(bodyOfText("---ab")).toBe("---ab");
    expect(bodyOfText("---toml\n---\nBody\n---")).toBe("");
    // A text that only ends with dashes has no frontmatter.
    expect(bodyOfText("Intro\nmore\n---\nBody ---")).toBe("Intro\nmore\n---\nBody ---");
  });

  it("is the body gray-matter gives, or the fallback's when the YAML is broken, on thousands of random edits of the seed", () => {
    // The rule as it reads without the short cut: splitGuide's body, else the fallback's.
    const reference = (text: string): string => {
      try {
        return splitGuide(text).content;
      } catch {
        const m = /^---[^\n]*\n[\s\S]*?\n---[^\n]*(?:\n|$)/.exec(text);
        return m ? text.slice(m[0].length) : text;
      }
    };
    const seed = readFileSync(SEED_FILE, "utf8");
    const close = seed.indexOf("\n---", 3);
    const pieces = ["---", "-", "\n", "\r\n", "\r", " ", "a: [", "x", "js", "yaml", "\n---\n", ""];
    const random = mulberry32(20261203);
    let broken = 0;
    for (let n = 0; n < 3_000; n++) {
      let text = seed;
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        // Mostly near the delimiters (the start and the closing line), sometimes anywhere.
        const near = [0, 3, close, close + 1, close + 4, close + 5][Math.floor(random() * 6)]!;
        const at =
          random() < 0.8
            ? Math.max(0, near + Math.floor(random() * 5) - 2)
            : Math.floor(random() * text.length);
        const cut = Math.floor(random() * 3);
        text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)]! + text.slice(at + cut);
      }
      try {
        splitGuide(text);
      } catch {
        broken++;
      }
      expect(bodyOfText(text), JSON.stringify(text.slice(0, 40))).toBe(reference(text));
    }
    // Both ways are exercised.
    expect(broken).toBeGreaterThan(300);
    expect(broken).toBeLessThan(2_700);
  });
});
