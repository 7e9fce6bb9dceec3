import type { AnyMiddlewareArgs, Assistant, Middleware, webApi } from '@slack/bolt';
import type { Logger } from '../../../observability/logger.js';

const REMEMBERED = 10_000;

/**
 * Which DM threads are the assistant pane's. Bolt's Assistant takes every threaded DM message;
 * a reply in an ordinary DM thread (under one of Itda's answers) is a DM follow-up instead,
 * answered in that thread without the pane's status and stream. Threads opened while Itda runs
 * are remembered; after a restart the thread's first message tells (Slack marks it
 * assistant_app_thread), asked once per thread.
 */
export class AssistantThreads {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly logger: Logger) {}

  remember(channel: string, threadTs: string): void {
    this.set(`${channel}:${threadTs}`, true);
  }

  async isAssistantThread(client: webApi.WebClient, message: Record<string, unknown>): Promise<boolean> {
    const key = `${String(message.channel)}:${String(message.thread_ts)}`;
    if (message.assistant_thread) this.set(key, true);
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const isAssistant = await client.conversations
      .replies({ channel: String(message.channel), ts: String(message.thread_ts), limit: 1 })
      .then((page) => (page.messages?.[0] as { subtype?: string } | undefined)?.subtype === 'assistant_app_thread')
      .catch((error: unknown) => {
        this.logger.debug({ err: error }, 'thread kind unknown; answered as a DM thread');
        return false;
      });
    this.set(key, isAssistant);
    return isAssistant;
  }

  /**
   * The Assistant's middleware, given only the events that belong to it: everything but a
   * threaded DM message outside an assistant thread.
   */
  middleware(assistant: Assistant): Middleware<AnyMiddlewareArgs> {
    const assistantMiddleware = assistant.getMiddleware();
    return async (args) => {
      const event = (args.body as { event?: Record<string, unknown> }).event;
      const isDmThreadMessage = event?.type === 'message' && event.channel_type === 'im' && typeof event.thread_ts === 'string';
      if (isDmThreadMessage && !(await this.isAssistantThread(args.client, event))) return args.next();
      return assistantMiddleware(args);
    };
  }

  private set(key: string, value: boolean): void {
    this.known.delete(key);
    this.known.set(key, value);
    if (this.known.size > REMEMBERED) this.known.delete(this.known.keys().next().value!);
  }
}
