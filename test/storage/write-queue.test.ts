import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/storage/database.js';
import { withValues } from '../../src/storage/write-queue.js';

/** Writes waiting together share one transaction; each caller still gets its own outcome. */
describe('the write queue', () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  const open = async () => {
    database = await Database.open(join(mkdtempSync(join(tmpdir(), 'itda-writes-')), 'itda.db'));
    await database.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE, n INTEGER)');
    return database;
  };

  it('a burst of writes is stored whole, quotes, Korean and NULLs as given, in one transaction per batch', async () => {
    const db = await open();
    const texts = Array.from({ length: 300 }, (_, index) => `founder ${index}: it's "지원금" ${index % 7 === 0 ? '; DROP TABLE notes; --' : ''}`);
    await Promise.all(texts.map((text, index) => db.write('INSERT INTO notes (text, n) VALUES (?, ?)', [text, index % 3 === 0 ? null : index])));
    const rows = await db.all<{ text: string; n: number | null }>('SELECT text, n FROM notes ORDER BY id');
    expect(rows.map((row) => row.text)).toEqual(texts);
    expect(rows[3]!.n).toBeNull();
    expect(rows[4]!.n).toBe(4);
  });

  it('one failing write in a batch fails alone: the others are stored and hear success', async () => {
    const db = await open();
    await db.write('INSERT INTO notes (text) VALUES (?)', ['taken']);
    const outcomes = await Promise.allSettled(['a', 'taken', 'b', 'with a NUL \0 inside'].map((text) => db.write('INSERT INTO notes (text) VALUES (?)', [text])));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('UNIQUE');
    expect((await db.all<{ text: string }>('SELECT text FROM notes ORDER BY id')).map((row) => row.text)).toEqual(['taken', 'a', 'b', 'with a NUL \0 inside']);
  });

  it('writes and runs keep their order, and a run still returns its changes', async () => {
    const db = await open();
    const first = db.write('INSERT INTO notes (text, n) VALUES (?, ?)', ['x', 1]);
    const update = db.run('UPDATE notes SET n = n + 1 WHERE text = ?', ['x']);
    const second = db.write('UPDATE notes SET n = n * 10 WHERE text = ?', ['x']);
    await Promise.all([first, second]);
    expect((await update).changes).toBe(1);
    expect(await db.get('SELECT n FROM notes WHERE text = ?', ['x'])).toEqual({ n: 20 });
  });

  it('an accept queued behind a burst of answer records is committed before them, in its own transaction', async () => {
    const db = await open();
    const committed: string[] = [];
    const records = Array.from({ length: 50 }, (_, index) => db.write('INSERT INTO notes (text) VALUES (?)', [`answer ${index}`]).then(() => committed.push('records')));
    const accept = db.writeReturning<{ id: number }>('INSERT INTO notes (text) VALUES (?) RETURNING id', ['accepted event'], { first: true }).then((rows) => {
      committed.push('accept');
      return rows;
    });
    expect(await accept).toHaveLength(1);
    await Promise.all(records);
    expect(committed[0]).toBe('accept');
    expect(await db.all('SELECT text FROM notes WHERE id = 1')).toEqual([{ text: 'accepted event' }]);
  });

  it('a steady stream of accepts does not starve the answer record queued among them', async () => {
    const db = await open();
    let accepts = 0;
    let issued = 0;
    let recordedAfter: number | undefined;
    const accept = (): Promise<void> => db.writeReturning('INSERT INTO notes (text) VALUES (?) RETURNING id', [`event ${(issued += 1)}`], { first: true }).then(() => {
      accepts += 1;
      if (accepts < 40) return accept();
    });
    const streams = [accept(), accept()];
    await db.write('INSERT INTO notes (text) VALUES (?)', ['answer']).then(() => (recordedAfter = accepts));
    await Promise.all(streams);
    expect(recordedAfter).toBeLessThan(10);
  });

  it('values are written into the SQL only where that is safe', () => {
    expect(withValues("UPDATE t SET a = ?, b = 'done?' WHERE id = ?", ["it's", 3])).toBe("UPDATE t SET a = 'it''s', b = 'done?' WHERE id = 3");
    expect(withValues('INSERT INTO t VALUES (?)', ['a\0b'])).toBeUndefined();
    expect(withValues('INSERT INTO t VALUES (?)', [Buffer.from('x')])).toBeUndefined();
    expect(withValues('INSERT INTO t VALUES (?1)', ['a'])).toBeUndefined();
    expect(withValues('INSERT INTO t VALUES (?, ?)', ['a'])).toBeUndefined();
  });
});
