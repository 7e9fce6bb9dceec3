import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, readCallDocument } from '../../src/rounds/call-document-text.js';
import { findWonAmounts } from '../../src/korean-numbers/amounts.js';
import { findDates } from '../../src/korean-numbers/dates.js';
import { correctProposal, parseCorrection, proposeRound } from '../../src/rounds/round-proposal.js';
import { roundKnowledgeFiles } from '../../src/rounds/round-knowledge-file.js';
import { callPdf, scannedPdf } from './call-documents.js';

describe('reading Korean call text', () => {
  it('reads dates as calls write them', () => {
    expect(findDates('접수기간: 2026. 3. 3.(화) 10:00 ~ 3. 27.(금) 18:00까지').map((found) => found.date)).toEqual(['2026-03-03', '2026-03-27']);
    expect(findDates('신청 마감: 2026년 3월 27일(금) 18시').map((found) => found.date)).toEqual(['2026-03-27']);
    expect(findDates('2026.03.27 / 2026-04-01').map((found) => found.date)).toEqual(['2026-03-27', '2026-04-01']);
    expect(findDates('문의 02-000-0000, 평일 09:00~18:00, 2026. 2. 30.')).toEqual([]);
  });

  it('reads amounts in 억, 천만, 만 and 천원 units', () => {
    expect(findWonAmounts('기업당 최대 5천만원').map((found) => found.krw)).toEqual([50_000_000]);
    expect(findWonAmounts('1억 5천만 원, 50,000천원, 5,000만원, 30,000,000원').map((found) => found.krw)).toEqual([150_000_000, 50_000_000, 50_000_000, 30_000_000]);
  });

  it('takes the per-company cap, not the total budget, and companies, not hospitals', () => {
    const proposal = proposeRound('call.docx', [
      '2026년 공동연구 프로젝트 모집 공고',
      '□ 총 사업비: 5억원 (기업당 3,000만원 이내)',
      '□ 43개 의료데이터 중심병원 참여, 스타트업 기업 12곳 선정',
      '□ 신청 마감: 2026년 5월 8일(금) 17:00까지',
    ]);
    expect(proposal.round).toEqual({ id: '2026', opens: null, deadline: '2026-05-08', capKrw: 30_000_000, slots: 12 });
    expect(proposal.missing).toEqual(['round.opens', 'eligibility.maxYearsSinceFounding']);
  });

  it('reports what the call does not say as missing and never guesses it', () => {
    const proposal = proposeRound('notice.docx', [
      '2026년 공동연구 프로젝트 안내',
      '○ 총 예산 5억원 규모로 추진합니다.',
      '○ 선정 결과 발표: 2026. 4. 24.(금)',
      '○ 연구기간: 2026. 6. 1. ~ 2026. 12. 31.',
    ]);
    expect(proposal.round).toEqual({ id: '2026', opens: null, deadline: null, capKrw: null, slots: null });
    expect(proposal.missing).toEqual(['round.opens', 'round.deadline', 'round.capKrw', 'round.slots', 'eligibility.maxYearsSinceFounding']);
  });

  it('takes staff corrections and checks their format', () => {
    const proposal = proposeRound('notice.docx', ['2026년 공동연구 프로젝트 모집 공고', '○ 선정규모: 10개 내외']);
    const corrected = correctProposal(proposal, { 'round.deadline': '2026-03-27', 'round.opens': '2026-03-03' }, 'USTAFF');
    expect(corrected.round).toMatchObject({ opens: '2026-03-03', deadline: '2026-03-27', slots: 10 });
    expect(corrected.facts.find((fact) => fact.field === 'round.deadline')).toMatchObject({ sentence: '(USTAFF 수정)', correctedBy: 'USTAFF' });
    // Each knowledge file says who corrected the fact in its own language.
    const [korean, english] = roundKnowledgeFiles(corrected, 'USTAFF', '2026-03-01');
    expect(korean!.text).toContain('- 신청 마감: 2026년 3월 27일 (2026-03-27). 원문: "(USTAFF 수정)"');
    expect(english!.text).toContain('"(corrected by USTAFF)"');
    // Staff type "3월 27일" into the Edit form: the answer is in their language (Korean in Slack, English in the CLI).
    expect(parseCorrection('deadline', '3월 27일', 'ko')).toEqual({ ok: false, problem: 'deadline: 날짜는 YYYY-MM-DD 형식으로 써 주세요 (예: 2026-03-27)' });
    expect(parseCorrection('deadline', '3월 27일', 'en')).toEqual({ ok: false, problem: 'deadline: write the date as YYYY-MM-DD, e.g. 2026-03-27' });
    expect(parseCorrection('id', '26년', 'ko')).toEqual({ ok: false, problem: 'id: 차수의 연도를 써 주세요 (예: 2026)' });
    expect(parseCorrection('slots', '열 개', 'ko')).toEqual({ ok: false, problem: 'slots: 0보다 큰 정수로 써 주세요 (예: 10)' });
    expect(parseCorrection('마감', '2026-03-27', 'ko')).toEqual({ ok: false, problem: '알 수 없는 항목입니다: "마감". 다음 중 하나를 쓰세요: id, opens, deadline, capKrw, slots, maxYearsSinceFounding' });
    expect(parseCorrection('capKrw', '50,000,000', 'ko')).toEqual({ ok: true, field: 'round.capKrw', value: 50_000_000 });
  });
});

