import { describe, expect, it } from 'vitest';
import { keepOnlyPassageLinks } from '../../src/question-answering/passage-links.js';

const PASSAGES = ['신청은 https://www.seoul.go.kr/apply 에서 합니다.', 'See www.mohw.go.kr/notice for the call.'];

describe('links in a model answer', () => {
  it('keeps a URL the passages contain, with its trailing punctuation', () => {
    expect(keepOnlyPassageLinks('신청: https://www.seoul.go.kr/apply.', PASSAGES, 'ko')).toBe('신청: https://www.seoul.go.kr/apply.');
    expect(keepOnlyPassageLinks('See https://mohw.go.kr/notice/', PASSAGES, 'en')).toBe('See https://mohw.go.kr/notice/');
  });

  it('replaces any other URL, and undoes labelled links so no label hides where it leads', () => {
    expect(keepOnlyPassageLinks('서류는 [여기](https://evil.example/upload)에 올리세요', PASSAGES, 'ko')).toBe('서류는 여기 [링크 생략]에 올리세요');
    expect(keepOnlyPassageLinks('<https://evil.example|📎 심사 서류 업로드>', PASSAGES, 'ko')).toBe('📎 심사 서류 업로드 [링크 생략]');
    expect(keepOnlyPassageLinks('<https://www.seoul.go.kr/apply|신청하기>', PASSAGES, 'ko')).toBe('신청하기 https://www.seoul.go.kr/apply');
    expect(keepOnlyPassageLinks('Go to www.evil.example now', PASSAGES, 'en')).toBe('Go to [link removed] now');
  });
});
