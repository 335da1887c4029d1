import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PARSER_SOURCES } from "./cache.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The modules `file` loads at run time (its relative imports, `import type` left out), as absolute paths. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of source.matchAll(/^import\s+(type\s+)?[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/gms)) {
    if (m[1] === undefined) found.push(path.resolve(path.dirname(file), m[2]!));
  }
  return found;
}

describe("the parser fingerprint's modules", () => {
  it("include every module that parsing a file or encoding its entry loads", () => {
    // What a guide file parses to: parse-file.ts. The bytes cached for it: the encoders.
    const roots = ["parse-file.ts", "compact.ts", "packed.ts", "cache-record.ts"].map((f) =>
      path.join(here, f),
    );
    const loaded = new Set<string>();
    const pending = [...roots];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (loaded.has(file)) continue;
      loaded.add(file);
      pending.push(...runtimeImports(file));
    }
    const fingerprinted = new Set(PARSER_SOURCES.map((m) => path.resolve(here, m)));
    const missing = [...loaded].filter((f) => !fingerprinted.has(f)).map((f) => path.relative(here, f));
    expect(missing).toEqual([]);
    // The walk itself reaches beyond this folder (a check that it follows imports at all).
    expect([...loaded].map((f) => path.relative(here, f))).toContain("../text/normalize.ts");
  });
});
