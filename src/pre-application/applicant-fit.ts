import type { Language } from '../messages/language.js';
import { textIn } from '../messages/messages.js';
import type { DataNeed, PartialAnswers } from './answers-schema.js';
import { choicesOf, type FormDefinition } from './form-definition.js';
import type { SuggestedTeam } from './plan-blocks.js';

/**
 * What an applicant is shown from the matching service: which of their data types hospitals
 * hold and which consortia fit, with the reasons. Team names from the catalog are for program
 * staff (and are sample data today), so they never reach an applicant.
 */
export interface ApplicantFit {
  dataTypes: { label: string; held: boolean }[];
  consortia: { name: string; reasons: string[] }[];
}

export function applicantFit(teams: SuggestedTeam[], answers: PartialAnswers, form: FormDefinition, language: Language): ApplicantFit {
  const types = choicesOf(form, 'dataTypes');
  const needs = Array.isArray(answers.dataNeeds) ? (answers.dataNeeds as DataNeed[]) : [];
  const heldTypes = new Set(teams.flatMap((team) => team.assetTypes ?? []));
  const dataTypes = [...new Set(needs.map((need) => need.type))].map((type) => ({
    label: types.find((choice) => choice.id === type)?.[language] ?? type,
    held: heldTypes.has(type),
  }));
  const consortia = new Map<string, string[]>();
  for (const team of teams) {
    const name = team.consortium ?? team.hospital;
    const reasons = consortia.get(name) ?? [];
    for (const reason of team.reasons.map((text) => withoutTeamName(text, team))) if (!reasons.includes(reason)) reasons.push(reason);
    consortia.set(name, reasons);
  }
  return { dataTypes, consortia: [...consortia].map(([name, reasons]) => ({ name, reasons: reasons.slice(0, 3) })) };
}

/** A reason may quote the team ("뇌졸중 영상 연구팀 보유"); the applicant sees it without the team's name. */
function withoutTeamName(reason: string, team: SuggestedTeam): string {
  return team.department ? reason.split(team.department).join('').replace(/\s{2,}/g, ' ').trim() : reason;
}

export function applicantFitLines(fit: ApplicantFit, language: Language): string[] {
  if (fit.consortia.length === 0) return [];
  const say = textIn(language);
  return [
    say('form.fitTitle'),
    ...fit.dataTypes.map((type) => say(type.held ? 'form.fitDataType' : 'form.fitDataTypeUnknown', { type: type.label })),
    ...fit.consortia.map((consortium) => say('form.fitConsortium', { name: consortium.name, reasons: consortium.reasons.join('; ') })),
  ];
}
