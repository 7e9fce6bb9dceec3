import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DataFileRegistry } from '../../src/data-files/data-file-registry.js';
import { loadDataFile } from '../../src/data-files/load-data-file.js';
import { silentLogger } from '../../src/observability/logger.js';

const schema = z.object({ deadline: z.iso.date() });

function registryOver(folder: string) {
  const registry = new DataFileRegistry({ logger: silentLogger });
  let loads = 0;
  const facts = registry.add({
    kind: 'facts', root: folder, rootLabel: 'knowledge', files: 'knowledge/nested/facts.yaml', required: true,
    includes: (path) => path === 'nested/facts.yaml',
    load: (root) => {
      loads += 1;
      return loadDataFile(join(root, 'nested', 'facts.yaml'), schema, 'write the deadline as YYYY-MM-DD');
    },
    fix: 'write the deadline as YYYY-MM-DD',
  });
  return { registry, facts, loads: () => loads };
}

describe('the watcher of the data-file registry', () => {
  it('notices an edit in a subfolder by itself, one reload for a burst of saves, and follows a fix after a bad edit', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'itda-registry-'));
    mkdirSync(join(folder, 'nested'));
    writeFileSync(join(folder, 'nested', 'facts.yaml'), 'deadline: 2025-04-28\n');
    const { registry, facts, loads } = registryOver(folder);
    const reloads: string[][] = [];
    registry.onReload(['facts'], (changed) => void reloads.push(changed));
    await registry.start();
    registry.watch({ debounceMs: 30, pollMs: 60_000 });
    try {
      // An editor's save: truncate, write, write again, within the debounce.
      for (const text of ['', 'deadline: 2025-05', 'deadline: 2025-05-09\n']) writeFileSync(join(folder, 'nested', 'facts.yaml'), text);
      await expect.poll(() => facts.current.deadline, { timeout: 5_000, interval: 20 }).toBe('2025-05-09');
      expect(loads()).toBe(2);
      expect(reloads).toEqual([['facts']]);

      writeFileSync(join(folder, 'nested', 'facts.yaml'), 'deadline: 09.05.2025\n');
      await expect.poll(() => registry.problems().length, { timeout: 5_000, interval: 20 }).toBe(1);
      expect(facts.current.deadline).toBe('2025-05-09');
      expect(registry.problems()[0]).toMatchObject({ state: 'last-good-kept', problem: { file: 'knowledge/nested/facts.yaml', line: 1, fix: 'write the deadline as YYYY-MM-DD' } });

      writeFileSync(join(folder, 'nested', 'facts.yaml'), 'deadline: 2025-05-12\n');
      await expect.poll(() => facts.current.deadline, { timeout: 5_000, interval: 20 }).toBe('2025-05-12');
      expect(registry.problems()).toEqual([]);
    } finally {
      registry.close();
    }
  });

  it('an unchanged file is not read again, whatever its modification time says', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'itda-registry-'));
    mkdirSync(join(folder, 'nested'));
    writeFileSync(join(folder, 'nested', 'facts.yaml'), 'deadline: 2025-04-28\n');
    const { registry, loads } = registryOver(folder);
    await registry.start();
    writeFileSync(join(folder, 'nested', 'facts.yaml'), 'deadline: 2025-04-28\n');
    expect(await registry.checkNow()).toEqual([]);
    expect(loads()).toBe(1);
  });
});
