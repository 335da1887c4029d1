/**
 * How the index (index.ts) takes in a packed guide (guides/packed.ts, `refSpansOf`): by its references into its
 * decode's strings, remembering what it has already done for each. A decode (an index-cache chunk, a parse
 * worker's batch) holds each of its strings once, and its hundreds of guides name the same few dozen regions,
 * outside companies and levels again and again: once a string has been handled, the next guides that name it
 * cost an array read, where building their bands and equivalences made objects that were then looked up in
 * maps one by one.
 *
 * A memo only skips work that would change nothing: the index is the same as one built from the same guides
 * unpacked (index-packed.test.ts).
 */
import { BAND_REFS, type GuideRefSpans } from "../guides/packed.ts";
import type { LevelLinks } from "./level-links.ts";

/** What the index does the first time a decode names a string. */
export interface MemoTargets {
  /** A band's region (display name). */
  bandRegion(region: string): void;
  /** A band's region slug. */
  bandSlug(slug: string): void;
  /** Whether the catalogue's company names may read an equivalence of this company otherwise (catalogue-split.ts). */
  mayResplit(company: string): boolean;
  /** The links under an outside company, as an equivalence spells it. */
  linksOf(company: string): LevelLinks;
}

/** An outside company's spelling, as one decode's equivalences give it: where its links go. */
interface CompanySlot {
  links: LevelLinks;
  /** The spelling's index in `links`. */
  company: number;
  /** Level reference (in the decode) -> the level's index in `links`. */
  levels: Map<number, number>;
}

/** Bits of `regionFlags`. */
const REGION_DONE = 1;
const SLUG_DONE = 2;

/** Kinds in `companyKind`. */
const COMPANY_UNSEEN = 0;
/** The catalogue's names cannot read it otherwise. */
const COMPANY_AS_SPLIT = 1;
/** The catalogue's names may read it otherwise: guides that name it take the index's general path. */
const COMPANY_MAY_RESPLIT = 2;

export class DecodeMemo {
  /** Per string: REGION_DONE once handled as a band's region, SLUG_DONE once as a band's region slug. */
  private readonly regionFlags: Uint8Array;
  /** Per string, as an equivalence's company: COMPANY_UNSEEN, COMPANY_AS_SPLIT or COMPANY_MAY_RESPLIT. */
  private readonly companyKind: Uint8Array;
  /** Company reference -> its slot, once it has been a COMPANY_AS_SPLIT equivalence's company. */
  private readonly companySlots = new Map<number, CompanySlot>();

  constructor(readonly strings: readonly string[]) {
    this.regionFlags = new Uint8Array(strings.length);
    this.companyKind = new Uint8Array(strings.length);
  }

  /** A packed guide's band regions and slugs, each new one to `targets`. */
  addBands({ strings, refs, bandsAt, bandCount }: GuideRefSpans, targets: MemoTargets): void {
    const flags = this.regionFlags;
    for (let b = 0, j = bandsAt; b < bandCount; b++, j += BAND_REFS) {
      const region = refs[j]!;
      const slug = refs[j + 1]!;
      if ((flags[region]! & REGION_DONE) === 0) {
        flags[region]! |= REGION_DONE;
        targets.bandRegion(strings[region]!);
      }
      if ((flags[slug]! & SLUG_DONE) === 0) {
        flags[slug]! |= SLUG_DONE;
        targets.bandSlug(strings[slug]!);
      }
    }
  }

  /**
   * A packed guide's level links (the guide at `position`), unless the catalogue's names may read one of its
   * equivalences otherwise: then nothing is added and false is returned, for the caller to add the guide's
   * equivalences once read with those names.
   */
  addLinks(
    position: number,
    { strings, refs, equivalencesAt, equivalenceCount }: GuideRefSpans,
    targets: MemoTargets,
  ): boolean {
    const end = equivalencesAt + 2 * equivalenceCount;
    const kinds = this.companyKind;
    for (let j = equivalencesAt; j < end; j += 2) {
      const company = refs[j]!;
      if (kinds[company] === COMPANY_UNSEEN)
        kinds[company] = targets.mayResplit(strings[company]!) ? COMPANY_MAY_RESPLIT : COMPANY_AS_SPLIT;
      if (kinds[company] === COMPANY_MAY_RESPLIT) return false;
    }
    for (let j = equivalencesAt; j < end; j += 2) {
      const company = refs[j]!;
      const level = refs[j + 1]!;
      let slot = this.companySlots.get(company);
      if (slot === undefined) {
        const links = targets.linksOf(strings[company]!);
        slot = { links, company: links.companyIndex(strings[company]!), levels: new Map() };
        this.companySlots.set(company, slot);
      }
      let levelIndex = slot.levels.get(level);
      if (levelIndex === undefined) {
        levelIndex = slot.links.levelIndex(strings[level]!);
        slot.levels.set(level, levelIndex);
      }
      slot.links.addAt(position, slot.company, levelIndex);
    }
    return true;
  }
}

/** One memo per decode (per string table), the last one used at hand: guides arrive decode by decode. */
export class DecodeMemos {
  private last: DecodeMemo | null = null;
  private readonly byStrings = new WeakMap<readonly string[], DecodeMemo>();

  of(strings: readonly string[]): DecodeMemo {
    if (this.last?.strings === strings) return this.last;
    let memo = this.byStrings.get(strings);
    if (memo === undefined) {
      memo = new DecodeMemo(strings);
      this.byStrings.set(strings, memo);
    }
    this.last = memo;
    return memo;
  }
}
