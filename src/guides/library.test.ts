import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GuideLibrary } from "./library.ts";
import { loadGuides } from "./load.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("GuideLibrary.refresh", () => {
  it("a rename reported in one batch, new name first, keeps the guide (the old file is removed before the new one is read)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "compbot-library-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "segment"));
    const before = path.join(dir, "segment", "ml-ai-engineer.md");
    cpSync("guides/segment/ml-ai-engineer.md", before);
    const { guides } = await loadGuides(dir, { cache: false, today: "2026-12-01" });
    expect(guides.map((g) => `${g.company}/${g.role}`)).toEqual(["segment/ml-ai-engineer"]);

    const library = new GuideLibrary(guides);
    const after = path.join(dir, "segment", "ml-ai-engineer-renamed.md");
    renameSync(before, after);
    const report = await library.refresh([after, before], "2026-12-01");

    expect(report.removed).toEqual([before]);
    expect(report.added).toEqual([after]);
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});
