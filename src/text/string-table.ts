/**
 * Distinct strings in the order first seen, each with its index: the string tables of the compact encoding
 * (guides/compact.ts), of packed guides' columns (guides/packed.ts) and of the index's level links
 * (search/level-links.ts) all number their strings this way.
 */
export class StringTable {
  /** The strings, in the order first seen: `list[indexOf(s)] === s`. */
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  /** The index of `value`, added at the end of `list` when new. */
  indexOf(value: string): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.list.push(value) - 1;
      this.index.set(value, at);
    }
    return at;
  }

  get size(): number {
    return this.list.length;
  }
}
