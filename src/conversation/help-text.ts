import type { Language } from '../messages/language.js';
import { textIn } from '../messages/messages.js';

/** The help, worded in knowledge/messages/{ko,en}/help.yaml; staff also see the staff-only lines. */
export function helpText(language: Language, isStaff: boolean, unknownCommand?: string): string {
  const t = textIn(language);
  return [
    unknownCommand ? t('help.unknownCommand', { command: unknownCommand }) : t('help.intro'),
    t('help.founderLines'),
    ...(isStaff ? [t('help.staffLines')] : []),
    t('help.footer'),
  ].join('\n');
}
