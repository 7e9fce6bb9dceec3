/**
 * Recognises the questions Itda must not answer from the documents (attempts to steer it,
 * requests for medical advice, topics outside the program) and the ones answered from
 * knowledge/program.yaml (deadline dates, eligibility checks). Patterns, not a model, so the
 * offline path behaves the same every time and cannot be talked out of a refusal.
 */

const INJECTION = [
  /(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules?|guidelines?)/i,
  /(system|hidden|initial|developer)\s*(prompt|instructions?|message)/i,
  /(reveal|print|show|output|repeat|dump)\b.{0,40}\b(prompt|instructions?|configuration|config|api keys?|secrets?|internals?)/i,
  /developer mode|jailbreak|\bDAN\b|system override|you are now|pretend (to be|you are)|act as (an? )?(unrestricted|different)/i,
  /(이전|위의?|앞의?|기존)\s*(지시|명령|지침|프롬프트|규칙).{0,20}(무시|잊)/,
  /(시스템|숨겨진|내부)\s*(프롬프트|지시|지침|설정)/,
  /프롬프트.{0,20}(보여|출력|알려|공개)/,
  /(개발자|관리자|제한\s*없는)\s*모드|탈옥|API\s*키/i,
];

const MEDICAL_ADVICE = [
  /(무슨|어떤|무엇을?)\s*약|약을?\s*(먹|복용|써야)|먹여야|복용량|처방(해|받아야)|해열제|진통제|감기약|두통약/,
  /(아파요|아픈데|아프면|아파서|통증이|열이\s*(나|있)|기침이|토하|어지러)/,
  /(제|내|저의|우리\s*아이|아이|엄마|아빠|남편|아내)\s*(가|는|의)?\s*.{0,12}(증상|병|질환|진단|치료)/,
  /(which|what) (medicine|medication|drug|pill)s?\b|should i take|dosage|\bdose\b|prescri(be|ption) (for )?me/i,
  /\bi (have|feel|am having|got) (a |an )?(headache|fever|pain|cough|rash|chest pain|sore|cold|flu|nausea)/i,
  /(diagnose|treat) (me|my)\b|is it (cancer|serious)|my (symptoms?|child|baby|mother|father) .{0,30}(sick|fever|pain|hurts?)/i,
];

const EMERGENCY = /가슴이?\s*(아프|아픈|아파|통증|답답)|숨(이|을)?\s*(안|못|차)|의식|마비|chest pain|can'?t breathe|unconscious|stroke symptoms/i;

const OFF_TOPIC = [
  /날씨|기온|미세먼지|weather|forecast|temperature/i,
  /주식|코인|비트코인|투자\s*종목|환율|stocks?\b|crypto|bitcoin|shares to buy|exchange rate/i,
  /레시피|요리|끓이|맛집|recipe|cook(ing)?\b|restaurant/i,
  /축구|야구|농구|경기\s*결과|football|soccer|baseball|basketball|match last night|who won/i,
  /(python|javascript|java|c\+\+|sql|typescript)\b.{0,40}(function|code|script|program)|(write|give) me (a |some )?(code|function|script)|linked list|코드\s*(짜|작성)|코딩/i,
  /로또|lottery|horoscope|운세|연애|dating|영화\s*추천|movie recommendation|노래|song lyrics|joke|농담/i,
  /대통령|국무총리|선거|수도(는|가)\s|capital of|president of|prime minister|\belections?\b|번역해\s*줘|translate (this|the following)/i,
];

export function looksLikeInjection(question: string): boolean {
  return INJECTION.some((pattern) => pattern.test(question));
}

export function looksLikeMedicalAdvice(question: string): { advice: boolean; emergency: boolean } {
  const advice = MEDICAL_ADVICE.some((pattern) => pattern.test(question));
  return { advice, emergency: advice && EMERGENCY.test(question) };
}

export function looksOffTopic(question: string): boolean {
  return OFF_TOPIC.some((pattern) => pattern.test(question));
}

const DEADLINE_WORDS = /마감|deadline|d-?day|d-\d|며칠\s*남|남은\s*(기간|날)|언제까지|days? (are )?left|until when|closing date|(지금|아직|오늘|현재).{0,12}(신청|지원|접수)|(신청|지원|접수).{0,12}(지금|아직|오늘|현재)|(still|now|today).{0,20}(apply|open)|(apply|open).{0,20}(still|now|today)|(can|may) (i|we) (still )?apply\??$/i;
const NOT_ABOUT_THE_DEADLINE = /처음|시작|개시|first|begin|did .{0,20} open|opening|announce|공고가|how old|설립|founded|자격|eligib|대상|누가|who can/i;

/**
 * "마감까지 며칠 남았어?", "Can I still apply?": answered from program.yaml against today. A
 * question about another year's round (2024, 2026) goes to the documents instead.
 */
export function isDeadlineQuestion(question: string, latestRoundYear: string): boolean {
  if (!DEADLINE_WORDS.test(question) || NOT_ABOUT_THE_DEADLINE.test(question)) return false;
  const years = question.match(/(?<!\d)20\d{2}(?!\d)/g) ?? [];
  return years.every((year) => year === latestRoundYear);
}

const ELIGIBILITY_INTENT = /자격|대상|지원\s*(할|하려|가능|되|돼)|신청\s*(할|하려|가능|되|돼)|되나요|될까요|되나|돼요|괜찮|가능(한가요|할까요|해요|한지)|eligib|qualif|\bapply\b|can (we|i)\b|are we|is (it|that) ok/i;
const RULES_QUESTION = /^(지원|신청)?\s*자격(이|은|요)?\s*(어떻게|뭐|무엇|알려)|^(지원|신청)\s*대상(이|은)?\s*(어떻게|뭐|누구)|누가\s*(지원|신청)할\s*수|^who (is eligible|can apply)\??$|^(what are the )?eligibility (rules|criteria|requirements)\??$/i;

/** Company facts with a question about them, or the bare facts of `/itda eligibility <facts>`. */
export function asksForEligibilityCheck(question: string): boolean {
  return ELIGIBILITY_INTENT.test(question) || !/[?？]/.test(question);
}

export function asksForEligibilityRules(question: string): boolean {
  return RULES_QUESTION.test(question);
}

const FORMAT_DETAILS = /(몇|최대|최소)\s*(쪽|페이지|장)|분량|글자\s*수|글꼴|폰트|page (limit|count)|how many pages|word (limit|count)|font|부가가치세|부가세|\bVAT\b|세금|\btax(es)?\b|계좌|bank account|정산|증빙|영수증|settlement|receipts?\b|invoice/i;

/**
 * A detail of form or money the question hinges on (page limit, VAT). When no retrieved passage
 * mentions it, the documents do not answer the question, however close the rest of it matches.
 */
export function detailTermsAsked(question: string): string[] {
  return [...question.matchAll(new RegExp(FORMAT_DETAILS.source, 'gi'))].map((match) => match[0]);
}
