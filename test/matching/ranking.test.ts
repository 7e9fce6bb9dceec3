import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import type { Catalog, CatalogTeam } from '../../src/matching/load-catalog.js';
import { suggestTeamsForNeed } from '../../src/matching/suggest-teams.js';
import { TeamRanker } from '../../src/matching/team-ranker.js';
import { LocalHashingEmbeddings } from '../../src/retrieval/local-hashing-embeddings.js';

const team = (id: string, hospital: string, department: string, region: string, assets: CatalogTeam['assets'], expertise?: string[]): CatalogTeam => ({
  id, hospital, department, region, assets, expertise,
});

/** Near neighbours that only the right attribute tells apart. */
const CATALOG: Catalog = {
  files: ['inline'],
  teams: [
    team('snuh-neuro', '서울대병원', '영상의학과', '서울', [
      { title: '급성 뇌졸중 CT·MRI 영상 DB', type: 'imaging', modalities: ['CT', 'MRI'], diseases: ['뇌졸중'], patients: 12000, period: '2012-2023', description: '급성 허혈성 뇌졸중 환자의 관류 CT와 확산강조 MRI' },
    ], ['뇌졸중 영상']),
    team('smc-stroke-registry', '삼성서울병원', '신경과', '서울', [
      { title: '뇌졸중 레지스트리', type: 'registry', diseases: ['뇌졸중'], patients: 20000, period: '2008-현재', cdm: true, description: '뇌졸중 환자 등록 코호트와 예후 추적' },
    ]),
    team('pnuh-rehab', '부산대병원', '재활의학과', '부산', [
      { title: '뇌졸중 재활 웨어러블 라이프로그', type: 'lifelog', diseases: ['뇌졸중'], patients: 800, description: '회복기 뇌졸중 환자의 웨어러블 활동량' },
    ]),
    team('sev-breast-chemo', '세브란스병원', '유방외과', '서울', [
      { title: '조기 유방암 항암화학요법 반응 레지스트리', type: 'registry', diseases: ['유방암'], patients: 4000, period: '2010-2022', description: '선행항암화학요법(neoadjuvant chemotherapy) 반응과 병리적 완전관해' },
    ]),
    team('ku-mammo', '고려대 안암병원', '영상의학과', '서울', [
      { title: '유방촬영술 검진 영상', type: 'imaging', modalities: ['mammography'], diseases: ['유방암'], patients: 50000, description: '유방암 검진 유방촬영 영상과 판독 소견' },
    ]),
    team('smc-peds-ecg', '삼성서울병원', '소아청소년과', '서울', [
      { title: '소아 응급실 심전도', type: 'biosignal', modalities: ['ECG'], patients: 6000, description: '소아청소년 응급 심혈관 질환 환자의 12유도 ECG 파형' },
    ]),
    team('cnuh-adult-ecg', '충남대병원', '응급의학과', '충남', [
      { title: '성인 응급실 심전도', type: 'biosignal', modalities: ['ECG'], patients: 30000, description: '성인 응급실 내원 환자의 12유도 ECG 파형' },
    ]),
    // Two identical teams: the tie goes to the smaller id.
    team('twin-b', '가상병원B', '내분비내과', '서울', [{ title: '당뇨병 진료기록', type: 'emr', diseases: ['당뇨병'], description: '당뇨병 외래 진료기록' }]),
    team('twin-a', '가상병원A', '내분비내과', '서울', [{ title: '당뇨병 진료기록', type: 'emr', diseases: ['당뇨병'], description: '당뇨병 외래 진료기록' }]),
  ],
};

