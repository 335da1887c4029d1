/**
 * Another company's offer told beside the question, over the real seed guide through the real core. The San
 * Francisco band: base $188K–$228K, stock $145K–$270K, bonus 10%, total $262K–$355K.
 */
import { describe, expect, it } from "vitest";
import { renderText } from "../render/text.ts";
import { offerAnswer } from "./offer.ts";
import { BERLIN, body, fmt, GUIDE, money, parsed, SCRIPT } from "./offer-guide.test-helpers.ts";
import { seedBot } from "./seed-bot.test-helpers.ts";
import type { OfferAnswer, ScriptAnswer } from "./types.ts";

const { ask, reply } = seedBot();

describe("another company's offer", () => {
  it("is not placed as the guide's offer's total, and the script says it in the person's words", () => {
    const a = ask(
      "competing offer from google at 400k total, segment offered 200k base in sf",
    ) as OfferAnswer;
    expect(a.kind).toBe("offer");
    expect(a.lines.map((l) => [l.component, l.offered])).toEqual([["base", 200000]]);
    expect(a.notes).toContain(
      "Your offer from Google at $400K total comp: another company's, so it is not placed in Segment's San Francisco band, nor compared or added to anything here; the script below says it for you, as you gave it. Figures without a currency are read in USD, like the band's.",
    );
    expect(a.script).toContain("I have an offer from Google at $400K total comp.");
    expect(a.script).not.toContain("‹company›");
    expect(a.provenance).toContain(
      "Script: The guide's script says \"I have Google ML and Anthropic offers at $410K+ guaranteed.\" That is the guide's example, not your situation: your offer from Google is said instead, as you gave it.",
    );
    expect(renderText(a)).toContain("I have an offer from Google at $400K total comp.");
  });

  it("'<company> offered …' of a company the index knows, beside the guide's offer, is that company's", () => {
    const a = ask("segment sf offered 200k base, google offered 250k base") as OfferAnswer;
    expect([a.kind, a.unreadable]).toEqual(["offer", []]);
    expect(a.lines.map((l) => [l.component, l.offered])).toEqual([["base", 200000]]);
    expect(a.script).toContain("I have an offer from Google at $250K base.");
    // Before or after the guide's offer, in a sentence of its own.
    const meta = ask(
      "segment sf: 185k base + 15% bonus + 320k rsu/4y. meta has offered me 210k base. what's my counter?",
    ) as OfferAnswer;
    expect(meta.lines.find((l) => l.component === "base")?.offered).toBe(185000);
    expect(meta.script).toContain("I have an offer from Meta at $210K base.");
    // Named first, the other company's offer is still that company's (the catalogue knows Google from a level
    // mapping only).
    const first = ask("google offered 250k base, segment sf offered 200k base") as OfferAnswer;
    expect(first.lines.map((l) => [l.component, l.offered])).toEqual([["base", 200000]]);
    expect(first.script).toContain("I have an offer from Google at $250K base.");
    // The guide's own company offering, a region or a word the index does not know as a company: not another's.
    expect((ask("segment offered 200k base in sf") as OfferAnswer).script).toContain("‹company›");
    expect(
      reply("segment sf offered 200k base, acme offered 250k base").query.offer?.competing,
    ).toBeUndefined();
    const region = ask("segment offered 200k base in sf. london offered 250k base") as OfferAnswer;
    expect(region.unreadable[0]?.hint).toMatch(/^You gave the base more than once/);
  });

  it("without it, the script keeps the placeholder (no claim the person did not make)", () => {
    const a = ask("segment offered 200k base in sf") as OfferAnswer;
    expect(a.script).toContain(
      '[Only if you have one: "I have an offer from ‹company› at ‹its total, in USD›."',
    );
    expect(a.script).not.toContain("I have an offer from Google");
  });

  it("in its own currency, as given; several parts listed", () => {
    const a = ask(
      "competing offer from google: €250k base, €100k stock, 15% bonus. segment offered 200k base in sf",
    ) as OfferAnswer;
    expect(a.script).toContain(
      "I have an offer from Google: €250K base, €100K in stock over 4 years, a 15% bonus.",
    );
    expect(a.notes?.find((n) => n.startsWith("Your offer from Google"))).not.toContain("without a currency");
  });

  it("asked what to ask for, with only the other offer: the script with it, and why it is not placed", () => {
    const a = ask(
      "I have a competing offer from Google at 400k total, what should I ask segment sf for?",
    ) as ScriptAnswer;
    expect([a.kind, a.purpose, a.band?.region]).toEqual(["script", "targets", "San Francisco"]);
    expect(a.script?.text).toContain("I have an offer from Google at $400K total comp.");
    expect(a.scriptNotes?.[0]).toMatch(/^Your offer from Google at \$400K total comp: another company's/);
    const bare = ask(
      "I have an offer from google at 400k, what should I ask segment sf for?",
    ) as ScriptAnswer;
    expect(bare.script?.text).toContain("I have an offer from Google at $400K.");
  });

  it("a follow-up offer in a conversation says that only this message's figures are checked", () => {
    const first = reply("segment london offered me 150k base and 120k stock");
    const next = reply("what if they add a 20k signing bonus?", { surface: "dm", context: first.context })
      .answer as OfferAnswer;
    expect([next.kind, next.band.region, next.signing]).toEqual(["offer", "London", 20000]);
    expect(next.notes?.[0]).toBe(
      "About Segment's London band, from our conversation. I keep no figures between messages, so only the ones in this message are checked: send the whole offer in one message to check it together.",
    );
    // After a band (no figures checked), a first offer in the conversation says nothing about it either.
    const band = reply("segment london");
    const firstOffer = reply("they offered me 150k base", { surface: "dm", context: band.context })
      .answer as OfferAnswer;
    expect([firstOffer.kind, firstOffer.band.region]).toEqual(["offer", "London"]);
    expect(firstOffer.notes?.some((n) => n.includes("from our conversation"))).toBe(false);
    // The same words right after an offer check say it (a reply kept for the first context is not reused).
    const again = reply("they offered me 150k base", { surface: "dm", context: first.context })
      .answer as OfferAnswer;
    expect(again.notes?.[0]).toMatch(/^About Segment's London band, from our conversation/);
    // Company and region named, only the role from the conversation: that is what is said.
    const named = reply("segment sf offer: base 210k, 50k rsu", { surface: "dm", context: first.context })
      .answer as OfferAnswer;
    expect([named.kind, named.band.region]).toEqual(["offer", "San Francisco"]);
    expect(named.notes?.[0]).toBe(
      "The role, ML/AI Engineer, is from our conversation. I keep no figures between messages, so only the ones in this message are checked: send the whole offer in one message to check it together.",
    );
    // The company named, its role and region from the conversation: the band is the conversation's.
    const region = reply("segment: and if they add 20k signing?", { surface: "dm", context: first.context })
      .answer as OfferAnswer;
    expect(region.notes?.[0]).toMatch(/^About Segment's London band, from our conversation/);
    // Asked whole, nothing is said about the conversation.
    const whole = ask("segment london offered me 150k base and 120k stock") as OfferAnswer;
    expect(whole.notes?.some((n) => n.includes("from our conversation"))).toBe(false);
  });

  it("every part said as given, ranges as ranges", () => {
    const a = ask(
      "competing offer from google: 250-270k base, 30k bonus, 50k signing bonus. segment offered 200k base in sf",
    ) as OfferAnswer;
    expect(a.script).toContain(
      "I have an offer from Google: $250K–$270K base, a $30K bonus, a $50K signing bonus.",
    );
    const pct = ask(
      "competing offer from google: 250k base, 10-15% bonus. segment offered 200k base in sf",
    ) as OfferAnswer;
    expect(pct.script).toContain("I have an offer from Google: $250K base, a 10–15% bonus.");
    const bare = ask(
      "I have an offer from google at 300-350k, what should I ask segment sf for?",
    ) as ScriptAnswer;
    expect(bare.script?.text).toContain("I have an offer from Google at $300K–$350K.");
  });

  it("figures all in a currency: nothing said about figures without one", () => {
    const a = ask(
      "competing offer from google at $400k total, segment offered 200k base in sf",
    ) as OfferAnswer;
    expect(a.notes?.find((n) => n.startsWith("Your offer from Google"))).toBe(
      "Your offer from Google at $400K total comp: another company's, so it is not placed in Segment's San Francisco band, nor compared or added to anything here; the script below says it for you, as you gave it.",
    );
  });

  it("a guide whose script makes no competing-offer claim: said back, and where it could go", () => {
    const script = { ...SCRIPT, text: "I'd like $200K in RSUs over 4 years with a $180K base. Thanks." };
    const competing = { company: "Google", offer: parsed({ total: money(300000) }), unnamed: null };
    const a = offerAnswer({
      guide: GUIDE,
      band: BERLIN,
      offer: parsed({ base: money(120000), competing }),
      body: body({ script }),
      facts: { overdue: false, today: "2026-12-04" },
      format: fmt,
    });
    expect(a.script).not.toContain("Google");
    expect(a.notes).toContain(
      "Your offer from Google at EUR 300000 total comp: another company's, so it is not placed in Acme's Berlin band, nor compared or added to anything here; the guide's script has no place for it; mention it in your own words if you want to. Figures without a currency are read in EUR, like the band's.",
    );
  });

  it("a region's button asks again with everything read apart: pay now, the wish, the other offer, OTE", () => {
    const asked = [
      "my offer from segment is 185k base, 10% bonus; my current comp is 170k base + 20k bonus",
      "segment offered 150k base, should I ask for 170k base? I'm on 160k base at the moment",
      "competing offer from google at 400k total, segment offered 200k base",
      "I have an offer from google at 300-350k, segment offered 200k base",
      "segment offered 150k base, OTE 180k",
    ];
    const strip = (o: Record<string, unknown> | undefined): unknown =>
      JSON.parse(
        JSON.stringify(o ?? null, (k, v) =>
          k === "rest" || k === "text" || k === "unreadable" ? undefined : v,
        ),
      );
    for (const q of asked) {
      const first = ask(q);
      expect(first.kind).toBe("region-not-found");
      const command = (first as { followUps: { command: string; label: string }[] }).followUps.find((f) =>
        f.label.endsWith("London"),
      )!.command;
      const again = ask(command) as OfferAnswer;
      expect(again.kind).toBe("offer");
      const before = reply(q).query.offer;
      const after = reply(command).query.offer;
      expect(strip(after as unknown as Record<string, unknown>)).toEqual(
        strip(before as unknown as Record<string, unknown>),
      );
    }
  });

  it("a button that picks the guide or the region for what to ask for keeps the other offer and the figures wanted", () => {
    const asked = [
      "I have a competing offer from google at 400k total", // which guide?
      "script for a competing offer from google at £170k base", // which guide?
      "what should I say to get 200k base?", // which guide?
      "segment: what should I ask for? I have a competing offer from google at 400k total", // which region?
      "segment: should I ask for 200k base?", // which region?
    ];
    const kept = (text: string) => {
      const o = reply(text).query.offer;
      return [
        o?.competing?.company,
        o?.competing?.offer.total?.amount,
        o?.competing?.offer.base?.amount,
        o?.wanted,
        o?.base?.amount,
      ];
    };
    for (const q of asked) {
      const first = ask(q);
      expect(first.kind, q).toBe("choose");
      const { options } = first as { options: { command: string }[] };
      expect(options.length, q).toBeGreaterThan(0);
      for (const { command } of options) {
        expect(kept(command), command).toEqual(kept(q));
        // A guide chosen may still ask which region; a region chosen answers.
        const kind = ask(command).kind;
        if (/ (london|new-york|san-francisco);/.test(command)) expect(kind, command).toBe("script");
        else expect(["choose", "script"], command).toContain(kind);
      }
    }
    // The words, exactly.
    expect((ask(asked[0]!) as { options: { command: string }[] }).options[0]?.command).toBe(
      "targets segment ml-ai-engineer; competing offer from Google at total 400000",
    );
    expect((ask(asked[4]!) as { options: { command: string }[] }).options[0]?.command).toBe(
      "targets segment ml-ai-engineer san-francisco; should I ask for base 200000",
    );
    // The figures are the question's, read the same way again.
    expect(kept(asked[0]!)).toEqual(["Google", 400000, undefined, undefined, undefined]);
    expect(kept(asked[2]!)).toEqual([undefined, undefined, undefined, true, 200000]);
  });
});
