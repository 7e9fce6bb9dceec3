import { describe, expect, it } from 'vitest';
import { loadKnowledgeDocuments } from '../../src/knowledge/load-knowledge.js';
import { LineRelevance } from '../../src/question-answering/line-relevance.js';
import { KNOWLEDGE_DIR } from './knowledge-qa.js';

const { chunks } = await loadKnowledgeDocuments(KNOWLEDGE_DIR);
const relevance = new LineRelevance(chunks);
const questions: [string, string[]][] = [
  ['가명정보는 동의 없이 쓸 수 있나요?', ['pseudonymised information', 'consent']],
  ['지원금은 최대 얼마까지 나와요?', ['grant', '사업화 지원금']],
  ['Can two startups apply together with one hospital?', ['병원', '공동']],
  ['충**병원이랑 한 과제 있어?', []],
  ['IRB 승인 전에 데이터 먼저 받아볼 수 있어요?', ['institutional review board']],
  ['what about GPUs?', []],
];

describe('how much of a question a knowledge text covers', () => {
  it("gives the same coverage and score for the knowledge's own texts (compared by term number) as for any other text with the same terms (compared by strings)", () => {
    for (const [question, expansions] of questions) {
      const terms = relevance.queryTerms(question, expansions);
      for (const chunk of chunks) {
        for (const text of [chunk.text, chunk.metadata.heading, ...chunk.metadata.lines]) {
          // A trailing space adds no term, and makes a text the index has not numbered.
          expect(relevance.coverage(text, terms)).toBe(relevance.coverage(`${text} `, terms));
          expect(relevance.score(text, terms)).toBe(relevance.score(`${text} `, terms));
        }
      }
    }
  });

  it('finds the section a question is about by its own words, and by a translation at most 0.8', () => {
    const terms = relevance.queryTerms('가명정보는 동의 없이 쓸 수 있나요?', []);
    const best = Math.max(...chunks.filter((chunk) => chunk.metadata.language === 'ko').map((chunk) => relevance.coverage(chunk.text, terms)));
    expect(best).toBeGreaterThan(0.6);
    const english = relevance.queryTerms('Can we use it without agreement?', ['가명정보', '동의']);
    const byTranslation = Math.max(...chunks.map((chunk) => relevance.coverage(chunk.text, english)));
    expect(byTranslation).toBeGreaterThan(0);
    expect(byTranslation).toBeLessThanOrEqual(1);
  });
});
