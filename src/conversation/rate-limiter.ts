/**
 * A per-user sliding window: at most `limit` messages in any `windowMs`. Kept in memory on
 * purpose: a restart forgiving everyone is harmless, and it costs nothing per message.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs = 60_000) {}

  /** Records the attempt and says whether it is within the limit. */
  allow(key: string, now: number): boolean {
    const since = now - this.windowMs;
    const times = (this.recent.get(key) ?? []).filter((time) => time > since);
    const allowed = times.length < this.limit;
    if (allowed) times.push(now);
    this.recent.set(key, times);
    if (this.recent.size > 10_000) this.forgetIdle(since);
    return allowed;
  }

  private forgetIdle(since: number): void {
    for (const [key, times] of this.recent) if (times.every((time) => time <= since)) this.recent.delete(key);
  }
}
