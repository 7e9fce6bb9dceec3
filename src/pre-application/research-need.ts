import type { PartialAnswers } from './answers-schema.js';

interface DataNeedLike {
  type?: unknown;
  description?: unknown;
  diseases?: unknown;
  minPatients?: unknown;
}

/**
 * A draft's need in one line, for finding hospital teams: the title, each data need (type,
 * description, diseases, size) and the business. Staff's "팀 추천" and the applicant's top
 * three both use it, so they agree.
 */
export function describeResearchNeed(answers: PartialAnswers): string {
  const dataNeeds = (Array.isArray(answers.dataNeeds) ? (answers.dataNeeds as DataNeedLike[]) : []).map((need) =>
    [need.type, need.description, ...(Array.isArray(need.diseases) ? need.diseases : []), need.minPatients ? `${String(need.minPatients)}명` : undefined]
      .filter((part) => typeof part === 'string' && part !== '')
      .join(' '),
  );
  const business = (answers.company as { business?: unknown } | undefined)?.business;
  return [answers.title, ...dataNeeds, business].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
}
