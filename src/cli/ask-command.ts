import type { ItdaConfig } from '../config/config.js';
import { createCapabilities } from '../app/create-capabilities.js';
import { silentLogger } from '../observability/logger.js';
import { UsageError } from './cli-error.js';
import { text } from '../messages/messages.js';

/** `ask [--json] "<question>"`: one answer; --json prints exactly one JSON object (fixed contract). */
export async function askCommand(config: ItdaConfig, positionals: string[], json: boolean): Promise<string> {
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('ask: the question is missing. Usage: npm run --silent cli -- ask --json "지원금은 얼마인가요?"');
  const { questionAnswering } = await createCapabilities(config, silentLogger);
  const result = await questionAnswering.answer(question);
  if (json) {
    return JSON.stringify({
      answer: result.answer,
      citations: result.citations.map(({ source, title, section }) => ({ source, title, section })),
      outOfScope: result.outOfScope,
      language: result.language,
      kind: result.kind,
    });
  }
  const sources = result.citations.map((citation) => `  - ${citation.title} › ${citation.section} (${citation.source})`);
  return [result.answer, ...(sources.length ? ['', text(result.language, 'replies.sourcesHeading')
, ...sources] : [])].join('\n');
}
