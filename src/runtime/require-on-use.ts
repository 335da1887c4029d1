/**
 * A CommonJS module loaded when something first reads it, not when it is required. Used where a library
 * requires, whatever the app does with it, a module that a start does not need: Bolt's Socket Mode and OAuth
 * packages (slack/bolt.ts) and zod's translations of its messages (runtime/zod.ts).
 */
import { createRequire, Module } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Puts a stand-in for the CommonJS module `file` (a path) in require's cache, unless it is loaded already: a
 * file that requires it gets the stand-in, and the first read of any of its exports loads the real module
 * (which then replaces the stand-in in the cache) and reads it there. `__esModule` (which TypeScript's import
 * helpers check at require time) is answered without loading, as these modules, compiled from TypeScript, set it.
 */
export function requireOnUse(file: string): void {
  if (require.cache[file] !== undefined) return;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete require.cache[file];
      real = require(file) as object;
    }
    return real;
  };
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_, key) => (key === "__esModule" ? true : Reflect.get(load(), key)),
      has: (_, key) => key === "__esModule" || Reflect.has(load(), key),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const found = Reflect.getOwnPropertyDescriptor(load(), key);
        // A proxy may not report a property of its (empty) target as not configurable.
        return found === undefined ? undefined : { ...found, configurable: true };
      },
    },
  );
  require.cache[file] = standIn;
}