describe('reading call documents', () => {
  it('reads an HWPX file (zipped OWPML) paragraph by paragraph', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/hwp+zip');
    const paragraph = (text: string) => `<hp:p><hp:run><hp:t>${text}</hp:t></hp:run></hp:p>`;
    zip.file('Contents/section0.xml', `<?xml version="1.0"?><hs:sec xmlns:hs="s" xmlns:hp="p">${[
      '2026년 공동연구 프로젝트 참여기업 모집 공고',
      '□ 접수기간: 2026. 3. 3.(화) ~ 2026. 3. 27.(금) 18:00까지',
      '□ 지원규모: 기업당 최대 5천만원 &amp; 10개 내외 기업 선정',
    ].map(paragraph).join('')}</hs:sec>`);
    const read = await readCallDocument('call.hwpx', await zip.generateAsync({ type: 'uint8array' }), 'ko');
    expect(read).toEqual({ ok: true, lines: ['2026년 공동연구 프로젝트 참여기업 모집 공고', '□ 접수기간: 2026. 3. 3.(화) ~ 2026. 3. 27.(금) 18:00까지', '□ 지원규모: 기업당 최대 5천만원 & 10개 내외 기업 선정'] });
    const proposal = proposeRound('call.hwpx', read.ok ? read.lines : []);
    expect(proposal.round).toEqual({ id: '2026', opens: '2026-03-03', deadline: '2026-03-27', capKrw: 50_000_000, slots: 10 });
  });

  it('explains a scan, an encrypted PDF, a binary HWP, a huge file and a renamed file, each with what to send instead', async () => {
    const problem = async (name: string, bytes: Uint8Array, language: 'ko' | 'en' = 'ko') => {
      const read = await readCallDocument(name, bytes, language);
      expect(read.ok).toBe(false);
      return read.ok ? '' : read.problem;
    };
    const sendInstead = '공고문을 글자를 선택할 수 있는 PDF, 워드(.docx) 또는 HWPX 파일로 보내 주세요 (한글: 파일 → 다른 이름으로 저장 → HWPX).';
    expect(await problem('scan.pdf', scannedPdf())).toBe(`scan.pdf: PDF에 텍스트 층이 없어(스캔본으로 보입니다) 읽을 내용이 없습니다. ${sendInstead}`);
    expect(await problem('locked.pdf', encrypted(callPdf()))).toBe(`locked.pdf: 문서에 암호가 걸려 있습니다. ${sendInstead}`);
    expect(await problem('call.hwp', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(`call.hwp: 바이너리 HWP 파일이라 잇다가 읽을 수 없습니다 (관리되는 HWP 파서가 없습니다). ${sendInstead}`);
    expect(await problem('huge.pdf', new Uint8Array(MAX_DOCUMENT_BYTES + 1))).toBe(`huge.pdf: 파일이 20.0MB로, 공고문 파일 한도인 20MB보다 큽니다. ${sendInstead}`);
    expect(await problem('call.docx', Buffer.from('not a zip at all'))).toContain('call.docx: DOCX 파일을 읽을 수 없습니다. 손상된 것 같습니다 (');
    expect(await problem('notes.txt', Buffer.from('hello'))).toBe(`notes.txt: PDF, DOCX, HWPX 문서가 아닙니다. ${sendInstead}`);
    // The same problem for an English-speaking staff member (and the CLI).
    expect(await problem('scan.pdf', scannedPdf(), 'en')).toBe('scan.pdf: the PDF has no text layer (it looks like a scan), so there is nothing to read. Send the call as a PDF with selectable text, a Word (.docx) file or an HWPX file (한글: 파일 → 다른 이름으로 저장 → HWPX).');
  });
});

/** The same PDF with a standard-security handler whose user password is not empty. */
function encrypted(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const ff = 'F'.repeat(64);
  return Buffer.from(text.replace('/Root 1 0 R >>', `/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <${ff}> /U <${'0'.repeat(64)}> /P -4 >> /ID [<${'1'.repeat(32)}> <${'1'.repeat(32)}>] >>`), 'latin1');
}
