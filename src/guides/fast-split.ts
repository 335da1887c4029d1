/**
 * `splitGuide` without gray-matter's per-call overhead, for the bulk loader. For the usual shape of a guide
 * ("---\n" … "\n---") the frontmatter is cut by hand with the rules gray-matter 4 uses and parsed by the
 * very js-yaml function gray-matter would call (`matter.engines.yaml.parse`, i.e. js-yaml's safeLoad), or,
 * when it is in the subset that simple-yaml.ts reads, by that reader, which gives js-yaml's result faster; so
 * data, errors and the raw `matter` text are the same; every other shape goes to `splitGuide` itself.
 * Equality with `splitGuide` is tested over the seed, generated catalogues and edge cases.
 */
import { type SplitGuide, splitGuide } from "./frontmatter.ts";
import { parseSimpleYaml } from "./simple-yaml.ts";
import { grayMatter } from "./yaml-libraries.ts";

type YamlParse = (text: string) => unknown;

/** gray-matter's own YAML engine (js-yaml safeLoad, bound), so both paths use one parser instance. */
function yamlParse(text: string): unknown {
  return (grayMatter() as unknown as { engines: { yaml: { parse: YamlParse } } }).engines.yaml.parse(text);
}

/** gray-matter treats a block of only comments and blank space as empty frontmatter. */
const COMMENT_LINES = /^\s*#[^\n]+/gm;

export function splitGuideFast(text: string): SplitGuide {
  // Only "---" followed directly by a line break (no language tag, no BOM) takes the fast path.
  const open = text.startsWith("---\n") ? 3 : text.startsWith("---\r\n") ? 3 : -1;
  if (open === -1) return splitGuide(text);
  const close = text.indexOf("\n---", open);
  if (close === -1) return splitGuide(text);
  const raw = text.slice(open, close);
  // The usual frontmatter is read by parseSimpleYaml (js-yaml's result, faster); the rest by js-yaml.
  const simple = parseSimpleYaml(raw);
  const data =
    simple !== undefined ? simple : raw.replace(COMMENT_LINES, "").trim() === "" ? {} : yamlParse(raw);
  let content = text.slice(close + 4);
  if (content[0] === "\r") content = content.slice(1);
  if (content[0] === "\n") content = content.slice(1);
  return { data, matter: raw, content };
}
