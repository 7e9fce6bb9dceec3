import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../src/conversation/serial-queue.js';

const tick = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('the engine queue under a burst', () => {
  it('answers one conversation in arrival order and never more than the cap at once', async () => {
    const queue = new SerialQueue(3);
    let inFlight = 0;
    let peak = 0;
    const order: string[] = [];
    const work = (label: string) => async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await tick(5);
      order.push(label);
      inFlight -= 1;
      return label;
    };
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, index) => queue.run(`user${index}`, work(`user${index}`))),
      queue.run('user0', work('user0-second')),
    ]);
    expect(peak).toBe(3);
    expect(results).toHaveLength(11);
    expect(order.indexOf('user0')).toBeLessThan(order.indexOf('user0-second'));
  });

  it('keeps going after a failed task and drains everything on shutdown', async () => {
    const queue = new SerialQueue(2);
    const failed = queue.run('a', async () => {
      throw new Error('boom');
    });
    const later = queue.run('a', async () => 'still answered');
    const others = Array.from({ length: 5 }, (_, index) => queue.run(`b${index}`, async () => tick(5)));
    await expect(failed).rejects.toThrow('boom');
    await queue.drain();
    await expect(later).resolves.toBe('still answered');
    await Promise.all(others);
  });
});
