/**
 * zod, as every module of CompBot imports it: `import { z } from "../runtime/zod.ts"` (biome.json refuses an
 * import of "zod" anywhere else in src/).
 *
 * zod's index loads its messages in some 50 languages (its `locales`, about 65 modules) whatever the app
 * uses; CompBot uses its English ones, which zod loads on its own. Here zod is required (its CommonJS build,
 * the same code and types as its ES one) with its `locales` module left unloaded until something reads it
 * (runtime/require-on-use.ts). Loading zod took 63-65 ms this way against 120-135 ms imported, on a 2-core
 * machine (README, Performance), in the main thread of every start and in each parse worker.
 */
import { createRequire } from "node:module";
import type * as Zod from "zod";
import { requireOnUse } from "./require-on-use.ts";

const require = createRequire(import.meta.url);

// The module zod's CommonJS index and core require for their `locales` namespace.
requireOnUse(require.resolve("zod/v4/locales/index.cjs"));

/** zod's `z`, its schema builders and error classes. */
export const z: typeof Zod.z = (require("zod") as typeof Zod).z;

/** The types CompBot names under `z`, as zod's own `z` namespace has them: `z.infer<typeof Schema>`… */
export declare namespace z {
  export type infer<T> = Zod.infer<T>;
  export type output<T> = Zod.output<T>;
  export type ZodType<Output = unknown, Input = unknown> = Zod.ZodType<Output, Input>;
}
