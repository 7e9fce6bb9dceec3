import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../src/slack/bolt-logger.js';

const SECRET_WORDS = '제 주민등록번호는 900101-1234567 입니다';
const envelope = JSON.stringify({ envelope_id: 'e1', type: 'events_api', payload: { event: { type: 'message', text: SECRET_WORDS } } });

/** What Bolt, its Web API client and the Socket Mode client say at debug, as our log lines. */
describe('Bolt log lines at debug', () => {
  const capture = () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString('utf8')), done()) });
    return { lines, logger: boltLogger(pino({ level: 'debug' }, sink)) };
  };

  it('keep their subject and lose every payload that could carry message text (HTTP and Socket Mode)', async () => {
    const { lines, logger } = capture();
    logger.debug(`Received a message on the WebSocket: ${envelope}`);
    logger.debug(`Unable to parse an incoming WebSocket message (will ignore): SyntaxError, ${SECRET_WORDS}`);
    logger.debug(`Calling ack() - type: events_api, envelope_id: e1, data: ${envelope}`);
    logger.debug(`Sending a WebSocket message: ${envelope}`);
    logger.debug(`http request body: ${envelope}`);
    logger.debug(`ack() call begins (body: ${envelope})`);
    logger.debug('some new line Bolt may add one day:', { text: SECRET_WORDS });
    logger.debug(`another one with the envelope inline ${envelope}`);
    logger.info('WebSocket open event received (connection established)!');
    await new Promise((resolve) => setImmediate(resolve));
    const all = lines.join('');
    expect(lines).toHaveLength(9);
    expect(all).not.toContain('900101');
    expect(all).not.toContain('주민등록번호');
    expect(all).toContain('Received a message on the WebSocket: [omitted]');
    expect(all).toContain('connection established');
  });
});
