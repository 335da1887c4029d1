/** "Which guide?" and "which region?": the question asked, the buttons, how many there are, how to type it. */
import { describe, expect, it } from "vitest";
import type { Guide } from "../guides/types.ts";
import { guide, LONDON, NY, SF, syntheticBand } from "../render/fixtures.test-helpers.ts";
import { chooseGuide, chooseRegion } from "./choose.ts";

const acme = guide({
  id: "acme/sre",
  company: "acme",
  companyDisplay: "Acme",
  role: "sre",
  roleDisplay: "SRE",
});
const segment = guide();
const label = (g: Guide) => g.companyDisplay;
const command = (g: Guide) => `x ${g.company} ${g.role}`;

describe("chooseGuide", () => {
  it.each([
    ["level", "Which guide's level mapping?", "level <company> <role>", "level"],
    ["script", "Which guide's negotiation script?", "script <company> <role> [region]", "script"],
    [
      "offer",
      "Which guide should I check your offer against?",
      "offer <company> <role> <region> base 150k stock 120k bonus 10%",
      "offer",
    ],
    ["targets", "Which guide's targets (what to ask for)?", "targets <company> <role> <region>", "script"],
    ["freshness", "Which guide's dates (how old its data is)?", "updated <company> <role>", "band"],
  ] as const)("%s: asks %j, says how to type it, buttons of kind %s", (intent, question, usage, kind) => {
    const answer = chooseGuide(intent, [acme, segment], label, command);
    expect(answer).toEqual({
      kind: "choose",
      question,
      options: [
        { label: "Acme", command: "x acme sre", kind },
        { label: "Segment", command: "x segment ml-ai-engineer", kind },
      ],
      total: 2,
      usage,
      example: "x acme sre",
    });
  });

  it("says among what the choice is", () => {
    expect(chooseGuide("level", [acme, segment], label, command, "2 roles at Acme").question).toBe(
      "Which guide's level mapping (2 roles at Acme)?",
    );
  });

  it("shows the first 10 of 11 guides as buttons and counts all 11", () => {
    const many = Array.from({ length: 11 }, (_, i) =>
      guide({ id: `c${i}/r`, company: `c${i}`, companyDisplay: `C${i}`, role: "r" }),
    );
    const answer = chooseGuide("script", many, label, command);
    expect(answer.options.map((o) => o.label)).toEqual([
      "C0",
      "C1",
      "C2",
      "C3",
      "C4",
      "C5",
      "C6",
      "C7",
      "C8",
      "C9",
    ]);
    expect(answer.total).toBe(11);
    expect(answer.example).toBe("x c0 r");
  });

  it("with no guides there is no example to give", () => {
    const answer = chooseGuide("level", [], label, command);
    expect(answer.options).toEqual([]);
    expect(answer.total).toBe(0);
    expect(answer.example).toBeNull();
  });
});

describe("chooseRegion", () => {
  const cmd = (slug: string) => `targets segment ml-ai-engineer ${slug}`;

  it("asks which region for what to ask for, one script button a region", () => {
    expect(chooseRegion(guide({ bands: [SF, NY, LONDON] }), cmd)).toEqual({
      kind: "choose",
      question: "What to ask for as ML/AI Engineer at Segment: which region?",
      options: [
        { label: "San Francisco", command: "targets segment ml-ai-engineer san-francisco", kind: "script" },
        { label: "New York", command: "targets segment ml-ai-engineer new-york", kind: "script" },
        { label: "London", command: "targets segment ml-ai-engineer london", kind: "script" },
      ],
      total: 3,
      usage: "targets segment ml-ai-engineer <region>",
      example: "targets segment ml-ai-engineer san-francisco",
    });
  });

  it("shows 10 of 12 regions and counts all 12", () => {
    const bands = Array.from({ length: 12 }, (_, i) => syntheticBand(i));
    const answer = chooseRegion(guide({ bands }), cmd);
    expect(answer.options).toHaveLength(10);
    expect(answer.options[9]?.label).toBe("Region 9");
    expect(answer.total).toBe(12);
  });

  it("a guide without bands has no example", () => {
    const answer = chooseRegion(guide({ bands: [] }), cmd);
    expect(answer.options).toEqual([]);
    expect(answer.example).toBeNull();
  });
});
