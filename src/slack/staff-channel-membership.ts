import type { webApi } from '@slack/bolt';
import type { ChannelMembershipCheck } from '../access/staff-access.js';

const CACHE_MS = 5 * 60_000;

/**
 * Members of the staff channel count as staff. The member list is fetched at most every five
 * minutes, so a staff check costs no Slack call on the hot path.
 */
export function staffChannelMembership(client: webApi.WebClient, channelId: string): ChannelMembershipCheck {
  let cached: { members: Set<string>; fetchedAt: number } | undefined;
  return async (userId) => {
    if (!cached || Date.now() - cached.fetchedAt > CACHE_MS) {
      const members = new Set<string>();
      for await (const page of client.paginate('conversations.members', { channel: channelId, limit: 200 })) {
        for (const member of (page as { members?: string[] }).members ?? []) members.add(member);
      }
      cached = { members, fetchedAt: Date.now() };
    }
    return cached.members.has(userId);
  };
}
