/**
 * gray-matter and js-yaml, loaded when a guide's frontmatter is first parsed rather than when the app starts.
 * A start that reads every guide from the index cache parses none, and answers (body reads included:
 * body.ts cuts the body without parsing the YAML) without either: loading the two took 35–60 ms of every such
 * start on a 2-core machine (README, Performance). Both are CommonJS, so `require` loads them in the call that
 * first needs them.
 */
import { createRequire } from "node:module";
import type GrayMatter from "gray-matter";
import type JsYaml from "js-yaml";

const require = createRequire(import.meta.url);

let matter: typeof GrayMatter | undefined;
let yaml: typeof JsYaml | undefined;

/** gray-matter's function, loaded on the first call. */
export function grayMatter(): typeof GrayMatter {
  matter ??= require("gray-matter") as typeof GrayMatter;
  return matter;
}

/** js-yaml (the copy gray-matter loads: its version is pinned to gray-matter's), loaded on the first call. */
export function jsYaml(): typeof JsYaml {
  yaml ??= require("js-yaml") as typeof JsYaml;
  return yaml;
}
