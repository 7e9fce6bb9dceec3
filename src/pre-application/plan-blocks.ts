import type { Language } from '../messages/language.js';
import type { ProgramFacts } from '../program/program-facts.js';
import type { PartialAnswers } from './answers-schema.js';
import type { FormDefinition } from './form-definition.js';
import type { ChecklistItem } from './plan-checklist.js';
import type { PrivacyCheck } from './privacy-checks.js';
import { textIn } from '../messages/messages.js';

/**
 * The draft as blocks, so Markdown and Word render the same content. "answer" blocks hold
 * the user's own words verbatim; "suggestion" blocks are template text Itda adds and are
 * marked for the user to rewrite.
 */
export type PlanBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'answer'; text: string }
  | { kind: 'suggestion'; text: string }
  | { kind: 'missing'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'numbered'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface SuggestedTeam {
  teamId: string;
  hospital: string;
  department: string;
  reasons: string[];
  /** From the catalog, for the applicant's view (consortia and data types, never team names). */
  consortium?: string;
  assetTypes?: string[];
}

export interface PlanInputs {
  form: FormDefinition;
  facts: ProgramFacts;
  answers: PartialAnswers;
  language: Language;
  checklist: ChecklistItem[];
  /** Titles of the knowledge/privacy*.md documents, cited in section 10 (titles, never file paths). */
  privacySources: string[];
  /** knowledge/forms/privacy-checks.yaml; each tripped check is flagged in section 10, naming its rule. */
  privacyChecks?: PrivacyCheck[];
  /** Answers rewritten in plan style by a language model, by path; only ones that kept every number, name and date. */
  polished?: Record<string, string>;
  teams?: SuggestedTeam[];
  generatedAt: Date;
}

export interface PlanDocument {
  title: string;
  blocks: PlanBlock[];
}

export function suggestionPrefix(language: Language): string {
  return textIn(language)('plan.suggestionPrefix');
}
