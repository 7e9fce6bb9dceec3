import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../retrieval/atomic-file.js';
import { PROGRAM_FACTS_FILE } from '../program/program-facts.js';
import { changeProgramYaml, type FieldChange } from './program-yaml-change.js';
import { roundKnowledgeFiles } from './round-knowledge-file.js';
import { staleKnowledgeFiles } from './stale-knowledge.js';
import type { RoundProposal } from './round-proposal.js';
import type { Language } from '../messages/language.js';
import { text } from '../messages/messages.js';

export interface PlannedFile {
  /** Project-style path, e.g. "knowledge/round-2026.md". */
  path: string;
  text: string;
  isNew: boolean;
}

export type RoundFilePlan =
  | { ok: true; files: PlannedFile[]; changes: FieldChange[]; /** Hand-written files still saying what changes. */ stale: string[] }
  | { ok: false; problem: string };

/**
 * What approval would write: program.yaml changed, the round's knowledge files new (or replaced).
 * Nothing is written here. A problem is in `language`; `correctWith` as in changeProgramYaml.
 */
export function planRoundFiles(knowledgeDir: string, proposal: RoundProposal, approvedBy: string, today: string, language: Language, correctWith?: string): RoundFilePlan {
  const programFile = join(knowledgeDir, PROGRAM_FACTS_FILE);
  if (!existsSync(programFile)) return { ok: false, problem: text(language, 'rounds.problemProgramMissing', { file: programFile }) };
  const change = changeProgramYaml(readFileSync(programFile, 'utf8'), proposal, today, language, correctWith);
  if (!change.ok) return change;
  const knowledge = roundKnowledgeFiles(proposal, approvedBy, today).map((file) => ({
    path: `knowledge/${file.name}`,
    text: file.text,
    isNew: !existsSync(join(knowledgeDir, file.name)),
  }));
  const stale = staleKnowledgeFiles(knowledgeDir, change.changes, proposal.round.id!);
  return { ok: true, files: [{ path: `knowledge/${PROGRAM_FACTS_FILE}`, text: change.text, isNew: false }, ...knowledge], changes: change.changes, stale };
}

/**
 * Writes the approved files, each atomically. The knowledge files go first and program.yaml
 * last: the live program facts switch to the new round only once its documents are in place.
 */
export async function writeRoundFiles(knowledgeDir: string, files: PlannedFile[]): Promise<string[]> {
  const ordered = [...files.filter((file) => !file.path.endsWith(PROGRAM_FACTS_FILE)), ...files.filter((file) => file.path.endsWith(PROGRAM_FACTS_FILE))];
  for (const file of ordered) await writeFileAtomically(join(knowledgeDir, file.path.replace(/^knowledge\//, '')), file.text);
  return ordered.map((file) => file.path);
}
