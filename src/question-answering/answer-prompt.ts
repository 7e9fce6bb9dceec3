import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface AnswerPrompt {
  system: string;
  user: string;
}

const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** The prompts are Markdown files in prompts/ so staff can read and tune them without code. */
export function loadAnswerPrompt(promptsDir = PROMPTS_DIR): AnswerPrompt {
  return {
    system: readFileSync(`${promptsDir}/answer-question.md`, 'utf8'),
    user: readFileSync(`${promptsDir}/answer-question-user.md`, 'utf8'),
  };
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
