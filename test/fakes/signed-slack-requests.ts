import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them: signed with v0=HMAC-SHA256("v0:{timestamp}:{body}") in
 * X-Slack-Signature. Events are JSON; slash commands and interactions are form-encoded.
 */
export interface SlackSender {
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<Response>;
  envelope(body: Record<string, unknown>, options?: { retryNum?: number; signature?: string; timestampOffsetSeconds?: number }): Promise<Response>;
  command(fields: Record<string, string>): Promise<Response>;
  action(payload: Record<string, unknown>): Promise<Response>;
}

let eventCounter = 0;

export function slackSender(url: string, signingSecret: string): SlackSender {
  const send = async (body: string, contentType: string, extraHeaders: Record<string, string> = {}, signature?: string, offsetSeconds = 0) => {
    const timestamp = (Math.floor(Date.now() / 1000) + offsetSeconds).toString();
    const signed = signature ?? `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': contentType, 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': signed, ...extraHeaders },
      body,
    });
  };
  const envelope: SlackSender['envelope'] = (body, options = {}) =>
    send(
      JSON.stringify(body),
      'application/json',
      options.retryNum ? { 'X-Slack-Retry-Num': String(options.retryNum), 'X-Slack-Retry-Reason': 'http_timeout' } : {},
      options.signature,
      options.timestampOffsetSeconds,
    );
  return {
    envelope,
    event(event, options = {}) {
      eventCounter += 1;
      const eventId = options.eventId ?? `Ev${Date.now()}${eventCounter}`;
      return envelope(
        { token: 'legacy', team_id: 'T0TEST', api_app_id: 'A0ITDA', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event },
        { retryNum: options.retryNum },
      );
    },
    command(fields) {
      return send(new URLSearchParams({ team_id: 'T0TEST', command: '/itda', ...fields }).toString(), 'application/x-www-form-urlencoded');
    },
    action(payload) {
      return send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    },
  };
}
