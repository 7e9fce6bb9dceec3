import type { PlanBlock, PlanDocument, PlanInputs } from './plan-blocks.js';
import { companyAndResearchSections } from './plan-sections-research.js';
import { privacyScheduleBudgetSections } from './plan-sections-delivery.js';
import { textIn } from '../messages/messages.js';
import { draftRound, draftRoundName } from './draft-round.js';

export function draftResearchPlan(inputs: PlanInputs): PlanDocument {
  const say = textIn(inputs.language);
  const title = typeof inputs.answers.title === 'string' ? inputs.answers.title : inputs.form.title[inputs.language];
  const company = (inputs.answers.company ?? {}) as { name?: string };
  const round = draftRoundName(draftRound(inputs.facts, inputs.generatedAt), inputs.language);
  const blocks: PlanBlock[] = [
    { kind: 'heading', level: 1, text: `${inputs.form.title[inputs.language]}: ${title}` },
    { kind: 'note', text: say('plan.documentNote', {
      company: company.name ?? say('plan.companyNameMissing'),
      program: inputs.facts.program.name[inputs.language],
      round,
      date: inputs.generatedAt.toISOString().slice(0, 10),
    }) },
    ...companyAndResearchSections(inputs),
    ...privacyScheduleBudgetSections(inputs),
    ...checklistSection(inputs),
  ];
  return { title, blocks };
}

function checklistSection(inputs: PlanInputs): PlanBlock[] {
  const say = textIn(inputs.language);
  const marks = { missing: '❌', weak: '⚠️', eligibility: '⚠️' } as const;
  const items = inputs.checklist.map((item) => `${marks[item.severity]} ${item.text}`);
  return [
    { kind: 'heading', level: 2, text: say('plan.whatToImproveChecklist') },
    items.length > 0 ? { kind: 'bullets', items } : { kind: 'note', text: say('plan.nothingIsMissing') },
  ];
}
