import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';

describe('configuration', () => {
  it('with no Slack variables, runs the terminal chat with offline defaults', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.slack).toEqual({ kind: 'console' });
    expect(result.config.databasePath).toBe('data/itda.db');
    expect(result.config.openai).toBeUndefined();
  });

  it('chooses Socket Mode with a bot and an app token, HTTP with a bot token and signing secret', () => {
    const socket = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.ok && socket.config.slack.kind).toBe('socket');
    const http = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(http.ok && http.config.slack).toMatchObject({ kind: 'http', port: 3000 });
  });

  it('lists every problem at once, each naming the variable and the fix', () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: 'eighty', ITDA_NOW: 'tomorrow', LOG_LEVEL: 'loud' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(result.problems).toHaveLength(4);
    expect(text).toContain('SLACK_BOT_TOKEN: must start with xoxb-');
    expect(text).toContain('PORT: must be a whole number');
    expect(text).toContain('ITDA_NOW: must be a date such as 2025-04-20');
    expect(text).toContain('LOG_LEVEL');
    expect(text).toContain('fix:');
  });

  it('says what is missing when a bot token comes without a way to receive events', () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/SLACK_APP_TOKEN or SLACK_SIGNING_SECRET/);
  });

  it('pins today in Seoul from ITDA_NOW', () => {
    const result = parseConfig({ ITDA_NOW: '2025-04-20' });
    expect(result.ok && result.config.now().toISOString()).toBe('2025-04-20T03:00:00.000Z');
  });
});
