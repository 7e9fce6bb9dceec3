import type { TeamMatching } from './capabilities.js';
import type { Language, Reply } from './reply.js';

const PAGE = 5;
const LIMIT = 20;

/** Staff-facing list of candidate teams, five at a time, each with its reasons and assets. */
export async function matchReplies(matching: TeamMatching, need: string, offset: number, language: Language): Promise<Reply[]> {
  const matches = await matching.rankTeams(need, { top: LIMIT });
  const page = matches.slice(offset, offset + PAGE);
  if (page.length === 0) {
    return [{ staffOnly: true, text: language === 'ko' ? `"${need}"에 맞는 병원 팀을 찾지 못했습니다. 질환·데이터 종류를 바꿔 다시 시도해 보세요.` : `No hospital team matched "${need}". Try naming the disease or data type.` }];
  }
  const heading = language === 'ko'
    ? `*"${need}"에 대한 병원 연구팀 후보* (${offset + 1}–${offset + page.length}위, 샘플 카탈로그 기준 · 사업 담당자 확인 필요)`
    : `*Candidate hospital teams for "${need}"* (ranks ${offset + 1}–${offset + page.length}, from the sample catalog; to be confirmed by the program office)`;
  const body = page.map((match, index) => {
    const reasons = match.reasons.map((reason) => `    • ${reason}`).join('\n');
    const assets = match.assets.length > 0 ? `\n    ${language === 'ko' ? '자산' : 'Assets'}: ${match.assets.join('; ')}` : '';
    return `*${offset + index + 1}. ${match.hospital} — ${match.department}* (\`${match.teamId}\`, score ${match.score.toFixed(2)})\n${reasons}${assets}`;
  });
  const hasMore = matches.length > offset + PAGE;
  return [{
    staffOnly: true,
    text: [heading, ...body].join('\n\n'),
    buttons: hasMore
      ? [{ actionId: 'match_more', label: language === 'ko' ? '더 보기' : 'Show more', value: JSON.stringify({ need, offset: offset + PAGE }) }]
      : undefined,
  }];
}
