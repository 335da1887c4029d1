/**
 * `npm start`'s node flags include V8's `--no-regexp-tier-up`: a regular expression is compiled to machine code
 * at its first match (seen in V8's code statistics), where by default that match runs in the bytecode
 * interpreter and adds none. The flag must be on the command line: set from the code, it crashed a process.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/guides/test-fixtures.ts";

const CHILD = fileURLToPath(new URL("../support/regexp-code.ts", import.meta.url));

/** The node flags of a package.json script ("node --a --b file" -> ["--a", "--b"]). */
function flagsOf(script: string): string[] {
  const scripts = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  return scripts[script]!.split(" ").filter((word) => word.startsWith("--"));
}

/** Machine code added by the first match of a new regular expression, in a node started with `flags`. */
function codeAdded(flags: string[]): number {
  const out = execFileSync(process.execPath, [...flags, "--import", "tsx", CHILD], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return (JSON.parse(out.trim()) as { codeAdded: number }).codeAdded;
}

describe("regular expressions compiled at their first match", () => {
  it("with the node flags of npm start, npm run dev and npm run start:dist", () => {
    for (const script of ["start", "dev", "start:dist"])
      expect(flagsOf(script)).toContain("--no-regexp-tier-up");
    expect(codeAdded(flagsOf("start"))).toBeGreaterThan(0);
  });

  it("where node's defaults interpret the first match (no machine code added)", () => {
    expect(codeAdded([])).toBe(0);
  });
});
