import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import { eventAcceptor } from '../../src/slack/durable-inbox/accept-event.js';
import { silentLogger } from '../../src/observability/logger.js';

const dm = (eventId: string, text: string) => ({ type: 'event_callback', event_id: eventId, event: { type: 'message', channel_type: 'im', user: 'UFOUNDER', channel: 'D1', ts: '1.0001', text } });

describe('the durable inbox takes each event once', () => {
  it('founder\'s DM with a phone number, redelivered twice (once while the first is being stored) → stored once, redacted, and the redeliveries never redacted again', async () => {
    const storage = await openStorage(join(mkdtempSync(join(tmpdir(), 'itda-accept-')), 'itda.db'));
    const redacted: string[] = [];
    const accept = eventAcceptor(storage.inbox, async (_user, text) => {
      redacted.push(text);
      return text.replace(/010-\d{4}-\d{4}/, '[전화번호]');
    }, silentLogger);
    const body = dm('Ev1', '제 번호는 010-1234-5678 입니다');
    const [first, whileStoring] = await Promise.all([accept(body), accept(body)]);
    const later = await accept(body);
    expect([first.outcome, whileStoring.outcome, later.outcome]).toEqual(['new', 'duplicate', 'duplicate']);
    expect(redacted).toHaveLength(1);
    const [stored] = await storage.inbox.unfinished();
    expect((stored!.body.event as { text: string }).text).toBe('제 번호는 [전화번호] 입니다');
    await storage.database.close();
  });
});
