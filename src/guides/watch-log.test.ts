/**
 * What the guide watcher tells an operator (its log lines, word for word) and which paths it treats as
 * guides. The reload behaviour through the bot is in watch.test.ts.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GuideLibrary, type RefreshReport } from "./library.ts";
import { loadGuides } from "./load.ts";
import { fixtureDir, guideText } from "./test-fixtures.ts";
import { type GuideWatcher, isGuideFile, watchGuides } from "./watch.ts";

const TODAY = "2026-02-01";
let watcher: GuideWatcher | null = null;
afterEach(async () => {
  await watcher?.close();
  watcher = null;
});

/** Polls until `check` holds (no blind sleep), failing after `ms`. */
async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function start(dir: string) {
  const { guides } = await loadGuides(dir, { today: TODAY });
  const library = new GuideLibrary(guides);
  const logs: string[] = [];
  const reports: RefreshReport[] = [];
  watcher = watchGuides({
    dir,
    library,
    today: () => TODAY,
    onUpdate: async (report, all) => {
      reports.push(report);
      expect((await all()).length).toBe(library.size);
    },
    log: (level, line) => logs.push(`${level} ${line}`),
    debounceMs: 100,
  });
  await watcher.ready;
  return { library, logs, reports };
}

describe("isGuideFile", () => {
  it("markdown files except README and hidden files", () => {
    expect(isGuideFile("/g/acme/x.md")).toBe(true);
    expect(isGuideFile("/g/acme/X.MD")).toBe(true);
    expect(isGuideFile("/g/acme/README.md")).toBe(false);
    expect(isGuideFile("/g/acme/readme.MD")).toBe(false);
    expect(isGuideFile("/g/acme/.x.md")).toBe(false);
    expect(isGuideFile("/g/acme/x.md.swp")).toBe(false);
    expect(isGuideFile("/g/acme/x.txt")).toBe(false);
    expect(isGuideFile("/g/.acme/notes-readme.md")).toBe(true);
  });
});

describe("the watcher's log", () => {
  it("an added guide: one info line with the counts and the number served", async () => {
    const t = fixtureDir();
    t.write("acme/backend-engineer.md", guideText());
    const { logs, reports } = await start(t.dir);
    t.write("beta/ml.md", guideText({ company: "beta", companyDisplay: "Beta", role: "ml" }));
    await eventually(() => logs.length > 0);
    expect(logs).toEqual(["info guides reloaded: 1 added, 0 updated, 0 removed; serving 2"]);
    expect(reports.map((r) => r.added.length)).toEqual([1]);
  });

  it("a broken edit: the error with its field, then which file is still served at its last good version", async () => {
    const t = fixtureDir();
    const file = t.write("acme/backend-engineer.md", guideText());
    const { logs, library } = await start(t.dir);
    writeFileSync(file, guideText().replace("base_low: 80000", "base_low: lots"));
    await eventually(() => logs.length >= 2);
    expect(logs).toEqual([
      `warn guide reload: ${file}: compensation.0.base_low: expected a positive number, found "lots"`,
      `warn guide reload: still serving the last good version of ${file}`,
    ]);
    expect(library.guides[0]!.bands[0]!.base.low).toBe(80000);
  });

  it("an error without a field path is logged without one", async () => {
    const t = fixtureDir();
    t.write("acme/backend-engineer.md", guideText());
    const { logs } = await start(t.dir);
    const broken = t.write("beta/ml.md", "no frontmatter\n");
    await eventually(() => logs.length >= 1);
    expect(logs).toEqual([
      `warn guide reload: ${broken}: expected YAML frontmatter between --- lines at the top of the file, found none`,
    ]);
  });

  it("a removed folder drops its guides", async () => {
    const t = fixtureDir();
    t.write("acme/backend-engineer.md", guideText());
    t.write("beta/ml.md", guideText({ company: "beta", companyDisplay: "Beta", role: "ml" }));
    const { logs, library } = await start(t.dir);
    rmSync(path.join(t.dir, "beta"), { recursive: true });
    await eventually(() => logs.length >= 1);
    expect(logs).toEqual(["info guides reloaded: 0 added, 0 updated, 1 removed; serving 1"]);
    expect(library.guides.map((g) => g.id)).toEqual(["acme/backend-engineer"]);
  });

  it("a folder that cannot be watched is said at the start", async () => {
    const t = fixtureDir();
    const missing = path.join(t.dir, "missing");
    const logs: string[] = [];
    watcher = watchGuides({
      dir: missing,
      library: new GuideLibrary([]),
      today: () => TODAY,
      onUpdate: () => {},
      log: (level, line) => logs.push(`${level} ${line}`),
    });
    await watcher.ready;
    expect(logs).toEqual([
      `warn guide watcher: ${missing} is not a readable folder; changes are not watched`,
    ]);
  });
});
