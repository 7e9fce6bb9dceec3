import type { DataNeed, PartialAnswers } from './answers-schema.js';
import { choicesOf, fieldByPath } from './form-definition.js';
import { suggestionPrefix, type PlanBlock, type PlanInputs } from './plan-blocks.js';
import { readsLikeChat } from './plan-style.js';
import { textIn } from '../messages/messages.js';

type Suggest = (key: string) => PlanBlock;

export function suggester(inputs: PlanInputs): Suggest {
  const say = textIn(inputs.language);
  return (key) => ({ kind: 'suggestion', text: `${suggestionPrefix(inputs.language)} ${say(key)}` });
}

/** Sections 1–9: who, what, why, with whom, which data, how, and how many. */
export function companyAndResearchSections(inputs: PlanInputs): PlanBlock[] {
  const { answers, language } = inputs;
  const say = textIn(language);
  const suggest = suggester(inputs);
  const company = (answers.company ?? {}) as Record<string, unknown>;
  const contact = answers.contact as { name?: string; email?: string } | undefined;
  const objectives = Array.isArray(answers.objectives) ? (answers.objectives as string[]) : [];
  const hospitals = Array.isArray(answers.preferredHospitals) ? (answers.preferredHospitals as string[]) : [];
  const heading = (key: string): PlanBlock => ({ kind: 'heading', level: 2, text: say(key) });
  const blocks: PlanBlock[] = [
    heading('plan.headingCompanyOverview'),
    {
      kind: 'table',
      header: [say('plan.item'), say('plan.details')],
      rows: [
        [say('plan.company'), String(company.name ?? '—')],
        [say('plan.location'), String(company.location ?? '—')],
        [say('plan.founded'), company.foundedYear ? String(company.foundedYear) : '—'],
        [say('plan.employees'), company.employees ? String(company.employees) : '—'],
        [say('plan.contact'), contact ? `${contact.name ?? ''} ${contact.email ? `<${contact.email}>` : ''}`.trim() : '—'],
      ],
    },
    ...answerBlocks(inputs, 'company.business'),
    heading('plan.headingProjectTitle'),
    ...answerBlocks(inputs, 'title'),
    heading('plan.headingBackgroundAndNeed'),
    ...answerBlocks(inputs, 'background'),
    heading('plan.headingObjectives'),
    objectives.length > 0 ? { kind: 'numbered', items: objectives } : missing(inputs, 'objectives'),
  ];
  if (objectives.length > 0 && !objectives.some((objective) => /\d/.test(objective))) {
    blocks.push(suggest('plan.suggestGiveEachObjectiveA'));
  }
  blocks.push(heading('plan.headingResearchTeamAndRoles'), {
    kind: 'table',
    header: [say('plan.role'), say('plan.nameAndOrganisation'), say('plan.responsibilities')],
    rows: [
      [say('plan.principalInvestigatorCompany'), `${contact?.name ?? say('plan.toBeNamed')} · ${String(company.name ?? '—')}`,
        say('plan.leadsTheProjectAnalysis')],
      [say('plan.coInvestigatorHospital'), hospitals.length > 0 ? `${hospitals.join(', ')} ${say('plan.preferred')}` : say('plan.confirmedAfterMatchingProgram'),
        say('plan.dataScopeIrbAnd')],
    ],
  });
  blocks.push(suggest('plan.suggestAddOneLineEach'));
  blocks.push(...dataSections(inputs, suggest, heading));
  return blocks;
}

function dataSections(inputs: PlanInputs, suggest: Suggest, heading: (key: string) => PlanBlock): PlanBlock[] {
  const { answers, language, form } = inputs;
  const say = textIn(language);
  const types = choicesOf(form, 'dataTypes');
  const purposes = choicesOf(form, 'purposes');
  const needs = Array.isArray(answers.dataNeeds) ? (answers.dataNeeds as DataNeed[]) : [];
  const blocks: PlanBlock[] = [heading('plan.headingDataToBeUsed')];
  if (needs.length === 0) blocks.push(missing(inputs, 'dataNeeds'));
  const scopeLines = (need: DataNeed): string[] => [
    `${say('plan.diseases')}: ${need.diseases?.join(', ') ?? say('plan.toBeWritten')}`,
    `${say('plan.patients')}: ${need.minPatients ? say('plan.patientCount', { count: need.minPatients.toLocaleString('en-US') }) : say('plan.toBeWritten')}`,
    `${say('plan.period')}: ${need.period ?? say('plan.toBeWritten')}`,
  ];
  // One answer about diseases, patients and period covers every data type; a reviewer reads it once, not per row.
  const shared = needs.length > 1 && new Set(needs.map((need) => scopeLines(need).join('\n'))).size === 1;
  for (const need of needs) {
    blocks.push({ kind: 'heading', level: 3, text: types.find((type) => type.id === need.type)?.[language] ?? need.type });
    blocks.push({ kind: 'bullets', items: [`${say('plan.description')}: ${need.description}`, ...(shared ? [] : scopeLines(need))] });
  }
  if (shared) {
    blocks.push({ kind: 'heading', level: 3, text: say('plan.scopeAllTheData') });
    blocks.push({ kind: 'bullets', items: scopeLines(needs[0]!) });
  }
  const chosen = Array.isArray(answers.purposes) ? (answers.purposes as string[]) : [];
  blocks.push(heading('plan.headingPurposes'));
  blocks.push(chosen.length > 0 ? { kind: 'bullets', items: chosen.map((id) => purposes.find((purpose) => purpose.id === id)?.[language] ?? id) } : missing(inputs, 'purposes'));
  blocks.push(heading('plan.headingMethods'), ...answerBlocks(inputs, 'methods'));
  if (typeof answers.methods === 'string') {
    blocks.push(suggest('plan.suggestAnalysePseudonymisedDataInside'));
  }
  blocks.push(heading('plan.headingSampleSizeRationale'));
  const sized = needs.filter((need) => need.minPatients);
  if (sized.length > 0) {
    blocks.push({ kind: 'bullets', items: sized.map((need) => `${types.find((type) => type.id === need.type)?.[language] ?? need.type}: ${say('plan.patientCountWithUnit', { count: need.minPatients!.toLocaleString('en-US') })}`) });
  } else blocks.push({ kind: 'missing', text: say('plan.toBeWrittenNumber') });
  blocks.push(suggest('plan.suggestSayWhyThisSize'));
  return blocks;
}

/** The user's answer verbatim; chat-style answers are marked for the user to polish. */
export function answerBlocks(inputs: PlanInputs, path: string): PlanBlock[] {
  const value = valueAt(inputs.answers, path);
  if (typeof value !== 'string' || value.trim() === '') return [missing(inputs, path)];
  const polished = inputs.polished?.[path];
  if (polished) return [{ kind: 'answer', text: polished }];
  if (!readsLikeChat(value, inputs.language)) return [{ kind: 'answer', text: value }];
  return [{ kind: 'answer', text: value }, { kind: 'note', text: textIn(inputs.language)('plan.chatStyleAnswer') }];
}

export function missing(inputs: PlanInputs, path: string): PlanBlock {
  const label = fieldByPath(inputs.form, path)?.label[inputs.language] ?? path;
  return { kind: 'missing', text: textIn(inputs.language)('plan.toBeWrittenField', { label }) };
}

function valueAt(answers: PartialAnswers, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), answers);
}
