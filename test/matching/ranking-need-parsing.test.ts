import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import { parsePatientMinimum } from '../../src/korean-numbers/patient-counts.js';
import { parsePeriodCovered, parsePeriodWish, periodSatisfies } from '../../src/matching/need-numbers.js';
import { parseNeed } from '../../src/matching/parse-need.js';
import { withoutNegatedClauses } from '../../src/matching/negated-clauses.js';
import { translateTerm } from '../../src/matching/translate-term.js';

const glossary = loadGlossary('knowledge/glossary.yaml');

describe('reading a need', () => {
  it('finds the disease, the data type, the modality and the wished size in a Korean need', () => {
    const need = parseNeed('뇌졸중 환자 CT 영상 5,000명 이상, 2015년 이후 데이터가 필요해요', glossary, 2026);
    expect(need.language).toBe('ko');
    expect(need.diseases.map((entry) => entry.ko)).toContain('뇌졸중');
    expect(need.dataTypes).toContain('imaging');
    expect(need.modalities).toEqual(['CT']);
    expect(need.minPatients).toBe(5000);
    expect(need.period).toEqual({ from: 2015 });
    expect(need.expansions.map((term) => term.toLowerCase())).toContain('stroke');
  });

  it('reads an English need the same way, with a paediatric population and a CDM wish', () => {
    const need = parseNeed('ECG from paediatric emergency visits, at least 2,000 patients, OMOP CDM', glossary, 2026);
    expect(need.language).toBe('en');
    expect(need.dataTypes).toContain('biosignal');
    expect(need.modalities).toContain('ECG');
    expect(need.paediatric).toBe(true);
    expect(need.minPatients).toBe(2000);
    expect(need.wantsCdm).toBe(true);
  });

  it('does not take the program’s own names for a region', () => {
    expect(parseNeed('서울바이오허브 입주 스타트업의 영상 분석', glossary, 2026).regions).toEqual([]);
    expect(parseNeed('부산 지역 병원의 심전도', glossary, 2026).regions).toEqual(['부산']);
  });

  it('reads patient counts written the Korean and the English way', () => {
    expect(parsePatientMinimum('환자 1만 명 규모')).toBe(10_000);
    expect(parsePatientMinimum('3천명 이상')).toBe(3_000);
    expect(parsePatientMinimum('12,000 patients')).toBe(12_000);
    expect(parsePatientMinimum('at least 10 years of follow-up')).toBeUndefined();
    expect(parsePatientMinimum('폐결절 CT 분석')).toBeUndefined();
  });

  it('reads periods wished and covered', () => {
    expect(parsePeriodWish('2018-2023 데이터', 2026)).toEqual({ from: 2018, to: 2023 });
    expect(parsePeriodWish('최근 5년', 2026)).toEqual({ from: 2021 });
    expect(parsePeriodWish('10년 이상 추적', 2026)).toEqual({ years: 10 });
    expect(parsePeriodCovered('2016–현재', 2026)).toEqual({ from: 2016, to: 2026 });
    expect(periodSatisfies({ from: 2012, to: 2023 }, { from: 2015 })).toBe(true);
    expect(periodSatisfies({ from: 2019, to: 2023 }, { years: 10 })).toBe(false);
  });

  it('takes the specific disease when a broad word comes with it, and outcomes are not diseases', () => {
    expect(parseNeed('lung nodule malignancy on chest CT', glossary, 2026).diseases.map((entry) => entry.en)).toEqual(['pulmonary nodule']);
    expect(parseNeed('암 환자 웨어러블', glossary, 2026).diseases.map((entry) => entry.en)).toEqual(['cancer']);
    expect(parseNeed('뇌졸중 재발 예측', glossary, 2026).diseases.map((entry) => entry.ko)).toEqual(['뇌졸중']);
  });
});

describe('reading an asset', () => {
  it('leaves out what the description says the asset lacks', () => {
    expect(withoutNegatedClauses('입원 뇌졸중 환자 레지스트리. 영상 원본은 포함하지 않음; 예후 예측용.')).toBe('입원 뇌졸중 환자 레지스트리. 예후 예측용.');
    expect(withoutNegatedClauses('유방암 검출 AI 학습용이며 항암치료 정보는 없음.')).toBe('유방암 검출 AI 학습용이며');
  });

  it('shows catalog terms in the reader’s language when the glossary knows them', () => {
    expect(translateTerm(glossary, '뇌졸중', 'en')).toBe('stroke');
    expect(translateTerm(glossary, 'CT', 'en')).toBe('CT');
    expect(translateTerm(glossary, '빛간섭단층촬영', 'en')).toBe('optical coherence tomography');
    expect(translateTerm(glossary, '없는말', 'en')).toBe('없는말');
  });
});
