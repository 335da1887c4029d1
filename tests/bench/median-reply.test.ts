/** The reply bare Bolt sends in the bench's throughput phase: CompBot's of median size (bench/process.ts). */
import { describe, expect, it } from "vitest";
import { medianReply } from "../../bench/process.ts";

describe("medianReply", () => {
  it("takes the JSON reply of median length, the shorter of the two middle ones when their number is even", () => {
    const replies = [
      '{"text":"a"}',
      '{"text":"abcdef"}',
      '{"text":"abc"}',
      '{"text":"abcdefghij"}',
      '{"t":1}',
    ];
    expect(medianReply(replies)).toBe('{"text":"abc"}');
    expect(medianReply(replies.slice(0, 4))).toBe('{"text":"abc"}');
  });

  it("leaves out answers that are not JSON (an error page, a line of text), and says when none is left", () => {
    expect(medianReply(["Internal Server Error", '{"text":"ok"}', "not json"])).toBe('{"text":"ok"}');
    expect(medianReply(["Internal Server Error"])).toBeNull();
    expect(medianReply([])).toBeNull();
  });
});
