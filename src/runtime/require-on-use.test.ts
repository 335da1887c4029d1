/**
 * requireOnUse (require-on-use.ts): a stand-in in require's cache that loads the real module when first read.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { requireOnUse } from "./require-on-use.ts";

describe("requireOnUse", () => {
  /** A CommonJS module, compiled-from-TypeScript style, that counts how many times it was loaded. */
  function countingModule(): { file: string; loads: () => number } {
    const folder = mkdtempSync(path.join(tmpdir(), "compbot-require-on-use-"));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const file = path.join(folder, "counted.cjs");
    writeFileSync(
      file,
      `globalThis.__requireOnUseLoads = (globalThis.__requireOnUseLoads ?? 0) + 1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = class Counted {};
exports.answer = 42;
`,
    );
    const counter = globalThis as { __requireOnUseLoads?: number };
    counter.__requireOnUseLoads = 0;
    return { file, loads: () => counter.__requireOnUseLoads ?? 0 };
  }

  it("gives a stand-in that loads the module on the first read of an export, once", () => {
    const { file, loads } = countingModule();
    const require = createRequire(import.meta.url);
    requireOnUse(file);
    const standIn = require(file) as { __esModule: boolean; answer: number; default: new () => object };
    // What TypeScript's import helpers check when a file requires it: answered without loading.
    expect(standIn.__esModule).toBe(true);
    expect("__esModule" in standIn).toBe(true);
    expect(loads()).toBe(0);
    expect(standIn.answer).toBe(42);
    expect(loads()).toBe(1);
    expect(new standIn.default().constructor.name).toBe("Counted");
    expect("answer" in standIn).toBe(true);
    expect("nothing" in standIn).toBe(false);
    expect(Object.keys(standIn)).toEqual(["default", "answer"]);
    expect(Object.getOwnPropertyDescriptor(standIn, "nothing")).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(standIn, "answer")).toEqual({
      value: 42,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(loads()).toBe(1);
    // The real module has taken the stand-in's place in the cache.
    const real = require(file) as { answer: number };
    expect(real).not.toBe(standIn);
    expect(real.answer).toBe(42);
    expect(loads()).toBe(1);
  });

  it("leaves a module that is loaded already as it is", () => {
    const { file, loads } = countingModule();
    const require = createRequire(import.meta.url);
    const loaded = require(file) as { answer: number };
    expect(loads()).toBe(1);
    requireOnUse(file);
    expect(require(file)).toBe(loaded);
    expect(loads()).toBe(1);
  });
});
