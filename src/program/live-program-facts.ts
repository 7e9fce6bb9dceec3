import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../observability/logger.js';
import { loadProgramFacts, PROGRAM_FACTS_FILE, type ProgramFacts } from './program-facts.js';

/**
 * Program facts that follow edits to knowledge/program.yaml without a restart. Each call
 * compares the file's modification time (a stat, microseconds); a broken edit keeps the last
 * good facts and is logged with the file's own error, so a typo never takes Itda down.
 */
export function liveProgramFacts(knowledgeDir: string, logger: Logger): () => ProgramFacts {
  const file = join(knowledgeDir, PROGRAM_FACTS_FILE);
  let facts = loadProgramFacts(knowledgeDir);
  let loadedVersion = versionOf(file);
  return () => {
    const version = versionOf(file);
    if (version === loadedVersion) return facts;
    loadedVersion = version;
    try {
      facts = loadProgramFacts(knowledgeDir);
      logger.info({ file }, 'program facts reloaded');
    } catch (error) {
      logger.error({ file, problem: (error as Error).message }, 'program facts edit rejected; keeping the previous facts');
    }
    return facts;
  };
}

function versionOf(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'missing';
  }
}
