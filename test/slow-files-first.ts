import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that take longest (child processes, quiet periods Slack makes them wait out), longest
 * first, measured on 2 cores. vitest orders files by their last run's duration, kept in its
 * cache; a clean clone (CI) has no cache and would order them by size, which left the slowest
 * of these starting in the last seconds of the run with one core idle. Starting them first lets
 * the short files fill the gaps they leave.
 */
const SLOWEST = [
  'test/hardening/stalled-slack.test.ts',
  'test/slack/answering-worker.e2e.test.ts',
  'test/hardening/crash-mid-burst.test.ts',
  'test/slack/slack-payloads.e2e.test.ts',
  'test/hardening/graceful-shutdown.test.ts',
  'test/data-files/live-reload-more-kinds.test.ts',
  'test/hardening/crash-restart.test.ts',
  'test/slack/slack-interactions.e2e.test.ts',
  'test/slack/socket-mode.e2e.test.ts',
  'test/slack/http-receiver.e2e.test.ts',
  'test/console/terminal-chat.test.ts',
  'test/matching/match-cli.test.ts',
  'test/rounds/ingest-cli.test.ts',
  'test/hardening/logs.test.ts',
  'test/eval/qa-eval.test.ts',
];

export class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const cache = this.ctx.cache;
    const key = (file: TestSpecification) => `${file.project.name}:${file.moduleId.slice(this.ctx.config.root.length + 1)}`;
    // With every file's last duration known, vitest's own order (longest first) is already this one.
    if (sorted.every((file) => cache.getFileTestResults(key(file)))) return sorted;
    const rank = (file: TestSpecification) => {
      const index = SLOWEST.findIndex((path) => file.moduleId.endsWith(path));
      return index === -1 ? SLOWEST.length : index;
    };
    return sorted.map((file, position) => ({ file, position })).sort((a, b) => rank(a.file) - rank(b.file) || a.position - b.position).map(({ file }) => file);
  }
}
