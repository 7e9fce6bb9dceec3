import { detectPersonalData } from './detect-personal-data.js';
import { personalDataLabel, type PersonalDataKind } from './personal-data-kinds.js';

export interface RedactionResult {
  text: string;
  /** Distinct kinds found, in order of first appearance; empty when nothing was found. */
  kinds: PersonalDataKind[];
}

/**
 * Replaces every identifier with its Korean label in brackets ("[주민등록번호]"), also in
 * English text: the brackets are tokens that later steps and the language model keep
 * intact, and they tell a reader what kind of thing was removed. `keep` leaves kinds the
 * user was asked for (the applicant's own contact e-mail in the research-plan form).
 */
export function redactPersonalData(text: string, keep: readonly PersonalDataKind[] = []): RedactionResult {
  const findings = detectPersonalData(text).filter((finding) => !keep.includes(finding.kind));
  const kinds: PersonalDataKind[] = [];
  let redacted = '';
  let position = 0;
  for (const finding of findings) {
    redacted += text.slice(position, finding.start) + `[${personalDataLabel(finding.kind, 'ko')}]`;
    position = finding.end;
    if (!kinds.includes(finding.kind)) kinds.push(finding.kind);
  }
  return { text: redacted + text.slice(position), kinds };
}
