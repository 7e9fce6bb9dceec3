/** What the knowledge loop says to founders, in both languages (staff-facing text is Korean-first with English). */
export const FOUNDER_WORDING = {
  sent: {
    ko: (id: number) => `📨 이 질문을 사업 담당자에게 전달했습니다 (문의 #${id}). 답변이 오면 여기로 알려 드릴게요.`,
    en: (id: number) => `📨 I've passed this question to the program office (ticket #${id}); their answer will come here.`,
  },
  alreadySent: {
    ko: (id: number) => `이 질문은 이미 사업 담당자에게 전달되어 있습니다 (문의 #${id}). 답변이 오면 여기로 알려 드릴게요.`,
    en: (id: number) => `This question is already with the program office (ticket #${id}); their answer will come here.`,
  },
  notYours: {
    ko: '본인이 받은 답변만 담당자에게 보낼 수 있습니다. 궁금한 점을 직접 질문해 주세요.',
    en: 'You can only send your own answers to the program office. Please ask your question directly.',
  },
  gone: {
    ko: '이 답변은 보관 기간이 지나 찾을 수 없습니다. 질문을 다시 보내 주세요.',
    en: 'That answer is no longer stored. Please ask the question again.',
  },
  label: {
    ko: (name: string, date: string) => `*사업 담당자 답변 · ${name} · ${date}*`,
    en: (name: string, date: string) => `*Program office answer · ${name} · ${date}*`,
  },
  pointerLabel: {
    ko: (name: string, date: string) => `*사업 담당자 안내 · ${name} · ${date}* — 이미 있는 안내를 찾아 드렸습니다.`,
    en: (name: string, date: string) => `*Program office · ${name} · ${date}* — this is already covered here.`,
  },
  translated: {
    ko: '_담당자가 영어로 쓴 답변을 기계 번역했습니다._',
    en: '_Machine-translated from the program office’s Korean answer._',
  },
  otherLanguage: {
    ko: '_담당자가 영어로 답변했습니다._',
    en: '_The program office answered in Korean._',
  },
  askButton: { ko: '담당자에게 묻기', en: 'Ask the program office' },
} as const;
