import { readConfigFromProcess } from './config/config.js';
import { startTerminalChat } from './app/start-terminal.js';
import { reportStartupFailure } from './app/report-startup-failure.js';

/** `npm start`: Slack when Slack is configured, otherwise the terminal chat. */
async function main(): Promise<void> {
  const result = readConfigFromProcess();
  if (!result.ok) {
    process.stderr.write(`Itda cannot start: ${result.problems.length} configuration problem(s)\n${result.problems.map((problem) => `  • ${problem}`).join('\n')}\n`);
    process.exit(2);
  }
  const { config } = result;
  if (config.slack.kind === 'console') {
    await startTerminalChat(config, { userId: 'terminal-user', staff: false });
    return;
  }
  // Bolt and the Slack clients load only in Slack mode: the terminal chat starts without them.
  const { startSlack } = await import('./app/start-slack.js');
  const running = await startSlack(config, config.slack);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void running.stop().then(() => process.exit(0));
    });
  }
}

main().catch(reportStartupFailure);
