/**
 * A compact, exact encoding of parse results for the index cache: each entry is a JSON array in a fixed
 * field order (no repeated keys), and decoding shares one copy of every repeated string (regions,
 * currencies, company and role names…). `decodeEntry(encodeEntry(e))` deep-equals `e`, key order included.
 *
 * Only JSON values survive JSON: an entry whose `extra` frontmatter holds anything else (a YAML date, for
 * example) is not encodable, and is simply parsed again on every load.
 */
import type { FileEntry } from "./parse-file.ts";
import type { Band, Guide, GuideProblem } from "./types.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type EncodedEntry = Json[];

const BAND_FIELDS = 11;
/** The key order decoding rebuilds; anything else is not cached. */
const GUIDE_KEYS =
  "id,file,company,companyDisplay,role,roleDisplay,roleType,lastUpdated,nextReviewDue,dataQuality,salaryDataQuarter,bands,levelMapping,dataSources,negotiationDnaSummary,extra";
const PROBLEM_KEYS = "severity,code,file,path,message";

/** Whether a value comes back from JSON exactly (plain objects, arrays, strings, finite numbers…). */
export function isJsonExact(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonExact);
  if (typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  // "__proto__" as an own key does not survive a JSON round trip as an own data property everywhere.
  return Object.entries(value).every(([k, v]) => k !== "__proto__" && isJsonExact(v));
}

function encodeGuide(g: Guide): Json[] {
  const bands: Json[] = [];
  for (const b of g.bands) {
    bands.push(
      b.region,
      b.regionSlug,
      b.currency,
      b.base.low,
      b.base.high,
      b.stock.low,
      b.stock.high,
      b.bonusPct.low,
      b.bonusPct.high,
      b.totalComp.low,
      b.totalComp.high,
    );
  }
  const equivalences: Json[] = [];
  for (const e of g.levelMapping.equivalences) equivalences.push(e.company, e.level);
  return [
    g.id,
    g.company,
    g.companyDisplay,
    g.role,
    g.roleDisplay,
    g.roleType,
    g.lastUpdated,
    g.nextReviewDue,
    g.dataQuality,
    g.salaryDataQuarter,
    bands,
    g.levelMapping.internal,
    g.levelMapping.raw,
    equivalences,
    g.dataSources,
    g.negotiationDnaSummary,
    g.extra as Json,
  ];
}

/** The entry as JSON, or null when it cannot be encoded exactly (then it is not cached). */
export function encodeEntry(entry: FileEntry): EncodedEntry | null {
  if (entry.hash === null) return null;
  const g = entry.guide;
  if (g !== null) {
    if (g.file !== entry.file || !isJsonExact(g.extra) || Object.keys(g).join(",") !== GUIDE_KEYS)
      return null;
  }
  const problems: Json[] = [];
  for (const p of entry.problems) {
    if (Object.keys(p).join(",") !== PROBLEM_KEYS) return null;
    problems.push(
      p.file === entry.file
        ? [p.severity, p.code, p.path, p.message]
        : [p.severity, p.code, p.path, p.message, p.file],
    );
  }
  return [entry.file, entry.hash, entry.overdueAt, problems, g === null ? null : encodeGuide(g)];
}

/** Shares one copy of each repeated string across decoded entries. */
export class Interner {
  private readonly strings = new Map<string, string>();
  s(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}

const str = (v: unknown): string => {
  if (typeof v !== "string") throw new TypeError("expected a string");
  return v;
};
const num = (v: unknown): number => {
  if (typeof v !== "number") throw new TypeError("expected a number");
  return v;
};
const arr = (v: unknown): unknown[] => {
  if (!Array.isArray(v)) throw new TypeError("expected an array");
  return v;
};

function decodeGuide(t: unknown[], file: string, i: Interner): Guide {
  const flat = arr(t[10]);
  if (flat.length % BAND_FIELDS !== 0) throw new TypeError("bad bands");
  const bands: Band[] = [];
  for (let k = 0; k < flat.length; k += BAND_FIELDS) {
    bands.push({
      region: i.s(str(flat[k])),
      regionSlug: i.s(str(flat[k + 1])),
      currency: i.s(str(flat[k + 2])),
      base: { low: num(flat[k + 3]), high: num(flat[k + 4]) },
      stock: { low: num(flat[k + 5]), high: num(flat[k + 6]) },
      bonusPct: { low: num(flat[k + 7]), high: num(flat[k + 8]) },
      totalComp: { low: num(flat[k + 9]), high: num(flat[k + 10]) },
    });
  }
  const eq = arr(t[13]);
  const equivalences = [];
  for (let k = 0; k < eq.length; k += 2)
    equivalences.push({ company: i.s(str(eq[k])), level: i.s(str(eq[k + 1])) });
  const internal = t[11];
  const extra = t[16];
  if (extra === null || typeof extra !== "object" || Array.isArray(extra)) throw new TypeError("bad extra");
  return {
    id: i.s(str(t[0])),
    file,
    company: i.s(str(t[1])),
    companyDisplay: i.s(str(t[2])),
    role: i.s(str(t[3])),
    roleDisplay: i.s(str(t[4])),
    roleType: i.s(str(t[5])),
    lastUpdated: i.s(str(t[6])),
    nextReviewDue: i.s(str(t[7])),
    dataQuality: i.s(str(t[8])),
    salaryDataQuarter: i.s(str(t[9])),
    bands,
    levelMapping: {
      internal: internal === null ? null : i.s(str(internal)),
      raw: str(t[12]),
      equivalences,
    },
    dataSources: arr(t[14]).map((s) => i.s(str(s))),
    negotiationDnaSummary: str(t[15]),
    extra: extra as Record<string, unknown>,
  };
}

/** Decodes one cached entry; throws on anything malformed (the caller then ignores the whole cache). */
export function decodeEntry(value: unknown, i: Interner): FileEntry {
  const t = arr(value);
  const file = str(t[0]);
  const hash = str(t[1]);
  const overdueAt = num(t[2]);
  const problems: GuideProblem[] = arr(t[3]).map((raw) => {
    const p = arr(raw);
    const severity = str(p[0]);
    if (severity !== "error" && severity !== "warning") throw new TypeError("bad severity");
    return {
      severity,
      code: i.s(str(p[1])),
      file: p.length > 4 ? str(p[4]) : file,
      path: i.s(str(p[2])),
      message: str(p[3]),
    };
  });
  if (overdueAt < 0 || overdueAt > problems.length || !Number.isInteger(overdueAt))
    throw new TypeError("bad index");
  const guide = t[4] === null ? null : decodeGuide(arr(t[4]), file, i);
  return { file, hash, guide, problems, overdueAt };
}
