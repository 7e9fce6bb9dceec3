import { tokenizeMixedScript, type Token } from './mixed-script-tokens.js';

/**
 * Features shared by the lexical ranker and the local embedder. Hangul is cut into syllable
 * bigrams and trigrams, which survive particles and spacing: "가명정보는" and "가명 정보" both
 * contain "가명" and "정보". Latin words are stemmed, numbers kept whole.
 */
export function lexicalTerms(text: string): string[] {
  const terms: string[] = [];
  let previous: Token | undefined;
  for (const token of tokenizeMixedScript(text)) {
    if (token.kind === 'hangul') {
      // Hangul lies in the Basic Multilingual Plane: one UTF-16 unit per syllable, so slicing is safe.
      const word = token.text;
      if (word.length === 1) terms.push(word);
      for (let start = 0; start + 2 <= word.length; start += 1) terms.push(word.slice(start, start + 2));
      for (let start = 0; start + 3 <= word.length; start += 1) terms.push(word.slice(start, start + 3));
      // Bridges a space the writer may or may not have typed: "가명 정보" also yields "명정".
      if (previous?.kind === 'hangul' && token.followsSpace) terms.push(previous.text.at(-1)! + word[0]);
    } else {
      terms.push(token.text);
    }
    previous = token;
  }
  return terms;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Weighted features for feature hashing; unigrams and Latin trigrams add fuzziness for vectors. */
export function embeddingFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  let previous: Token | undefined;
  for (const token of tokenizeMixedScript(text)) {
    if (token.kind === 'hangul') {
      // All of Hangul lies in the Basic Multilingual Plane: each syllable is one UTF-16 unit, so
      // substrings are the syllable n-grams (without an array per word and a join per n-gram).
      const word = token.text;
      for (let start = 0; start < word.length; start += 1) add(`1${word[start]}`, 0.4);
      for (let start = 0; start + 2 <= word.length; start += 1) add(word.slice(start, start + 2), 1);
      for (let start = 0; start + 3 <= word.length; start += 1) add(word.slice(start, start + 3), 0.8);
      if (previous?.kind === 'hangul' && token.followsSpace) add(`${previous.text.at(-1)}${word[0]}`, 0.5);
    } else if (token.kind === 'latin') {
      add(`w${token.text}`, 1.5);
      // Latin has a few letters beyond the BMP (two UTF-16 units each): those words are cut by code point.
      const edged = `<${token.text}>`;
      if (SURROGATE.test(edged)) for (const trigram of ngrams(Array.from(edged), 3)) add(`t${trigram}`, 0.4);
      else for (let start = 0; start + 3 <= edged.length; start += 1) add(`t${edged.slice(start, start + 3)}`, 0.4);
    } else {
      add(`n${token.text}`, 1);
    }
    previous = token;
  }
  return features;
}

function ngrams(characters: string[], size: number): string[] {
  const result: string[] = [];
  for (let start = 0; start + size <= characters.length; start += 1) result.push(characters.slice(start, start + size).join(''));
  return result;
}
