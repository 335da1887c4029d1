/**
 * runtime/zod.ts: zod's CommonJS build with its translations left unloaded, standing in for `import { z } from
 * "zod"` everywhere in src/.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as esm from "zod";
import { z } from "./zod.ts";

const require = createRequire(import.meta.url);
const loaded = (file: string) => require.cache[require.resolve(file)] !== undefined;

describe("z from runtime/zod.ts", () => {
  it("has what zod's own z has, under the same names and of the same kinds", () => {
    const kinds = (o: object) =>
      Object.keys(o).map((k) => `${k}:${typeof (o as Record<string, unknown>)[k]}`);
    // `locales` is read here, so this test comes after none that needs it unloaded (see the last one).
    expect(kinds(z).sort()).toEqual(kinds(esm.z).sort());
  });

  it("validates, and says what is wrong in English", () => {
    const Person = z.object({ name: z.string(), age: z.number().int().min(0) });
    expect(Person.parse({ name: "Ada", age: 36 })).toEqual({ name: "Ada", age: 36 });
    const result = Person.safeParse({ name: 7, age: -1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Invalid input: expected string, received number",
      "Too small: expected number to be >=0",
    ]);
    expect(result.error).toBeInstanceOf(z.ZodError);
  });

  it("gives zod's other languages when something reads them", () => {
    expect(typeof z.locales.fr).toBe("function");
    expect(loaded("zod/v4/locales/fr.cjs")).toBe(true);
  });
});