describe('ranking hospital teams for a need', () => {
  let ranker: TeamRanker;
  const cacheDir = mkdtempSync(join(tmpdir(), 'itda-ranking-'));
  const options = () => ({ embeddings: new LocalHashingEmbeddings(), glossary: loadGlossary('knowledge/glossary.yaml'), cacheDir, currentYear: 2026 });
  beforeAll(async () => {
    ranker = await TeamRanker.build(CATALOG, options());
  });
  const ids = async (need: string, filters = {}) => (await ranker.rankTeams(need, { top: 9, ...filters })).map((match) => match.teamId);

  it('puts the stroke imaging team first for a Korean need and explains it in Korean, criterion by criterion', async () => {
    const [best] = await ranker.rankTeams('뇌졸중 영상 분석 스타트업에 맞는 병원 팀은?', { top: 3 });
    expect(best).toMatchObject({ teamId: 'snuh-neuro', hospital: '서울대병원', department: '영상의학과', assets: ['급성 뇌졸중 CT·MRI 영상 DB'] });
    expect(best!.reasons).toEqual([
      '질환: 뇌졸중 — 충족 (급성 뇌졸중 CT·MRI 영상 DB)',
      '데이터: 의료영상 — 충족',
      '환자 수: 12,000명',
      '기간: 2012-2023',
      'CDM: 알 수 없음',
      '지역: 서울',
    ]);
  });

  it('finds the Korean assets for an English need and answers in English', async () => {
    const [best] = await ranker.rankTeams('stroke CT imaging with at least 5,000 patients', { top: 1 });
    expect(best!.teamId).toBe('snuh-neuro');
    expect(best!.reasons).toContain('Disease: stroke — met (급성 뇌졸중 CT·MRI 영상 DB)');
    expect(best!.reasons).toContain('Data: CT — met');
    expect(best!.reasons).toContain('Patients: 12,000 ≥ 5,000 — met');
  });

  it('tells near neighbours apart by the data type and the purpose', async () => {
    expect((await ids('뇌졸중 레지스트리 예후 코호트'))[0]).toBe('smc-stroke-registry');
    expect((await ids('stroke rehabilitation wearable data'))[0]).toBe('pnuh-rehab');
    expect((await ids('predicting chemotherapy response in early breast cancer'))[0]).toBe('sev-breast-chemo');
    expect((await ids('유방암 검진 유방촬영 영상 AI'))[0]).toBe('ku-mammo');
  });

  it('prefers paediatric assets for a paediatric need, and adult ones otherwise', async () => {
    expect((await ids('소아 응급 심전도 분석'))[0]).toBe('smc-peds-ecg');
    expect((await ids('adult emergency department ECG'))[0]).toBe('cnuh-adult-ecg');
  });

  it('ranks a team without the disease asked for below every team with it, and says so', async () => {
    const matches = await ranker.rankTeams('뇌졸중 데이터', { top: 9 });
    expect(matches.slice(0, 3).map((match) => match.teamId).sort()).toEqual(['pnuh-rehab', 'smc-stroke-registry', 'snuh-neuro']);
    expect(matches[3]!.reasons[0]).toBe('질환: 뇌졸중 — 미충족 (보유 자산에 없음)');
  });

  it('applies hard filters: type, region, CDM and minimum patients', async () => {
    expect(await ids('뇌졸중', { type: 'registry' })).toEqual(['smc-stroke-registry', 'sev-breast-chemo']);
    expect(await ids('뇌졸중', { region: 'Busan' })).toEqual(['pnuh-rehab']);
    expect(await ids('뇌졸중', { cdm: true })).toEqual(['smc-stroke-registry']);
    expect(await ids('심전도', { minPatients: 10000 })).not.toContain('smc-peds-ecg');
    const [registry] = await ranker.rankTeams('뇌졸중', { cdm: true, minPatients: 15000, region: '서울' });
    expect(registry!.reasons).toEqual(expect.arrayContaining(['질환: 뇌졸중 — 충족 (뇌졸중 레지스트리)', '환자 수: 20,000명 ≥ 15,000명 — 충족', 'CDM: 예 — 충족', '지역: 서울 — 충족']));
  });

  it('says what does not fit: too few patients, the wrong period, an unknown CDM status', async () => {
    const matches = await ranker.rankTeams('뇌졸중 재활 웨어러블 2만 명 이상 2015년 이후 CDM', { top: 1 });
    expect(matches[0]!.teamId).toBe('pnuh-rehab');
    expect(matches[0]!.reasons).toEqual(expect.arrayContaining(['환자 수: 800명 < 20,000명 — 미충족', '기간: 2015년 이후 필요 — 알 수 없음', 'CDM: 알 수 없음']));
  });

  it('breaks ties by team id, so the same need always gives the same order', async () => {
    const order = (await ids('당뇨병 진료기록')).filter((id) => id.startsWith('twin'));
    expect(order).toEqual(['twin-a', 'twin-b']);
  });

  it('reloads the persisted index without embedding anything again', async () => {
    const again = await TeamRanker.build(CATALOG, options());
    expect(again.stats.embedded).toBe(0);
    expect(again.stats.graph).toBe('loaded');
  });

  it('gives the applicant three teams with reasons in the applicant’s language', async () => {
    const teams = await suggestTeamsForNeed(ranker, '뇌졸중 CT 영상 분석', 'en');
    expect(teams).toHaveLength(3);
    expect(teams[0]).toMatchObject({ teamId: 'snuh-neuro', hospital: '서울대병원', department: '영상의학과' });
    expect(teams[0]!.reasons[0]).toBe('Disease: stroke — met (급성 뇌졸중 CT·MRI 영상 DB)');
  });
});
