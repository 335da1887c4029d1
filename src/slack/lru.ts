/** A Map bounded by entry count: reading or writing a key makes it the newest; the oldest goes first. */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError("capacity must be a positive integer");
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const found = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found;
  }

  set(key: K, val: V): void {
    this.entries.delete(key);
    this.entries.set(key, val);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }
}
