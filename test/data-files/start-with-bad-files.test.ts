import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data-files/data-file-error.js';
import { homeView } from '../../src/slack/blocks/home-view.js';
import { startTranscript } from '../conversation/itda-in-process.js';
import { staffFilesAtWork } from './staff-files-at-work.js';

const brokenProgram = (text: string) => text.replace('deadline: 2025-04-28', 'deadline: 28.04.2025');

describe('a broken staff file at start', () => {
  it('a required file with no good copy anywhere stops the start, naming the file, line and fix', async () => {
    const knowledgeDir = join(mkdtempSync(join(tmpdir(), 'itda-reload-start-')), 'knowledge');
    cpSync('knowledge', knowledgeDir, { recursive: true });
    writeFileSync(join(knowledgeDir, 'program.yaml'), brokenProgram(readFileSync('knowledge/program.yaml', 'utf8')));
    const start = startTranscript({ KNOWLEDGE_DIR: knowledgeDir, CATALOG_PATH: join(knowledgeDir, 'hospitals') });
    await expect(start).rejects.toBeInstanceOf(DataFileError);
    await expect(start).rejects.toThrow(/program\.yaml: 1 problem\(s\)\n  line \d+, rounds\.1\.deadline: .*\n  fix: /);
  }, 60_000);

  it('with a good copy saved by an earlier run, starts on it; /healthz and staff App Home say which file to fix', async () => {
    const first = await staffFilesAtWork();
    first.edit('program.yaml', (text) => text.replace('deadline: 2025-04-28', 'deadline: 2025-05-09'));
    await first.reloaded();
    await first.close();
    // Overnight someone saves a typo; the app restarts (a deploy) on the same index directory.
    writeFileSync(join(first.knowledgeDir, 'program.yaml'), readFileSync(join(first.knowledgeDir, 'program.yaml'), 'utf8').replace('deadline: 2025-05-09', 'deadline: 09.05.2025'));
    const again = await startTranscript({ KNOWLEDGE_DIR: first.knowledgeDir, CATALOG_PATH: join(first.knowledgeDir, 'hospitals'), INDEX_DIR: first.indexDir });
    try {
      expect(await again.say('UFOUNDER', '마감이 언제예요?')).toContain('2025년 5월 9일');
      const health = (await again.running.health()) as { ok: boolean; dataFiles: { files: { kind: string; state: string; servedFrom?: string }[] } };
      expect(health.ok).toBe(true);
      expect(health.dataFiles.files.find((file) => file.kind === 'program')).toMatchObject({ state: 'last-good-kept', servedFrom: 'saved-copy' });

      const staffHome = JSON.stringify(homeView(await again.running.itda.home('USTAFF')));
      expect(staffHome).toContain('데이터 파일');
      expect(staffHome).toMatch(/knowledge\/program\.yaml \d+번째 줄/);
      expect(staffHome).toContain('저장된 사본');
      expect(JSON.stringify(homeView(await again.running.itda.home('UFOUNDER')))).not.toContain('데이터 파일');
    } finally {
      await again.close();
    }
  }, 90_000);

  it('an optional file (the catalog) with no good copy starts without it; matching says it is unavailable until fixed', async () => {
    const knowledgeDir = join(mkdtempSync(join(tmpdir(), 'itda-reload-start-')), 'knowledge');
    cpSync('knowledge', knowledgeDir, { recursive: true });
    const catalog = join(knowledgeDir, 'hospitals', 'sample-catalog.yaml');
    const good = readFileSync(catalog, 'utf8');
    writeFileSync(catalog, good.replace('    hospital: 서울대학교병원\n', ''));
    const itda = await startTranscript({ KNOWLEDGE_DIR: knowledgeDir, CATALOG_PATH: join(knowledgeDir, 'hospitals') });
    try {
      const health = (await itda.running.health()) as { ok: boolean; dataFiles: { warnings: { kind: string; state: string; file: string }[] } };
      expect(health.ok).toBe(true);
      expect(health.dataFiles.warnings).toEqual([expect.objectContaining({ kind: 'catalog', state: 'unavailable', file: 'hospitals/sample-catalog.yaml' })]);
      const unavailable = await itda.say('USTAFF', '/itda match 뇌졸중 CT');
      expect(unavailable).toContain('병원 카탈로그를 지금 쓸 수 없어');
      expect(unavailable).toMatch(/hospitals\/sample-catalog\.yaml: 1 problem\(s\)\n  line \d+, .*hospital/);

      writeFileSync(catalog, good);
      expect(await itda.running.dataFiles.checkNow()).toEqual(['catalog']);
      expect(await itda.say('USTAFF', '/itda match 뇌졸중 CT')).toContain('서울대학교병원');
    } finally {
      await itda.close();
    }
  }, 60_000);
});
