/** What people may type for a role (roleVariants): "/" alternatives, word synonyms and whole-role shorthands. */
import { describe, expect, it } from "vitest";
import { roleVariants } from "./role-variants.ts";

describe("roleVariants", () => {
  it("spells out each '/' alternative and its synonyms, then the shorthands they stand for", () => {
    expect(roleVariants("ML/AI Engineer")).toEqual([
      "ml engineer",
      "machine learning engineer",
      "ai engineer",
      "artificial intelligence engineer",
      "ml ai engineer",
      "machine learning artificial intelligence engineer",
      "mle",
      "ml eng",
      "ai eng",
    ]);
  });

  it("gives a shorthand only to the role it names", () => {
    expect(roleVariants("Product Manager")).toEqual(["product manager", "pm"]);
    expect(roleVariants("Product Marketing Manager")).toEqual(["product marketing manager"]);
    expect(roleVariants("Site Reliability Engineer")).toEqual(["site reliability engineer", "sre"]);
  });

  it("expands a synonym inside a longer title, whatever the spacing", () => {
    expect(roleVariants("Senior  SWE")).toEqual(["senior swe", "senior software engineer"]);
  });

  it("keeps every alternative of the first word of a long title", () => {
    const variants = roleVariants("Data/Platform Infrastructure Reliability Operations Support Engineer");
    expect(variants).toContain("data infrastructure reliability operations support engineer");
    expect(variants).toContain("platform infrastructure reliability operations support engineer");
    expect(variants).toHaveLength(3);
  });

  it("tries at most 32 combinations of alternatives", () => {
    // Six words of three choices each would be 729 spellings; the first 32 are kept (no synonyms here).
    const variants = roleVariants("A/B C/D E/F G/H I/J K/L");
    expect(variants).toHaveLength(32);
    expect(variants[0]).toBe("a c e g i k");
    expect(variants).not.toContain("b c e g i k");
  });

  it("gives nothing for a title without words", () => {
    expect(roleVariants("&")).toEqual([]);
  });
});
