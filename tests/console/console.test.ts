/** The local console and `npm run ask`, run as a user would: real processes, piped input. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** No Slack credentials, whatever the developer's shell or .env holds: the console must start. */
const ENV = {
  ...process.env,
  SLACK_BOT_TOKEN: "",
  SLACK_APP_TOKEN: "",
  SLACK_SIGNING_SECRET: "",
  GUIDES_DIR: "guides",
  COMPBOT_CACHE_DIR: "off",
};

function run(args: string[], input = "") {
  const result = spawnSync(process.execPath, ["--import", "tsx", ...args], {
    input,
    env: ENV,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("console (npm start without Slack credentials)", () => {
  it("answers each piped line and exits 0", () => {
    const { code, out, err } = run(
      ["src/main.ts"],
      "/comp segment ml-ai-engineer london\nwhat's the total comp for an ML engineer at Segment in New York?\nacme widget-engineer paris\n",
    );
    expect(err).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(code).toBe(0);
    expect(out).toContain("ML/AI Engineer · Segment · London");
    expect(out).toMatch(/Base\s+£132K–£165K/);
    expect(out).toMatch(/Total comp\s+£182K–£248K/);
    expect(out).toMatch(/Base\s+\$182K–\$222K/);
    expect(out).toContain("I don't have a guide for acme");
    expect(out).not.toMatch(/undefined|NaN|â€|Â£|ðŸ/);
    // Piped: no prompt, no banner.
    expect(out).not.toContain("compbot>");
  });

  it("keeps the conversation: a follow-up reuses the guide", () => {
    const { out } = run(["src/main.ts"], "segment ml engineer sf\nand london?\n");
    expect(out).toContain("ML/AI Engineer · Segment · San Francisco");
    expect(out).toContain("ML/AI Engineer · Segment · London");
  });

  it("a bad variable is one clear line and exit code 2", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...ENV, SLACK_BOT_TOKEN: "not-a-token", SLACK_SIGNING_SECRET: "x" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/SLACK_BOT_TOKEN/);
    expect(result.stderr).not.toContain("not-a-token");
  });
});

describe("npm run ask", () => {
  it("answers once in the terminal", () => {
    const { code, out } = run(["src/console/ask.ts", "segment", "ml-ai-engineer", "london"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Stock \(RSU over 4 yrs\)\s+£102K–£188K/);
  });

  it("--json prints the Block Kit payload the Slack app sends", () => {
    const { code, out } = run(["src/console/ask.ts", "segment", "ml-ai-engineer", "london", "--json"]);
    expect(code).toBe(0);
    const payload = JSON.parse(out) as { text: string; blocks: { type: string }[] };
    expect(payload.text).toContain("£132K–£165K");
    expect(payload.blocks[0]?.type).toBe("header");
  });
});
