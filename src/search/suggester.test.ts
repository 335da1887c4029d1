/**
 * Suggester: fuse.js over phrases, built at once or in slices with the same results; a reset during a build in
 * slices drops it, so that phrases added meanwhile are never missed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../guides/test-fixtures.ts";
import { Slice } from "../runtime/slices.ts";
import { Suggester } from "./suggester.ts";

const NAMES = [
  "Globex",
  "Umbrella Corp",
  "Initech",
  "Hooli",
  "Acme Robotics",
  "Acme Rockets",
  "Vandelay",
  "Acme",
];

describe("Suggester", () => {
  it("built in slices, searches exactly as built at once", async () => {
    const docs = () => NAMES.map((phrase, i) => ({ phrase, value: i }));
    const whole = new Suggester(docs);
    const sliced = new Suggester(docs);
    let pauses = 0;
    await sliced.buildInSlices(
      new Slice(2, async () => {
        pauses++;
      }),
    );
    expect(pauses).toBe(4); // 8 phrases, 2 a slice
    expect(sliced.built).toBe(true);
    for (const text of ["acme", "globx", "umbrela", "hooli", "zz", "vandely industries"]) {
      expect(sliced.search(text, 10)).toEqual(whole.search(text, 10));
    }
    expect(whole.search("globx", 10)[0]).toMatchObject({ phrase: "Globex", value: 0 });
    // At most `limit`, best first.
    expect(whole.search("acme", 10).length).toBeGreaterThan(2);
    expect(whole.search("acme", 2)).toEqual(whole.search("acme", 10).slice(0, 2));
  });

  it("a reset during a build in slices drops it: the next search sees the phrases added meanwhile", async () => {
    const phrases = ["Globex", "Initech"];
    const suggester = new Suggester(() => phrases.map((phrase) => ({ phrase, value: phrase })));
    const building = suggester.buildInSlices(
      new Slice(1, async () => {
        if (!phrases.includes("Hooli")) {
          phrases.push("Hooli");
          suggester.reset();
        }
      }),
    );
    await building;
    expect(suggester.built).toBe(false);
    expect(suggester.search("hooli", 5)[0]).toMatchObject({ phrase: "Hooli" });
  });
});

describe("fuse.js", () => {
  it("is loaded when the first searcher is built, not when the module is imported", () => {
    // A process of its own (this one may have loaded fuse.js for another test). fuse.js counts as loaded when
    // its CommonJS build is in require's cache, or when an ES import resolved to it (seen by a resolve hook,
    // which runs on the loader's thread and writes down what it resolves).
    const seen = path.join(mkdtempSync(path.join(tmpdir(), "compbot-fuse-")), "resolved.txt");
    const hooks = `import { appendFileSync } from "node:fs";
      export async function resolve(specifier, context, next) {
        const found = await next(specifier, context);
        appendFileSync(${JSON.stringify(seen)}, found.url + "\\n");
        return found;
      }`;
    const script = `
      import { createRequire, register } from "node:module";
      import { existsSync, readFileSync } from "node:fs";
      register("data:text/javascript," + encodeURIComponent(${JSON.stringify(hooks)}));
      const { Suggester } = await import("./src/search/suggester.ts");
      const require = createRequire(import.meta.url);
      const loaded = () =>
        Object.keys(require.cache).some((f) => f.includes("/node_modules/fuse.js/")) ||
        (existsSync(${JSON.stringify(seen)}) && readFileSync(${JSON.stringify(seen)}, "utf8").includes("/node_modules/fuse.js/"));
      const s = new Suggester(() => [{ phrase: "Globex", value: 1 }]);
      const before = loaded();
      const found = s.search("globx", 1).map((x) => x.phrase);
      console.log(JSON.stringify({ before, after: loaded(), found }));
    `;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual({ before: false, after: true, found: ["Globex"] });
    rmSync(path.dirname(seen), { recursive: true, force: true });
  });
});
