/**
 * Nothing matches: the answer says what was looked for, in words, and suggests what would work (at most five,
 * each once): the named company's or role's guides, close names for the words we could not read, and the guides
 * with a band in a region named alone.
 */
import { describe, expect, it } from "vitest";
import type { Band, Guide } from "../guides/types.ts";
import type { Query } from "../questions/types.ts";
import { guide, LONDON, NY, SF } from "../render/fixtures.test-helpers.ts";
import { SearchIndex } from "../search/index.ts";
import { notFound } from "./not-found.ts";
import { match, q } from "./query.test-helpers.ts";

const META_E4 = { internal: null, raw: "X = Meta E4", equivalences: [{ company: "Meta", level: "E4" }] };
function mk(
  company: string,
  companyDisplay: string,
  role: string,
  roleDisplay: string,
  bands: Band[],
): Guide {
  const id = `${company}/${role}`;
  return guide({
    id,
    file: `guides/${id}.md`,
    company,
    companyDisplay,
    role,
    roleDisplay,
    bands,
    levelMapping: META_E4,
  });
}
const index = new SearchIndex([
  guide(), // segment/ml-ai-engineer: San Francisco, New York, London
  mk("acme", "Acme", "sre", "SRE", [LONDON]),
  mk("acme", "Acme", "backend-engineer", "Backend Engineer", [SF, NY]),
  mk("globex", "Globex", "sre", "SRE", [NY]),
  mk("solo", "Solo", "data-scientist", "Data Scientist", [SF, LONDON]),
]);
const SEGMENT = match("segment", "Segment");
const ACME = match("acme", "Acme");
const SRE = match("sre", "SRE");
const LONDON_M = match("london", "London");
const NY_M = match("new-york", "New York");

const suggested = (over: Partial<Query>, on = index) => notFound(q(over), on).suggestions;

describe("what was looked for, in words", () => {
  it.each([
    [{ company: SEGMENT, role: SRE, unknown: ["blue"], region: LONDON_M }, "Segment SRE blue in London"],
    [{ role: SRE, region: LONDON_M }, "SRE in London"],
    [{ unknown: ["acme", "widget"] }, "acme widget"],
    [{ company: ACME, unknown: ["widget"] }, "Acme widget"],
    // The unknown words as asked, the filler inside them kept ("data" alone carries nothing).
    [{ unknown: ["quillonx", "wrangler"], unknownText: "quillonx data wrangler" }, "quillonx data wrangler"],
    [{ company: ACME, unknown: ["bay", "plenty"], unknownText: "bay of plenty" }, "Acme bay of plenty"],
    [{ region: LONDON_M, text: "london" }, "a company and role in London (you named only a region)"],
    [{ company: ACME }, "a role at Acme"],
    [{ company: ACME, region: LONDON_M }, "a role at Acme"],
    [{ text: "hello there" }, "hello there"],
  ] as [Partial<Query>, string][])("%j -> %j", (over, asked) => {
    expect(notFound(q(over), index).asked).toBe(asked);
  });

  it("gives back the words it could not read", () => {
    const nf = notFound(q({ unknown: ["zork", "plugh"] }), index);
    expect(nf.kind).toBe("not-found");
    expect(nf.unknown).toEqual(["zork", "plugh"]);
  });
});

