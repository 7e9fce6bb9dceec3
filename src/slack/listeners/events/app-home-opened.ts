import type { ListenerRegistry } from '../listener-router.js';
import type { webApi } from '@slack/bolt';
import { homeView } from '../../blocks/home-view.js';
import type { ListenerContext } from '../../listener-context.js';

export function registerAppHomeOpened(app: ListenerRegistry, context: ListenerContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(client, context, event.user);
    } catch (error) {
      context.logger.error({ err: error, userId: event.user }, 'app home publish failed');
    }
  });
}

export async function publishHome(client: webApi.WebClient, context: ListenerContext, userId: string): Promise<void> {
  const summary = await context.itda.home(userId);
  await client.views.publish({ user_id: userId, view: homeView(summary) });
}
