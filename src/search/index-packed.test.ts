/**
 * The index takes in packed guides (the cache's and the parse workers') by their references into their
 * decode's strings (decode-memo.ts), and plain guides field by field. Both must give the same index: here one
 * catalogue is indexed as plain guides, and again with its guides packed in two decodes that alternate guide
 * by guide, a few left plain, and everything the index answers is compared.
 */
import { describe, expect, it } from "vitest";
import { decodeEntries, encodeEntries, NO_STAT } from "../guides/compact.ts";
import { isPacked } from "../guides/packed.ts";
import type { Guide } from "../guides/types.ts";
import { type GuideData, guideOf } from "./guides.test-helpers.ts";
import { SearchIndex } from "./index.ts";

const REGIONS: [string, string][] = [
  ["London", "london"],
  ["Berlin", "berlin"],
  ["San Francisco", "san-francisco"],
  ["Tokyo", "tokyo"],
  ["Remote (US)", "remote-us"],
];
const LEVELS = ["Google L4", "Google L5", "Meta E5", "Amazon L6", "Google L5", "Contoso Labs Principal"];

/** A catalogue in file order: mappings that name outside companies, and some the catalogue's names split. */
function catalogue(): Guide[] {
  const data: GuideData[] = [
    {
      company: "acme",
      companyDisplay: "Acme",
      levels: "Acme Data Scientist = Contoso Labs Einstein = Google L5",
      extra: { company_aliases: ["Acme Inc"] },
    },
    { company: "bare", companyDisplay: "Bare", regions: [], levels: "" },
    { company: "contoso-labs", companyDisplay: "Contoso Labs", regions: [REGIONS[0]!, REGIONS[1]!] },
  ];
  for (let i = 0; i < 24; i++) {
    data.push({
      company: `company-${String(i).padStart(2, "0")}`,
      companyDisplay: `Company ${i}`,
      role: i % 3 === 0 ? "data-scientist" : "ml-engineer",
      roleDisplay: i % 3 === 0 ? "Data Scientist" : "ML Engineer",
      regions: [REGIONS[i % 5]!, REGIONS[(i + 2) % 5]!],
      levels: `Company ${i} Senior = ${LEVELS[i % 6]} = ${LEVELS[(i + 1) % 6]}`,
      ...(i % 7 === 0 ? { extra: { role_aliases: ["MLE"] } } : {}),
    });
  }
  return data.map(guideOf).sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** The guides as a cache chunk or a worker's batch would give them: packed, in one decode. */
function packedInOneDecode(guides: readonly Guide[]): Guide[] {
  const items = guides.map((guide) => ({
    entry: { file: guide.file, hash: "0".repeat(40), guide, problems: [], overdueAt: 0 },
    stat: NO_STAT,
  }));
  return decodeEntries(encodeEntries(items)).map(({ entry }) => entry.guide!);
}

/** Everything the index answers about its catalogue's names, as plain data (guides named by file). */
function answers(index: SearchIndex) {
  const guides = index.guides;
  const hits = (list: { entity: unknown; via: string; distance: number }[]) =>
    list.map(({ entity, via, distance }) => ({ entity, via, distance }));
  const phrases = [
    ...guides.flatMap((g) => [g.company, g.companyDisplay, g.role, g.roleDisplay]),
    ...REGIONS.flat(),
    ...["google", "meta", "amazon", "contoso", "contoso labs", "acme inc", "mle", "gogle", "berln"],
  ].map((p) => p.toLowerCase());
  const outside = ["google", "meta", "amazon", "contoso", "contoso labs", "company 3"];
  return {
    phrases: phrases.map((p) => ({ p, exact: hits(index.exact(p)), fuzzy: hits(index.fuzzy(p)) })),
    regions: REGIONS.map(([, slug]) => ({ slug, region: index.region(slug), bands: index.hasBandsIn(slug) })),
    outside: outside.map((key) => ({
      key,
      company: index.levelCompany(key),
      levels: [...index.levelTextsOf(key)],
      links: index.levelLinksOf(key).map(({ guide, equivalence }) => [guide.file, equivalence]),
    })),
    equivalences: guides.map((g) => [g.file, index.equivalencesOf(g)]),
    companies: index.listCompanies().map(({ company, guides: of }) => [company, of.map((g) => g.file)]),
    longest: index.longestPhrase,
    suggestions: hits(index.suggest("contso lab", ["company", "level-company"])),
  };
}

describe("SearchIndex over packed guides", () => {
  it("answers exactly as over the same guides plain, with guides of two decodes alternating", () => {
    const plain = catalogue();
    const even = packedInOneDecode(plain.filter((_, i) => i % 2 === 0));
    // Packed last to first: its strings are numbered in another order than the other decode's.
    const odd = packedInOneDecode(plain.filter((_, i) => i % 2 === 1).reverse()).reverse();
    // In file order again, one decode then the other; every fifth guide left plain (a hot reload's).
    const mixed = plain.map((g, i) => (i % 5 === 4 ? g : (i % 2 === 0 ? even : odd)[i >> 1]!));
    expect(mixed.map((g) => g.file)).toEqual(plain.map((g) => g.file));
    expect(mixed.filter(isPacked)).toHaveLength(22);

    const expected = answers(new SearchIndex(plain));
    // What the comparison covers (so that it cannot pass on an empty index). Google: 24 of the 24 numbered
    // guides' 48 equivalences (6 in every 12), plus Acme's and Contoso Labs' own. Contoso Labs: 8 of them (2 in
    // every 12, read so only with the catalogue's names: "Contoso Labs Principal"), plus Acme's "Contoso Labs
    // Einstein".
    expect(expected.outside.find((o) => o.key === "google")!.links).toHaveLength(26);
    expect(expected.outside.find((o) => o.key === "contoso labs")!.links).toHaveLength(9);
    expect(expected.regions.every((r) => r.bands)).toBe(true);

    expect(answers(new SearchIndex(mixed))).toEqual(expected);
    // All packed, in one decode.
    expect(answers(new SearchIndex(packedInOneDecode(plain)))).toEqual(expected);
  });

  it("builds in slices over packed guides the index it builds at once", async () => {
    const plain = catalogue();
    const packed = packedInOneDecode(plain);
    const expected = answers(new SearchIndex(plain));
    expect(answers(await SearchIndex.built(packed, 4))).toEqual(expected);
  });
});
