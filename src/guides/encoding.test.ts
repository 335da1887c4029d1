/**
 * A guide saved in a legacy encoding (Latin-1 / Windows-1252 bytes, not valid UTF-8) is read as Windows-1252 on
 * every path that reads guide files: the loader on the calling thread, in worker threads and through the index
 * cache, the hot-reload library, the on-demand body reader and guides:check (which warns and, with --fix,
 * rewrites the file as UTF-8). A U+FFFD in a UTF-8 file counts as mojibake.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readGuideBody } from "./body.ts";
import { checkGuides } from "./check.ts";
import { GuideLibrary } from "./library.ts";
import { loadGuides } from "./load.ts";
import { fixtureDir, guideText } from "./test-fixtures.ts";

const TODAY = "2026-02-01";

/** Windows-1252 bytes of a text made of Latin-1 characters plus "€", "–" and "’". */
function cp1252(text: string): Buffer {
  const special: Record<string, number> = { "€": 0x80, "–": 0x96, "’": 0x92 };
  return Buffer.from(
    [...text].map((ch) => {
      const byte = special[ch] ?? ch.codePointAt(0)!;
      if (byte > 0xff) throw new Error(`not Windows-1252: ${ch}`);
      return byte;
    }),
  );
}

const LEGACY = guideText({
  company: "acme-zurich",
  companyDisplay: "Acme Zürich",
  body: "**Negotiation DNA:** Cash-heavy – Zürich’s best €\n",
});
const WARNING =
  "the file is not valid UTF-8: it was read as Windows-1252 (Latin-1); save it as UTF-8 (guides:check --fix rewrites it)";

describe("a guide file in Windows-1252 bytes", () => {
  it("the fixture really is not UTF-8", () => {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(cp1252(LEGACY))).toThrow();
  });

  for (const workers of [0, 1]) {
    it(`is served correctly and warned about (${workers} worker threads)`, async () => {
      const t = fixtureDir();
      const file = t.write("acme-zurich/backend-engineer.md", cp1252(LEGACY));
      // Enough files for a worker to be given work: the legacy file among UTF-8 ones.
      for (let i = 0; i < 3; i++)
        t.write(`other/role-${i}.md`, guideText({ company: "other", role: `role-${i}` }));
      const loaded = await loadGuides(t.dir, { today: TODAY, workers });
      if (workers > 0) expect(loaded.parallel?.filesInWorkers).toBe(4);
      const guide = loaded.guides.find((g) => g.company === "acme-zurich");
      expect(guide?.companyDisplay).toBe("Acme Zürich");
      expect(loaded.problems).toEqual([
        { severity: "warning", code: "encoding", file, path: "", message: WARNING },
      ]);
      expect(readGuideBody(file).dnaSummary).toBe("Cash-heavy – Zürich’s best €");
    });
  }

  it("keeps its warning through the index cache", async () => {
    const t = fixtureDir();
    const file = t.write("acme-zurich/backend-engineer.md", cp1252(LEGACY));
    const cache = path.join(t.dir, ".cache");
    const first = await loadGuides(t.dir, { today: TODAY, workers: 0, cache });
    const second = await loadGuides(t.dir, { today: TODAY, workers: 0, cache });
    expect(second.cache?.status).toBe("hit");
    for (const loaded of [first, second]) {
      expect(loaded.guides[0]?.companyDisplay).toBe("Acme Zürich");
      expect(loaded.problems.map((p) => [p.code, p.file])).toEqual([["encoding", file]]);
    }
  });

  it("is read the same way by the hot-reload library", async () => {
    const t = fixtureDir();
    const file = t.write("acme-zurich/backend-engineer.md", cp1252(LEGACY));
    const library = new GuideLibrary([]);
    const report = await library.refresh([file], TODAY);
    expect(report.added).toEqual([file]);
    expect(library.guides[0]?.companyDisplay).toBe("Acme Zürich");
    expect(report.problems.map((p) => p.code)).toEqual(["encoding"]);
  });

  it("is named by guides:check as a warning, and --fix rewrites it as UTF-8", async () => {
    const t = fixtureDir();
    const file = t.write("acme-zurich/backend-engineer.md", cp1252(LEGACY));
    const report = await checkGuides(t.dir, { today: TODAY });
    expect(report.lines).toEqual([`warning ${file}: ${WARNING}`, "1 guide checked: 0 errors, 1 warning"]);
    expect(report.exitCode).toBe(0);

    const fixed = await checkGuides(t.dir, { today: TODAY, fix: true });
    expect(fixed.lines).toEqual([
      `fixed   ${file}: rewritten as UTF-8 (was Windows-1252); repaired 0 mojibake sequences (0 characters dropped)`,
      "1 guide checked: 0 errors, 0 warnings",
    ]);
    expect(readFileSync(file, "utf8")).toBe(LEGACY);
  });
});

describe("U+FFFD in a UTF-8 guide", () => {
  it("counts as mojibake: dropped from what is served, and warned about", async () => {
    const t = fixtureDir();
    const file = t.write("acme/backend-engineer.md", guideText({ companyDisplay: "Acme Z\ufffdrich" }));
    const loaded = await loadGuides(t.dir, { today: TODAY, workers: 0 });
    expect(loaded.guides[0]?.companyDisplay).toBe("Acme Zrich");
    expect(loaded.problems).toEqual([
      {
        severity: "warning",
        code: "mojibake",
        file,
        path: "",
        message:
          "repaired 0 mojibake sequences (1 characters dropped); run guides:check --fix to rewrite the file",
      },
    ]);
  });
});
