/**
 * The guide watcher started from the folders the loader's helper thread listed (scan.ts): the real loader, the
 * real helper, the real watcher and the real bot, on a temp guides folder.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { guideText, makeGuidesDir } from "../../tests/support/make-guide.ts";
import { type CompBot, loadCompBot } from "../bot.ts";
import { turnsDuring } from "../runtime/turns.test-helpers.ts";
import { GuideLibrary } from "./library.ts";
import type { ScannedFolders } from "./scan.ts";
import { type GuideWatcher, watchGuides } from "./watch.ts";

const TODAY = "2026-11-29";
const guide = (company: string, role = "data-scientist", region = "Dublin") =>
  guideText({
    company,
    companyDisplay: company[0]!.toUpperCase() + company.slice(1),
    role,
    roleDisplay: role === "data-scientist" ? "Data Scientist" : "Product Manager",
    bands: [{ region, currency: "EUR", base: [90000, 120000] }],
  });

let watcher: GuideWatcher | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await watcher?.close();
  watcher = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Guides in stripe/, initech/ and emea/globex/ (a folder in a folder). */
function guidesDir(): string {
  const dir = makeGuidesDir([]);
  dirs.push(dir);
  for (const company of ["stripe", "initech"]) {
    mkdirSync(join(dir, company));
    writeFileSync(join(dir, company, "data-scientist.md"), guide(company));
  }
  mkdirSync(join(dir, "emea", "globex"), { recursive: true });
  writeFileSync(join(dir, "emea", "globex", "data-scientist.md"), guide("globex"));
  return dir;
}

/** Sets the mtime of `dir` and of every folder under it (to a whole millisecond); by default an hour back. */
function ageFolders(dir: string, when = new Date(Date.now() - 3_600_000)): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) ageFolders(join(dir, entry.name), when);
  }
  utimesSync(dir, when, when);
}

/** Loads as a start does; `folders` is what the loader's helper listed. */
async function load(dir: string) {
  const { bot, folders } = await loadCompBot(dir, { today: () => TODAY });
  return { bot: bot as CompBot, folders };
}

async function watchFrom(bot: CompBot, dir: string, folders: ScannedFolders | undefined) {
  const logs: string[] = [];
  watcher = watchGuides({
    dir,
    library: new GuideLibrary(bot.guides),
    today: () => TODAY,
    onUpdate: (report, guides) => bot.updateGuides(report.changes, guides),
    log: (level, line) => logs.push(`${level} ${line}`),
    debounceMs: 50,
    ...(folders ? { folders } : {}),
  });
  await watcher.ready;
  return logs;
}

async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const kind = (bot: CompBot, text: string) => bot.ask(text, { surface: "slash" }).answer.kind;

/** The guides added, updated and removed, summed over the watcher's "guides reloaded" lines. */
function reloaded(logs: string[]) {
  const sum = { added: 0, updated: 0, removed: 0 };
  for (const line of logs) {
    const m = /guides reloaded: (\d+) added, (\d+) updated, (\d+) removed/.exec(line);
    if (!m) continue;
    sum.added += Number(m[1]);
    sum.updated += Number(m[2]);
    sum.removed += Number(m[3]);
  }
  return sum;
}

