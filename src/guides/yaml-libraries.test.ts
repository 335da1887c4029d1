/**
 * yaml-libraries.ts loads js-yaml's default safe schema from its own file, not from js-yaml's index: it must be
 * the very schema js-yaml exports (and gray-matter parses with), so that an upgrade that moves it fails here.
 */
import grayMatterIndex from "gray-matter";
import jsYamlIndex from "js-yaml";
import { describe, expect, it } from "vitest";
import { grayMatter, yamlSafeSchema } from "./yaml-libraries.ts";

describe("the YAML libraries, loaded on first use", () => {
  it("give js-yaml's own DEFAULT_SAFE_SCHEMA, with its implicit types, and gray-matter's own function", () => {
    expect(yamlSafeSchema()).toBe(jsYamlIndex.DEFAULT_SAFE_SCHEMA);
    const implicit = (yamlSafeSchema() as unknown as { compiledImplicit: { tag: string }[] })
      .compiledImplicit;
    expect(implicit.map((type) => type.tag)).toEqual([
      "tag:yaml.org,2002:null",
      "tag:yaml.org,2002:bool",
      "tag:yaml.org,2002:int",
      "tag:yaml.org,2002:float",
      "tag:yaml.org,2002:timestamp",
      "tag:yaml.org,2002:merge",
    ]);
    expect(grayMatter()).toBe(grayMatterIndex);
    expect(grayMatter()("---\na: 1\n---\nBody").data).toEqual({ a: 1 });
  });
});
