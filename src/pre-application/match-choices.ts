import type { Choice } from './form-definition.js';

/**
 * Finds which fixed choices a free-text answer names, through the Korean and English
 * synonyms in the form file ("CT" → imaging, "인공지능 학습" → ai_development). Latin
 * synonyms must stand as words, so "CT" does not match inside "predict".
 */
export function matchChoices(text: string, choices: Choice[]): string[] {
  const found: { id: string; at: number }[] = [];
  for (const choice of choices) {
    const names = [choice.id, choice.ko, choice.en, ...choice.synonyms];
    const positions = names.map((name) => positionOf(text, name)).filter((at) => at >= 0);
    if (positions.length > 0) found.push({ id: choice.id, at: Math.min(...positions) });
  }
  const byNumber = numberedChoices(text, choices);
  const ids = [...found.sort((a, b) => a.at - b.at).map((entry) => entry.id), ...byNumber];
  const unique = [...new Set(ids)];
  return unique.length > 1 ? unique.filter((id) => id !== 'other') : unique;
}

/** "1, 3" or "1번 3번" refers to the numbered list shown with the question. */
function numberedChoices(text: string, choices: Choice[]): string[] {
  if (!/^[\s\d,;번.및and]+$/i.test(text)) return [];
  return [...text.matchAll(/\d+/g)]
    .map((match) => choices[Number(match[0]) - 1]?.id)
    .filter((id): id is string => id !== undefined);
}

function positionOf(text: string, name: string): number {
  if (/^[\x20-\x7e]+$/.test(name)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ _-]/g, '[ _-]?');
    const match = new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`, 'i').exec(text);
    return match ? match.index : -1;
  }
  return text.replace(/\s+/g, ' ').indexOf(name);
}

export function describeChoices(choices: Choice[], language: 'ko' | 'en'): string {
  return choices.map((choice, index) => `${index + 1}. ${choice[language]}`).join('\n');
}