describe("suggestions", () => {
  it("a named company's guides, in the asked region where they have a band", () => {
    expect(suggested({ company: ACME, unknown: ["qqqqq"], region: LONDON_M })).toEqual([
      { label: "SRE · Acme", command: "acme sre london", kind: "suggestion" },
      { label: "Backend Engineer · Acme", command: "acme backend-engineer", kind: "suggestion" },
    ]);
  });

  it("a named role's guides", () => {
    expect(suggested({ role: SRE, unknown: ["qqqqq"], region: NY_M })).toEqual([
      { label: "SRE · Acme", command: "acme sre", kind: "suggestion" },
      { label: "SRE · Globex", command: "globex sre new-york", kind: "suggestion" },
    ]);
  });

  it("a close name with one guide suggests that guide; with several, the name itself", () => {
    expect(suggested({ unknown: ["globx"] })).toEqual([
      { label: "SRE · Globex", command: "globex sre", kind: "suggestion" },
    ]);
    expect(suggested({ unknown: ["srre"] })).toEqual([{ label: "SRE", command: "sre", kind: "role" }]);
    expect(suggested({ unknown: ["acm"] })[0]).toEqual({ label: "Acme", command: "acme", kind: "company" });
  });

  it("close names in the region asked keep the region where the guide has it", () => {
    expect(suggested({ unknown: ["sollo"], region: LONDON_M })).toEqual([
      { label: "Data Scientist · Solo", command: "solo data-scientist london", kind: "suggestion" },
    ]);
  });

  it("with a company known, only roles are guessed; with a role known, only companies", () => {
    // "globex" is a company: with Acme named it is not guessed as one.
    expect(suggested({ company: ACME, unknown: ["globex"] }).map((s) => s.command)).toEqual([
      "acme sre",
      "acme backend-engineer",
    ]);
    // A close role name with a company named: that role's guide.
    expect(suggested({ company: ACME, unknown: ["data", "scientst"] }).map((s) => s.command)).toEqual([
      "acme sre",
      "acme backend-engineer",
      "solo data-scientist",
    ]);
    // "sre" is a role: with a role named it is not guessed as one (only as a company, loosely: Segment).
    const withRole = suggested({ role: match("data-scientist", "Data Scientist"), unknown: ["sre"] });
    expect(withRole.map((s) => s.command)).toEqual(["solo data-scientist", "segment ml-ai-engineer"]);
    expect(suggested({ unknown: ["sre"] })[0]).toEqual({ label: "SRE", command: "sre", kind: "role" });
  });

  it("several unknown words are guessed together and one by one, best first", () => {
    expect(suggested({ unknown: ["acme", "globex"] })).toEqual([
      { label: "Acme", command: "acme", kind: "company" },
      { label: "SRE · Globex", command: "globex sre", kind: "suggestion" },
      { label: "Backend Engineer · Acme", command: "acme backend-engineer", kind: "suggestion" },
    ]);
  });

  it("only the first four unknown words are guessed", () => {
    expect(suggested({ unknown: ["zz", "yy", "xx", "globex"] })).toEqual([
      { label: "SRE · Globex", command: "globex sre", kind: "suggestion" },
    ]);
    expect(suggested({ unknown: ["zz", "yy", "xx", "ww", "globex"] })).toEqual([]);
  });

  it("a region alone: the guides with a band there", () => {
    expect(suggested({ region: LONDON_M })).toEqual([
      { label: "ML/AI Engineer · Segment", command: "segment ml-ai-engineer london", kind: "suggestion" },
      { label: "SRE · Acme", command: "acme sre london", kind: "suggestion" },
      { label: "Data Scientist · Solo", command: "solo data-scientist london", kind: "suggestion" },
    ]);
  });

  it("a company (or a role) named with a region: its own guides, not every guide in the region", () => {
    expect(suggested({ company: ACME, region: LONDON_M })).toEqual([
      { label: "SRE · Acme", command: "acme sre london", kind: "suggestion" },
      { label: "Backend Engineer · Acme", command: "acme backend-engineer", kind: "suggestion" },
    ]);
    expect(suggested({ role: match("data-scientist", "Data Scientist"), region: LONDON_M })).toEqual([
      { label: "Data Scientist · Solo", command: "solo data-scientist london", kind: "suggestion" },
    ]);
    expect(suggested({ company: SEGMENT, role: SRE, region: NY_M }).map((s) => s.command)).toEqual([
      "segment ml-ai-engineer new-york",
      "acme sre",
      "globex sre new-york",
    ]);
  });

  it("a region with words we could not read does not list the region's guides", () => {
    expect(suggested({ region: LONDON_M, unknown: ["qqqqq"] })).toEqual([]);
  });

  it("at most five, each command once", () => {
    const seven = new SearchIndex(
      Array.from({ length: 7 }, (_, i) => mk(`co${i}`, `Co${i}`, "sre", "SRE", [LONDON])),
    );
    expect(suggested({ region: LONDON_M }, seven).map((s) => s.command)).toEqual([
      "co0 sre london",
      "co1 sre london",
      "co2 sre london",
      "co3 sre london",
      "co4 sre london",
    ]);
    expect(suggested({ role: SRE, unknown: ["qqqqq"] }, seven)).toHaveLength(5);
    // The company's guide and the same guide found by its role are one suggestion.
    expect(
      suggested({ company: match("co0", "Co0"), role: SRE, unknown: ["qqqqq"] }, seven).map((s) => s.command),
    ).toEqual(["co0 sre", "co1 sre", "co2 sre", "co3 sre", "co4 sre"]);
  });
});
