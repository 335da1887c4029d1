/**
 * The questions of issue 10 end to end through the core (words in, plain answers out, rendered as text):
 * what to ask for, the script for a region, how old the data is, bare level/script/offer, reverse levels.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { makeGuidesDir } from "../../tests/support/make-guide.ts";
import { type CompBotApi, loadCompBot } from "../bot.ts";
import { renderText } from "../render/text.ts";
import { agoText, salaryDataAge, spanText } from "./freshness.ts";
import type { Answer } from "./types.ts";

const TODAY = () => "2026-12-01";
let seed: CompBotApi;
let many: CompBotApi;
function kindOf<K extends Answer["kind"]>(answer: Answer, kind: K): Extract<Answer, { kind: K }> {
  expect(answer.kind).toBe(kind);
  return answer as Extract<Answer, { kind: K }>;
}
const ask = (bot: CompBotApi, text: string, context = {}) =>
  bot.ask(text, { surface: "console", context }).answer;

beforeAll(async () => {
  ({ bot: seed } = await loadCompBot("guides", { today: TODAY, cache: false }));
  // 12 guides: Acme has two roles, and one mapping names multi-word companies.
  const specs = Array.from({ length: 10 }, (_, i) => ({
    company: `co${String(i).padStart(2, "0")}`,
    companyDisplay: `Co${String(i).padStart(2, "0")}`,
    role: "data-scientist",
    roleDisplay: "Data Scientist",
  }));
  const dir = makeGuidesDir(
    [
      ...specs,
      {
        company: "acme",
        companyDisplay: "Acme",
        role: "backend-engineer",
        roleDisplay: "Backend Engineer",
        levelRaw: "Acme Senior = Jane Street L3 = Contoso Labs Einstein",
      },
      { company: "acme", companyDisplay: "Acme", role: "product-manager", roleDisplay: "Product Manager" },
      { company: "contoso-labs", companyDisplay: "Contoso Labs", role: "sre", roleDisplay: "SRE" },
    ],
    readFileSync("guides/segment/ml-ai-engineer.md", "utf8"),
  );
  ({ bot: many } = await loadCompBot(dir, { today: TODAY, cache: false }));
});

describe("how old the data is", () => {
  it("says the salary quarter and the dates plainly, from today's date", () => {
    const answer = kindOf(ask(seed, "when was segment ml engineer updated"), "freshness");
    expect(answer).toMatchObject({
      salaryDataQuarter: "2025-Q4",
      salaryDataAge: "about a year old",
      lastUpdated: "2026-02-23",
      updatedAgo: "about 9 months ago",
      nextReviewDue: "2026-05-23",
      overdue: true,
      command: "updated segment ml-ai-engineer",
    });
    expect(renderText(answer).split("\n").slice(0, 5)).toEqual([
      "Data dates · ML/AI Engineer · Segment",
      "",
      "  Salary data from 2025-Q4, about a year old.",
      "  Guide updated 23 Feb 2026 (about 9 months ago).",
      "  Its review was due 23 May 2026: the figures may be out of date.",
    ]);
  });

  it("answers a follow-up about the guide the conversation is on", () => {
    const answer = kindOf(
      ask(seed, "how old is this data", { company: "segment", role: "ml-ai-engineer" }),
      "freshness",
    );
    expect(answer.salaryDataAge).toBe("about a year old");
  });

  it("words spans of time", () => {
    expect(salaryDataAge("2025-Q4", "2026-12-01")).toBe("about a year old");
    expect(salaryDataAge("2025-Q4", "2026-03-01")).toBe("about 2 months old");
    expect(salaryDataAge("2026-Q4", "2026-12-01")).toBe("from the current quarter");
    expect(salaryDataAge("2027-Q1", "2026-12-01")).toBe("from a quarter that has not started yet");
    expect(salaryDataAge("2024-Q2", "2026-12-01")).toBe("about 2 years old");
    expect(salaryDataAge("Q4", "2026-12-01")).toBeNull();
    expect(spanText(1)).toBe("1 day");
    expect(spanText(45)).toBe("about a month");
    expect(spanText(500)).toBe("about a year and a half");
    expect(agoText("2026-12-01", "2026-12-01")).toBe("today");
    expect(agoText("2026-11-28", "2026-12-01")).toBe("3 days ago");
    expect(agoText("2027-01-01", "2026-12-01")).toBe("in the future");
  });
});

describe("what to ask for", () => {
  it("asks which region, with buttons, when the guide has several", () => {
    const answer = kindOf(ask(seed, "how much should I ask for at segment"), "choose");
    expect(answer.options.map((o) => [o.label, o.command])).toEqual([
      ["San Francisco", "targets segment ml-ai-engineer san-francisco"],
      ["New York", "targets segment ml-ai-engineer new-york"],
      ["London", "targets segment ml-ai-engineer london"],
    ]);
  });

  it("gives the guide's band and script for the region", () => {
    const answer = kindOf(ask(seed, "how much should I ask for at segment in london"), "script");
    expect(answer.purpose).toBe("targets");
    expect(answer.band?.region).toBe("London");
    expect(answer.band?.base).toEqual({ low: 132000, high: 165000 });
    expect(answer.script?.text.startsWith("I'd like $260K in Twilio RSUs")).toBe(true);
    expect(answer.command).toBe("targets segment ml-ai-engineer london");
    expect(renderText(answer).split("\n")[0]).toBe("What to ask for · ML/AI Engineer · Segment");
  });

  it("asks which role at a company with several", () => {
    const answer = kindOf(ask(many, "what should I ask for at acme"), "choose");
    expect(answer.options.map((o) => o.command)).toEqual([
      "targets acme backend-engineer",
      "targets acme product-manager",
    ]);
  });
});

describe("the script for a region", () => {
  it.each(["give me a negotiation script for london segment ml", "script for london segment ml"])(
    "%j",
    (text) => {
      const answer = kindOf(ask(seed, text), "script");
      expect(answer.band?.region).toBe("London");
      expect(answer.command).toBe("script segment ml-ai-engineer london");
    },
  );
});

describe("bare level, script, offer", () => {
  it.each([
    ["level", "Which guide's level mapping?", "level segment ml-ai-engineer"],
    ["/comp level", "Which guide's level mapping?", "level segment ml-ai-engineer"],
    ["script", "Which guide's negotiation script?", "script segment ml-ai-engineer"],
    ["/comp script", "Which guide's negotiation script?", "script segment ml-ai-engineer"],
    ["offer", "Which guide should I check your offer against?", "offer segment ml-ai-engineer"],
  ])("%j asks which guide, with buttons", (text, question, command) => {
    const answer = kindOf(ask(seed, text), "choose");
    expect(answer.question).toBe(question);
    expect(answer.options.map((o) => o.command)).toEqual([command]);
    expect(answer.total).toBe(1);
  });

  it("with many guides, shows 10 and says how to type it", () => {
    const answer = kindOf(ask(many, "level"), "choose");
    expect(answer.options).toHaveLength(10);
    expect(answer.total).toBe(14);
    expect(answer.usage).toBe("level <company> <role>");
    const text = renderText(answer);
    expect(text).toContain("…and 4 more.");
    expect(text).toContain("Or type: /comp level <company> <role>  (e.g. /comp level acme backend-engineer)");
  });

  it("a role several companies have: which company", () => {
    const answer = kindOf(ask(many, "script data scientist"), "choose");
    expect(answer.question).toBe(
      "Which guide's negotiation script (10 companies have a Data Scientist guide)?",
    );
    expect(answer.options[0]?.command).toBe("script co00 data-scientist");
  });
});

describe("reverse level lookups", () => {
  it.each([
    ["level salesforce einstein ml", "Salesforce", "Einstein ML"],
    ["level mparticle ai lead", "mParticle", "AI Lead"],
    ["level google l5", "Google", "L5"],
  ])("%j finds the seed guide", (text, company, level) => {
    const answer = kindOf(ask(seed, text), "level-lookup");
    expect([answer.company, answer.level]).toEqual([company, level]);
    expect(answer.matches.map((m) => m.guide.id)).toEqual(["segment/ml-ai-engineer"]);
  });

  it("finds multi-word companies, the catalogue's included", () => {
    const jane = kindOf(ask(many, "level jane street l3"), "level-lookup");
    expect(jane.company).toBe("Jane Street");
    expect(jane.matches.map((m) => m.guide.id)).toEqual(["acme/backend-engineer"]);
    const contoso = kindOf(ask(many, "level contoso labs einstein"), "level-lookup");
    expect(contoso.company).toBe("Contoso Labs");
    expect(contoso.matches.map((m) => m.equivalence)).toEqual([
      { company: "Contoso Labs", level: "Einstein" },
    ]);
    const mapping = kindOf(ask(many, "level acme backend engineer"), "level");
    expect(mapping.equivalences).toEqual([
      { company: "Jane Street", level: "L3" },
      { company: "Contoso Labs", level: "Einstein" },
    ]);
  });
});
