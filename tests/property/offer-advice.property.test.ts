/**
 * Property tests of the offer check's advice over a generated catalogue of 60 guides in GBP, USD, EUR and CHF,
 * written as real guide files (frontmatter + a Negotiate Up script with a competing-offer claim) and loaded
 * through the real loader. The oracle is the spec each file was written from:
 *  - the answer is about the guide and region asked, and every band figure equals the frontmatter;
 *  - for random offers: no counter component below the offered one, no walk-away line below what is on the
 *    table, no total placed unless every component is known, and the script speaks in the band's currency
 *    without the guide's claim.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { OfferAnswer } from "../../src/answers/types.ts";
import { type CompBotApi, loadCompBot } from "../../src/bot.ts";
import { renderBlocks } from "../../src/render/blocks.ts";
import { type BandSpec, type GuideSpec, makeGuidesDir } from "../support/make-guide.ts";

const GUIDES = 60;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
const TIMEOUT = 300_000;

const REGIONS: { region: string; slug: string; currency: string; symbol: string }[] = [
  { region: "London", slug: "london", currency: "GBP", symbol: "£" },
  { region: "New York", slug: "new-york", currency: "USD", symbol: "$" },
  { region: "San Francisco", slug: "san-francisco", currency: "USD", symbol: "$" },
  { region: "Berlin", slug: "berlin", currency: "EUR", symbol: "€" },
  { region: "Dublin", slug: "dublin", currency: "EUR", symbol: "€" },
  { region: "Zurich", slug: "zurich", currency: "CHF", symbol: "CHF " },
];
const ROLES = [
  ["backend-engineer", "Backend Engineer"],
  ["data-scientist", "Data Scientist"],
  ["product-manager", "Product Manager"],
  ["site-reliability-engineer", "Site Reliability Engineer"],
] as const;

/** A name made of letters only (figures in names would be read as figures): 0 -> "Quorvaab". */
function companyName(i: number): string {
  const a = "abcdefghijklmnopqrstuvwxyz";
  return `Quorva${a[Math.floor(i / 26) % 26]}${a[i % 26]}`;
}

interface Spec {
  guide: GuideSpec;
  bands: (Required<BandSpec> & { slug: string; symbol: string })[];
  /** The script's stock ask, base ask, signing ask and accept line, in the first band's currency. */
  script: { stock: number; base: number; signing: number; accept: number };
}

/** 60 guides, deterministic: each with 1 to 4 regions, figures spread over a wide range. */
function catalogue(): Spec[] {
  const rnd = (() => {
    let s = 20261201;
    return () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
  })();
  const k = (n: number) => Math.round(n / 1000) * 1000;
  return Array.from({ length: GUIDES }, (_, i) => {
    const [role, roleDisplay] = ROLES[i % ROLES.length]!;
    const count = 1 + (i % 4);
    const regions = REGIONS.slice(i % REGIONS.length)
      .concat(REGIONS)
      .slice(0, count);
    const bands = regions.map((r) => {
      const baseLow = k(60000 + rnd() * 200000);
      const baseHigh = k(baseLow * (1.1 + rnd() * 0.4));
      const stockLow = k(20000 + rnd() * 300000);
      const stockHigh = k(stockLow * (1.2 + rnd()));
      const bonus = [0, 5, 10, 12, 15, 20][Math.floor(rnd() * 6)]!;
      const total: [number, number] = [
        k(baseLow + stockLow / 4 + (baseLow * bonus) / 100),
        k(baseHigh + stockHigh / 4 + (baseHigh * bonus) / 100),
      ];
      return {
        region: r.region,
        slug: r.slug,
        symbol: r.symbol,
        currency: r.currency,
        base: [baseLow, baseHigh] as [number, number],
        stock: [stockLow, stockHigh] as [number, number],
        bonus,
        total,
      };
    });
    const first = bands[0]!;
    const script = {
      stock: k(first.stock[1] * 0.9),
      base: k(first.base[1]),
      signing: k(20000 + rnd() * 60000),
      accept: k(first.stock[1] * 0.8),
    };
    const s = first.symbol;
    const money = (n: number) => `${s}${n / 1000}K`;
    const companyDisplay = companyName(i);
    const body = [
      `### ${roleDisplay} | ${companyDisplay}`,
      "",
      `> **Negotiate Up Strategy:** "I'd like ${money(script.stock)} in RSUs over 4 years with a ${money(script.base)} base, 15% bonus, and ${money(script.signing)} signing bonus. I have offers from Rivalco and Othercorp at ${money(script.base * 2)}+ guaranteed. This role is worth it." Accept if above ${money(script.accept)} RSUs.`,
      "",
    ].join("\n");
    return {
      guide: {
        company: companyDisplay.toLowerCase(),
        companyDisplay,
        role,
        roleDisplay,
        bands,
        body,
      },
      bands,
      script,
    };
  });
}

