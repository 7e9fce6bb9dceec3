import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';

const temporaryDatabase = () => join(mkdtempSync(join(tmpdir(), 'itda-grouped-')), 'itda.db');

describe('history reads asked for together', () => {
  it('each conversation still gets its own last turns, oldest first', async () => {
    const storage = await openStorage(temporaryDatabase());
    for (let turn = 1; turn <= 5; turn += 1) {
      await storage.history.append({ conversationId: 'D-mina', userId: 'UMINA', role: turn % 2 ? 'user' : 'assistant', text: `mina ${turn}`, createdAt: `2026-11-27T00:00:0${turn}.000Z` });
      if (turn <= 2) await storage.history.append({ conversationId: 'D-joon', userId: 'UJOON', role: 'user', text: `joon ${turn}`, createdAt: `2026-11-27T00:00:0${turn}.000Z` });
    }
    const [mina, joon, nobody, none] = await Promise.all([
      storage.history.recent('D-mina', 3),
      storage.history.recent('D-joon', 10),
      storage.history.recent('D-new', 10),
      storage.history.recent('D-mina', 0),
    ]);
    expect(mina.map((turn) => turn.text)).toEqual(['mina 3', 'mina 4', 'mina 5']);
    expect(mina.map((turn) => turn.role)).toEqual(['user', 'assistant', 'user']);
    expect(joon.map((turn) => turn.text)).toEqual(['joon 1', 'joon 2']);
    expect(nobody).toEqual([]);
    expect(none).toEqual([]);
    // A turn appended after a read was asked for is seen by the next read.
    await storage.history.append({ conversationId: 'D-joon', userId: 'UJOON', role: 'assistant', text: 'joon 3', createdAt: '2026-11-27T00:00:09.000Z' });
    expect((await storage.history.recent('D-joon', 2)).map((turn) => turn.text)).toEqual(['joon 2', 'joon 3']);
    await storage.database.close();
  });
});
