import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SlowFilesFirst } from './slow-files-first.js';

export default defineConfig({
  // The config lives in test/ (the top level is fixed); paths below are from the repository root.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 20_000,
    // Child-process tests allow a start up to 60 s on a loaded machine; a hook that starts one gets as long.
    hookTimeout: 60_000,
    pool: 'forks',
    // A worker loads src/ once and runs file after file in it: evaluating Bolt, LangChain, zod
    // schemas and the knowledge modules again for every file cost about half of the suite's CPU.
    // What a file changes in the process is put back by test/between-files.ts; module state is
    // shared, so a test needing fresh modules (vi.mock, vi.resetModules) must not rely on isolation.
    // Tests that start Itda take their INDEX_DIR from copyOfBuiltIndex() (test/built-index.ts).
    isolate: false,
    // vitest's default is one worker fewer than the cores, a single worker on 2 cores. Many files
    // spend their time waiting on Itda's child processes, sockets and quiet periods, so one worker
    // more than the cores keeps both cores busy.
    maxWorkers: availableParallelism() + 1,
    setupFiles: ['test/between-files.ts'],
    globalSetup: ['test/prebuilt-runtime-setup.ts'],
    // The slowest files start first even on a clean clone, where vitest has no durations yet.
    sequence: { sequencer: SlowFilesFirst },
  },
});
