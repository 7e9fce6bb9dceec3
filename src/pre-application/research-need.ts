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
    [need.type, withoutCounts(need.description), ...(Array.isArray(need.diseases) ? need.diseases : []), need.minPatients ? `${String(need.minPatients)}명` : undefined]
      .filter((part) => typeof part === 'string' && part !== '')
      .join(' '),
  );
  const business = (answers.company as { business?: unknown } | undefined)?.business;
  return [withoutCounts(answers.title), ...dataNeeds, withoutCounts(business)].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
}

/**
 * Counts in free text ("약 3만건" of records, "직원 14명") are not a patient minimum; only the
 * form's own patient-count answer is passed on as one.
 */
function withoutCounts(text: unknown): unknown {
  return typeof text === 'string' ? text.replace(/(?:약|총|최소)?\s*\d[\d,.]*\s*(?:만|천)?\s*(?:명|건|례|patients|cases|subjects|records|people)?/g, ' ').replace(/\s{2,}/g, ' ').trim() : text;
}
