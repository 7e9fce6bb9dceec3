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
  /** prompts/polish-plan-answer.md as in service; unset, the bundled file is read when needed. */
  polishPrompt?: string;
}

/**
 * The form, program facts, utterance examples and privacy checks. The running app passes
 * `live`: the values in service under the one reload policy (src/data-files), so a broken edit
 * keeps the last good form and facts instead of failing every message. Without it (one-shot
 * uses, tests of the form alone) the files are read again when their modification time changes.
 */
export class PlanKnowledge {
  private cached?: PlanKnowledgeSnapshot & { stamp: string };

  constructor(readonly knowledgeDir: string, private readonly live?: () => PlanKnowledgeSnapshot) {}

  current(): PlanKnowledgeSnapshot {
    if (this.live) return this.live();
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
