import type { ListenerRegistry } from '../listener-router.js';
import { parseSlashCommand } from '../../../conversation/commands.js';
import { detectLanguage } from '../../../messages/detect-language.js';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { replyToBlocks } from '../../blocks/reply-blocks.js';
import { deliverReplies } from '../../deliver-replies.js';
import type { ListenerContext } from '../../listener-context.js';
import { decodeSlackText } from '../../mrkdwn.js';
import { text as messageText } from '../../../messages/messages.js';

/**
 * `/itda help | ask | apply | plan | match | deadline | eligibility | forget`. Acknowledged at
 * once; answers go back privately through response_url. The pre-application continues in a DM,
 * where the conversation can go on.
 */
export function registerItdaCommand(app: ListenerRegistry, context: ListenerContext): void {
  app.command('/itda', async ({ ack, command, respond, client }) => {
    await ack();
    // Slack escapes &, < and > in a command's text as in a message's; the engine sees what was typed.
    const text = decodeSlackText(command.text);
    const language = detectLanguage(text, 'ko');
    await answerSafely(
      context.logger,
      { userId: command.user_id, surface: 'command' },
      (apology) => respond({ response_type: 'ephemeral', text: apology }),
      async () => {
        const replies = await context.itda.command({ userId: command.user_id, conversationId: command.channel_id, text });
        if (parseSlashCommand(text).name === 'apply') {
          const opened = await client.conversations.open({ users: command.user_id });
          const channel = opened.channel?.id;
          if (channel) {
            await deliverReplies(client, { channel }, replies, language);
            await respond({ response_type: 'ephemeral', text: messageText(language, 'replies.applyContinuesInDm') });

            return;
          }
        }
        for (const reply of replies) {
          const message = replyToBlocks(reply, language);
          await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
        }
      },
      language,
    );
  });
}
