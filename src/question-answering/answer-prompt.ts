import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChatPromptTemplate } from '@langchain/core/prompts';

export interface AnswerPrompt {
  system: string;
  user: string;
  /** The two files as one LangChain chat prompt: {{language}} in the system message; {{history}}, {{passages}}, {{question}} in the user message. */
  template: ChatPromptTemplate;
}

const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/**
 * The prompts are Markdown files in prompts/ so staff can read and tune them without code. Their
 * `{{name}}` placeholders are mustache, which LangChain fills without HTML-escaping and without
 * reading the prompt's own JSON example as a placeholder.
 */
export function loadAnswerPrompt(promptsDir = PROMPTS_DIR): AnswerPrompt {
  const system = readFileSync(`${promptsDir}/answer-question.md`, 'utf8');
  const user = readFileSync(`${promptsDir}/answer-question-user.md`, 'utf8');
  const template = ChatPromptTemplate.fromMessages(
    [
      ['system', system],
      ['human', user],
    ],
    { templateFormat: 'mustache' },
  );
  return { system, user, template };
}
