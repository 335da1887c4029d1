/**
 * CompBot.ask keeps the replies to questions asked again. A kept reply must always be the one the question
 * would get now: the same words on the same surface, in the same conversation, on the same day, with the
 * guides unchanged. Any change of guides (in place, rebuilt, replaced) drops every kept reply.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BandAnswer } from "./answers/types.ts";
import { CompBot, REPLY_MEMO_MAX_CHARS, REPLY_MEMO_SIZE, realToday } from "./bot.ts";
import type { Guide } from "./guides/types.ts";
import { guideOf } from "./search/guides.test-helpers.ts";
import { SearchIndex } from "./search/index.ts";

const acme = guideOf({ company: "acme", companyDisplay: "Acme" });
const globex = guideOf({ company: "globex", companyDisplay: "Globex" });
const QUESTION = "acme data scientist san francisco";

const botOver = (guides: readonly Guide[], today: () => string = () => "2026-12-02") =>
  new CompBot(new SearchIndex(guides), today);
const baseLow = (bot: CompBot, text: string) =>
  (bot.ask(text, { surface: "slash" }).answer as BandAnswer).band.base?.low;
const withBase = (g: Guide, low: number): Guide => ({
  ...g,
  bands: g.bands.map((b) => ({ ...b, base: { low, high: low + 10_000 } })),
});

describe("CompBot.ask: replies kept for questions asked again", () => {
  it("gives the kept reply to the same question, equal to what a bot that never saw it answers", () => {
    const bot = botOver([acme, globex]);
    const first = bot.ask(QUESTION, { surface: "slash" });
    expect(first.answer).toMatchObject({ kind: "band", band: { base: { low: 100_000, high: 150_000 } } });
    expect(bot.ask(QUESTION, { surface: "slash" })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(botOver([acme, globex]).ask(QUESTION, { surface: "slash" })).toStrictEqual(first);
  });

  it("serves an edit applied in place at once", async () => {
    const bot = botOver([acme, globex]);
    expect(baseLow(bot, QUESTION)).toBe(100_000);
    const edited = withBase(acme, 123_000);
    await bot.updateGuides([{ before: acme, after: edited }], () => [edited, globex]);
    expect(baseLow(bot, QUESTION)).toBe(123_000);
  });

  it("serves a renamed guide at once (the index rebuilt)", async () => {
    const bot = botOver([acme, globex]);
    expect(bot.ask("initech data scientist", { surface: "slash" }).answer.kind).toBe("not-found");
    const renamed = { ...acme, companyDisplay: "Initech" };
    const update = bot.updateGuides([{ before: acme, after: renamed }], () => [renamed, globex]);
    // Asked while the new index is built: answered (and kept) from the index served until it is swapped in.
    expect(bot.ask("initech data scientist", { surface: "slash" }).answer.kind).toBe("not-found");
    await update;
    expect(bot.ask("initech data scientist", { surface: "slash" }).answer).toMatchObject({
      guide: { companyDisplay: "Initech" },
    });
  });

  it("serves guides replaced wholesale at once", () => {
    const bot = botOver([acme, globex]);
    expect(baseLow(bot, QUESTION)).toBe(100_000);
    bot.replaceGuides([withBase(acme, 90_000), globex]);
    expect(baseLow(bot, QUESTION)).toBe(90_000);
  });

  it("answers again when the day changes (a review date passes overnight)", () => {
    let today = "2027-05-31";
    const bot = botOver([acme], () => today);
    const before = bot.ask(QUESTION, { surface: "slash" }).answer as BandAnswer;
    expect(before).toMatchObject({ today: "2027-05-31", overdue: false });
    today = "2027-06-02";
    expect(bot.ask(QUESTION, { surface: "slash" }).answer).toMatchObject({
      today: "2027-06-02",
      overdue: true,
    });
  });

  it("keeps replies per conversation and per surface", () => {
    const bot = botOver([acme, globex]);
    const alone = bot.ask("san francisco", { surface: "dm" });
    const inAcme = bot.ask("san francisco", {
      surface: "dm",
      context: { company: "acme", role: "data-scientist" },
    });
    const inGlobex = bot.ask("san francisco", {
      surface: "dm",
      context: { company: "globex", role: "data-scientist" },
    });
    expect(inAcme.answer).toMatchObject({ kind: "band", guide: { company: "acme" } });
    expect(inGlobex.answer).toMatchObject({ kind: "band", guide: { company: "globex" } });
    expect(alone.answer.kind).not.toBe("band");
    // Only the company known: not the same conversation as no context, nor as company and role.
    const companyOnly = bot.ask("san francisco", { surface: "dm", context: { company: "acme" } });
    expect(companyOnly).not.toBe(inAcme);
    expect(companyOnly).not.toBe(alone);
    expect(bot.ask("san francisco", { surface: "dm", context: { role: "acme" } })).not.toBe(companyOnly);
    expect(bot.ask(QUESTION, { surface: "mention" })).not.toBe(bot.ask(QUESTION, { surface: "slash" }));
  });

  it("keeps no reply to a question longer than the limit, and at most the last REPLY_MEMO_SIZE questions", () => {
    const bot = botOver([acme, globex]);
    const long = `${QUESTION} ${"please ".repeat(REPLY_MEMO_MAX_CHARS / 7)}`;
    expect(long.length).toBeGreaterThan(REPLY_MEMO_MAX_CHARS);
    const once = bot.ask(long, { surface: "slash" });
    expect(once.answer.kind).toBe("band");
    expect(bot.ask(long, { surface: "slash" })).not.toBe(once);

    const atLimit = `${QUESTION} ${"x".repeat(REPLY_MEMO_MAX_CHARS - QUESTION.length - 1)}`;
    expect(atLimit.length).toBe(REPLY_MEMO_MAX_CHARS);
    const kept1 = bot.ask(atLimit, { surface: "slash" });
    expect(bot.ask(atLimit, { surface: "slash" })).toBe(kept1);

    const ask = (i: number) => bot.ask(`${QUESTION} ${i}`, { surface: "slash" });
    const kept = Array.from({ length: REPLY_MEMO_SIZE }, (_, i) => ask(i));
    // A question too long to keep takes no place: the oldest kept reply is still there.
    bot.ask(long, { surface: "slash" });
    expect(ask(0)).toBe(kept[0]);
    // One question more: the least recently asked (1, since 0 was just asked again) is dropped.
    ask(REPLY_MEMO_SIZE);
    expect(ask(0)).toBe(kept[0]);
    expect(ask(2)).toBe(kept[2]);
    const again = ask(1);
    expect(again).not.toBe(kept[1]);
    expect(again).toStrictEqual(kept[1]);
  });
});

describe("realToday (built once a day)", () => {
  afterEach(() => vi.useRealTimers());

  it("is the UTC date, and turns at UTC midnight", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-31T23:59:59.999Z"));
    expect(realToday()).toBe("2026-12-31");
    vi.setSystemTime(new Date("2027-01-01T00:00:00.000Z"));
    expect(realToday()).toBe("2027-01-01");
    vi.setSystemTime(new Date("2027-01-01T23:30:00.000+05:00"));
    expect(realToday()).toBe("2027-01-01");
    vi.setSystemTime(new Date("2026-06-15T12:00:00.000Z"));
    expect(realToday()).toBe("2026-06-15");
  });
});
