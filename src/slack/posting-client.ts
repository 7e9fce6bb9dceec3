import type { webApi } from '@slack/bolt';
import type { WebApiPoster } from './web-api-poster.js';

type WebClient = webApi.WebClient;

/** The calls every answer makes, sent by the thin poster (web-api-poster.ts says why). */
const POSTED = { chat: ['postMessage', 'postEphemeral', 'update'], reactions: ['add', 'remove'] } as const;

/**
 * Bolt's client for the listeners, with the per-answer calls going through `poster`; every
 * other method (files, views, conversations, assistant threads…) is Bolt's own, untouched.
 * One wrapper per client: Bolt keeps one client per token.
 */
export function thinPosting(poster: WebApiPoster): (client: WebClient) => WebClient {
  const wrapped = new WeakMap<WebClient, WebClient>();
  return (client) => {
    let posting = wrapped.get(client);
    if (!posting) {
      posting = Object.create(client) as WebClient;
      for (const [family, methods] of Object.entries(POSTED)) {
        const group = Object.create(client[family as keyof typeof POSTED]) as Record<string, unknown>;
        for (const method of methods) group[method] = (args: Record<string, unknown>) => poster.call(`${family}.${method}`, args);
        Object.defineProperty(posting, family, { value: group });
      }
      wrapped.set(client, posting);
    }
    return posting;
  };
}
