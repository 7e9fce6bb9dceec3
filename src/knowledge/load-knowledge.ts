import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chunkByHeadings, type KnowledgeChunk } from './chunk-by-headings.js';
import { parseKnowledgeFile, type KnowledgeFile } from './parse-knowledge-file.js';
import { loadStaffAnswerChunks } from '../knowledge-loop/staff-answer-chunks.js';

export interface LoadedKnowledge {
  files: KnowledgeFile[];
  chunks: KnowledgeChunk[];
  /** One line per file that could not be read; those files contribute no chunks. */
  problems: string[];
}

/** Every `*.md` file directly in the knowledge folder, parsed and chunked by heading, in name order. */
export async function loadKnowledge(knowledgeDir: string): Promise<LoadedKnowledge> {
  const names = (await readdir(knowledgeDir)).filter((name) => name.endsWith('.md')).sort();
  const files: KnowledgeFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    let text: string;
    try {
      text = await readFile(join(knowledgeDir, name), 'utf8');
    } catch (error) {
      // Deleted or renamed between listing and reading: the next change event sorts it out.
      problems.push(`knowledge/${name}: cannot read (${(error as Error).message})`);
      continue;
    }
    const parsed = parseKnowledgeFile(name, text);
    if (parsed.ok) files.push(parsed.file);
    else problems.push(parsed.problem);
  }
  // Answers the program office added from tickets (knowledge/staff-answers.yaml), cited as theirs.
  const staffAnswers = loadStaffAnswerChunks(knowledgeDir);
  return { files, chunks: [...files.flatMap(chunkByHeadings), ...staffAnswers.chunks], problems: [...problems, ...staffAnswers.problems] };
}

/** Names, sizes and modification times of the knowledge files: changes when any file does. */
export async function knowledgeSnapshot(knowledgeDir: string): Promise<string> {
  const names = (await readdir(knowledgeDir)).filter((name) => /\.(md|ya?ml)$/.test(name)).sort();
  const parts = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(knowledgeDir, name)).catch(() => undefined);
      return `${name}:${info?.size ?? '-'}:${info?.mtimeMs ?? '-'}`;
    }),
  );
  return parts.join('|');
}
