import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/cli-error.js';
import { importCatalogCommand } from '../../src/cli/import-catalog-command.js';
import { parseMatchArguments } from '../../src/cli/match-command.js';
import type { ItdaConfig } from '../../src/config/config.js';
import { loadCatalog } from '../../src/matching/load-catalog.js';
import { DataFileError } from '../../src/data-files/data-file-error.js';
import { CatalogTeamMatching } from '../../src/matching/catalog-team-matching.js';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'itda-match-cli-'));
const catalogFile = join(folder, 'catalog.yaml');
writeFileSync(
  catalogFile,
  `teams:
  - id: snuh-neuro
    hospital: 서울대병원
    department: 영상의학과
    region: 서울
    assets:
      - { title: 급성 뇌졸중 CT·MRI 영상 DB, type: imaging, modalities: [CT, MRI], diseases: [뇌졸중], patients: 12000, period: 2012-2023, description: 급성 뇌졸중 환자의 CT와 MRI }
  - id: pnuh-lung
    hospital: 부산대병원
    department: 호흡기내과
    region: 부산
    assets:
      - { title: 폐암 유전체 코호트, type: genomic, diseases: [폐암], patients: 3000, cdm: true, description: 폐암 환자 NGS 유전체 }
`,
);
const environment = { ...process.env, INDEX_DIR: join(folder, 'index'), OPENAI_API_KEY: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', LOG_LEVEL: 'silent' };
const cli = (...args: string[]) => run('npm', ['run', '--silent', 'cli', '--', 'match', ...args], { env: environment, cwd: process.cwd() });

describe('npm run cli -- match', () => {
  it('prints one JSON object with the ranked teams, best first', async () => {
    const { stdout } = await cli('--json', '--catalog', catalogFile, '--top', '2', 'stroke CT imaging');
    const output = JSON.parse(stdout) as { matches: { teamId: string; hospital: string; department: string; score: number; reasons: string[]; assets: string[] }[] };
    expect(output.matches.map((match) => match.teamId)).toEqual(['snuh-neuro', 'pnuh-lung']);
    expect(output.matches[0]).toMatchObject({ hospital: '서울대병원', department: '영상의학과', assets: ['급성 뇌졸중 CT·MRI 영상 DB'] });
    expect(output.matches[0]!.reasons).toContain('Disease: stroke — met (급성 뇌졸중 CT·MRI 영상 DB)');
    expect(output.matches[0]!.score).toBeGreaterThan(output.matches[1]!.score);
  });

  it('exits 2 naming the flag when --min-patients is not a number', async () => {
    const failure = await cli('--json', '--catalog', catalogFile, '--min-patients', 'many', '뇌졸중').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('--min-patients must be a whole number (got "many")');
  });

  it('names what is wrong with the other flags', () => {
    const parse = (...args: string[]) => () => parseMatchArguments(args, 'knowledge/hospitals');
    expect(parse('--json', '--type', 'xray', '폐암')).toThrow(new UsageError('match: --type "xray" is not an asset type; use one of emr, imaging, biosignal, genomic, pathology, registry, lifelog, specialty_db, cdm, claims, other'));
    expect(parse('--json')).toThrow(/the need is missing/);
    expect(parse('--json', '--top', '0', '폐암')).toThrow(/--top must be a whole number of at least 1/);
    expect(parse('--json', '--colour', '폐암')).toThrow(UsageError);
    expect(parse('--json', '--cdm', '--region', '부산', '--min-patients', '5,000', '--type', 'genomic', '폐암 유전체')()).toEqual({
      need: '폐암 유전체',
      json: true,
      catalogPath: 'knowledge/hospitals',
      options: { type: 'genomic', region: '부산', cdm: true, minPatients: 5000, top: 5 },
    });
  });

  it('reports an unreadable catalog as a data-file problem (exit 2)', async () => {
    const matching = new CatalogTeamMatching({ catalogPath: join(folder, 'missing.yaml'), knowledgeDir: 'knowledge' });
    await expect(matching.rankTeams('폐암')).rejects.toBeInstanceOf(DataFileError);
  });
});

describe('npm run cli -- import-catalog', () => {
  const importCatalog = async (...args: string[]) => {
    const output: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((text) => (output.push(String(text)), true));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (output.push(String(text)), true));
    try {
      return { code: await importCatalogCommand({} as ItdaConfig, args), output: output.join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  };
  const header = 'team_id,hospital,consortium,department,region,expertise,contact,asset_title,type,modalities,diseases,patients,period,cdm,description';

  it('writes the catalog, counts what it imported and lists bad rows by line', async () => {
    const csv = join(folder, 'teams.csv');
    writeFileSync(csv, `${header}\nt1,서울대병원,,영상의학과,서울,,,흉부 CT,imaging,CT,폐암,"12,000",2015-2023,no,흉부 CT 영상\nt2,X병원,,내과,,,,bad,xray,,,,,,설명\n`);
    const { code, output } = await importCatalog(csv, '--out', join(folder, 'teams.yaml'));
    expect(code).toBe(0);
    expect(output).toContain('line 3: type "xray"');
    expect(output).toContain('Imported 1 team(s) with 1 asset(s)');
    expect(loadCatalog(join(folder, 'teams.yaml')).teams[0]).toMatchObject({ id: 't1', assets: [{ title: '흉부 CT', patients: 12000 }] });
  });

  it('exits 2 when no row is valid, and names a missing file or flag', async () => {
    const csv = join(folder, 'bad.csv');
    writeFileSync(csv, `${header}\nt2,X병원,,내과,,,,bad,xray,,,,,,설명\n`);
    expect((await importCatalog(csv, '--out', join(folder, 'bad.yaml'))).code).toBe(2);
    await expect(importCatalog(join(folder, 'nope.csv'), '--out', join(folder, 'x.yaml'))).rejects.toThrow(/cannot read .*nope\.csv \(ENOENT\)/);
    await expect(importCatalog(csv)).rejects.toThrow(/--out <file.yaml> is missing/);
  });
});
