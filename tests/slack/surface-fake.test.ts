/**
 * The test support itself: the fake Slack refuses what Slack refuses for the new methods (token, required
 * arguments, view limits), and the independent limits checker catches each rule it is there for.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, type Json } from "../support/fake-slack.ts";
import { TEST_BOT_TOKEN } from "../support/signing.ts";
import {
  homeViewProblems,
  optionsResponseProblems,
  surfaceBlockProblems,
} from "../support/surface-limits.ts";

let fake: FakeSlack;
beforeAll(async () => {
  fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN });
});
afterAll(async () => {
  await fake?.close();
});

async function call(method: string, body: Json, token: string | null = TEST_BOT_TOKEN): Promise<Json> {
  const res = await fetch(`${fake.apiUrl}${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Json;
}

const section = { type: "section", text: { type: "mrkdwn", text: "x" } };
const home = (n: number) => ({ type: "home", blocks: Array.from({ length: n }, () => section) });
const modal = { type: "modal", title: { type: "plain_text", text: "T" }, blocks: [section] };

describe("fake Slack: the new methods check the token and their required arguments", () => {
  it("views.publish", async () => {
    expect(await call("views.publish", { user_id: "U1", view: home(1) })).toMatchObject({ ok: true });
    expect(await call("views.publish", { user_id: "U1", view: home(1) }, null)).toEqual({
      ok: false,
      error: "not_authed",
    });
    expect(await call("views.publish", { user_id: "U1", view: home(1) }, "xoxb-other")).toEqual({
      ok: false,
      error: "invalid_auth",
    });
    expect((await call("views.publish", { view: home(1) })).error).toBe("invalid_arguments");
    expect((await call("views.publish", { user_id: "U1" })).error).toBe("invalid_arguments");
    expect((await call("views.publish", { user_id: "U1", view: home(101) })).error).toBe("invalid_arguments");
    expect((await call("views.publish", { user_id: "U1", view: { ...home(1), type: "modal" } })).error).toBe(
      "invalid_arguments",
    );
  });

  it("views.update", async () => {
    expect(await call("views.update", { view_id: "V1", view: modal })).toMatchObject({ ok: true });
    expect((await call("views.update", { view: modal })).error).toBe("invalid_arguments");
    expect((await call("views.update", { view_id: "V1" })).error).toBe("invalid_arguments");
    expect((await call("views.update", { view_id: "V1", view: modal }, "xoxb-other")).error).toBe(
      "invalid_auth",
    );
  });

  it("assistant.threads.setSuggestedPrompts", async () => {
    const prompt = { title: "t", message: "m" };
    expect(
      await call("assistant.threads.setSuggestedPrompts", { channel_id: "D1", prompts: [prompt] }),
    ).toEqual({
      ok: true,
    });
    expect((await call("assistant.threads.setSuggestedPrompts", { prompts: [prompt] })).error).toBe(
      "invalid_arguments",
    );
    expect(
      (await call("assistant.threads.setSuggestedPrompts", { channel_id: "D1", prompts: [] })).error,
    ).toBe("invalid_arguments");
    const five = Array.from({ length: 5 }, () => prompt);
    expect(
      (await call("assistant.threads.setSuggestedPrompts", { channel_id: "D1", prompts: five })).error,
    ).toBe("invalid_arguments");
    expect(
      (await call("assistant.threads.setSuggestedPrompts", { channel_id: "D1", prompts: [{ title: "t" }] }))
        .error,
    ).toBe("invalid_arguments");
    expect(
      (await call("assistant.threads.setSuggestedPrompts", { channel_id: "D1", prompts: [prompt] }, null))
        .error,
    ).toBe("not_authed");
  });

  it("assistant.threads.setStatus", async () => {
    const ok = { channel_id: "D1", thread_ts: "1.2", status: "is thinking…" };
    expect(await call("assistant.threads.setStatus", ok)).toEqual({ ok: true });
    expect((await call("assistant.threads.setStatus", { ...ok, thread_ts: undefined })).error).toBe(
      "invalid_arguments",
    );
    expect((await call("assistant.threads.setStatus", { ...ok, channel_id: undefined })).error).toBe(
      "invalid_arguments",
    );
    expect((await call("assistant.threads.setStatus", { ...ok, status: undefined })).error).toBe(
      "invalid_arguments",
    );
    expect((await call("assistant.threads.setStatus", ok, "xoxb-other")).error).toBe("invalid_auth");
  });
});

describe("the independent limits checker", () => {
  const cell = { type: "raw_text", text: "x" };
  const table = (rows: number, cells: number) => ({
    type: "table",
    rows: Array.from({ length: rows }, () => Array.from({ length: cells }, () => cell)),
  });
  const feedback = {
    type: "feedback_buttons",
    action_id: "f",
    positive_button: { text: { type: "plain_text", text: "Yes" }, value: "up" },
    negative_button: { text: { type: "plain_text", text: "No" }, value: "down" },
  };

  it("tables: 100 rows and 20 cells a row at most, one per message", () => {
    expect(surfaceBlockProblems([table(100, 20)])).toEqual([]);
    expect(surfaceBlockProblems([table(101, 2)])).toEqual(["block 0 (table): 101 rows (max 100)"]);
    expect(surfaceBlockProblems([table(2, 21)])).toEqual([
      "block 0 (table).rows[0]: 21 cells (max 20)",
      "block 0 (table).rows[1]: 21 cells (max 20)",
    ]);
    expect(surfaceBlockProblems([table(2, 2), table(2, 2)])).toEqual(["2 table blocks (one per message)"]);
    expect(surfaceBlockProblems([{ type: "table", rows: [[{ type: "raw_text", text: "" }]] }])).toEqual([
      "block 0 (table).rows[0][0]: empty cell text",
    ]);
  });

  it("feedback_buttons only inside context_actions (1–5 elements)", () => {
    expect(surfaceBlockProblems([{ type: "context_actions", elements: [feedback] }])).toEqual([]);
    expect(surfaceBlockProblems([{ type: "actions", elements: [feedback] }])).toEqual([
      "blocks[0].elements[0]: feedback_buttons outside a context_actions block",
    ]);
    expect(
      surfaceBlockProblems([
        { type: "context_actions", elements: Array.from({ length: 6 }, () => feedback) },
      ]),
    ).toEqual(["block 0 (context_actions): 1–5 elements"]);
  });

  it("Home views: 100 blocks at most, no table; options responses: 100 options at most", () => {
    expect(homeViewProblems(home(100))).toEqual([]);
    expect(homeViewProblems(home(101))).toEqual(["101 blocks (max 100)"]);
    expect(homeViewProblems({ type: "home", blocks: [table(2, 2)] })).toEqual([
      "a table block in a Home view (messages only)",
    ]);
    const option = (i: number) => ({ text: { type: "plain_text", text: `o${i}` }, value: `v${i}` });
    expect(optionsResponseProblems({ options: Array.from({ length: 100 }, (_, i) => option(i)) })).toEqual(
      [],
    );
    expect(optionsResponseProblems({ options: Array.from({ length: 101 }, (_, i) => option(i)) })).toEqual([
      "101 options (max 100)",
    ]);
    expect(
      optionsResponseProblems({
        options: [{ text: { type: "plain_text", text: "x" }, value: "v".repeat(151) }],
      }),
    ).toEqual(["options[0]: value is 151 characters (max 150)"]);
  });
});
