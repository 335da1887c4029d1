/**
 * renderBlocks keeps what it rendered per answer and options: the core hands out the same answer for a
 * question asked again, so it renders once. Kept messages are shared, so they are frozen all the way down.
 */
import { describe, expect, it } from "vitest";
import { CompBot } from "../bot.ts";
import { guideOf } from "../search/guides.test-helpers.ts";
import { SearchIndex } from "../search/index.ts";
import { renderBlocks, SHARE_ACTION_ID } from "./blocks.ts";

const bot = new CompBot(
  new SearchIndex([guideOf({ company: "acme", companyDisplay: "Acme" })]),
  () => "2026-12-02",
);
const answerTo = (text: string) => bot.ask(text, { surface: "slash" }).answer;
const actionIds = (message: ReturnType<typeof renderBlocks>) =>
  JSON.stringify(message.blocks).match(/"action_id":"[^"]+"/g) ?? [];

describe("renderBlocks: messages kept per answer and options", () => {
  it("gives the same frozen message for the same answer and options, equal to a fresh rendering", () => {
    const answer = answerTo("acme data scientist san francisco");
    const message = renderBlocks(answer, { shareable: true, feedback: "buttons" });
    expect(renderBlocks(answer, { feedback: "buttons", shareable: true })).not.toBe(message); // other key order
    expect(renderBlocks(answer, { shareable: true, feedback: "buttons" })).toBe(message);
    expect(Object.isFrozen(message)).toBe(true);
    expect(Object.isFrozen(message.blocks)).toBe(true);
    expect(Object.isFrozen(message.blocks[0])).toBe(true);
    expect(() => message.blocks.push(message.blocks[0]!)).toThrow(TypeError);
    // All the way down: every object and array in it (buttons' text objects, fields' lists…).
    const inside: unknown[] = [];
    const collect = (value: unknown): void => {
      if (typeof value !== "object" || value === null) return;
      inside.push(value);
      for (const child of Object.values(value)) collect(child);
    };
    collect(message);
    expect(inside.length).toBeGreaterThan(30);
    expect(inside.filter((value) => !Object.isFrozen(value))).toEqual([]);
    // An equal answer that is another object renders an equal message of its own.
    const copy = structuredClone(answer);
    const fresh = renderBlocks(copy, { shareable: true, feedback: "buttons" });
    expect(fresh).not.toBe(message);
    expect(fresh).toStrictEqual(message);
  });

  it("renders each set of options as asked", () => {
    const answer = answerTo("acme data scientist san francisco");
    const shared = renderBlocks(answer, { shareable: true });
    const plain = renderBlocks(answer, {});
    expect(actionIds(shared)).toContain(`"action_id":"${SHARE_ACTION_ID}"`);
    expect(actionIds(plain)).not.toContain(`"action_id":"${SHARE_ACTION_ID}"`);
    expect(renderBlocks(answer, { shareable: true })).toBe(shared);
  });

  it("still names whoever shared, past the renderings kept per answer", () => {
    const answer = answerTo("acme data scientist");
    for (let i = 0; i < 12; i++) {
      const message = renderBlocks(answer, { sharedBy: `U00000${i}` });
      expect(JSON.stringify(message.blocks)).toContain(`<@U00000${i}>`);
      expect(renderBlocks(answer, { sharedBy: `U00000${i}` })).toStrictEqual(message);
    }
  });
});
