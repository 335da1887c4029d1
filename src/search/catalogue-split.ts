/**
 * Level mappings read knowing the catalogue's company names. The loader splits "Contoso Labs Einstein" into a
 * company and a level without knowing which companies exist (guides/levels.ts); once the index knows the
 * catalogue has a Contoso Labs guide, that mapping names Contoso Labs at level Einstein.
 */
import { companyKey, splitCompanyLevel } from "../guides/levels.ts";
import type { Guide, LevelEquivalence } from "../guides/types.ts";

export class CatalogueSplit {
  /** The catalogue's company names (companyKey). */
  private readonly names = new Set<string>();
  /** Their first words: a mapping part that starts with none of them is split as the loader split it. */
  private readonly firstWords = new Set<string>();
  /** A mapping's company part -> whether it starts with one of those words (`mayResplit`). */
  private readonly firstWordKnown = new Map<string, boolean>();
  /** "company\0level" as the loader split it -> the split with the catalogue's names known. */
  private readonly resplit = new Map<string, LevelEquivalence>();

  /** The company of the guide last added. */
  private last = "";

  /** Records the catalogue's company names (every guide's; guides of one company usually follow each other). */
  constructor(guides: readonly Guide[]) {
    for (const guide of guides) this.add(guide);
  }

  /** Records one more guide's company name: all of them before the first `split` (SearchIndex.built). */
  add(guide: Guide): void {
    if (guide.companyDisplay === this.last) return;
    this.last = guide.companyDisplay;
    const key = companyKey(this.last);
    this.names.add(key);
    this.firstWords.add(key.split(" ")[0]!);
  }

  /**
   * `equivalences` (a guide's, as the loader split them) read with the catalogue's names: the same array when
   * none reads differently, else a new one (memoised by part).
   */
  split(equivalences: readonly LevelEquivalence[]): readonly LevelEquivalence[] {
    let changed: LevelEquivalence[] | null = null;
    for (let i = 0; i < equivalences.length; i++) {
      const eq = equivalences[i]!;
      if (!this.mayResplit(eq.company)) continue;
      const id = `${eq.company}\0${eq.level}`;
      let split = this.resplit.get(id);
      if (split === undefined) {
        split = splitCompanyLevel(`${eq.company} ${eq.level}`, (k) => this.names.has(k));
        this.resplit.set(id, split);
      }
      // The level is the rest of the words, so it changes only with the company.
      if (split.company !== eq.company) {
        changed ??= [...equivalences];
        changed[i] = split;
      }
    }
    return changed ?? equivalences;
  }

  /**
   * Whether a mapping's company part starts with the first word of a catalogue company's name: only then can
   * `split` read it otherwise. Memoised: a dozen spellings recur across 150,000 equivalences.
   */
  mayResplit(company: string): boolean {
    let found = this.firstWordKnown.get(company);
    if (found === undefined) {
      const space = company.indexOf(" ");
      const first = (space === -1 ? company : company.slice(0, space)).toLowerCase();
      found = this.firstWords.has(/^[a-z0-9]*$/.test(first) ? first : companyKey(first));
      this.firstWordKnown.set(company, found);
    }
    return found;
  }
}
