/**
 * A pure function of one string with its recent results kept. A catalogue repeats the same short texts from
 * guide to guide (region names, the parts of level mappings), and the parser works them out for each guide:
 * remembered, each distinct text is worked out once per `limit` distinct texts. When `limit` texts are held,
 * they are all forgotten at once, so the memory stays bounded whatever the input.
 */
export function remembered<R>(fn: (text: string) => R, limit = 4_096): (text: string) => R {
  const results = new Map<string, R>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined && !results.has(text)) {
      result = fn(text);
      if (results.size >= limit) results.clear();
      results.set(text, result);
    }
    return result as R;
  };
}
