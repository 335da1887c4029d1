/**
 * `npm start` (scripts/start.mjs): the compiled build, built first when it is missing or older than the sources.
 * Run on a small project of its own in a temp folder (the real scripts/start.mjs and scripts/build.mjs, the
 * repository's node_modules and TypeScript), so that building does not race the other tests' use of dist/.
 * Each case runs package.json's `start` command (`node <flags> scripts/start.mjs`) as `npm start` does.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/compbot-process.ts";

const RUN_TIMEOUT_MS = 120_000;

/** The node flags of package.json's `start` script: `node <flags> scripts/start.mjs`. */
const START_FLAGS = (() => {
  const words = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: { start: string } }
  ).scripts.start.split(" ");
  expect(words[0]).toBe("node");
  expect(words.at(-1)).toBe("scripts/start.mjs");
  return words.slice(1, -1);
})();
let project: string;

function write(relative: string, text: string): void {
  const file = path.join(project, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** `npm start`'s command in the temp project; stdout, stderr and the exit status. */
function start(): { status: number | null; stdout: string; stderr: string; pid: number } {
  const run = spawnSync(process.execPath, [...START_FLAGS, "scripts/start.mjs"], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
    timeout: RUN_TIMEOUT_MS,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, pid: run.pid };
}

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "compbot-start-"));
  for (const script of ["start.mjs", "build.mjs"]) {
    mkdirSync(path.join(project, "scripts"), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, "scripts", script), path.join(project, "scripts", script));
  }
  symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
  write("package.json", JSON.stringify({ name: "start-test", private: true, type: "module" }));
  write("package-lock.json", "{}\n");
  write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        allowImportingTsExtensions: true,
        noEmit: true,
        types: ["node"],
      },
      include: ["src"],
    }),
  );
  write(
    "tsconfig.build.json",
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: {
        noEmit: false,
        outDir: "dist",
        rootDir: "src",
        rewriteRelativeImportExtensions: true,
      },
      include: ["src"],
    }),
  );
  write("src/greeting.ts", 'export const greeting: string = "first version";\n');
  // The flags `npm start` gives node reach the bot's own process: nothing runs in between.
  write(
    "src/main.ts",
    [
      'import { greeting } from "./greeting.ts";',
      'console.log("started: " + greeting + "; pid " + process.pid + "; flags " + process.execArgv.join(" "));',
      "",
    ].join("\n"),
  );
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Sets a file's modification time `seconds` from now (an edit a second later, whatever the clock's tick). */
function touch(relative: string, seconds: number): void {
  const when = new Date(Date.now() + seconds * 1000);
  utimesSync(path.join(project, relative), when, when);
}

describe("npm start (scripts/start.mjs)", () => {
  it(
    "builds dist/ on a fresh clone, then runs it in the same process with npm start's node flags",
    () => {
      const run = start();
      expect(run.stderr).toContain("compbot: building dist/ from src/ first (dist/ has not been built yet)");
      expect(run.stderr).toMatch(/compbot: built in \d+\.\d s/);
      expect(START_FLAGS).toEqual([
        "--max-semi-space-size=4",
        "--initial-old-space-size=128",
        "--no-regexp-tier-up",
      ]);
      expect(run.stdout).toContain(
        `started: first version; pid ${run.pid}; flags ${START_FLAGS.join(" ")}\n`,
      );
      expect(run.status).toBe(0);
      expect(JSON.parse(readFileSync(path.join(project, "dist/build-inputs.json"), "utf8"))).toEqual({
        inputs: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "does not build again when nothing changed",
    () => {
      const builtAt = statSync(path.join(project, "dist/main.js")).mtimeMs;
      const run = start();
      expect(run.stderr).not.toContain("building");
      expect(run.stdout).toContain("started: first version");
      expect(run.status).toBe(0);
      expect(statSync(path.join(project, "dist/main.js")).mtimeMs).toBe(builtAt);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "builds again after an edit, a new file, a deleted file or a changed tsconfig",
    () => {
      write("src/greeting.ts", 'export const greeting: string = "second version";\n');
      touch("src/greeting.ts", 2);
      let run = start();
      expect(run.stderr).toContain("(the sources changed since dist/ was built)");
      expect(run.stdout).toContain("started: second version");

      write("src/unused.ts", "export const unused = 1;\n");
      run = start();
      expect(run.stderr).toContain("building");
      expect(statSync(path.join(project, "dist/unused.js")).isFile()).toBe(true);

      rmSync(path.join(project, "src/unused.ts"));
      run = start();
      expect(run.stderr).toContain("building");
      // Built from an empty dist/: no output of a deleted source is left behind.
      expect(() => statSync(path.join(project, "dist/unused.js"))).toThrow();

      touch("tsconfig.build.json", 4);
      run = start();
      expect(run.stderr).toContain("building");
      expect(run.status).toBe(0);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "does not start on a failed build: the compiler's message, and what to run instead",
    () => {
      write("src/greeting.ts", 'export const greeting: number = "not a number";\n');
      touch("src/greeting.ts", 6);
      let run = start();
      expect(run.status).toBe(1);
      expect(run.stdout).not.toContain("started");
      expect(run.stderr).toContain("compbot: cannot start: the TypeScript build failed:");
      expect(run.stderr).toMatch(/src\/greeting\.ts\(1,14\): error TS2322/);
      expect(run.stderr).toContain("`npm run dev` runs the sources through tsx");
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace

      // Still refused on the next start (the failed build recorded nothing), then fixed.
      run = start();
      expect(run.status).toBe(1);
      write("src/greeting.ts", 'export const greeting: string = "fixed";\n');
      touch("src/greeting.ts", 8);
      run = start();
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("started: fixed");
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "`npm run build` (scripts/build.mjs) records its sources: the next start does not build again",
    () => {
      const built = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: project, encoding: "utf8" });
      expect(built.status).toBe(0);
      const run = start();
      expect(run.stderr).not.toContain("building");
      expect(run.stdout).toContain("started: fixed");
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "says so when dist/ is out of date and TypeScript is not installed (pruned)",
    () => {
      rmSync(path.join(project, "node_modules"));
      mkdirSync(path.join(project, "node_modules"));
      touch("src/main.ts", 10);
      const run = start();
      expect(run.status).toBe(1);
      expect(run.stdout).not.toContain("started");
      expect(run.stderr).toContain(
        "compbot: building dist/ from src/ first (the sources changed since dist/ was built)",
      );
      expect(run.stderr).toContain("TypeScript is not installed here");
      expect(run.stderr).toContain("run `npm install`");
      // The build it had is left as it was.
      expect(statSync(path.join(project, "dist/main.js")).isFile()).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );
});
