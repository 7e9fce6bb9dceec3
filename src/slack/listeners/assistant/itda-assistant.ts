import { Assistant } from '@slack/bolt';
import { detectLanguage } from '../../../conversation/detect-language.js';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { replyToBlocks } from '../../blocks/reply-blocks.js';
import { deliverReplies } from '../../deliver-replies.js';
import type { ListenerContext } from '../../listener-context.js';

const SUGGESTED_PROMPTS = [
  { title: '지원 자격', message: '지원 대상이 어떻게 돼요?' },
  { title: '마감일', message: '신청 마감이 언제예요?' },
  { title: '연구계획서 작성', message: '신청서 작성할래요' },
  { title: 'Pseudonymised data', message: 'Can we use pseudonymised hospital data without consent?' },
];

/**
 * Slack's AI-app pane: suggested prompts when a thread opens, a "finding the answer" status
 * while working, and the answer streamed into the thread.
 */
export function createItdaAssistant(context: ListenerContext): Assistant {
  return new Assistant({
    threadStarted: async ({ say, setSuggestedPrompts }) => {
      await say('안녕하세요, 잇다입니다. 공동연구 프로젝트에 대해 물어보시거나 연구계획서 작성을 시작해 보세요. (Ask in English too.)');
      await setSuggestedPrompts({ title: '이렇게 물어보세요', prompts: SUGGESTED_PROMPTS });
    },
    userMessage: async ({ message, client, setStatus, sayStream, body }) => {
      if (message.subtype !== undefined || ('bot_id' in message && message.bot_id)) return;
      const { channel, text = '', user } = message;
      const threadTs = 'thread_ts' in message ? message.thread_ts : undefined;
      if (!user || !threadTs) return;
      const language = detectLanguage(text);
      await answerSafely(
        context.logger,
        { eventId: (body as { event_id?: string }).event_id, userId: user, surface: 'assistant' },
        (apology) => client.chat.postMessage({ channel, thread_ts: threadTs, text: apology }),
        async () => {
          await setStatus(language === 'ko' ? '답변을 찾는 중…' : 'Looking for the answer…');
          const [first, ...rest] = await context.itda.respond({ userId: user, conversationId: `${channel}:${threadTs}`, text });
          if (first && !first.files?.length) {
            const streamer = sayStream();
            await streamer.append({ markdown_text: first.text });
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
