import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/data-files/data-file-fingerprint.js';
import { LastGoodCopies } from '../../src/data-files/last-good-copy.js';

/** Every start saves what it read; a start that read the same files only renews the copy's time. */
describe('the last good copy of a kind of staff file', () => {
  const staffFolder = () => {
    const root = mkdtempSync(join(tmpdir(), 'itda-last-good-root-'));
    writeFileSync(join(root, 'program.yaml'), 'deadline: 2025-04-28\n');
    return root;
  };

  it('the same files again: the copy is kept as it is, with the new time', () => {
    const root = staffFolder();
    const copies = new LastGoodCopies(mkdtempSync(join(tmpdir(), 'itda-last-good-')));
    copies.save('program', root, ['program.yaml'], '2026-11-28T09:00:00.000Z', fingerprint(root, ['program.yaml']));
    const first = copies.find('program', root)!;
    const copied = statSync(join(first.root, 'program.yaml')).ino;

    copies.save('program', root, ['program.yaml'], '2026-11-29T09:00:00.000Z', fingerprint(root, ['program.yaml']));
    const again = copies.find('program', root)!;
    expect(again.loadedAt).toBe('2026-11-29T09:00:00.000Z');
    expect(statSync(join(again.root, 'program.yaml')).ino).toBe(copied);
  });

  it('an edited file: the copy holds the new text', () => {
    const root = staffFolder();
    const copies = new LastGoodCopies(mkdtempSync(join(tmpdir(), 'itda-last-good-')));
    copies.save('program', root, ['program.yaml'], '2026-11-28T09:00:00.000Z', fingerprint(root, ['program.yaml']));
    writeFileSync(join(root, 'program.yaml'), 'deadline: 2025-05-09\n');
    copies.save('program', root, ['program.yaml'], '2026-11-29T09:00:00.000Z', fingerprint(root, ['program.yaml']));
    const saved = copies.find('program', root)!;
    expect(readFileSync(join(saved.root, 'program.yaml'), 'utf8')).toBe('deadline: 2025-05-09\n');
    expect(saved.loadedAt).toBe('2026-11-29T09:00:00.000Z');
  });
});
