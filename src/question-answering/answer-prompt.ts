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
  return answerPromptFrom(readFileSync(`${promptsDir}/answer-question.md`, 'utf8'), readFileSync(`${promptsDir}/answer-question-user.md`, 'utf8'));
}

export function answerPromptFrom(system: string, user: string): AnswerPrompt {
  const template = ChatPromptTemplate.fromMessages(
    [
      ['system', system],
      ['human', user],
    ],
    { templateFormat: 'mustache' },
  );
  return { system, user, template };
}

/**
 * The prompt in service when staff may edit prompts/ while Itda runs: the template is rebuilt
 * only when a file's text changed, so a chain built for it is reused until the next edit.
 */
export function liveAnswerPrompt(files: () => { system: string; user: string }): AnswerPrompt {
  let built: AnswerPrompt | undefined;
  const current = (): AnswerPrompt => {
    const { system, user } = files();
    if (!built || built.system !== system || built.user !== user) built = answerPromptFrom(system, user);
    return built;
  };
  return {
    get system() { return current().system; },
    get user() { return current().user; },
    get template() { return current().template; },
  };
}
