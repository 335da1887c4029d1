import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { FrontmatterLanguageError, splitGuide } from "./frontmatter.ts";
import { loadGuides } from "./load.ts";
import { repairMojibake } from "./repair.ts";
import { guideText, seedText, tempGuidesDir } from "./test-fixtures.ts";

describe("splitGuide", () => {
  const samples = [
    repairMojibake(seedText()).text,
    guideText(),
    guideText().replace(/\n/g, "\r\n"),
    "---\ntitle: x\n---",
    "---\ntitle: x\n---\n\n# Body\n",
    "---yaml\ntitle: x\n---\nbody",
    "---\n---\nbody only",
    "---\ntitle: x\nmore: y\n",
    "----\nnot: frontmatter\n----\n",
    "# No frontmatter\n",
    "---",
  ];
  it.each(samples.map((s, i) => [i, s]))("gives what matter(text, {}) gives (sample %i)", (_i, text) => {
    const ours = splitGuide(text);
    const theirs = matter(text, {});
    expect(ours).toEqual({ data: theirs.data, matter: theirs.matter, content: theirs.content });
  });

  it("refuses a JavaScript block without running it", () => {
    const g = globalThis as { __compbotPwned?: number };
    for (const lang of ["js", "javascript", "JS "]) {
      expect(() => splitGuide(`---${lang}\n{ a: (globalThis.__compbotPwned = 1) }\n---\nbody`)).toThrow(
        FrontmatterLanguageError,
      );
    }
    expect(g.__compbotPwned).toBeUndefined();
  });

  it("makes the loader report a non-YAML block as a frontmatter error", async () => {
    const t = tempGuidesDir();
    try {
      const file = t.write("acme/x.md", "---js\n{ company: 'acme' }\n---\n");
      const { guides, problems } = await loadGuides(t.dir, { today: "2026-01-01" });
      expect(guides).toEqual([]);
      expect(problems).toEqual([
        {
          severity: "error",
          code: "frontmatter",
          file,
          path: "",
          message: 'expected YAML frontmatter, found a "---js" block',
        },
      ]);
    } finally {
      t.cleanup();
    }
  });
});
