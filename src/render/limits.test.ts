import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import {
  actionsBlocks,
  buttonElement,
  contextBlock,
  finalizeMessage,
  headerBlock,
  MAX_BLOCKS_JSON,
  PLACEHOLDER,
  type SlackMessage,
  sectionBlock,
  truncate,
  truncateMrkdwn,
} from "./limits.ts";
import { blockKitViolations } from "./violations.ts";

const ok = (blocks: KnownBlock[], text = "fallback"): SlackMessage => ({ text, blocks });
const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const button = (action_id: string, extra: Record<string, unknown> = {}) => ({
  type: "button" as const,
  text: { type: "plain_text" as const, text: "Go" },
  action_id,
  ...extra,
});

describe("truncate", () => {
  it("cuts with an ellipsis within the limit", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("ab😀cd", 4)).toBe("ab…");
  });
  it("never cuts inside an entity or a <…> token in mrkdwn", () => {
    expect(truncateMrkdwn("x &amp; y", 5)).toBe("x…");
    expect(truncateMrkdwn("see <https://a.b|link> now", 12)).toBe("see…");
    expect(truncateMrkdwn("see <https://a.b|link> now", 24)).toBe("see <https://a.b|link>…");
  });
});

describe("builders respect limits by construction", () => {
  it("header: cut to 150, placeholder when empty", () => {
    const h = headerBlock("x".repeat(500));
    expect(h.text.text.length).toBe(150);
    expect(h.text.text.endsWith("…")).toBe(true);
    expect(headerBlock("   ").text.text).toBe(PLACEHOLDER);
  });
  it("section: text cut to 3000, at most 10 fields of 2000", () => {
    const s = sectionBlock(
      "y".repeat(5000),
      Array.from({ length: 14 }, () => "z".repeat(3000)),
    );
    expect(s.text?.text.length).toBe(3000);
    expect(s.fields).toHaveLength(10);
    expect(s.fields?.[9]?.text).toBe("…and 5 more");
    expect(s.fields?.every((f) => f.text.length <= 2000)).toBe(true);
    expect(sectionBlock("").text?.text).toBe(PLACEHOLDER);
  });
  it("context: at most 10 elements, never empty", () => {
    expect(contextBlock(Array.from({ length: 15 }, (_, i) => `e${i}`)).elements).toHaveLength(10);
    expect(contextBlock([]).elements).toHaveLength(1);
  });
  it("buttons: text cut to 75; an over-long value gives no button", () => {
    expect(buttonElement({ text: "b".repeat(100), actionId: "a" })?.text.text.length).toBe(75);
    expect(buttonElement({ text: "b", actionId: "a", value: "v".repeat(2001) })).toBeNull();
    expect(buttonElement({ text: "b", actionId: "a", value: "" })).toBeNull();
  });
  it("actions: 25 per block, unique block ids", () => {
    const buttons = Array.from({ length: 30 }, (_, i) => buttonElement({ text: "b", actionId: `a${i}` })!);
    const blocks = actionsBlocks(buttons, "p");
    expect(blocks.map((b) => b.elements.length)).toEqual([25, 5]);
    expect(blocks.map((b) => b.block_id)).toEqual(["p_0", "p_1"]);
  });
  it("finalizeMessage caps blocks, text and JSON size", () => {
    const many = Array.from({ length: 80 }, () => sectionBlock("w ".repeat(1400)));
    const m = finalizeMessage("", [headerBlock("h"), ...many], "fallback");
    expect(m.text).toBe("fallback");
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(MAX_BLOCKS_JSON);
    expect(m.blocks[0]?.type).toBe("header");
    expect(blockKitViolations(m)).toEqual([]);
    expect(finalizeMessage("t".repeat(5000), []).text.length).toBe(4000);
  });
  it("finalizeMessage never drops the blocks in `keep` (a disclaimer), only others", () => {
    const many = Array.from({ length: 80 }, () => sectionBlock("w ".repeat(1400)));
    const disclaimer = contextBlock(["Not financial advice"]);
    const actions = actionsBlocks([buttonElement({ text: "Go", actionId: "a", value: "x" })!], "p");
    const m = finalizeMessage(
      "t",
      [headerBlock("h"), ...many, disclaimer, ...actions],
      "t",
      new Set([disclaimer]),
    );
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.blocks.at(-2)).toBe(disclaimer);
    expect(m.blocks.at(-1)?.type).toBe("actions");
    expect(m.blocks.length).toBeLessThan(82);
    // Without `keep`, it goes like any other block.
    const plain = finalizeMessage("t", [headerBlock("h"), ...many, disclaimer, ...actions]);
    expect(plain.blocks).not.toContain(disclaimer);
  });
});

