import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data-files/data-file-error.js';
import {
  GLOSSARY_CATEGORIES,
  expandWithGlossary,
  findGlossaryTerms,
  loadGlossary,
  type Glossary,
} from '../../src/knowledge/glossary.js';

const glossary = loadGlossary('knowledge/glossary.yaml');
const englishOf = (text: string) => findGlossaryTerms(glossary, text).map((entry) => entry.en);

function writeGlossary(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'itda-glossary-')), 'glossary.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('the shipped glossary', () => {
  it('has several hundred entries across every category', () => {
    expect(glossary.entries.length).toBeGreaterThanOrEqual(450);
    expect(glossary.entries.length).toBeLessThanOrEqual(600);
    const used = new Set(glossary.entries.map((entry) => entry.category));
    expect([...used].sort()).toEqual([...GLOSSARY_CATEGORIES].sort());
  });

  it('covers the program, privacy, data and clinical terms staff ask about', () => {
    const korean = new Set(glossary.entries.map((entry) => entry.ko));
    for (const term of [
      '의료데이터 중심병원', '서울바이오허브', '한국보건의료정보원', '사업화 지원금', '수요기업', '의료데이터 활용연구 계획',
      '개인정보 보호법', '가명정보', '결합전문기관', '데이터심의위원회', '기관생명윤리위원회', '국외 이전', '안심활용센터',
      '전자의무기록', '공통데이터모델', '바이오뱅크', '라이프로그', '시판 후 조사', '적응증', '외부 검증', '식품의약품안전처',
      '흉부 X선', '유방촬영술', '안저 사진', '심전도', '연속혈당측정', '수면다원검사', '디지털 병리 슬라이드',
      '뇌졸중', '뇌동맥류', '대장 용종', '심방세동', '만성콩팥병', '만성폐쇄성폐질환', '코로나19', '자폐 스펙트럼 장애',
      '당뇨망막병증', '중환자실', '영상의학과', '정신건강의학과', '곡선하면적', '민감도', '특이도',
    ]) {
      expect(korean, term).toContain(term);
    }
  });

  it('lists both British and American spellings where they differ', () => {
    const forms = new Set(glossary.entries.flatMap((entry) => [entry.en, ...entry.aliases].map((form) => form.toLowerCase())));
    for (const [british, american] of [
      ['pseudonymised information', 'pseudonymized information'],
      ['anonymisation', 'anonymization'],
      ['oesophagus', 'esophagus'],
      ['paediatrics', 'pediatrics'],
      ['tumour', 'tumor'],
      ['haemorrhage', 'hemorrhage'],
    ]) {
      expect(forms, british).toContain(british);
      expect(forms, american).toContain(american);
    }
  });

  it('keeps ordinary English words out of the abbreviations, so plain questions do not expand', () => {
    const forms = glossary.entries.flatMap((entry) => [entry.en, ...entry.aliases].map((form) => form.toLowerCase()));
    for (const word of ['a', 'all', 'as', 'at', 'or', 'us', 'it', 'is', 'in', 'on', 'can', 'cap', 'may', 'news', 'mr', 'dr', 'fall']) {
      expect(forms, word).not.toContain(word);
    }
  });
});

describe('findGlossaryTerms', () => {
  it('user: "pseudonymised data for stroke patients" → 가명정보, 뇌졸중', () => {
    const found = findGlossaryTerms(glossary, 'Can we get pseudonymised data for stroke patients?');
    expect(found.map((entry) => entry.ko)).toEqual(['가명정보', '뇌졸중']);
  });

  it('user: "뇌졸중 환자의 CT를 쓰고 싶어요" → stroke, computed tomography (particles attached)', () => {
    expect(englishOf('뇌졸중 환자의 CT를 쓰고 싶어요')).toEqual(['stroke', 'computed tomography']);
  });

  it('user: "대장내시경 영상" → colonoscopy only: the longest form wins over 내시경', () => {
    expect(englishOf('대장내시경 영상으로 용종을 찾습니다')).toEqual(['colonoscopy', 'colorectal polyp']);
  });

  it('user: "chest ct and ECG" → chest CT (not plain CT) and electrocardiogram, case-insensitively', () => {
    expect(englishOf('chest ct and ecg')).toEqual(['chest CT', 'electrocardiogram']);
  });

  it('user: "He said the email was sent" → nothing: AI only matches as a whole word', () => {
    expect(findGlossaryTerms(glossary, 'He said the email was sent')).toEqual([]);
  });

  it('user: "tumours and CTs" → plural forms still match', () => {
    expect(englishOf('tumours and CTs')).toEqual(['tumour', 'computed tomography']);
  });

  it('user: "stroke, also called CVA or 중풍" → one entry, not three', () => {
    expect(englishOf('stroke, also called CVA or 중풍')).toEqual(['stroke']);
  });

  it('user: "개인정보보호법" and "개인정보 보호법" → the same act, whatever the spacing', () => {
    expect(englishOf('개인정보보호법 제28조의2')).toEqual(['Personal Information Protection Act']);
    expect(englishOf('개인정보 보호법 제28조의2')).toEqual(['Personal Information Protection Act']);
  });

  it('user: "간질환 코호트" → liver disease, not epilepsy (간질) inside it', () => {
    expect(englishOf('간질환 코호트')).toEqual(['liver disease', 'cohort']);
  });
});

