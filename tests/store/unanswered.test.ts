/** What is recorded of an unanswered question: the search's normalised words, no figures; nothing when answered. */
import { beforeAll, describe, expect, it } from "vitest";
import { type CompBotApi, loadCompBot } from "../../src/bot.ts";
import { unansweredText } from "../../src/store/unanswered.ts";

let bot: CompBotApi;
beforeAll(async () => {
  ({ bot } = await loadCompBot("guides", { cache: false }));
});

const recorded = (text: string) => unansweredText(bot.ask(text, { surface: "slash" }));

describe("unansweredText", () => {
  it("a question no guide answers: its recognised and unknown words, without the offer's figures", () => {
    expect(
      recorded(
        "what's the band for a widget engineer at acme in paris? they offered me 180k base and $20,000 bonus",
      ),
    ).toBe("paris widget engineer acme");
    // "3 yrs" (of experience) is filler, like "years" and "experience".
    expect(recorded("I'm at Initech, 3 yrs, level L5, €95k, 12% bonus")).toBe("initech");
  });

  it("a guide without the asked region counts too (an author can add the band)", () => {
    expect(recorded("segment ml-ai-engineer tokyo")).toBe("segment ml-ai-engineer tokyo");
    expect(recorded("offer segment ml-ai-engineer tokyo base 150k stock 40k")).toBe(
      "segment ml-ai-engineer tokyo",
    );
  });

  it("a country is recorded as asked, not as the first of its regions", () => {
    expect(recorded("segment ml-ai-engineer germany")).toBe("segment ml-ai-engineer germany");
    // A country the guide has bands in is answered: nothing recorded.
    expect(recorded("segment ml-ai-engineer in the us")).toBeNull();
  });

  it("answered questions, help and level look-ups are not recorded", () => {
    for (const q of [
      "segment ml-ai-engineer london",
      "segment",
      "list",
      "hi",
      "",
      "script segment ml engineer",
    ]) {
      expect(recorded(q)).toBeNull();
    }
  });

  it("at most 8 words of at most 40 characters", () => {
    const long = `${"zork ".repeat(3)}${"a".repeat(41)} alpha bravo charlie delta echo foxtrot golf hotel juliet`;
    const text = recorded(long);
    expect(text).toBe("zork alpha bravo charlie delta echo foxtrot golf");
  });
});
