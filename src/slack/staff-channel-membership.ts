import type { webApi } from '@slack/bolt';
import type { ChannelMembershipCheck } from '../access/staff-access.js';

const CACHE_MS = 5 * 60_000;
/** After a failed fetch, staff paths answer "not staff" for this long before asking Slack again. */
const FAILURE_CACHE_MS = 30_000;
export const MEMBERSHIP_TIMEOUT_MS = 2_000;

/**
 * Members of the staff channel count as staff. The member list is fetched at most every five
 * minutes (one fetch shared by everyone waiting), never waits more than two seconds, and a
 * failure is remembered briefly, so a Slack outage costs a staff path two seconds once, not every
 * message. A failure throws: StaffAccess turns it into "not staff" for staff paths only.
 */
export function staffChannelMembership(client: webApi.WebClient, channelId: string, timeoutMs = MEMBERSHIP_TIMEOUT_MS): ChannelMembershipCheck {
  let cached: { members?: Set<string>; fetchedAt: number } | undefined;
  let fetching: Promise<Set<string> | undefined> | undefined;
  const fetchMembers = async () => {
    const members = new Set<string>();
    for await (const page of client.paginate('conversations.members', { channel: channelId, limit: 200 })) {
      for (const member of (page as { members?: string[] }).members ?? []) members.add(member);
    }
    return members;
  };
  const refresh = () => {
    fetching ??= withTimeout(fetchMembers(), timeoutMs)
      .then(
        (members) => {
          cached = { members, fetchedAt: Date.now() };
          return members;
        },
        () => {
          cached = { fetchedAt: Date.now() };
          return undefined;
        },
      )
      .finally(() => (fetching = undefined));
    return fetching;
  };
  return async (userId) => {
    const age = cached ? Date.now() - cached.fetchedAt : Number.POSITIVE_INFINITY;
    const fresh = cached && age < (cached.members ? CACHE_MS : FAILURE_CACHE_MS);
    const members = fresh ? cached!.members : await refresh();
    if (!members) throw new Error(`staff channel ${channelId} membership unavailable`);
    return members.has(userId);
  };
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