describe('expandWithGlossary', () => {
  it('user: "stroke CT data" → Korean terms and aliases it does not already contain', () => {
    const expansions = expandWithGlossary(glossary, 'stroke CT data');
    expect(expansions).toContain('뇌졸중');
    expect(expansions).toContain('전산화단층촬영');
    expect(expansions).toContain('cerebrovascular accident');
    expect(expansions).not.toContain('stroke');
    expect(expansions.map((form) => form.toLowerCase())).not.toContain('ct');
  });

  it('user: "가명정보 결합은 어디서?" → English forms for the matcher', () => {
    const expansions = expandWithGlossary(glossary, '가명정보 결합은 어디서 하나요?');
    expect(expansions).toContain('pseudonymised data combination');
    expect(expansions).not.toContain('가명정보 결합');
  });

  it('user: "hello" → nothing to add', () => {
    expect(expandWithGlossary(glossary, 'hello there')).toEqual([]);
  });
});

describe('loadGlossary', () => {
  const entry = (ko: string, en: string, aliases: string, category = 'disease') =>
    `  - ko: ${ko}\n    en: ${en}\n    aliases: [${aliases}]\n    category: ${category}\n`;

  it('names the line, path and owner when one alias is in two entries', () => {
    const file = writeGlossary(`as_of: 2026-11-28\nentries:\n${entry('뇌졸중', 'stroke', 'CVA')}${entry('뇌경색', 'cerebral infarction', 'CVA')}`);
    expect(() => loadGlossary(file)).toThrow(DataFileError);
    expect(() => loadGlossary(file)).toThrow(/line 9, entries\.1\.aliases\.0: "CVA" already belongs to entry 0 \(뇌졸중 \/ stroke\)/);
  });

  it('treats Korean spacing variants as the same form', () => {
    const file = writeGlossary(`as_of: 2026-11-28\nentries:\n${entry('개인정보 보호법', 'PIPA act', '개인정보보호법', 'law')}`);
    expect(() => loadGlossary(file)).toThrow(/entries\.0\.aliases\.0: "개인정보보호법" is listed twice in this entry/);
  });

  it('lists the allowed categories when one is unknown', () => {
    const file = writeGlossary(`as_of: 2026-11-28\nentries:\n${entry('뇌졸중', 'stroke', 'CVA', 'illness')}`);
    expect(() => loadGlossary(file)).toThrow(/entries\.0\.category: use one of: program, organisation, law/);
  });
});

describe('lookup speed', () => {
  it('looks up a 100-character query against the whole glossary in well under a millisecond', () => {
    const queries = [
      'Can we use pseudonymised chest CT and ECG data from ICU patients to validate a sepsis prediction model?',
      '뇌졸중 환자의 MRI 영상과 전자의무기록을 활용해 재발 위험을 예측하는 인공지능 모델을 개발하고 외부 검증까지 하고 싶습니다. 데이터심의위원회 절차는요?',
      'Which hospital team has colonoscopy videos and pathology slides for colorectal polyp detection research?',
    ].map((query) => query.slice(0, 100));
    const timed = (glossaryToUse: Glossary, rounds: number) => {
      const started = performance.now();
      for (let round = 0; round < rounds; round += 1) {
        for (const query of queries) findGlossaryTerms(glossaryToUse, query);
      }
      return (performance.now() - started) / (rounds * queries.length);
    };
    timed(glossary, 50); // warm up the index and the JIT
    const averageMs = timed(glossary, 2000);
    console.log(`glossary lookup: ${glossary.entries.length} entries, 100-char query, ${(averageMs * 1000).toFixed(1)} µs on average`);
    expect(findGlossaryTerms(glossary, queries[0]!).length).toBeGreaterThan(3);
  });
});
