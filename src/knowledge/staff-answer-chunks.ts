import { text } from '../messages/messages.js';
import { chunkId, type KnowledgeChunk } from './chunk-by-headings.js';
import { DataFileError } from '../data-files/data-file-error.js';
import { readStaffAnswers, STAFF_ANSWERS_FILE, type StaffAnswerEntry } from './staff-answers-file.js';

export const STAFF_ANSWERS_TOPIC = 'staff-answers';


/**
 * The active staff answers as knowledge chunks, one per language written, so they are searched,
 * shown in the asker's language (the twin lookup) and cited like any document section. The
 * phrasings are part of the searched text; the answer lines are what is quoted.
 */
export function staffAnswerChunks(entries: StaffAnswerEntry[]): KnowledgeChunk[] {
  return entries
    .filter((entry) => entry.status === 'active')
    .flatMap((entry) =>
      (['ko', 'en'] as const).flatMap((language) => {
        const answer = entry.answer[language];
        if (!answer) return [];
        // How a staff answer is cited: "사업 담당자 답변 (2026-11-28)".
        const title = text(language, 'qa.staffAnswerTitle', { date: entry.answered_at });
        const heading = entry.questions[0]!;
        const lines = answer.split(/\r?\n/).map((line) => line.replace(/^\s*[-*•]\s+/, '').trim()).filter(Boolean);
        return [{
          id: chunkId(STAFF_ANSWERS_TOPIC, entry.id, language),
          text: [title, ...entry.questions, ...lines].join('\n'),
          metadata: {
            source: `knowledge/${STAFF_ANSWERS_FILE}`,
            topic: STAFF_ANSWERS_TOPIC,
            sectionId: entry.id,
            heading,
            title,
            language,
            asOf: entry.as_of,
            lines,
          },
        }];
      }),
    );
}

/** For the knowledge loader: the chunks, or the file's problem as one line (the previous index stays). */
export function loadStaffAnswerChunks(knowledgeDir: string): { chunks: KnowledgeChunk[]; problems: string[] } {
  try {
    return { chunks: staffAnswerChunks(readStaffAnswers(knowledgeDir)), problems: [] };
  } catch (error) {
    if (error instanceof DataFileError) return { chunks: [], problems: [error.message] };
    return { chunks: [], problems: [`knowledge/${STAFF_ANSWERS_FILE}: cannot read (${(error as Error).message})`] };
  }
}
