import { describe, expect, it } from 'vitest';
import { LocalHashingEmbeddings } from '../../src/retrieval/local-hashing-embeddings.js';
import { embeddingFeatures } from '../../src/retrieval/korean-aware-features.js';

const cosine = (left: number[], right: number[]) => left.reduce((sum, value, index) => sum + value * right[index]!, 0);

describe('LocalHashingEmbeddings', () => {
  const embeddings = new LocalHashingEmbeddings();

  it('names its vector space with a version and the dimension', () => {
    expect(embeddings.embedderId).toBe('local-hash-v2-512');
    expect(new LocalHashingEmbeddings({ dimension: 768 }).embedderId).toBe('local-hash-v2-768');
  });

  it('gives the same unit vector for the same text, every time', async () => {
    const [first, second] = await embeddings.embedDocuments(['가명정보 처리 기준', '가명정보 처리 기준']);
    expect(first).toHaveLength(512);
    expect(first).toEqual(second);
    expect(cosine(first!, first!)).toBeCloseTo(1, 5);
  });

  it('puts a Korean phrase with particles closer to its bare form than to another topic', async () => {
    const [query, related, unrelated] = await embeddings.embedDocuments(['가명정보는 어떻게 처리하나요', '가명정보 처리 방법', '신청 마감일 안내']);
    expect(cosine(query!, related!)).toBeGreaterThan(cosine(query!, unrelated!) + 0.2);
  });

  it('treats British and American spellings alike', async () => {
    const [british, american] = await embeddings.embedDocuments(['pseudonymised records', 'pseudonymized record']);
    expect(cosine(british!, american!)).toBeGreaterThan(0.95);
  });

  it('embeds an empty text as a zero vector instead of failing', async () => {
    expect((await embeddings.embedQuery('')).every((value) => value === 0)).toBe(true);
  });
});

describe('the features the local embedder hashes', () => {
  it('cuts Hangul into syllables, bigrams, trigrams and a bridge over a space; Latin into the word and its edged trigrams, by code point', () => {
    expect([...embeddingFeatures('가명 정보는 data')]).toEqual([
      ['1가', 0.4], ['1명', 0.4], ['가명', 1], ['1정', 0.4], ['1보', 0.4], ['정보', 1], ['명정', 0.5],
      ['wdata', 1.5], ['t<da', 0.4], ['tdat', 0.4], ['tata', 0.4], ['tta>', 0.4],
    ]);
    // U+1DF00 is a Latin letter outside the Basic Multilingual Plane: one trigram letter, not two halves.
    expect([...embeddingFeatures('x\u{1DF00}yz 병원')]).toEqual([
      ['wx\u{1DF00}yz', 1.5], ['t<x\u{1DF00}', 0.4], ['tx\u{1DF00}y', 0.4], ['t\u{1DF00}yz', 0.4], ['tyz>', 0.4],
      ['1병', 0.4], ['1원', 0.4], ['병원', 1],
    ]);
  });
});
