import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadProgramFacts, PROGRAM_FACTS_FILE, type ProgramFacts } from '../program/program-facts.js';
import { loadResearchPlanForm, RESEARCH_PLAN_FORM_FILE, type FormDefinition } from './form-definition.js';

/**
 * The form and program facts, reloaded when staff change either file (a stat per message
 * is cheap; parsing YAML each time is not needed).
 */
export class PlanKnowledge {
  private cached?: { stamp: string; form: FormDefinition; facts: ProgramFacts };

  constructor(readonly knowledgeDir: string) {}

  current(): { form: FormDefinition; facts: ProgramFacts } {
    const stamp = [RESEARCH_PLAN_FORM_FILE, PROGRAM_FACTS_FILE]
      .map((file) => statSync(join(this.knowledgeDir, file), { throwIfNoEntry: false })?.mtimeMs ?? 0)
      .join('|');
    if (this.cached?.stamp !== stamp) {
      this.cached = { stamp, form: loadResearchPlanForm(this.knowledgeDir), facts: loadProgramFacts(this.knowledgeDir) };
    }
    return this.cached;
  }
}
