const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Features for the route classifier: each word whole, and its character n-grams with word-edge
 * marks. "<병원>" (the word alone) and "병원>" (a word ending in it) are different features from
 * "원에" inside a longer word, so a program word such as 병원 or 과제 only counts as what the
 * labelled examples say it is, and no single syllable decides a route.
 */
export function routingFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  forEachRoutingFeature(text, (feature, weight) => features.set(feature, (features.get(feature) ?? 0) + weight));
  return features;
}

/**
 * The same features one occurrence at a time, in the order `routingFeatures` first meets them:
 * classifying a question looks each up in the vocabulary without a map of its own first.
 */
export function forEachRoutingFeature(text: string, add: (feature: string, weight: number) => void): void {
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+|[?？]/gu) ?? [];
  for (const word of words) {
    add(`w:${word}`, 1);
    const edged = `<${word}>`;
    // Hangul and Latin are one UTF-16 unit per character: substrings then are the n-grams, without an array per n-gram.
    const marked = SURROGATE.test(edged) ? Array.from(edged) : edged;
    const gram = typeof marked === 'string' ? (start: number, end: number) => marked.slice(start, end) : (start: number, end: number) => marked.slice(start, end).join('');
    for (const size of [2, 3, 4]) {
      for (let start = 0; start + size <= marked.length; start += 1) add(`c:${gram(start, start + size)}`, 0.5);
    }
  }
  for (let index = 0; index + 1 < words.length; index += 1) add(`b:${words[index]}_${words[index + 1]}`, 0.5);
}
