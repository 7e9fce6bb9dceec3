import type { Language } from '../messages/language.js';

export function helpText(language: Language, isStaff: boolean, unknownCommand?: string): string {
  if (language === 'en') {
    return [
      ...(unknownCommand ? [`I don't know the command "${unknownCommand}". Here is what I can do:`] : ['*Itda (잇다)* connects Seoul bio startups, the program office and the medical-data hospitals.']),
      '• Ask anything about the joint research program: eligibility, deadlines, funding, hospital data, privacy rules (PIPA, DRB, IRB). Answers come with sources.',
      '• `/itda ask <question>` — ask in a channel',
      '• `/itda deadline` — the application deadline, counted from today',
      '• `/itda eligibility <your company>` — check eligibility, e.g. "founded 2019, Seongdong-gu, AI SME"',
      '• `/itda apply` — draft your research plan step by step (export to Markdown or Word)',
      '• `/itda plan` — your draft: status and export',
      '• `/itda forget` — delete what Itda keeps about you',
      '• When the documents do not answer, or you press *Ask the program office* or 👎, your question goes to the program office and their answer comes back here',
      '• `/itda subscribe` — a DM when a new round opens, reminders before the deadline (`/itda unsubscribe` stops them)',
      ...(isStaff ? ['• Share a call document (PDF, DOCX, HWPX) with me in a DM to add a new round (staff only)'] : []),
      ...(isStaff ? ['• `/itda match <need>` — candidate hospital teams for a startup (staff only)'] : []),
      ...(isStaff ? ['• Founders\' unanswered questions arrive as tickets in the staff channel; App Home shows the numbers and the staff answers (staff only)'] : []),
      '_General information, not legal or medical advice. Binding answers come from the program office._',
    ].join('\n');
  }
  return [
    ...(unknownCommand ? [`"${unknownCommand}"는 모르는 명령입니다. 할 수 있는 일은 다음과 같습니다:`] : ['*잇다(Itda)*는 서울 바이오 스타트업, 사업 담당자, 의료데이터 중심병원을 잇는 도우미입니다.']),
    '• 공동연구 프로젝트에 대해 무엇이든 물어보세요: 지원 자격, 마감, 지원금, 병원 데이터, 개인정보 규정(가명정보, DRB, IRB). 출처와 함께 답합니다.',
    '• `/itda ask <질문>` — 채널에서 질문하기',
    '• `/itda deadline` — 오늘 기준 신청 마감',
    '• `/itda eligibility <회사 정보>` — 지원 자격 확인 (예: "2019년 설립, 성동구, AI 중소기업")',
    '• `/itda apply` — 연구계획서 초안을 대화로 작성 (Markdown·Word 내보내기)',
    '• `/itda plan` — 내 초안 상태와 내보내기',
    '• `/itda forget` — 잇다가 보관한 내 대화·초안 삭제',
    '• 자료에 답이 없거나 *담당자에게 묻기*·👎를 누르면 질문이 사업 담당자에게 전달되고, 답변이 이 대화로 옵니다',
    '• `/itda subscribe` — 새 공고가 나오면 DM, 초안 작성 중이면 마감 전 알림 (`/itda unsubscribe`로 해제)',
    ...(isStaff ? ['• 공고문(PDF, DOCX, HWPX)을 DM으로 보내면 새 차수를 등록합니다 (담당자 전용)'] : []),
    ...(isStaff ? ['• `/itda match <수요>` — 스타트업에 맞는 병원 연구팀 후보 (담당자 전용)'] : []),
    ...(isStaff ? ['• 답하지 못한 질문은 담당자 채널에 문의로 올라오고, 앱 홈에서 현황과 담당자 답변을 관리합니다 (담당자 전용)'] : []),
    '_일반 정보이며 법률·의료 자문이 아닙니다. 확정 답변은 사업 담당자에게 확인하세요._',
  ].join('\n');
}
