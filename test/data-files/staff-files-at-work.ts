import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTranscript, type Transcript } from '../conversation/itda-in-process.js';
import { copyOfBuiltIndex } from '../built-index.js';

/**
 * A running Itda over its own copy of knowledge/ and prompts/, and the staff member's editor:
 * `edit('program.yaml', text => …)` changes a file, `reloaded()` waits until Itda has looked
 * (what the watcher does after its debounce), `health()` is the /healthz body.
 */
export async function staffFilesAtWork(environment: Record<string, string> = {}, indexDir?: string) {
  const folder = mkdtempSync(join(tmpdir(), 'itda-reload-'));
  const knowledgeDir = join(folder, 'knowledge');
  const promptsDir = join(folder, 'prompts');
  cpSync('knowledge', knowledgeDir, { recursive: true });
  cpSync('prompts', promptsDir, { recursive: true });
  const index = indexDir ?? copyOfBuiltIndex('itda-reload-index-');
  const transcript: Transcript = await startTranscript({
    KNOWLEDGE_DIR: knowledgeDir,
    CATALOG_PATH: join(knowledgeDir, 'hospitals'),
    PROMPTS_DIR: promptsDir,
    INDEX_DIR: index,
    ...environment,
  });
  const pathOf = (file: string) => (file.startsWith('prompts/') ? join(folder, file) : join(knowledgeDir, file));
  return {
    ...transcript,
    folder,
    knowledgeDir,
    indexDir: index,
    edit(file: string, change: (text: string) => string) {
      const path = pathOf(file);
      const before = readFileSync(path, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`the edit changed nothing in ${file}`);
      writeFileSync(path, after);
      return before;
    },
    write: (file: string, text: string) => writeFileSync(pathOf(file), text),
    reloaded: () => transcript.running.dataFiles.checkNow(),
    health: () => transcript.running.health() as Promise<{ ok: boolean; dataFiles: DataFilesHealth }>,
    value: (kind: string) => transcript.running.dataFiles.get(kind)!.current,
  };
}

export interface DataFilesHealth {
  ok: boolean;
  warnings: { kind: string; state: string; file: string; line?: number; problem?: string; fix?: string; servingSince?: string }[];
  files: { kind: string; state: string; servedFrom?: string }[];
}
