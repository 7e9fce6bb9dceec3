const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Features for the route classifier: each word whole, and its character n-grams with word-edge
 * marks. "<병원>" (the word alone) and "병원>" (a word ending in it) are different features from
 * "원에" inside a longer word, so a program word such as 병원 or 과제 only counts as what the
 * labelled examples say it is, and no single syllable decides a route.
 */
export function routingFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  forEachRoutingFeature(text, (prefix, source, start, end, second, weight) => {
    const feature = featureText(prefix, source, start, end, second);
    features.set(feature, (features.get(feature) ?? 0) + weight);
  });
  return features;
}

/** One occurrence of a feature, as its parts: `prefix` + source[start, end), then "_" + `second` for a word pair. */
export type FeatureVisitor = (prefix: string, source: string, start: number, end: number, second: string | undefined, weight: number) => void;

/** The feature a visit names, as `routingFeatures` keys it ("w:병원", "c:<병", "b:지원금_얼마"). */
export function featureText(prefix: string, source: string, start: number, end: number, second?: string): string {
  return `${prefix}${source.slice(start, end)}${second === undefined ? '' : `_${second}`}`;
}

/**
 * The same features one occurrence at a time, in the order `routingFeatures` first meets them,
 * given by their parts: classifying a question looks each up without making its string.
 */
export function forEachRoutingFeature(text: string, visit: FeatureVisitor): void {
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+|[?？]/gu) ?? [];
  for (const word of words) {
    visit('w:', word, 0, word.length, undefined, 1);
    const edged = `<${word}>`;
    if (SURROGATE.test(edged)) {
      // A character beyond the BMP is two UTF-16 units: those words are cut by code point.
      const marked = Array.from(edged);
      for (const size of [2, 3, 4]) {
        for (let start = 0; start + size <= marked.length; start += 1) {
          const gram = marked.slice(start, start + size).join('');
          visit('c:', gram, 0, gram.length, undefined, 0.5);
        }
      }
      continue;
    }
    // Hangul and Latin are one UTF-16 unit per character: stretches of the word are the n-grams
    // (sizes 2, 3, 4 counted, not an array of them per word).
    for (let size = 2; size <= 4; size += 1) {
      for (let start = 0; start + size <= edged.length; start += 1) visit('c:', edged, start, start + size, undefined, 0.5);
    }
  }
  for (let index = 0; index + 1 < words.length; index += 1) visit('b:', words[index]!, 0, words[index]!.length, words[index + 1]!, 0.5);
}
