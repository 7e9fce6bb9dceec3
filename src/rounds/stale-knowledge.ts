import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldChange } from './program-yaml-change.js';

/**
 * The hand-written knowledge files still stating what the new round changes (the old
 * founding-age limit, "no later round has been announced"). Approval does not rewrite staff's
 * prose; it names the files so staff can update them.
 */
export function staleKnowledgeFiles(knowledgeDir: string, changes: FieldChange[], roundId: string): string[] {
  const patterns: RegExp[] = [/공고된 적이 없|No later round had been announced/];
  const founding = changes.find((change) => change.path === 'eligibility.max_years_since_founding');
  if (founding?.before) patterns.push(new RegExp(`(창업|설립|업력)[^\\n]{0,8}${founding.before}년\\s*(이내|이하)|(within|no more than|at most) ${founding.before} years`));
  let names: string[];
  try {
    names = readdirSync(knowledgeDir).filter((name) => name.endsWith('.md') && !name.startsWith(`round-${roundId}`)).sort();
  } catch {
    return [];
  }
  return names.filter((name) => {
    const text = readFileSync(join(knowledgeDir, name), 'utf8');
    return patterns.some((pattern) => pattern.test(text));
  }).map((name) => `knowledge/${name}`);
}
