import { Assistant } from '@slack/bolt';
import { detectLanguage } from '../../../messages/detect-language.js';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { replyToBlocks } from '../../blocks/reply-blocks.js';
import { deliverReplies } from '../../deliver-replies.js';
import { deliveryScopeOf } from '../../durable-inbox/delivery-scope.js';
import type { ListenerContext } from '../../listener-context.js';
import { replyTextToMarkdown } from '../../mrkdwn.js';
import { readMessage } from '../conversation/incoming-message.js';
import type { AssistantThreads } from './assistant-threads.js';
import { text as messageText } from '../../../messages/messages.js';

/** The pane opens before Itda knows the user's language: three Korean prompts and one English one show that both work. */
const SUGGESTED_PROMPTS = [
  ['ko', 'slack.assistantPromptEligibility', 'slack.assistantAskEligibility'],
  ['ko', 'slack.assistantPromptDeadline', 'slack.assistantAskDeadline'],
  ['ko', 'slack.assistantPromptDraft', 'slack.assistantAskDraft'],
  ['en', 'slack.assistantPromptPseudonymised', 'slack.assistantAskPseudonymised'],
] as const;

function suggestedPrompts(): { title: string; message: string }[] {
  return SUGGESTED_PROMPTS.map(([language, title, message]) => ({ title: messageText(language, title), message: messageText(language, message) }));
}

const TITLE_LIMIT = 60;

/**
 * Slack's AI-app pane: suggested prompts when a thread opens, the first question as the
 * thread's title, a "finding the answer" status while working, and the answer streamed into
 * the thread as Markdown.
 */
export function createItdaAssistant(context: ListenerContext, threads: AssistantThreads): Assistant {
  return new Assistant({
    threadStarted: async ({ say, setSuggestedPrompts, event }) => {
      threads.remember(event.assistant_thread.channel_id, event.assistant_thread.thread_ts);
      await say(messageText('ko', 'slack.assistantGreeting'));
      await setSuggestedPrompts({ title: messageText('ko', 'slack.assistantPromptsTitle'), prompts: suggestedPrompts() });
    },
    threadContextChanged: async ({ event, saveThreadContext }) => {
      threads.remember(event.assistant_thread.channel_id, event.assistant_thread.thread_ts);
      await saveThreadContext();
    },
    userMessage: async ({ message, client, setStatus, setTitle, sayStream, body, context: bolt }) => {
      if (message.subtype !== undefined && message.subtype !== 'file_share') return;
      const incoming = readMessage(message as unknown as Record<string, unknown>, bolt.botUserId);
      if (!incoming?.threadTs || incoming.text === '') return;
      const { channel, text, userId } = incoming;
      const threadTs = incoming.threadTs;
      const conversationId = `${channel}:${threadTs}`;
      const language = detectLanguage(text);
      await answerSafely(
        context.logger,
        { eventId: (body as { event_id?: string }).event_id, userId, surface: 'assistant' },
        (apology) => client.chat.postMessage({ channel, thread_ts: threadTs, text: apology }),
        async () => {
          await setStatus(messageText(language, 'slack.workingStatus'));
          if (!(await context.itda.isKnownConversation(conversationId))) await setTitle(titleFrom(context.itda.redactForDisplay(text)));
          const [first, ...rest] = await context.itda.respond({ userId, conversationId, text });
          if (first && !first.files?.length) {
            const streamer = sayStream();
            await streamer.append({ markdown_text: replyTextToMarkdown(first.text) });
            const extras = replyToBlocks(first, language).blocks.filter((block) => block.type !== 'section');
            await streamer.stop(extras.length > 0 ? { blocks: extras } : undefined);
          } else if (first) {
            rest.unshift(first);
          }
          await deliverReplies(client, { channel, threadTs }, rest, language, deliveryScopeOf(bolt));
        },
        language,
      );
    },
  });
}

/** The pane lists threads by title: the first question (redacted), on one line, cut at a word. */
function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= TITLE_LIMIT) return line;
  const cut = line.slice(0, TITLE_LIMIT);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : TITLE_LIMIT)}…`;
}
