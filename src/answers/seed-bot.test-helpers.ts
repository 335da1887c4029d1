/**
 * The real core over the real seed guide (guides/), loaded once per test file, and the questions tests ask it.
 * Not a stand-in: loadCompBot is what every surface uses.
 */
import { beforeAll, expect } from "vitest";
import { type AskOptions, type CompBotApi, loadCompBot } from "../bot.ts";
import type { Answer, OfferAnswer } from "./types.ts";

export function seedBot(today = "2026-12-04") {
  let bot: CompBotApi;
  beforeAll(async () => {
    ({ bot } = await loadCompBot("guides", { today: () => today }));
  });
  const reply = (text: string, options: AskOptions = { surface: "dm" }) => bot.ask(text, options);
  const ask = (text: string): Answer => reply(text).answer;
  /** An answer that must be an offer check. */
  const offer = (text: string): OfferAnswer => {
    const answer = ask(text);
    expect(answer.kind).toBe("offer");
    return answer as OfferAnswer;
  };
  return { reply, ask, offer };
}

/** The counter-offer's target for a part. */
export const target = (a: OfferAnswer, component: string) => a.targets.find((t) => t.component === component);
