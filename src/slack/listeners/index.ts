import type { App } from '@slack/bolt';
import type { ListenerContext } from '../listener-context.js';
import { registerButtonActions } from './actions/button-actions.js';
import { AssistantThreads } from './assistant/assistant-threads.js';
import { createItdaAssistant } from './assistant/itda-assistant.js';
import { registerItdaCommand } from './commands/itda-command.js';
import { AnsweredMessages } from './conversation/answered-messages.js';
import { registerAppHomeOpened } from './events/app-home-opened.js';
import { registerAppMention } from './events/app-mention.js';
import { registerTokenRevocation, SlackAccess } from './events/tokens-revoked.js';
import { registerDirectAndThreadMessages } from './messages/direct-and-thread-messages.js';
import { registerTicketActions } from './actions/ticket-actions.js';
import { registerTicketViews } from './views/ticket-views.js';
import { registerRoundReviewActions } from './actions/round-review-actions.js';
import { ListenerRouter } from './listener-router.js';

export function registerListeners(app: App, context: ListenerContext, clientFor?: (client: App['client']) => App['client']): void {
  const access = new SlackAccess(context.logger);
  app.use(access.middleware());
  const threads = new AssistantThreads(context.logger);
  app.use(threads.middleware(createItdaAssistant(context, threads)));
  const answered = new AnsweredMessages();
  // Listeners register on the router, which Bolt sees as its last global middleware (see listener-router.ts).
  const router = new ListenerRouter(clientFor);
  registerAppMention(router, context, answered);
  registerAppHomeOpened(router, context);
  registerDirectAndThreadMessages(router, context, answered);
  registerItdaCommand(router, context);
  registerButtonActions(router, context);
  registerTicketActions(router, context);
  registerTicketViews(router, context);
  registerRoundReviewActions(router, context);
  registerTokenRevocation(router, access, context.logger);
  app.use(router.middleware());
}
