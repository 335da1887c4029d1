/**
 * gray-matter and js-yaml, loaded when a guide's frontmatter is first parsed rather than when the app starts.
 * A start that reads every guide from the index cache parses none, and answers (body reads included:
 * body.ts cuts the body without parsing the YAML) without either: loading the two took 35–60 ms of every such
 * start on a 2-core machine (README, Performance). Both are CommonJS, so `require` loads them in the call that
 * first needs them.
 *
 * The usual frontmatter (simple-yaml.ts) needs only js-yaml's default safe schema, whose types it calls: that
 * file alone loads in about 15 ms, where js-yaml's index (its loader and dumper, and esprima for a schema we
 * never use) takes 25–45 ms, and gray-matter then 5 more. So the first guide parsed while CompBot serves (a
 * hot reload) holds the thread for about 15 ms, not 40–60. The schema file is js-yaml's own, not an entry
 * point it documents: js-yaml is pinned to one version (package.json) and yaml-libraries.test.ts checks that
 * it is the very schema js-yaml exports.
 */
import { createRequire } from "node:module";
import type GrayMatter from "gray-matter";
import type JsYaml from "js-yaml";

const require = createRequire(import.meta.url);

let matter: typeof GrayMatter | undefined;
let safeSchema: JsYaml.Schema | undefined;

/** gray-matter's function (js-yaml's index under it), loaded on the first call. */
export function grayMatter(): typeof GrayMatter {
  matter ??= require("gray-matter") as typeof GrayMatter;
  return matter;
}

/** js-yaml's DEFAULT_SAFE_SCHEMA (the schema gray-matter parses with), loaded on the first call. */
export function yamlSafeSchema(): JsYaml.Schema {
  safeSchema ??= require("js-yaml/lib/js-yaml/schema/default_safe.js") as JsYaml.Schema;
  return safeSchema;
}
