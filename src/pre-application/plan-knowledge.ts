import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadProgramFacts, PROGRAM_FACTS_FILE, type ProgramFacts } from '../program/program-facts.js';
import { loadResearchPlanForm, RESEARCH_PLAN_FORM_FILE, type FormDefinition } from './form-definition.js';
import { loadPrivacyChecks, PRIVACY_CHECKS_FILE, type PrivacyCheck } from './privacy-checks.js';
import { FORM_UTTERANCES_FILE, loadUtteranceExamples, UtteranceIntentModel } from './utterance-intent.js';

export interface PlanKnowledgeSnapshot {
  form: FormDefinition;
  facts: ProgramFacts;
  /** Reads whether a message answers, asks or corrects; learned from knowledge/forms/form-utterances.yaml. */
  intents: UtteranceIntentModel;
  privacyChecks: PrivacyCheck[];
}

/**
 * The form, program facts and utterance examples, reloaded when staff change any of them (a
 * stat per message is cheap; parsing YAML each time is not needed).
 */
export class PlanKnowledge {
  private cached?: PlanKnowledgeSnapshot & { stamp: string };

  constructor(readonly knowledgeDir: string) {}

  current(): PlanKnowledgeSnapshot {
    const stamp = [RESEARCH_PLAN_FORM_FILE, PROGRAM_FACTS_FILE, FORM_UTTERANCES_FILE, PRIVACY_CHECKS_FILE]
      .map((file) => statSync(join(this.knowledgeDir, file), { throwIfNoEntry: false })?.mtimeMs ?? 0)
      .join('|');
    if (this.cached?.stamp !== stamp) {
      // A knowledge folder without examples (an old copy) still works: every message is then read as an answer or by its shape.
      const hasExamples = statSync(join(this.knowledgeDir, FORM_UTTERANCES_FILE), { throwIfNoEntry: false }) !== undefined;
      this.cached = {
        stamp,
        form: loadResearchPlanForm(this.knowledgeDir),
        facts: loadProgramFacts(this.knowledgeDir),
        intents: new UtteranceIntentModel(hasExamples ? loadUtteranceExamples(this.knowledgeDir) : []),
        privacyChecks: loadPrivacyChecks(this.knowledgeDir),
      };
    }
    return this.cached;
  }
}