describe("guide watcher started from the loader's scan", () => {
  it("watches every folder the scan listed: changes at each depth are served", async () => {
    const dir = guidesDir();
    ageFolders(dir);
    const { bot, folders } = await load(dir);
    const paths = folders!.paths;
    expect(paths[0]).toBe(dir);
    expect([...paths].sort()).toEqual(
      [dir, join(dir, "emea"), join(dir, "emea", "globex"), join(dir, "initech"), join(dir, "stripe")].sort(),
    );
    // Each folder after its parent, with its parent's index.
    const globex = paths.indexOf(join(dir, "emea", "globex"));
    expect(folders!.info[globex * 3]).toBe(paths.indexOf(join(dir, "emea")));
    expect(globex).toBeGreaterThan(paths.indexOf(join(dir, "emea")));
    await watchFrom(bot, dir, folders);

    writeFileSync(join(dir, "top.md"), guide("hooli"));
    writeFileSync(join(dir, "stripe", "product-manager.md"), guide("stripe", "product-manager"));
    writeFileSync(
      join(dir, "emea", "globex", "data-scientist.md"),
      guide("globex", "data-scientist", "Paris"),
    );
    await eventually(() => kind(bot, "hooli data scientist dublin") === "band");
    await eventually(() => kind(bot, "stripe product manager dublin") === "band");
    await eventually(() => kind(bot, "globex data scientist paris") === "band");
    expect(kind(bot, "globex data scientist dublin")).toBe("region-not-found");
  });

  it("reads what was added or removed between the scan and the watch, and watches a folder made meanwhile", async () => {
    const dir = guidesDir();
    ageFolders(dir);
    const { bot, folders } = await load(dir);
    expect(kind(bot, "initech data scientist dublin")).toBe("band");

    // After the scan, before the watch: a guide added to a known folder, one removed, a new folder with a
    // guide, a known folder removed with its guide.
    writeFileSync(join(dir, "stripe", "product-manager.md"), guide("stripe", "product-manager"));
    rmSync(join(dir, "stripe", "data-scientist.md"));
    mkdirSync(join(dir, "acme"));
    writeFileSync(join(dir, "acme", "data-scientist.md"), guide("acme"));
    rmSync(join(dir, "initech"), { recursive: true });
    const logs = await watchFrom(bot, dir, folders);

    await eventually(() => kind(bot, "acme data scientist dublin") === "band");
    await eventually(() => kind(bot, "stripe product manager dublin") === "band");
    await eventually(() => kind(bot, "initech data scientist dublin") === "not-found");
    await eventually(() => !bot.guides.some((g) => g.id === "stripe/data-scientist"));
    expect(kind(bot, "globex data scientist dublin")).toBe("band");
    // Read: the two added and the two removed, no guide that did not change.
    await eventually(() => reloaded(logs).added === 2 && reloaded(logs).removed === 2);
    expect(reloaded(logs)).toEqual({ added: 2, updated: 0, removed: 2 });

    // The folder made meanwhile is watched.
    writeFileSync(join(dir, "acme", "product-manager.md"), guide("acme", "product-manager"));
    await eventually(() => kind(bot, "acme product manager dublin") === "band");
  });

  it("drops a guide and a folder's guides (at any depth) gone since the scan, the folder given with a trailing slash", async () => {
    const dir = guidesDir();
    writeFileSync(join(dir, "old.md"), guide("umbrella"));
    ageFolders(dir);
    const { bot, folders } = await load(`${dir}/`);
    expect(folders!.paths[0]).toBe(`${dir}/`);
    expect(kind(bot, "umbrella data scientist dublin")).toBe("band");
    writeFileSync(join(dir, "top.md"), guide("hooli"));
    rmSync(join(dir, "old.md"));
    rmSync(join(dir, "emea"), { recursive: true });
    const logs = await watchFrom(bot, `${dir}/`, folders);
    await eventually(() => kind(bot, "globex data scientist dublin") === "not-found");
    await eventually(() => kind(bot, "hooli data scientist dublin") === "band");
    await eventually(() => kind(bot, "umbrella data scientist dublin") === "not-found");
    await eventually(() => reloaded(logs).added === 1 && reloaded(logs).removed === 2);
    expect(reloaded(logs)).toEqual({ added: 1, updated: 0, removed: 2 });
    expect(kind(bot, "stripe data scientist dublin")).toBe("band");
  });

  it("lists a folder whose mtime is racily close to the scan (a guide added just then is read)", async () => {
    const dir = guidesDir();
    // A broken guide: the loader reported it, and listing its folder again does not read it again.
    writeFileSync(join(dir, "emea", "globex", "broken.md"), "---\ncompany: [unclosed\n---\n");
    // Folders whose mtime is not older than the scan (here an hour ahead: racy however late the scan starts).
    // A guide added in the same tick of the file system's clock would leave the mtime as the scan saw it (put
    // back here by hand).
    const ahead = new Date(Date.now() + 3_600_000);
    ageFolders(dir, ahead);
    const { bot, folders } = await load(dir);
    writeFileSync(join(dir, "emea", "globex", "product-manager.md"), guide("globex", "product-manager"));
    utimesSync(join(dir, "emea", "globex"), ahead, ahead);
    const logs = await watchFrom(bot, dir, folders);
    await eventually(() => kind(bot, "globex product manager dublin") === "band");
    await eventually(() => reloaded(logs).added === 1);
    expect(logs).toEqual(["info guides reloaded: 1 added, 0 updated, 0 removed; serving 4"]);
  });

  it("does not list again a folder whose inode and mtime are those the scan saw", async () => {
    const dir = guidesDir();
    ageFolders(dir);
    const { bot, folders } = await load(dir);
    // A folder made after the scan, its parent's mtime then put back: the parent looks unchanged, so the
    // watcher trusts the scan's listing of it and never lists (nor watches) the new folder.
    const stripe = join(dir, "stripe");
    const before = statSync(stripe);
    mkdirSync(join(stripe, "unseen"));
    utimesSync(stripe, before.atime, before.mtime);
    await watchFrom(bot, dir, folders);

    writeFileSync(join(stripe, "unseen", "product-manager.md"), guide("stripe", "product-manager"));
    // A change the watcher sees, after the one it should not: once it is served, the other was not seen.
    writeFileSync(join(dir, "emea", "globex", "product-manager.md"), guide("globex", "product-manager"));
    await eventually(() => kind(bot, "globex product manager dublin") === "band");
    expect(kind(bot, "stripe product manager dublin")).not.toBe("band");
  });

  it("lists a folder replaced by another of the same name and mtime (its inode differs)", async () => {
    const dir = guidesDir();
    const aged = new Date(Date.now() - 3_600_000);
    ageFolders(dir, aged);
    const { bot, folders } = await load(dir);
    // Made before the old one goes, so that it cannot take the old one's inode number.
    mkdirSync(join(dir, "stripe-new"));
    writeFileSync(join(dir, "stripe-new", "product-manager.md"), guide("stripe", "product-manager"));
    rmSync(join(dir, "stripe"), { recursive: true });
    renameSync(join(dir, "stripe-new"), join(dir, "stripe"));
    utimesSync(join(dir, "stripe"), aged, aged);
    await watchFrom(bot, dir, folders);
    await eventually(() => kind(bot, "stripe product manager dublin") === "band");
    await eventually(() => !bot.guides.some((g) => g.id === "stripe/data-scientist"));
  });

  it("lists every folder itself when the scan is of another folder", async () => {
    const dir = guidesDir();
    const other = guidesDir();
    ageFolders(other);
    const { bot } = await load(dir);
    const { folders } = await load(other);
    mkdirSync(join(dir, "emea", "globex", "dublin"));
    await watchFrom(bot, dir, folders);
    writeFileSync(
      join(dir, "emea", "globex", "dublin", "product-manager.md"),
      guide("globex", "product-manager"),
    );
    await eventually(() => kind(bot, "globex product manager dublin") === "band");
  });

  it("watches the scanned folders a slice at a time, letting the event loop run between slices", async () => {
    const dir = guidesDir();
    // 640 folders the scan lists and the watcher finds unchanged: nothing to list again, only watch and stat.
    for (let i = 0; i < 640; i++) mkdirSync(join(dir, "emea", `f${String(i).padStart(3, "0")}`));
    ageFolders(dir);
    const { bot, folders } = await load(dir);
    expect(folders?.paths.length).toBeGreaterThan(640);
    // At most 64 folders a slice (watch.ts), and fewer when a slice's millisecond runs out: 640 folders take 9
    // pauses or more. Watched in one go, the loop turned once in all.
    const turns = await turnsDuring(() => watchFrom(bot, dir, folders));
    expect(turns).toBeGreaterThanOrEqual(9);
    // Every folder is watched all the same: a guide written in the last one is served.
    writeFileSync(join(dir, "emea", "f639", "product-manager.md"), guide("globex", "product-manager"));
    await eventually(() => kind(bot, "globex product manager dublin") === "band");
  });
});
