import type { webApi } from '@slack/bolt';
import type { TicketBoard } from '../knowledge-loop/knowledge-loop-ports.js';
import type { TicketAsker } from '../storage/ticket.js';
import { ticketMessage } from './blocks/ticket-message.js';
import { deliverReplies, type Destination } from './deliver-replies.js';

/**
 * Tickets as messages in the staff channel (posted once, then chat.update), and staff answers
 * posted back where each founder asked: their channel thread or DM; a slash command asked in a
 * channel is answered by DM, so nobody else in that channel sees it.
 */
export function slackTicketBoard(client: webApi.WebClient, staffChannel: string | undefined): TicketBoard {
  return {
    async show(ticket) {
      if (!staffChannel) return undefined;
      const message = ticketMessage(ticket);
      if (ticket.staffChannel && ticket.staffMessageTs) {
        await client.chat.update({ channel: ticket.staffChannel, ts: ticket.staffMessageTs, text: message.text, blocks: message.blocks });
        return { channel: ticket.staffChannel, ts: ticket.staffMessageTs };
      }
      const posted = await client.chat.postMessage({ channel: staffChannel, text: message.text, blocks: message.blocks });
      return posted.ts ? { channel: posted.channel ?? staffChannel, ts: posted.ts } : undefined;
    },
    async deliver(asker, reply) {
      await deliverReplies(client, await destinationOf(client, asker), [reply], asker.language);
    },
  };
}

async function destinationOf(client: webApi.WebClient, asker: TicketAsker): Promise<Destination> {
  const [channel, threadTs] = (asker.conversationId ?? '').split(':');
  if (channel && threadTs && /^[CGD][A-Z0-9]+$/.test(channel)) return { channel, threadTs };
  if (channel && /^D[A-Z0-9]+$/.test(channel)) return { channel };
  const opened = await client.conversations.open({ users: asker.userId });
  return { channel: opened.channel?.id ?? asker.userId };
}
