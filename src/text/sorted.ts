/**
 * Binary search over lists kept sorted by a key: a string (in the order of `<`, UTF-16 code units) or a number.
 * Used for guide files (the library, the watcher's scan, the cached entries), catalogue prefixes, the typo
 * dictionary's postings and guides' positions in the index's lists.
 */

/** The first index of `list` whose key is not below `key` (`list.length` when every key is). */
export function lowerBound<T, K extends string | number>(
  list: ArrayLike<T>,
  key: K,
  keyOf: (item: T) => K,
): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(list[middle]!) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
