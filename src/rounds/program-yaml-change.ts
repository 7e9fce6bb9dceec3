import { isSeq, parse, parseDocument } from 'yaml';
import { programFactsSchema } from '../program/program-facts.js';
import type { RoundProposal } from './round-proposal.js';
import type { CallFactField } from './call-facts.js';
import type { Language } from '../messages/language.js';
import { text as messageText } from '../messages/messages.js';
import { fieldLabel } from './round-wording.js';

/** One line of the review diff: a value in program.yaml before and after approval. */
export interface FieldChange {
  path: string;
  before?: string | number | null;
  after: string | number | null;
  /** The call's sentence the new value came from. */
  sentence?: string;
}

export type ProgramYamlChange = { ok: true; text: string; changes: FieldChange[] } | { ok: false; problem: string };

/**
 * program.yaml with the proposed round added (or a round of the same id replaced), the program's
 * cap and founding-age limit updated when the call states them, and the result validated by the
 * same schema the app loads it with. Comments and layout of the staff's file are kept.
 * A problem is in the reader's language; `correctWith` says how they correct a field (the
 * Edit button in Slack and the terminal, `--set` for the CLI).
 */
export function changeProgramYaml(currentText: string, proposal: RoundProposal, today: string, language: Language, correctWith = messageText(language, 'rounds.correctWithEdit')): ProgramYamlChange {
  const { id, opens, deadline, capKrw, slots } = proposal.round;
  const needed = (['round.id', 'round.opens', 'round.deadline'] as const).filter((field) => proposal.missing.includes(field));
  if (!id || !opens || !deadline) {
    const fields = needed.map((field) => fieldLabel(field, language)).join(', ');
    return { ok: false, problem: messageText(language, 'rounds.problemMissingFacts', { fields, names: needed.map((field) => field.replace(/^round\./, '')).join(', '), how: correctWith }) };
  }
  const document = parseDocument(currentText);
  const current = programFactsSchema.safeParse(parse(currentText));
  if (!current.success) return { ok: false, problem: messageText(language, 'rounds.problemProgramInvalid') };
  const sentence = (field: CallFactField) => proposal.facts.find((fact) => fact.field === field)?.sentence;
  const existing = current.data.rounds.findIndex((round) => round.id === id);
  const previous = existing >= 0 ? current.data.rounds[existing] : undefined;
  const round = {
    id,
    name: { ko: `${id}년 공동연구 프로젝트`, en: `${id} joint research call` },
    opens,
    deadline,
    ...(slots ? { companies_selected: slots } : {}),
    funding_cap_krw: capKrw,
    sources: [proposal.source],
    confidence: 'high' as const,
  };
  const rounds = document.get('rounds');
  if (!isSeq(rounds)) return { ok: false, problem: messageText(language, 'rounds.problemNoRounds') };
  if (existing >= 0) rounds.set(existing, document.createNode(round));
  else rounds.add(document.createNode(round));
  const changes: FieldChange[] = [
    { path: `rounds[${id}].opens`, before: previous?.opens, after: opens, sentence: sentence('round.opens') },
    { path: `rounds[${id}].deadline`, before: previous?.deadline, after: deadline, sentence: sentence('round.deadline') },
    { path: `rounds[${id}].funding_cap_krw`, before: previous?.funding_cap_krw, after: capKrw, sentence: sentence('round.capKrw') },
    { path: `rounds[${id}].companies_selected`, before: previous?.companies_selected, after: slots, sentence: sentence('round.slots') },
  ];
  if (capKrw && capKrw !== current.data.funding.cap_krw) {
    document.setIn(['funding', 'cap_krw'], capKrw);
    changes.push({ path: 'funding.cap_krw', before: current.data.funding.cap_krw, after: capKrw, sentence: sentence('round.capKrw') });
  }
  const limit = proposal.eligibility.maxYearsSinceFounding;
  if (limit && limit !== current.data.eligibility.max_years_since_founding) {
    document.setIn(['eligibility', 'max_years_since_founding'], limit);
    changes.push({ path: 'eligibility.max_years_since_founding', before: current.data.eligibility.max_years_since_founding, after: limit, sentence: sentence('eligibility.maxYearsSinceFounding') });
  }
  // as_of never moves back (a clock pinned in the past, a re-run of an old approval).
  if (today > current.data.as_of) document.set('as_of', today);
  const text = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  const checked = programFactsSchema.safeParse(parse(text));
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return { ok: false, problem: messageText(language, 'rounds.problemProposedInvalid', { path: issue.path.join('.'), issue: issue.message, how: correctWith }) };
  }
  return { ok: true, text, changes };
}
