import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data-files/data-file-error.js';
import { latestRound, loadProgramFacts } from '../../src/program/program-facts.js';

describe('program facts', () => {
  it('loads the shipped file: the 2025 round closes on 28 April with a 50,000,000 KRW cap', () => {
    const facts = loadProgramFacts('knowledge');
    const round = latestRound(facts);
    expect(round.id).toBe('2025');
    expect(round.deadline).toBe('2025-04-28');
    expect(facts.funding.cap_krw).toBe(50_000_000);
  });

  it('names the file, the path, the line and the fix when a date is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itda-facts-'));
    const broken = readFileSync('knowledge/program.yaml', 'utf8').replace('deadline: 2025-04-28', 'deadline: 28 April');
    writeFileSync(join(dir, 'program.yaml'), broken);
    try {
      loadProgramFacts(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataFileError);
      const message = (error as Error).message;
      expect(message).toContain('program.yaml');
      expect(message).toMatch(/line \d+, rounds\.1\.deadline: write the date as YYYY-MM-DD/);
      expect(message).toContain('fix:');
    }
  });

  it('names the line of a YAML syntax mistake, such as an unquoted colon', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itda-facts-'));
    const broken = readFileSync('knowledge/program.yaml', 'utf8').replace('confidence: high', 'confidence: high: very');
    writeFileSync(join(dir, 'program.yaml'), broken);
    expect(() => loadProgramFacts(dir)).toThrow(/line \d+, \(top level\): YAML syntax/);
  });
});
