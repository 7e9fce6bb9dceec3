import { Assistant } from '@slack/bolt';
import { detectLanguage } from '../../../messages/detect-language.js';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { replyToBlocks } from '../../blocks/reply-blocks.js';
import { deliverReplies } from '../../deliver-replies.js';
import type { ListenerContext } from '../../listener-context.js';
import { replyTextToMarkdown } from '../../mrkdwn.js';
import { readMessage } from '../conversation/incoming-message.js';
import type { AssistantThreads } from './assistant-threads.js';
import { text as messageText } from '../../../messages/messages.js';

const SUGGESTED_PROMPTS = [
  { title: '지원 자격', message: '지원 대상이 어떻게 돼요?' },
  { title: '마감일', message: '신청 마감이 언제예요?' },
  { title: '연구계획서 작성', message: '신청서 작성할래요' },
  { title: 'Pseudonymised data', message: 'Can we use pseudonymised hospital data without consent?' },
];

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
      await say('안녕하세요, 잇다입니다. 공동연구 프로젝트에 대해 물어보시거나 연구계획서 작성을 시작해 보세요. (Ask in English too.)');
      await setSuggestedPrompts({ title: '이렇게 물어보세요', prompts: SUGGESTED_PROMPTS });
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
          await deliverReplies(client, { channel, threadTs }, rest, language);
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
