/**
 * Splits Korean/English text into script runs. Both the lexical ranker and the local embedder
 * build their features from these tokens, so a query and a document are always cut the same way.
 */
export type TokenKind = 'hangul' | 'latin' | 'number';

export interface Token {
  kind: TokenKind;
  text: string;
  /** True when only whitespace separates this token from the previous one (Korean spacing varies). */
  followsSpace: boolean;
}

const TOKEN_PATTERN = /(\p{Script=Hangul}+)|(\p{Script=Latin}+)|(\p{Nd}+(?:[.,]\p{Nd}+)*)/gu;

export function tokenizeMixedScript(text: string): Token[] {
  const normalised = text.normalize('NFC');
  const tokens: Token[] = [];
  let previousEnd = -1;
  // exec on one module-level pattern, not matchAll: matchAll copies the pattern and makes an
  // iterator for every call, and a question is cut several times (embedder, rankers, relevance).
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(normalised); match !== null; match = TOKEN_PATTERN.exec(normalised)) {
    const start = match.index;
    const followsSpace = previousEnd >= 0 && onlySpaceBetween(normalised, previousEnd, start);
    previousEnd = start + match[0].length;
    if (match[1]) {
      const word = stripKoreanEnding(match[1]);
      if (!KOREAN_QUESTION_WORDS.has(word)) tokens.push({ kind: 'hangul', text: word, followsSpace });
    }
    else if (match[2]) {
      const word = stemLatinWord(match[2].toLowerCase());
      if (!ENGLISH_STOPWORDS.has(word)) tokens.push({ kind: 'latin', text: word, followsSpace });
    } else if (match[3]) tokens.push({ kind: 'number', text: match[3].includes(',') ? match[3].replace(/,/g, '') : match[3], followsSpace });
  }
  return tokens;
}

/** Whether text[start, end) is whitespace only and not empty (/^\s+$/u), without slicing it out: mostly a single space. */
function onlySpaceBetween(text: string, start: number, end: number): boolean {
  if (end === start) return false;
  if (end === start + 1 && text.charCodeAt(start) === 0x20) return true;
  return /^\s+$/u.test(text.slice(start, end));
}

/**
 * Drops one trailing particle or question ending ("가명정보는" → "가명정보", "언제인가요" → "언제")
 * so chat phrasing does not add n-grams no document contains. Only endings that rarely finish a
 * noun are listed (not 이, 가, 의, 도), and at least two syllables always remain.
 */
export function stripKoreanEnding(word: string): string {
  for (const ending of ENDINGS_BY_LAST_SYLLABLE.get(word.at(-1) ?? '') ?? []) {
    if (word.length - ending.length >= 2 && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** Longest first, so "이라는" wins over "라는". */
const KOREAN_ENDINGS = [
  '이라는 인가요 입니까 습니까 합니까 됩니까 하나요 되나요 할까요 될까요 이에요 인지요',
  '에서는 에게는 으로는 까지는 부터는',
  '에서 에게 으로 까지 부터 처럼 보다 이란 라는 이나 인가 인지 인데 나요 까요 예요 에요 이요 이고 이며',
  '은 는 을 를 에',
]
  .join(' ')
  .split(' ');

/** The endings by their last syllable, each list in the order above: a word only tries those it could end with. */
const ENDINGS_BY_LAST_SYLLABLE = new Map<string, string[]>();
for (const ending of KOREAN_ENDINGS) ENDINGS_BY_LAST_SYLLABLE.set(ending.at(-1)!, [...(ENDINGS_BY_LAST_SYLLABLE.get(ending.at(-1)!) ?? []), ending]);

/**
 * Light stemming so inflections and British/American spellings meet:
 * pseudonymised, pseudonymized, pseudonymize → "pseudonymiz"; hospitals → "hospital".
 */
export function stemLatinWord(word: string): string {
  // Each pattern runs only on words that contain its fixed part (most words contain none).
  let stem = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (stem.includes('is')) stem = stem.replace(/is(ation|ations|e|ed|es|ing|er|ers)$/, 'iz$1');
  if (stem.includes('ization')) stem = stem.replace(/ization(s?)$/, 'ize$1');
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  if (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

/** Words that carry no topic; Korean particles need no list because n-grams absorb them. */
const ENGLISH_STOPWORDS = new Set(
  'a an the is are was were be been am do doe did can could will would should shall may might must i me my we our us you your it its he she they them their this that these those there here what which who whom whose when where why how of to in on at by for from with about as into and or but if not no so than then too very just also any all some such'
    .split(' ')
    .map(stemLatinWord),
);

/**
 * Whole words that shape a question rather than name its topic; dropping them keeps a chat
 * phrasing ("…쓸 수 있나요?") from lowering lexical coverage of an otherwise matching chunk.
 */
const KOREAN_QUESTION_WORDS = new Set(
  '무엇 무엇인가요 무엇입니까 뭐 뭔가요 뭐예요 뭐에요 어떻게 어떤 언제 어디 어디서 왜 누가 얼마 얼마나 있나요 있습니까 있어요 있을까요 되나요 됩니까 되나 돼요 될까요 인가요 입니까 하나요 합니까 해야 하나 할 수 알려주세요 알려줘 알려줘요 궁금합니다 궁금해요 주세요 좀 제가 저희 우리'.split(' '),
);
