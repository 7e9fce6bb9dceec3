import { describe, expect, it } from 'vitest';
import { formatDate, seoulDate } from '../../src/program/deadline-status.js';

const byIntl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });

describe("today's date in Seoul", () => {
  it('turns over at midnight Seoul time (15:00 UTC), whatever the server zone', () => {
    expect(seoulDate(new Date('2025-04-28T14:59:59.999Z'))).toBe('2025-04-28');
    expect(seoulDate(new Date('2025-04-28T15:00:00Z'))).toBe('2025-04-29');
    expect(seoulDate(new Date('2025-12-31T15:00:00Z'))).toBe('2026-01-01');
  });

  it("is the date Intl gives for Asia/Seoul, every 7 hours 13 minutes from 1987 to 2032 (Korea's 1987–88 summer time included)", () => {
    for (let time = Date.UTC(1987, 0, 1); time < Date.UTC(2032, 0, 1); time += 7 * 3_600_000 + 13 * 60_000) {
      expect(seoulDate(new Date(time))).toBe(byIntl.format(new Date(time)));
    }
  });

  it('writes dates in words in both languages', () => {
    expect(formatDate('2025-04-28', 'ko')).toBe('2025년 4월 28일');
    expect(formatDate('2025-04-28', 'en')).toBe('28 April 2025');
    expect(formatDate('2026-09', 'en')).toBe('September 2026');
  });
});
