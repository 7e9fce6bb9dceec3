import { afterAll, vi } from 'vitest';

/**
 * Test files share a worker process (test/vitest.config.ts: isolate false), so whatever one file
 * changes in the process must be put back before the next file runs in it. A file that fakes the
 * clock (vi.useFakeTimers) would otherwise leave Date frozen for the next file's deadlines.
 * Spies and stubs are restored by vitest itself between files.
 */
afterAll(() => {
  vi.useRealTimers();
});
