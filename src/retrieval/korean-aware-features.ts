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

/** Weighted features for feature hashing; unigrams and Latin trigrams add fuzziness for vectors. */
export function embeddingFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  let previous: Token | undefined;
  for (const token of tokenizeMixedScript(text)) {
    if (token.kind === 'hangul') {
      const syllables = Array.from(token.text);
      for (const syllable of syllables) add(`1${syllable}`, 0.4);
      for (const bigram of ngrams(syllables, 2)) add(bigram, 1);
      for (const trigram of ngrams(syllables, 3)) add(trigram, 0.8);
      if (previous?.kind === 'hangul' && token.followsSpace) add(`${Array.from(previous.text).at(-1)}${syllables[0]}`, 0.5);
    } else if (token.kind === 'latin') {
      add(`w${token.text}`, 1.5);
      for (const trigram of ngrams(Array.from(`<${token.text}>`), 3)) add(`t${trigram}`, 0.4);
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
