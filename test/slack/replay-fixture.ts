import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SlackSender } from '../fakes/signed-slack-requests.js';

/**
 * Real-shaped Slack payloads kept as JSON under test/slack/fixtures/ (shapes from Slack's docs
 * and the bolt-python / bolt-js scenario tests, rewritten with our ids). A "{{name}}" in a
 * fixture is filled in at replay: response_url, the ts of a message Itda posted, a feedback id.
 */
export type FixtureKind = 'events' | 'commands' | 'actions';

const FIXTURES = join(import.meta.dirname, 'fixtures');

export function fixture(kind: FixtureKind, name: string, values: Record<string, string> = {}): Record<string, unknown> {
  const raw = readFileSync(join(FIXTURES, kind, `${name}.json`), 'utf8');
  const filled = raw.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`fixture ${kind}/${name}: no value for ${whole}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

/** Sends a fixture signed, as Slack would: events as JSON, commands as form fields, actions as a payload field. */
export async function replay(send: SlackSender, kind: FixtureKind, name: string, values: Record<string, string> = {}): Promise<Response> {
  const body = fixture(kind, name, values);
  if (kind === 'events') return send.envelope(body);
  if (kind === 'commands') return send.command(Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)])));
  return send.action(body);
}
