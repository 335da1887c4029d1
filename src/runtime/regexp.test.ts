/**
 * compileRegExpsAtOnce: from the call on, a regular expression's first match compiles it to machine code
 * (seen in V8's code statistics), where by default the first match runs in the bytecode interpreter; an
 * operator's own tier-up flag is left alone. In child processes: the setting is the whole process's.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CHILD = fileURLToPath(new URL("../../tests/support/regexp-code.ts", import.meta.url));

function child(mode: "on" | "off", nodeFlags: string[] = []): { set: boolean | null; codeAdded: number } {
  const out = execFileSync(process.execPath, [...nodeFlags, "--import", "tsx", CHILD, mode], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return JSON.parse(out.trim());
}

describe("compileRegExpsAtOnce", () => {
  it("compiles a regular expression to machine code at its first match", () => {
    const on = child("on");
    expect(on.set).toBe(true);
    expect(on.codeAdded).toBeGreaterThan(0);
  });

  it("where V8 by default interprets the first match (no machine code added)", () => {
    expect(child("off").codeAdded).toBe(0);
  });

  it("leaves an operator's --regexp-tier-up alone", () => {
    const operator = child("on", ["--regexp-tier-up"]);
    expect(operator).toEqual({ set: false, codeAdded: 0 });
  });
});
