import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DataFileError } from '../../src/data-files/data-file-error.js';
import { ASSET_TYPES, loadCatalog } from '../../src/matching/load-catalog.js';

const FIXTURE = 'test/matching/fixtures/two-teams.yaml';

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'itda-catalog-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function errorFrom(load: () => unknown): DataFileError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return error as DataFileError;
  }
  throw new Error('expected a DataFileError');
}

describe('the shipped sample catalog', () => {
  const SHIPPED = 'knowledge/hospitals/sample-catalog.yaml';
  const catalog = loadCatalog(SHIPPED);

  it('is the one catalog file in knowledge/hospitals, so the folder and the file load the same teams', () => {
    expect(loadCatalog('knowledge/hospitals')).toEqual({ teams: catalog.teams, files: [SHIPPED] });
  });

  it('has at least 36 teams from all 7 consortia, in several regions', () => {
    expect(catalog.teams.length).toBeGreaterThanOrEqual(36);
    expect(new Set(catalog.teams.map((team) => team.consortium))).toEqual(
      new Set(['서울대병원', '삼성서울병원', '세브란스', '부산대병원', '고려대의료원', '한림대성심병원', '서울성모·서울아산']),
    );
    const regions = new Set(catalog.teams.map((team) => team.region));
    for (const region of ['서울', '경기', '부산', '대구', '광주', '강원']) expect(regions, region).toContain(region);
  });

  it('uses every asset type at least three times, with 2–4 assets per team and CDM on some', () => {
    const assets = catalog.teams.flatMap((team) => team.assets);
    for (const type of ASSET_TYPES) expect(assets.filter((asset) => asset.type === type).length, type).toBeGreaterThanOrEqual(3);
    for (const team of catalog.teams) expect(team.assets.length, team.id).toBeGreaterThanOrEqual(2);
    for (const team of catalog.teams) expect(team.assets.length, team.id).toBeLessThanOrEqual(4);
    expect(assets.filter((asset) => asset.cdm === true).length).toBeGreaterThanOrEqual(5);
  });

  it('says at its top that it is sample data to be replaced, with fictional example.org contacts', () => {
    const text = readFileSync(SHIPPED, 'utf8');
    expect(text.startsWith('# SAMPLE DATA')).toBe(true);
    const top = parse(text) as { sample?: unknown; note?: unknown };
    expect(top.sample).toBe(true);
    expect(String(top.note)).toMatch(/sample data.*replaced by the program office/is);
    for (const team of catalog.teams) expect(team.contact, team.id).toMatch(/@example\.org$/);
  });

  it('is what the evaluation cases refer to: every expected team id exists', () => {
    const ids = new Set(catalog.teams.map((team) => team.id));
    const { cases } = parse(readFileSync('eval/match-cases.yaml', 'utf8')) as { cases: { id: string; expect: string[] }[] };
    expect(cases.length).toBeGreaterThanOrEqual(36);
    expect(new Set(cases.map((testCase) => testCase.id)).size).toBe(cases.length);
    for (const testCase of cases) for (const id of testCase.expect) expect(ids, testCase.id).toContain(id);
  });
});

describe('loadCatalog', () => {
  it('reads one file and keeps extra keys', () => {
    const catalog = loadCatalog(FIXTURE);
    expect(catalog.teams.map((team) => team.id)).toEqual(['test-stroke-imaging', 'test-icu-vitals']);
    expect(catalog.teams[0]?.assets[0]).toMatchObject({ type: 'imaging', patients: 4200, period: '2015-2023', cdm: false, scanner_vendor: 'extra keys are kept' });
  });

  it('merges every YAML and JSON file of a folder and ignores README.md', () => {
    const json = JSON.stringify({ teams: [{ id: 'json-team', hospital: 'H', department: 'D', assets: [{ title: 'T', type: 'claims', description: 'x' }] }] });
    const dir = folderWith({ 'a.yaml': readFileSync(FIXTURE, 'utf8'), 'b.json': json, 'README.md': '# not a catalog' });
    const catalog = loadCatalog(dir);
    expect(catalog.teams.map((team) => team.id)).toEqual(['test-stroke-imaging', 'test-icu-vitals', 'json-team']);
    expect(catalog.files.map((file) => file.slice(dir.length + 1))).toEqual(['a.yaml', 'b.json']);
  });

  it('names the file, the line, the team id and the field for a bad asset type', () => {
    const dir = folderWith({ 'broken.yaml': readFileSync(FIXTURE, 'utf8').replace('type: biosignal', 'type: vitals') });
    const error = errorFrom(() => loadCatalog(dir));
    expect(error.file).toBe(join(dir, 'broken.yaml'));
    expect(error.message).toMatch(/line \d+, teams\.1 \(test-icu-vitals\)\.assets\.0\.type: expected one of emr\|imaging\|biosignal/);
    expect(error.message).toContain('fix:');
  });

  it('names the team of a missing required field and a non-numeric patients count', () => {
    const broken = readFileSync(FIXTURE, 'utf8').replace('    department: 신경과\n', '').replace('patients: 4200', 'patients: many');
    const error = errorFrom(() => loadCatalog(folderWith({ 'c.yaml': broken })));
    const paths = error.problems.map((problem) => problem.path);
    expect(paths).toContain('teams.0 (test-stroke-imaging).department');
    expect(paths).toContain('teams.0 (test-stroke-imaging).assets.0.patients');
  });

  it('rejects a team id used in two files, naming both files', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const dir = folderWith({ 'a.yaml': text, 'b.yaml': text });
    const error = errorFrom(() => loadCatalog(dir));
    expect(error.file).toBe(join(dir, 'b.yaml'));
    expect(error.message).toContain('teams.0 (test-stroke-imaging).id: duplicate team id "test-stroke-imaging", already used in');
    expect(error.message).toContain(join(dir, 'a.yaml'));
  });

  it('rejects a team without assets', () => {
    const text = 'teams:\n  - id: empty-team\n    hospital: H\n    department: D\n    assets: []\n';
    const error = errorFrom(() => loadCatalog(folderWith({ 'e.yaml': text })));
    expect(error.message).toContain('teams.0 (empty-team).assets: a team needs at least one data asset');
  });

  it('says so when the folder holds no catalog file', () => {
    const error = errorFrom(() => loadCatalog(folderWith({ 'README.md': '# only a readme' })));
    expect(error.message).toContain('no .yaml, .yml or .json catalog file');
  });
});
