/** Binary search over lists kept sorted by a string key (in the order of `<`, UTF-16 code units). */

/** The first index of `list` whose key is not below `key` (`list.length` when every key is). */
export function lowerBound<T>(list: readonly T[], key: string, keyOf: (item: T) => string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(list[middle]!) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
