/**
 * Features for the route classifier: each word whole, and its character n-grams with word-edge
 * marks. "<병원>" (the word alone) and "병원>" (a word ending in it) are different features from
 * "원에" inside a longer word, so a program word such as 병원 or 과제 only counts as what the
 * labelled examples say it is, and no single syllable decides a route.
 */
export function routingFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+|[?？]/gu) ?? [];
  for (const word of words) {
    add(`w:${word}`, 1);
    const marked = Array.from(`<${word}>`);
    for (const size of [2, 3, 4]) {
      for (let start = 0; start + size <= marked.length; start += 1) add(`c:${marked.slice(start, start + size).join('')}`, 0.5);
    }
  }
  for (let index = 0; index + 1 < words.length; index += 1) add(`b:${words[index]}_${words[index + 1]}`, 0.5);
  return features;
}
