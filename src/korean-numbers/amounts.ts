/**
 * The one reader of money amounts, for the form (founders' answers and hand-made answer files),
 * the call-document reader (a new round's grant cap) and Q&A alike: "2천만원", "2000만", "0.2억",
 * "1억 2천만원", "3,500만 원", "5백만원", "50,000천원", "20,000,000", "KRW 20,000,000",
 * "20 million". Returns whole KRW, or undefined when the text holds no amount.
 */
const BIG_UNITS: [string, number][] = [['억', 100_000_000], ['만', 10_000]];
const SMALL_UNITS: Record<string, number> = { 천: 1000, 백: 100, 십: 10 };

export function parseAmountKrw(written: string): number | undefined {
  let text = written.replace(/[,\s]/g, '').replace(/^(KRW|₩|원화)/i, '').replace(/(원|KRW|won)$/i, '');
  const english = /^(\d+(?:\.\d+)?)(million|mil|m)$/i.exec(text);
  if (english) return Math.round(Number(english[1]) * 1_000_000);
  if (!/^[\d.천백십만억]+$/.test(text)) return undefined;
  let total = 0;
  for (const [unit, size] of BIG_UNITS) {
    const at = text.indexOf(unit);
    if (at < 0) continue;
    const section = parseSection(text.slice(0, at));
    if (section === undefined) return undefined;
    total += section * size;
    text = text.slice(at + 1);
  }
  if (text !== '') {
    const rest = parseSection(text);
    if (rest === undefined) return undefined;
    total += rest;
  }
  return total > 0 ? Math.round(total) : undefined;
}

/** A group below 만 or 억: "2천5백", "3500", "0.2", "천" (one thousand). */
function parseSection(section: string): number | undefined {
  if (section === '') return 1;
  if (/^\d+(\.\d+)?$/.test(section)) return Number(section);
  let value = 0;
  const pattern = /(\d+(?:\.\d+)?)?([천백십])|(\d+(?:\.\d+)?)$/gy;
  let consumed = 0;
  for (const match of section.matchAll(pattern)) {
    if (match.index !== consumed) return undefined;
    consumed += match[0].length;
    if (match[2]) value += Number(match[1] ?? '1') * SMALL_UNITS[match[2]]!;
    else value += Number(match[3]);
  }
  return consumed === section.length ? value : undefined;
}

/** The last amount written in a line, e.g. "데이터 가공비 2천만원" → the "2천만원" part. */
const AMOUNT_IN_TEXT =
  /(?:(?:KRW|₩)\s*)?(?:(?:\d[\d,]*(?:\.\d+)?\s*)?(?:억|천만|백만|십만|만|천|백)\s*)+(?:\d[\d,]*)?\s*(?:원|KRW|won)?|(?:(?:KRW|₩)\s*)?\d[\d,]*(?:\.\d+)?\s*(?:million|원|KRW|won)?/gi;

export function findAmount(line: string): { amountKrw: number; rest: string } | undefined {
  const matches = [...line.matchAll(AMOUNT_IN_TEXT)].filter((match) => /\d/.test(match[0]));
  for (const match of matches.reverse()) {
    const amountKrw = parseAmountKrw(match[0]);
    if (amountKrw === undefined) continue;
    const rest = (line.slice(0, match.index) + line.slice(match.index! + match[0].length)).trim();
    return { amountKrw, rest: rest.replace(/^[-:–—·\s]+|[-:–—·(\s]+$/g, '').trim() };
  }
  return undefined;
}

export function formatKrw(amount: number): string {
  return amount.toLocaleString('en-US');
}

/**
 * An amount as a sentence writes it, and as parseAmountKrw reads it back: 50000000 → "5천만 원" /
 * "50 million KRW". Korean counts in 천만 when the amount is a whole number of them.
 */
// A number format that parseAmountKrw must read back, so it stays next to the parser rather than in a catalog.
export function writeAmountIn(language: 'ko' | 'en', krw: number): string {
  if (language === 'en') return `${(krw / 1_000_000).toLocaleString('en-US')} million KRW`;
  const tenMillions = krw / 10_000_000;
  return Number.isInteger(tenMillions) ? `${tenMillions}천만 원` : `${krw.toLocaleString('ko-KR')}원`;
}

export interface AmountMention {
  krw: number;
  index: number;
  end: number;
}

// A call writes its amounts with 원 ("최대 5천만원", "1억 5천만 원", "50,000천원"); a bare number there is a date, a count or a page.
const WON_AMOUNT = /((?:\d[\d,]*(?:\.\d+)?\s*(?:억|천만|백만|십만|만|천|백)?\s*)+)원/g;

/** Every won amount in a line with its position, each read by parseAmountKrw. */
export function findWonAmounts(line: string): AmountMention[] {
  const mentions: AmountMention[] = [];
  for (const match of line.matchAll(WON_AMOUNT)) {
    const krw = parseAmountKrw(match[1]!);
    if (krw === undefined) continue;
    const leading = match[0].length - match[0].trimStart().length;
    mentions.push({ krw, index: match.index + leading, end: match.index + match[0].length });
  }
  return mentions;
}
