import { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { latestRound } from '../../src/program/program-facts.js';
import { liveProgramFacts } from '../../src/program/live-program-facts.js';

describe('program facts in a running app', () => {
  it('follows an edit of program.yaml without a restart, and keeps the last good facts when an edit is broken', () => {
    const directory = mkdtempSync(join(tmpdir(), 'itda-live-facts-'));
    const file = join(directory, 'program.yaml');
    copyFileSync('knowledge/program.yaml', file);
    const facts = liveProgramFacts(directory, silentLogger);
    expect(latestRound(facts()).deadline).toBe('2025-04-28');

    writeFileSync(file, readFileSync(file, 'utf8').replace('deadline: 2025-04-28', 'deadline: 2025-05-09'));
    utimesSync(file, new Date(), new Date(Date.now() + 2_000));
    expect(latestRound(facts()).deadline).toBe('2025-05-09');

    writeFileSync(file, 'rounds: [oops');
    utimesSync(file, new Date(), new Date(Date.now() + 4_000));
    expect(latestRound(facts()).deadline).toBe('2025-05-09');
  });
});
