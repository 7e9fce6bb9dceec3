import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDataFile } from '../data-files/load-data-file.js';
import { detectLanguage } from '../messages/detect-language.js';

export const FUNDING_USES_FILE = 'funding-uses.yaml';
const BUNDLED = fileURLToPath(new URL(`../../knowledge/${FUNDING_USES_FILE}`, import.meta.url));

const usesSchema = z.object({
  uses: z.array(z.object({ ko: z.string().min(1), en: z.string().min(1), aliases: z.array(z.string().min(1)).min(1) })).min(1),
});
export type ListedUse = z.output<typeof usesSchema>['uses'][number];

export function loadFundingUses(knowledgeDir: string): ListedUse[] {
  const own = join(knowledgeDir, FUNDING_USES_FILE);
  return loadDataFile(existsSync(own) ? own : BUNDLED, usesSchema, 'each use needs ko, en and a list of aliases').uses;
}

// The grammar of "can we spend it on X?": what names the grant, and the verbs of spending.
const GRANT_WORDS_KO = /(사업화\s*지원금|지원금|사업비|그\s*돈|그거|그걸|그것|이거|이걸|돈)(으로도|으로|로도|로|에서|에서도|은|는|을|를|도|이)?/g;
const SPEND_TAIL_KO = /\s*(써도|쓸\s*수|쓸수|쓰는|써야|사용|집행|낼\s*수|낼수|내도|처리|사도|살\s*수|구매|구입|줘도|지급|충당|나가|나와|지출|지원\s*(돼|되|가능)|되나|돼|됨|가능)[\s\S]*$/;
// "그걸로 법률 자문 받아도 돼?": with the grant as the means, receiving a service is paying for it.
const RECEIVE_TAIL_KO = /\s*(받아도|받을\s*수|받는\s*(거|것))[\s\S]*$/;
const GRANT_AS_MEANS_KO = /(사업화\s*지원금|지원금|사업비|그\s*돈|그거|그걸|그것|이거|이걸|돈)(으로|로)(도)?(?=\s)/;
// An "item" that is a question word ("지원금 얼마 받을 수 있어?") names nothing to spend on.
const QUESTION_WORD_ITEM_KO = /^(얼마|몇|뭐|무엇|언제|어디|어떻게|누가|누구)/;
const SPEND_VERB_KO = /써도|쓸\s*수|쓸수|사용해도|집행|낼\s*수|낼수|구매|구입|사도|줘도/;
// "데이터 가공 외주 비용도 돼?": a cost named with "돼/되나/가능" asks whether the grant may pay it.
const COST_ALLOWED_KO = /(비용|경비|대금|요금|료|비)(도|은|는|이|가)?\s*(돼|되나|되요|돼요|될까|가능|인정)/;
const TRAILING_PARTICLE_KO = /(으로도|로도|에도|으로|에서|로|에|을|를|은|는|이|가|도|랑|이랑)$/;
const SPEND_EN = /\b(?:spend|use|put|pay|cover|covered|buy|purchase|hire|fund|allocate|allowed|eligible)\b/i;
const COVERED_EN = /^(?:is|are|can|could)\s+(.+?)\s+(?:covered|allowed|eligible|paid for|an eligible cost)\b/i;
const GRANT_WORDS_EN = /\b(the |our |this )?(grant|money|funding|funds|budget|support)\b|\b(it|them)\b/gi;

/**
 * The item a "can we spend the grant on X?" question names, in the founder's words, or
 * undefined when the question is not about spending on something in particular.
 */
export function spendingItem(question: string): string | undefined {
  const text = question.replace(/[?？!.]+\s*$/, '').trim();
  // "can we pay for 전문가 자문 with the grant?" is English grammar around a Korean name.
  if (detectLanguage(text) === 'ko') {
    const tail = GRANT_AS_MEANS_KO.test(text) && RECEIVE_TAIL_KO.test(text) && !SPEND_TAIL_KO.test(text.replace(RECEIVE_TAIL_KO, '')) ? RECEIVE_TAIL_KO : SPEND_TAIL_KO;
    if (!tail.test(text) || /어디(에다가|에다|에|다가|다)?\s*(써|쓸|사용)|무엇에|뭐에|어떤\s*(항목|비목)|사용처|(?<![가-힣])용도/.test(text)) return undefined;
    if (!new RegExp(GRANT_WORDS_KO.source).test(text) && !SPEND_VERB_KO.test(text) && !COST_ALLOWED_KO.test(text)) return undefined;
    const item = text.replace(tail, '').replace(GRANT_WORDS_KO, ' ').replace(/\s+/g, ' ').trim().replace(TRAILING_PARTICLE_KO, '').trim();
    return item.length >= 2 && !QUESTION_WORD_ITEM_KO.test(item) ? item : undefined;
  }
  if (!SPEND_EN.test(text) || /\bwhat\b|\bwhich\b|\bwhere\b/i.test(text)) return undefined;
  const covered = COVERED_EN.exec(text)?.[1];
  if (covered && !/^(it|this|that)$/i.test(covered)) return covered.replace(/\b(a|an|the|our)\b/gi, ' ').replace(/\s+/g, ' ').trim();
  const after = /\b(?:on|for|toward|towards)\s+(.+)$/i.exec(text)?.[1] ?? /\b(?:pay|cover|buy|purchase|hire)\s+(.+)$/i.exec(text)?.[1];
  if (!after) return undefined;
  const item = after.replace(/\b(with|using|from)\b.*$/i, '').replace(GRANT_WORDS_EN, ' ').replace(/\b(a|an|the|too|also|as well)\b/gi, ' ').replace(/\s+/g, ' ').trim();
  return item.length >= 2 ? item : undefined;
}

/** The listed use an item falls under, by the aliases staff keep in knowledge/funding-uses.yaml. */
export function listedUseFor(item: string, uses: ListedUse[]): ListedUse | undefined {
  const lower = item.toLowerCase();
  return uses.find((use) => use.aliases.some((alias) => (/[a-z]/i.test(alias) ? new RegExp(`\\b${alias.toLowerCase()}`).test(lower) : lower.includes(alias))));
}

const ABOUT_EN = /^(?:and |so |ok,? )?(?:what|how) about\s+(.+)$/i;
const ABOUT_KO = /^(?:그럼|그러면|그리고)?\s*(.+?)(?:은|는|도)(?:요)?$/;

/**
 * The item of a follow-up to a spending question: "what about GPUs?" after "what can the grant
 * pay for?", "그럼 장비는?" after "인건비로 써도 돼?".
 */
export function followUpSpendingItem(question: string): string | undefined {
  const text = question.replace(/[?？!.]+\s*$/, '').trim();
  const match = (detectLanguage(text) === 'ko' ? ABOUT_KO : ABOUT_EN).exec(text);
  const item = match?.[1]?.trim();
  return item && item.split(/\s+/).length <= 4 ? item : undefined;
}

/** Whether a question asks what the grant may be spent on (in general or on one thing). */
export function asksAboutSpending(question: string): boolean {
  return spendingItem(question) !== undefined || /사용처|(어디|뭐|무엇|무슨\s*\S+)(에다가|에다|에|다가|다)\s*(써|쓸|사용)|용도|pay for|spend|spent|used for|use it for|eligible cost/i.test(question);
}
