/**
 * The Korean particle that fits a word: "판교는", "성동구는", "GPU는", "인건비는" but "서울은",
 * "AWS는", "장비를". The choice depends on whether the word's last sound ends in a consonant
 * (batchim), so it is read from the final Hangul syllable, or from how a final Latin letter or
 * digit is read aloud ("L" 엘, "3" 삼). Where the sound cannot be told (a lower-case English
 * word), both forms are shown, as "cloud은(는)" was before.
 */
export type ParticlePair = '은/는' | '이/가' | '을/를' | '과/와' | '으로/로';

// Letter names with a final consonant: 엘, 엠, 엔, 알. Digits: 영, 일, 삼, 육, 칠, 팔, 십.
const LETTERS_WITH_BATCHIM = new Set(['L', 'M', 'N', 'R']);
const DIGITS_WITH_BATCHIM = new Set(['0', '1', '3', '6', '7', '8']);

/** `word` with the particle attached: withParticle('판교', '은/는') → "판교는". */
export function withParticle(word: string, pair: ParticlePair): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
  const sound = finalSound(word);
  if (sound === undefined) return pair === '으로/로' ? `${word}(으)로` : `${word}${afterConsonant}(${afterVowel})`;
  // 으로/로: a final ㄹ takes 로 ("서울로"), like a vowel.
  if (pair === '으로/로' && sound === 'rieul') return `${word}${afterVowel}`;
  return `${word}${sound === 'vowel' ? afterVowel : afterConsonant}`;
}

type FinalSound = 'vowel' | 'consonant' | 'rieul';

function finalSound(word: string): FinalSound | undefined {
  // "GPU 서버(장비)": a closing note in brackets is not read before the particle.
  const spoken = word.trim().replace(/\s*[([（][^)\]）]*[)\]）]$/, '').replace(/["'’”»」』.,!?\s]+$/, '');
  const last = spoken.at(-1);
  if (!last) return undefined;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const batchim = (code - 0xac00) % 28;
    return batchim === 0 ? 'vowel' : batchim === 8 ? 'rieul' : 'consonant';
  }
  if (/\d/.test(last)) return last === '1' || last === '7' || last === '8' ? 'rieul' : DIGITS_WITH_BATCHIM.has(last) ? 'consonant' : 'vowel';
  // Only an upper-case letter is read by its name (GPU, AWS, IRB); "cloud" could be read either way.
  if (/[A-Z]/.test(last) && /[A-Z]{2,}$/.test(spoken)) return last === 'L' || last === 'R' ? 'rieul' : LETTERS_WITH_BATCHIM.has(last) ? 'consonant' : 'vowel';
  return undefined;
}

/**
 * A name for a message template in either language: in Korean with its particle ("판교는"), in
 * English as it is. Templates in knowledge/messages take it as one placeholder ({placesTopic}).
 */
export function withParticleIn(language: 'ko' | 'en', word: string, pair: ParticlePair): string {
  return language === 'ko' ? withParticle(word, pair) : word;
}
