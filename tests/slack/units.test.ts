/** The small pieces: event dedupe, Slack text -> question, the one-line redacting logger. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventDeduper, eventIdOf } from "../../src/slack/dedupe.ts";
import { conversationKey } from "../../src/slack/deps.ts";
import { createLineLogger, describeError } from "../../src/slack/log.ts";
import { questionFromSlackText } from "../../src/slack/text.ts";

describe("EventDeduper", () => {
  it("answers each event_id once", () => {
    const d = new EventDeduper();
    expect(d.firstTime("Ev1")).toBe(true);
    expect(d.firstTime("Ev1")).toBe(false);
    expect(d.firstTime("Ev2")).toBe(true);
  });

  it("forgets ids after the TTL", () => {
    let now = 0;
    const d = new EventDeduper(10, 1000, () => now);
    d.firstTime("Ev1");
    now = 999;
    expect(d.firstTime("Ev1")).toBe(false);
    now = 1000;
    expect(d.firstTime("Ev1")).toBe(true);
  });

  it("stays within capacity: a burst of distinct ids, then their retries", () => {
    const d = new EventDeduper(1000, 60_000, () => 0);
    for (let i = 0; i < 5000; i++) expect(d.firstTime(`Ev${i}`)).toBe(true);
    expect(d.size).toBe(1000);
    // The newest 1000 are still remembered, the oldest are not.
    for (let i = 4000; i < 5000; i++) expect(d.firstTime(`Ev${i}`)).toBe(false);
    expect(d.firstTime("Ev0")).toBe(true);
  });

  it("reads event_id only from event_callback bodies", () => {
    expect(eventIdOf({ type: "event_callback", event_id: "Ev9" })).toBe("Ev9");
    expect(eventIdOf({ type: "block_actions", event_id: "Ev9" })).toBeNull();
    expect(eventIdOf({ command: "/comp" })).toBeNull();
    expect(eventIdOf(null)).toBeNull();
  });
});

describe("conversationKey", () => {
  it("keys threads and DMs apart", () => {
    expect(conversationKey("thread", "T1", "C1", "1.2")).not.toBe(conversationKey("dm", "T1", "C1"));
    expect(conversationKey("thread", "T1", "C1", "1.2")).not.toBe(
      conversationKey("thread", "T2", "C1", "1.2"),
    );
  });
});

describe("questionFromSlackText", () => {
  it.each([
    ["<@U0BOT> segment ml-ai-engineer london", "segment ml-ai-engineer london"],
    ["<@U0BOT|compbot>   and London?", "and London?"],
    ["segment <@U0BOT> london", "segment london"],
    ["<@U0BOT> <!channel> segment", "@channel segment"],
    ["<@U0BOT> <!subteam^S123|@eng> segment", "@eng segment"],
    ["<@U0BOT> <https://evil.example|segment> x", "segment x"],
    ["<@U0BOT> <#C123|general> segment", "#general segment"],
    ["<@U0BOT> AT&amp;T &lt;b&gt;", "AT&T <b>"],
    ["<@U0BOT>", ""],
  ])("%j -> %j", (input, expected) => {
    expect(questionFromSlackText(input, "U0BOT")).toBe(expected);
  });

  it("keeps other people's mentions as words and strips a leading mention when the bot id is unknown", () => {
    expect(questionFromSlackText("<@U0BOT> ask <@U0ALICE|alice>", "U0BOT")).toBe("ask @alice");
    expect(questionFromSlackText("<@U0BOT> segment")).toBe("segment");
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        const q = questionFromSlackText(s, "U0BOT");
        return typeof q === "string" && !q.includes("<@U0BOT>");
      }),
    );
  });

  it("never leaves Slack markup: mentions, channels, specials, links and entities become plain words", () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const id = fc.stringMatching(/^[A-Z0-9]{2,9}$/);
    const piece = fc.oneof(
      word.map((w) => ({ slack: w, words: [w] })),
      fc.constant({ slack: "<@U0BOT>", words: [] as string[] }),
      fc.tuple(id, word).map(([u, l]) => ({ slack: `<@U${u}|${l}>`, words: [`@${l}`] })),
      fc.tuple(id, word).map(([c, l]) => ({ slack: `<#C${c}|${l}>`, words: [`#${l}`] })),
      fc.constantFrom("here", "channel", "everyone").map((x) => ({ slack: `<!${x}>`, words: [`@${x}`] })),
      fc.tuple(id, word).map(([t, l]) => ({ slack: `<!subteam^S${t}|@${l}>`, words: [`@${l}`] })),
      fc
        .tuple(word, word)
        .map(([h, l]) => ({ slack: `<https://${h}.example/x?a=1&amp;b=2|${l}>`, words: [l] })),
      word.map((h) => ({ slack: `<https://${h}.example/>`, words: [`https://${h}.example/`] })),
      fc
        .constantFrom(["&amp;", "&"], ["&lt;", "<"], ["&gt;", ">"])
        .map(([e, c]) => ({ slack: e, words: [c] })),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const q = questionFromSlackText(pieces.map((p) => p.slack).join(" "), "U0BOT");
        expect(q).toBe(pieces.flatMap((p) => p.words).join(" "));
        expect(q).not.toMatch(/<[@#!]|<https?:|\|[a-z0-9]+>|&amp;|&lt;|&gt;|U0BOT/);
      }),
    );
  });
});

describe("line logger", () => {
  it("writes one line per message, redacting configured secrets and any Slack token shape", () => {
    const lines: string[] = [];
    const log = createLineLogger({
      level: "debug",
      secrets: ["s3cr3t-signing"],
      write: (l) => lines.push(l),
    });
    log.info("multi\nline", { token: "xoxb-123-abc" }, new Error("bad s3cr3t-signing\nthing"));
    log.debug("xapp-1-A0-zzz");
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).not.toMatch(/s3cr3t-signing|xoxb-123|xapp-1/);
    expect(lines[0]).toMatch(/ INFO \[compbot\] multi line .*\[redacted\].*Error: bad \[redacted\] thing/);
  });

  it("respects the level", () => {
    const lines: string[] = [];
    const log = createLineLogger({ level: "warn", write: (l) => lines.push(l) });
    log.info("no");
    log.debug("no");
    log.warn("yes");
    log.error("yes");
    expect(lines).toHaveLength(2);
  });

  it("describeError adds the Slack error code", () => {
    const e = Object.assign(new Error("An API error occurred"), {
      data: { ok: false, error: "channel_not_found" },
    });
    expect(describeError(e)).toBe("Error: An API error occurred (channel_not_found)");
    expect(describeError("x")).toMatch(/non-error thrown/);
  });
});
