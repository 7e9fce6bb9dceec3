import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError, type DataFileProblem } from './data-file-error.js';

/** What a prompt file must hold: the `{{placeholders}}` the code fills in, each at least once. */
export type PromptRequirements = Record<string, string[]>;

/**
 * Reads the named Markdown prompts from one folder. A prompt that is missing, empty or has lost
 * a placeholder the code fills (`{{passages}}`) would silently change every model answer, so
 * it is a problem naming the file and, for an unknown placeholder, the line.
 */
export function loadPromptFiles(directory: string, requirements: PromptRequirements): Record<string, string> {
  const prompts: Record<string, string> = {};
  for (const [name, placeholders] of Object.entries(requirements)) {
    const file = join(directory, name);
    const problems: DataFileProblem[] = [];
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ path: '', message: `cannot read the prompt (${(error as Error).message})` });
    }
    if (problems.length === 0 && text.trim() === '') problems.push({ path: '', line: 1, message: 'the prompt is empty' });
    // A misspelt placeholder first: it names the line, and explains the missing one that follows.
    text.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(/\{\{(\w+)\}\}/g)) {
        if (!placeholders.includes(match[1]!)) problems.push({ path: '', line: index + 1, message: `unknown placeholder {{${match[1]}}}` });
      }
    });
    for (const placeholder of placeholders) {
      if (text.trim() !== '' && !text.includes(`{{${placeholder}}}`)) problems.push({ path: '', message: `the placeholder {{${placeholder}}} is missing` });
    }
    if (problems.length > 0) {
      const known = placeholders.length > 0 ? `use only ${placeholders.map((name) => `{{${name}}}`).join(', ')}, each at least once` : 'use no {{placeholders}}';
      throw new DataFileError(file, problems, `restore the prompt text; ${known} (the previous version is in git)`);
    }
    prompts[name] = text;
  }
  return prompts;
}