const SPECS = catalogue();
let bot: CompBotApi;
beforeAll(async () => {
  const dir = makeGuidesDir(SPECS.map((s) => s.guide));
  const loaded = await loadCompBot(dir, { today: () => "2026-12-01", cache: false });
  bot = loaded.bot;
  expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);
  expect(bot.guides).toHaveLength(GUIDES);
  expect(new Set(SPECS.flatMap((s) => s.bands.map((b) => b.currency)))).toEqual(
    new Set(["GBP", "USD", "EUR", "CHF"]),
  );
}, TIMEOUT);

const pick = fc.record({
  guide: fc.integer({ min: 0, max: GUIDES - 1 }),
  region: fc.nat(),
  /** Each component: absent, or a multiple of its band (0.3× low to 3× high). */
  base: fc.option(fc.double({ min: 0.3, max: 3, noNaN: true }), { nil: undefined }),
  stock: fc.option(fc.double({ min: 0.3, max: 3, noNaN: true }), { nil: undefined }),
  bonus: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  signing: fc.option(fc.integer({ min: 5, max: 120 }), { nil: undefined }),
  vest: fc.constantFrom(4, 4, 3, 5),
  style: fc.constantFrom("k", "full", "symbol", "code"),
});

type Pick = typeof pick extends fc.Arbitrary<infer T> ? T : never;

function offerText(
  p: Pick,
  spec: Spec,
  band: Spec["bands"][number],
): {
  text: string;
  base: number | null;
  stock: number | null;
  bonus: number | null;
  signing: number | null;
} {
  const k = (n: number) => Math.max(1000, Math.round(n / 1000) * 1000);
  const base = p.base === undefined ? null : k(band.base[0] + (band.base[1] - band.base[0]) * (p.base - 0.3));
  const stock =
    p.stock === undefined ? null : k(band.stock[0] + (band.stock[1] - band.stock[0]) * (p.stock - 0.3));
  const signing = p.signing === undefined ? null : p.signing * 1000;
  const money = (n: number) =>
    p.style === "k"
      ? `${n / 1000}k`
      : p.style === "full"
        ? n.toLocaleString("en-US")
        : p.style === "symbol"
          ? `${band.symbol.trim()}${band.symbol.length > 1 ? " " : ""}${n / 1000}k`
          : `${band.currency} ${n / 1000}k`;
  const parts = ["offer", spec.guide.company, spec.guide.role, band.slug];
  if (base !== null) parts.push("base", money(base));
  if (stock !== null) parts.push("stock", money(stock));
  if (p.bonus !== undefined) parts.push("bonus", `${p.bonus}%`);
  if (signing !== null) parts.push("signing", money(signing));
  if (p.vest !== 4) parts.push("vest", `${p.vest}y`);
  return { text: parts.join(" "), base, stock, bonus: p.bonus ?? null, signing };
}

