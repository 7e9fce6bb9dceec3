import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogToYaml, importCatalogCsv, runImportCatalog } from '../../src/matching/import-catalog-csv.js';
import { loadCatalog } from '../../src/matching/load-catalog.js';
import { readCsv } from '../../src/matching/read-csv.js';

const FIXTURE = 'test/matching/fixtures/catalog-rows.csv';
const csv = readFileSync(FIXTURE, 'utf8');

describe('readCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks, CRLF and a BOM, and numbers physical lines', () => {
    const { records, problems } = readCsv('\uFEFFa,b\r\n"x, y","two\r\nlines ""q"""\r\n\r\nlast,\r\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'two\nlines "q"'] },
      { line: 5, fields: ['last', ''] },
    ]);
  });

  it('reports a quote that is never closed', () => {
    expect(readCsv('a,b\n1,"open\n').problems).toEqual([{ line: 2, message: 'a quoted field is never closed (a " is missing)' }]);
  });
});

describe('importCatalogCsv', () => {
  const { catalog, problems } = importCatalogCsv(csv, FIXTURE);

  it('groups rows by team_id and converts lists, counts and cdm answers', () => {
    expect(catalog.teams.map((team) => [team.id, team.assets.length])).toEqual([
      ['stroke-team', 2],
      ['icu-team', 1],
      ['claims-team', 1],
    ]);
    const stroke = catalog.teams[0]!;
    expect(stroke).toMatchObject({ hospital: '테스트대학교병원', consortium: '테스트 컨소시엄', region: '서울', expertise: ['뇌졸중', '혈전제거술', '재발 예측'] });
    expect(stroke.assets[0]).toEqual({
      title: '뇌졸중 CT 관류 영상', type: 'imaging', modalities: ['CT', 'MRI'], diseases: ['뇌졸중'],
      patients: 12000, period: '2012-2023', cdm: false, description: '급성 뇌졸중 CT, MRI 영상',
    });
    expect(stroke.assets[1]).toMatchObject({ type: 'registry', diseases: ['뇌졸중', '일과성 허혈 발작'], cdm: false, description: '여러 줄 설명:\n3개월 mRS와 "재발" 여부' });
    expect(catalog.teams[1]?.assets[0]).toMatchObject({ type: 'cdm', patients: 21000, cdm: true });
    expect(catalog.teams[2]).toMatchObject({ region: '광주', assets: [{ diseases: ['고혈압', '당뇨병'], patients: 500, cdm: true }] });
  });

  it('reports each bad row by its physical line and skips it', () => {
    // The quoted description on line 3 runs onto line 4, so the rows after it start one line later.
    expect(problems.map((problem) => problem.line)).toEqual([5, 7, 8, 9, 10]);
    expect(problems[0]?.message).toContain('type "vitals" is not one of emr|imaging|');
    expect(problems[1]?.message).toContain('team stroke-team is at "테스트대학교병원" in an earlier row but "다른병원" here');
    expect(problems[2]?.message).toContain('patients "약 500" is not a whole number');
    expect(problems[3]?.message).toContain('description is empty (required)');
    expect(problems[4]?.message).toContain('16 fields but the header has 15; put quotes around a value that contains a comma');
  });

  it('reads a CRLF export with a byte-order mark the same way', () => {
    const excel = importCatalogCsv(`\uFEFF${csv.replace(/\n/g, '\r\n')}`, FIXTURE);
    expect(excel.catalog.teams).toEqual(catalog.teams);
    expect(excel.problems).toEqual(problems);
  });

  it('accepts type spellings like "Specialty DB" and leaves out team columns no row filled', () => {
    const header = csv.split('\n')[0];
    const result = importCatalogCsv(`${header}\nt,H,,D,,,,A,emr,,,,,,a\nt,H,,D,,,,B,Specialty DB,,,,,,b\n`, 'inline.csv');
    expect(result.problems).toEqual([]);
    expect(result.catalog.teams).toHaveLength(1);
    expect(Object.keys(result.catalog.teams[0]!)).toEqual(['id', 'hospital', 'department', 'assets']);
    expect(result.catalog.teams[0]!.assets.map((asset) => asset.type)).toEqual(['emr', 'specialty_db']);
  });

  it('names a missing required column on the header line', () => {
    const result = importCatalogCsv('team_id,hospital,department\nx,y,z\n', 'short.csv');
    expect(result.catalog.teams).toEqual([]);
    expect(result.problems).toEqual([{ line: 1, message: expect.stringContaining('lacks column(s) asset_title, type, description') }]);
  });
});

describe('runImportCatalog', () => {
  it('writes YAML that loadCatalog reads back as the same teams', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itda-import-'));
    const outPath = join(dir, 'catalog.yaml');
    const result = runImportCatalog({ csvPath: FIXTURE, outPath });
    expect(result).toMatchObject({ teams: 3, assets: 4 });
    expect(result.problems).toHaveLength(5);
    expect(loadCatalog(outPath).teams).toEqual(importCatalogCsv(csv, FIXTURE).catalog.teams);
    expect(readFileSync(outPath, 'utf8')).toBe(catalogToYaml(importCatalogCsv(csv, FIXTURE).catalog));
  });

  it('round-trips the shipped sample catalog through CSV-shaped rows', () => {
    const shipped = loadCatalog('knowledge/hospitals');
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const lines = ['team_id,hospital,consortium,department,region,expertise,contact,asset_title,type,modalities,diseases,patients,period,cdm,description'];
    for (const team of shipped.teams) {
      for (const asset of team.assets) {
        lines.push(
          [team.id, team.hospital, team.consortium ?? '', team.department, team.region ?? '', (team.expertise ?? []).join(';'), team.contact ?? '',
            asset.title, asset.type, (asset.modalities ?? []).join('|'), (asset.diseases ?? []).join(';'), asset.patients?.toLocaleString('en-US') ?? '',
            asset.period ?? '', asset.cdm === undefined ? '' : asset.cdm ? '예' : '아니오', asset.description].map(quote).join(','),
        );
      }
    }
    const imported = importCatalogCsv(lines.join('\r\n'), 'shipped.csv');
    expect(imported.problems).toEqual([]);
    expect(imported.catalog.teams).toEqual(shipped.teams);
  });

  it('writes nothing when no row is valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itda-import-'));
    const csvPath = join(dir, 'bad.csv');
    writeFileSync(csvPath, `${csv.split('\n')[0]}\nx,H,,D,,,,T,nonsense,,,,,,d\n`);
    const result = runImportCatalog({ csvPath, outPath: join(dir, 'out.yaml') });
    expect(result).toEqual({ teams: 0, assets: 0, problems: [{ line: 2, message: expect.stringContaining('type "nonsense"') }] });
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });
});
