import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../observability/logger.js';

/**
 * Bolt and its Web API client log through pino, so every line is structured JSON. At debug the
 * Web API client writes whole request and response bodies (answers, the form's echo of a
 * founder's answers, their contact e-mail), Bolt writes ack bodies, and the Socket Mode client
 * writes whole envelopes (message text included); those lines keep their subject and lose the body.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const line = (messages: unknown[]) => withoutPayload(messages.map(describe).join(' '));
  let level = LogLevel.INFO;
  return {
    // The Web API client logs several debug lines per call: not formatted unless they are written.
    debug: (...messages) => {
      if (child.isLevelEnabled('debug')) child.debug(line(messages));
    },
    info: (...messages) => child.info(line(messages)),
    warn: (...messages) => child.warn(line(messages)),
    error: (...messages) => child.error(line(messages)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

const PAYLOAD_LINE =
  /^(http request (?:body|result|headers)|ack\(\) (?:call begins|response sent|response stored)|Received a message on the WebSocket|Unable to parse an incoming WebSocket message|Sending a WebSocket message|Calling ack\(\)).*$/s;
/** Anything that carries Slack payload JSON (Socket Mode envelopes, event bodies): cut at the first brace. */
const CARRIES_JSON = /[{[][\s\S]*$/;

export function withoutPayload(text: string): string {
  if (PAYLOAD_LINE.test(text)) return text.replace(PAYLOAD_LINE, '$1: [omitted]');
  return text.replace(CARRIES_JSON, '[payload omitted]');
}

function describe(message: unknown): string {
  if (message instanceof Error) return `${message.name}: ${message.message}`;
  if (typeof message === 'object' && message !== null) return '[payload omitted]';
  return String(message);
}
