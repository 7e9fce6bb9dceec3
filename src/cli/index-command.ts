import type { ItdaConfig } from '../config/config.js';
import { silentLogger } from '../observability/logger.js';
import { configuredEmbeddings } from '../retrieval/configured-embeddings.js';
import { LiveKnowledgeIndex } from '../question-answering/live-knowledge-index.js';

/**
 * `index`: builds the knowledge index under INDEX_DIR and reports what it did. Unchanged
 * sections come from the cache, so a second run embeds nothing.
 */
export async function indexCommand(config: ItdaConfig): Promise<number> {
  const started = performance.now();
  const knowledge = await LiveKnowledgeIndex.open({ knowledgeDir: config.knowledgeDir, embeddings: configuredEmbeddings(config.openai), cacheDir: config.indexDir, logger: silentLogger });
  const { stats } = knowledge.current;
  knowledge.close();
  const lines = [
    `Indexed ${stats.files} knowledge files from ${config.knowledgeDir} into ${config.indexDir}`,
    `  sections: ${stats.documents}`,
    `  embedded: ${stats.embedded} (new or changed), reused from cache: ${stats.reused}`,
    `  vector graph: ${stats.graph}`,
    `  time: ${Math.round(performance.now() - started)} ms`,
    ...stats.problems.map((problem) => `  skipped: ${problem}`),
    ...stats.warnings.map((warning) => `  warning: ${warning}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return stats.problems.length > 0 ? 2 : 0;
}
