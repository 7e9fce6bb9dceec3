import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chunkByHeadings, type KnowledgeChunk } from './chunk-by-headings.js';
import { parseKnowledgeFile, type KnowledgeFile } from './parse-knowledge-file.js';
import { loadStaffAnswerChunks, staffAnswerChunks } from './staff-answer-chunks.js';
import { readStaffAnswers, STAFF_ANSWERS_FILE } from './staff-answers-file.js';
import { DataFileError, type DataFileProblem } from '../data-files/data-file-error.js';

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

/**
 * The documents (`*.md` directly in the folder) for the live reload policy: all of them or a
 * DataFileError naming each file that does not parse, so a half-saved file never replaces the
 * documents in service. Staff answers are their own kind (knowledge/staff-answers.yaml).
 */
export async function loadKnowledgeDocuments(knowledgeDir: string): Promise<{ files: KnowledgeFile[]; chunks: KnowledgeChunk[] }> {
  const names = (await readdir(knowledgeDir)).filter((name) => name.endsWith('.md')).sort();
  const files: KnowledgeFile[] = [];
  const problems: DataFileProblem[] = [];
  for (const name of names) {
    const parsed = parseKnowledgeFile(name, await readFile(join(knowledgeDir, name), 'utf8'));
    if (parsed.ok) files.push(parsed.file);
    else problems.push({ path: name, line: lineIn(parsed.problem), message: parsed.problem.replace(/^[^:]*: /, '') });
  }
  if (files.length === 0 && problems.length === 0) problems.push({ path: '', message: 'no *.md knowledge documents in the folder' });
  if (problems.length > 0) {
    throw new DataFileError(join(knowledgeDir, problems[0]!.path), problems, 'each knowledge document starts with front matter (---, title, language, as_of, sources, ---) and has "## heading {#id}" sections; see an existing file');
  }
  return { files, chunks: files.flatMap(chunkByHeadings) };
}

function lineIn(problem: string): number | undefined {
  const line = /^[^:]*?, line (\d+):/.exec(problem)?.[1];
  return line ? Number(line) : undefined;
}

export { STAFF_ANSWERS_FILE };

/** The staff answers (knowledge/staff-answers.yaml) as chunks for the live reload policy: all of them or the file's DataFileError. */
export function loadStaffAnswerKnowledge(knowledgeDir: string): KnowledgeChunk[] {
  return staffAnswerChunks(readStaffAnswers(knowledgeDir));
}
