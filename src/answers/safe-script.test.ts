/**
 * The script answer's script and levers, made safe to say: which band's figures, the notes that say what was
 * changed (in order), levers that carry claims or foreign figures, the bonus the script asks for against the
 * band's, and the walk-away line. The guide is the seed guide's data (render fixtures).
 */
import { describe, expect, it } from "vitest";
import type { Band, GuideBody, NegotiationScript } from "../guides/types.ts";
import { guide, LEVERS, LONDON, SCRIPT, SF } from "../render/fixtures.test-helpers.ts";
import { safeScript } from "./safe-script.ts";

function body(over: Partial<GuideBody> = {}): GuideBody {
  return { dnaSummary: null, overview: [], levers: LEVERS, script: SCRIPT, evidence: [], table: [], ...over };
}
const segment = guide();
const PLACEHOLDER_USD = `[Only if you have one: "I have an offer from ‹company› at ‹its total, in USD›." Otherwise leave this out.]`;
const LAB_CLAIM =
  'The "AI Lab/Big Tech Counter" lever says "I have ML offers from Google and Anthropic at $400K+." That is the guide\'s example, not your situation: it is a placeholder.';
const SCRIPT_CLAIM =
  "The guide's script says \"I have Google ML and Anthropic offers at $410K+ guaranteed.\" That is the guide's example, not your situation: it is a placeholder for you to fill in or drop.";

describe("nothing to adapt", () => {
  it("no body: no script, no notes, no levers", () => {
    expect(safeScript(segment, LONDON, null)).toEqual({ script: null, notes: [], levers: [] });
  });

  it("a body without a script keeps its levers as written", () => {
    const result = safeScript(segment, LONDON, body({ script: null }));
    expect(result.script).toBeNull();
    expect(result.notes).toEqual([]);
    expect(result.levers).toEqual(LEVERS);
  });

  it("a guide without bands gives the script as written", () => {
    const result = safeScript(guide({ bands: [] }), null, body());
    expect(result).toEqual({ script: SCRIPT, notes: [], levers: LEVERS });
  });
});

describe("without a region: the figures as the guide wrote them", () => {
  const withoutRegion = () => safeScript(segment, null, body());

  it("says which band the figures are for and how to ask for another, then what was changed", () => {
    const result = withoutRegion();
    expect(result.notes).toEqual([
      "Figures as the guide wrote them, for San Francisco (USD). Ask with a region for its own figures, e.g. script segment ml-ai-engineer london.",
      SCRIPT_CLAIM,
      LAB_CLAIM,
      "The script asks for a 13% bonus; the guide's band data for San Francisco says 10%.",
    ]);
  });

  it("keeps the dollar figures, and turns the competing-offer claim into a placeholder", () => {
    const result = withoutRegion();
    expect(result.script?.text).toBe(
      `I'd like $260K in Twilio RSUs over 4 years with a $225K base, 13% bonus, and $55K signing bonus. I'm building Segment's AI customer intelligence engine — the core product differentiator for CDP market leadership. ${PLACEHOLDER_USD} Segment's RSU package must make this bet compelling.`,
    );
    expect(result.script?.acceptThreshold).toEqual({ text: "$242K RSUs", amount: 242000, component: "RSUs" });
  });

  it("changes only the lever with a claim; the others are the guide's own", () => {
    const result = withoutRegion();
    expect(result.levers[0]).toEqual(LEVERS[0]);
    expect(result.levers[1]).toEqual({
      title: "AI Lab/Big Tech Counter",
      quote: `${PLACEHOLDER_USD} ${LEVERS[1]!.quote.slice(LEVERS[1]!.quote.indexOf("Segment's"))}`,
    });
    expect(result.levers[2]).toEqual(LEVERS[2]);
    expect(result.levers[3]).toEqual(LEVERS[3]);
  });
});

describe("for London: the figures in pounds", () => {
  const forLondon = () => safeScript(segment, LONDON, body());

  it("converts the script's figures and its walk-away line, and says how", () => {
    const result = forLondon();
    // × 0.70 = £215K ÷ $308.5K, the two bands' total-comp midpoints; $242K × 0.697 = £168.7K -> £169K.
    expect(
      result.script?.text.startsWith(
        "I'd like £181K in Twilio RSUs over 4 years with a £157K base, 13% bonus",
      ),
    ).toBe(true);
    expect(result.script?.acceptThreshold).toEqual({ text: "£169K RSUs", amount: 169000, component: "RSUs" });
    expect(result.notes[0]).toMatch(
      /^The guide's script is written for San Francisco in USD; its figures are carried to London/,
    );
    expect(result.notes).not.toContain(expect.stringMatching(/^Figures as the guide wrote them/));
    expect(result.notes.at(-1)).toBe(
      "The script asks for a 13% bonus; the guide's band data for London says 10%.",
    );
  });

  it("carries a lever's dollar figures to pounds too", () => {
    const result = forLondon();
    expect(result.levers[3]?.quote).toBe(
      "The AI talent market demands signing bonuses for competitive transitions. I expect £31K–£45K to offset the guaranteed comp gap with pure AI companies.",
    );
    expect(result.levers[0]).toEqual(LEVERS[0]);
    // Said in the notes, as the script's own figures are: the guide's $45K-$65K, what it became. Not for the
    // competing-offer claim's $400K+, which is not said (a placeholder).
    expect(result.notes).toContain(
      `The "${LEVERS[3]!.title}" lever's figures are carried the same way: $45K-$65K → £31K–£45K.`,
    );
    expect(result.notes.filter((n) => n.includes("lever's figures"))).toHaveLength(1);
  });
});

describe("the bonus the script asks for", () => {
  const withBonus = (low: number, high: number): Band => ({ ...SF, bonusPct: { low, high } });

  it("a band range is written low–high", () => {
    const g = guide({ bands: [withBonus(10, 12)] });
    expect(safeScript(g, g.bands[0]!, body()).notes.at(-1)).toBe(
      "The script asks for a 13% bonus; the guide's band data for San Francisco says 10–12%.",
    );
  });

  it("no note when the script asks for either end of the band's range", () => {
    for (const [low, high] of [
      [13, 20],
      [10, 13],
    ] as const) {
      const g = guide({ bands: [withBonus(low, high)] });
      expect(safeScript(g, g.bands[0]!, body()).notes.join("\n")).not.toMatch(/bonus;/);
    }
  });
});

describe("where the guide disagrees with itself", () => {
  it("says so, after the script's own notes", () => {
    const table = [{ region: "San Francisco", base: "", stock: "", bonus: "15%", totalComp: "" }];
    const notes = safeScript(segment, SF, body({ table })).notes;
    expect(notes).toEqual([
      SCRIPT_CLAIM,
      LAB_CLAIM,
      "The guide disagrees with itself on the San Francisco bonus: its band data says 10%, its own table says 15%. The band data is used here.",
      "The script asks for a 13% bonus; the guide's band data for San Francisco says 10%.",
    ]);
  });
});

describe("the walk-away line", () => {
  it("without an amount it is kept as the guide wrote it", () => {
    const script: NegotiationScript = {
      text: "I'd like $260K in RSUs.",
      acceptThreshold: { text: "whatever they offer", amount: 0, component: null },
    };
    expect(safeScript(segment, SF, body({ script })).script).toEqual({
      text: "I'd like $260K in RSUs.",
      acceptThreshold: { text: "whatever they offer", amount: 0, component: null },
    });
    const none = safeScript(
      segment,
      SF,
      body({ script: { text: "I'd like $260K in RSUs.", acceptThreshold: null } }),
    );
    expect(none.script?.acceptThreshold).toBeNull();
  });
});