describe("the offer check over 60 generated guides", () => {
  it(
    "every band answer is about the guide and region asked, with the frontmatter's figures",
    () => {
      for (const spec of SPECS) {
        for (const band of spec.bands) {
          const a = bot.ask(`${spec.guide.company} ${spec.guide.role} ${band.slug}`, {
            surface: "dm",
          }).answer;
          expect(a.kind).toBe("band");
          if (a.kind !== "band") continue;
          expect([a.guide.company, a.guide.role, a.band.regionSlug]).toEqual([
            spec.guide.company,
            spec.guide.role,
            band.slug,
          ]);
          expect(a.band).toMatchObject({
            currency: band.currency,
            base: { low: band.base[0], high: band.base[1] },
            stock: { low: band.stock[0], high: band.stock[1] },
            bonusPct: { low: band.bonus, high: band.bonus },
            totalComp: { low: band.total[0], high: band.total[1] },
          });
        }
      }
    },
    TIMEOUT,
  );

  it(
    "random offers: never argues against the user, never places a partial total, speaks in the band's currency",
    () => {
      fc.assert(
        fc.property(pick, (p) => {
          const spec = SPECS[p.guide]!;
          const band = spec.bands[p.region % spec.bands.length]!;
          const o = offerText(p, spec, band);
          const answer = bot.ask(o.text, { surface: "dm" }).answer;
          expect(answer.kind).toBe("offer");
          const a = answer as OfferAnswer;
          // About the guide and region asked; every band figure is the frontmatter's.
          expect([a.guide.company, a.guide.role, a.band.regionSlug]).toEqual([
            spec.guide.company,
            spec.guide.role,
            band.slug,
          ]);
          expect(a.currencyMismatch).toBeNull();
          const ranges: Record<string, [number, number]> = {
            base: band.base,
            stock: band.stock,
            bonus: [band.bonus, band.bonus],
          };
          for (const l of a.lines) {
            if (l.component === "total") {
              // Built from the spec's components the way the offer's is: base + stock ÷ 4 + bonus % × base.
              const low = band.base[0] + band.stock[0] / 4 + (band.base[0] * band.bonus) / 100;
              const high = band.base[1] + band.stock[1] / 4 + (band.base[1] * band.bonus) / 100;
              expect(l.low).toBeCloseTo(low, 6);
              expect(l.high).toBeCloseTo(high, 6);
            } else {
              expect([l.low, l.high]).toEqual(ranges[l.component]);
            }
          }
          const placedBase = a.lines.some((l) => l.component === "base");
          const placedStock = a.lines.some((l) => l.component === "stock");
          const target = (c: string) => a.targets.find((t) => t.component === c)?.amount;
          // Never ask for less than is on the table.
          if (o.base !== null && placedBase) expect(target("base")).toBeGreaterThanOrEqual(o.base);
          const stock4 = o.stock === null ? null : (o.stock / p.vest) * 4;
          if (stock4 !== null && placedStock) expect(target("stock")).toBeGreaterThanOrEqual(stock4 - 1e-6);
          if (o.bonus !== null) expect(target("bonus")).toBeGreaterThanOrEqual(o.bonus);
          if (o.signing !== null && a.signing !== null)
            expect(target("signing")).toBeGreaterThanOrEqual(o.signing);
          // The walk-away line is never below what is on the table (the guide's line is about stock).
          if (a.acceptThreshold && stock4 !== null && placedStock)
            expect(a.acceptThreshold.amount).toBeGreaterThanOrEqual(stock4 - 1e-6);
          // A total only when every component is known and placed.
          const complete = placedBase && placedStock && o.bonus !== null;
          expect(a.lines.some((l) => l.component === "total")).toBe(complete);
          expect(a.annual !== null).toBe(complete);
          if (!complete) expect(renderBlocks(a).text).not.toMatch(/: total /);
          // The script speaks in the band's currency, and never with the guide's claim.
          const others = ["£", "$", "€", "CHF"].filter((s) => s !== band.symbol.trim());
          for (const s of others) expect(a.script ?? "").not.toContain(s);
          expect(a.script ?? "").not.toContain("Rivalco");
          const anyFigure = [o.base, o.stock, o.bonus, o.signing].some((x) => x !== null);
          if (anyFigure) expect(a.script ?? "").toContain("[Only if you have one");
        }),
        { numRuns: RUNS, seed: 20261201 },
      );
    },
    TIMEOUT,
  );
});
