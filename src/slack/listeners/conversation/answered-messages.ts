/**
 * A mention in a group DM or a thread can arrive twice, as app_mention and as a message event;
 * whichever comes first claims the message and the other is dropped. Event ids cannot tell
 * them apart (each event has its own), the channel and timestamp can.
 */
export class AnsweredMessages {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  claim(channel: string, ts: string): boolean {
    const key = `${channel}:${ts}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value!);
    return true;
  }
}