describe("blockKitViolations catches each kind of violation", () => {
  it("accepts a valid message", () => {
    expect(blockKitViolations(ok([headerBlock("Hi"), sectionBlock("x")]))).toEqual([]);
  });

  const cases: [string, SlackMessage, RegExp][] = [
    ["missing top-level text", ok([section("x")], ""), /top-level text is missing/],
    ["whitespace top-level text", ok([section("x")], "  "), /top-level text is missing/],
    ["long top-level text", ok([section("x")], "t".repeat(4001)), /top-level text is 4001/],
    ["<! in top-level text", ok([section("x")], "hi <!channel>"), /top-level text: unescaped/],
    [
      "too many blocks",
      ok(Array.from({ length: 51 }, () => ({ type: "divider" }) as KnownBlock)),
      /51 blocks/,
    ],
    [
      "long header",
      ok([{ type: "header", text: { type: "plain_text", text: "h".repeat(151) } }]),
      /151 characters \(max 150\)/,
    ],
    [
      "mrkdwn header",
      ok([{ type: "header", text: { type: "mrkdwn", text: "h" } } as unknown as KnownBlock]),
      /must be plain_text/,
    ],
    ["empty section text", ok([section("")]), /text is empty/],
    ["long section text", ok([section("s".repeat(3001))]), /3001 characters \(max 3000\)/],
    ["section without text or fields", ok([{ type: "section" }]), /needs text or fields/],
    [
      "11 fields",
      ok([
        {
          type: "section",
          fields: Array.from({ length: 11 }, () => ({ type: "mrkdwn" as const, text: "f" })),
        },
      ]),
      /11 fields/,
    ],
    [
      "long field",
      ok([{ type: "section", fields: [{ type: "mrkdwn", text: "f".repeat(2001) }] }]),
      /max 2000/,
    ],
    ["raw <! in mrkdwn", ok([section("hey <!here>")]), /unescaped special mention/],
    [
      "11 context elements",
      ok([
        {
          type: "context",
          elements: Array.from({ length: 11 }, () => ({ type: "mrkdwn" as const, text: "c" })),
        },
      ]),
      /11 elements \(max 10\)/,
    ],
    ["empty context", ok([{ type: "context", elements: [] }]), /non-empty array/],
    [
      "26 actions elements",
      ok([{ type: "actions", elements: Array.from({ length: 26 }, (_, i) => button(`a${i}`)) }]),
      /26 elements \(max 25\)/,
    ],
    [
      "long button text",
      ok([
        {
          type: "actions",
          elements: [{ ...button("a"), text: { type: "plain_text", text: "b".repeat(76) } }],
        },
      ]),
      /76 characters \(max 75\)/,
    ],
    [
      "long button value",
      ok([{ type: "actions", elements: [button("a", { value: "v".repeat(2001) })] }]),
      /value is 2001/,
    ],
    ["long action_id", ok([{ type: "actions", elements: [button("a".repeat(256))] }]), /action_id is 256/],
    ["bad style", ok([{ type: "actions", elements: [button("a", { style: "green" })] }]), /style "green"/],
    [
      "two primary buttons",
      ok([
        { type: "actions", elements: [button("a", { style: "primary" }), button("b", { style: "primary" })] },
      ]),
      /2 primary buttons/,
    ],
    [
      "duplicate action_id across blocks",
      ok([
        { type: "actions", elements: [button("same")] },
        { type: "actions", elements: [button("same")] },
      ]),
      /duplicate action_id "same"/,
    ],
    [
      "duplicate block_id",
      ok([
        { type: "divider", block_id: "b" },
        { type: "divider", block_id: "b" },
      ]),
      /duplicate block_id "b"/,
    ],
    ["long block_id", ok([{ type: "divider", block_id: "b".repeat(256) }]), /block_id is 256/],
    [
      "unchecked block type",
      ok([{ type: "image", image_url: "https://x", alt_text: "x" }]),
      /not sent by CompBot/,
    ],
    [
      "oversized JSON",
      ok(Array.from({ length: 6 }, () => section("j".repeat(2500)))),
      /blocks JSON is \d+ characters/,
    ],
  ];
  for (const [label, message, expected] of cases) {
    it(label, () => {
      const violations = blockKitViolations(message);
      expect(
        violations.some((v) => expected.test(v)),
        violations.join("\n"),
      ).toBe(true);
    });
  }

  it("reports every violation, not just the first", () => {
    const m = ok([section(""), { type: "header", text: { type: "plain_text", text: "h".repeat(200) } }], "");
    expect(blockKitViolations(m).length).toBeGreaterThanOrEqual(3);
  });
});
