/**
 * The guides whose level mapping names one outside company ("Google L5"), for the index (index.ts).
 *
 * At 50,000 guides there are about 150,000 such links under a dozen companies. They were three arrays per
 * company (the guide, the company as the mapping spells it, the level), grown one push at a time: about
 * 40 ms of a cached start's index build, plus the garbage collector copying every outgrown array. Here a link
 * is three small integers in columns outside the JavaScript heap: the guide's position in the index's guide
 * list, and the indexes of its spelling and its level in the company's own short lists of distinct ones (at
 * 50,000 guides, 112 levels in all). A hot reload that replaces a guide in place keeps its position, so the
 * links need no change.
 */
import { StringTable } from "../text/string-table.ts";

/** A growable column of 32-bit integers (a typed array, doubled when full). */
class IntColumn {
  private data = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }
}

/** One link, read back: the guide's position, and the company and level as its mapping gives them. */
export interface LinkAt {
  position: number;
  company: string;
  level: string;
}

/** The links under one outside company, in the order they were added (guide-list order). */
export class LevelLinks {
  private readonly positions = new IntColumn();
  private readonly companyAt = new IntColumn();
  private readonly levelAt = new IntColumn();
  private readonly companies = new StringTable();
  private readonly levelTable = new StringTable();

  add(position: number, company: string, level: string): void {
    this.addAt(position, this.companyIndex(company), this.levelIndex(level));
  }

  /** The index of a spelling of the company in this list's own table (added when new), for `addAt`. */
  companyIndex(company: string): number {
    return this.companies.indexOf(company);
  }

  /** The index of a level in this list's own table (added when new), for `addAt`. */
  levelIndex(level: string): number {
    return this.levelTable.indexOf(level);
  }

  /** `add`, with the spelling and the level given by their indexes (a caller that looked them up once). */
  addAt(position: number, companyIndex: number, levelIndex: number): void {
    this.positions.push(position);
    this.companyAt.push(companyIndex);
    this.levelAt.push(levelIndex);
  }

  /** The distinct levels, in the order first added. */
  get levels(): ReadonlySet<string> {
    return new Set(this.levelTable.list);
  }

  get size(): number {
    return this.positions.length;
  }

  /**
   * The links whose level `accepts`, in order, `limit` at most. `accepts` is asked once per distinct level
   * (a dozen or so where there are thousands of links), so it must depend on the level alone.
   */
  find(accepts: (level: string) => boolean, limit: number): LinkAt[] {
    // Per distinct level: 0 not asked yet, 1 accepted, 2 refused.
    const levels = this.levelTable.list;
    const verdicts = new Uint8Array(levels.length);
    const found: LinkAt[] = [];
    for (let i = 0; i < this.positions.length && found.length < limit; i++) {
      const levelAt = this.levelAt.at(i);
      let verdict = verdicts[levelAt]!;
      if (verdict === 0) {
        verdict = accepts(levels[levelAt]!) ? 1 : 2;
        verdicts[levelAt] = verdict;
      }
      if (verdict === 1) {
        found.push({
          position: this.positions.at(i),
          company: this.companies.list[this.companyAt.at(i)]!,
          level: levels[levelAt]!,
        });
      }
    }
    return found;
  }
}
