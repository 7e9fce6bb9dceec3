export interface FusionCandidate {
  id: string;
  vectorScore: number;
  lexicalScore: number;
}

/** Equal say for meaning (vectors) and wording (n-grams); tune with eval/ before changing. */
const VECTOR_WEIGHT = 0.5;
const LEXICAL_WEIGHT = 0.5;

/**
 * Relative score fusion: each signal is rescaled over this query's candidates (vectors min–max,
 * lexical by its best, so "no shared term" stays zero) and the two are summed. Unlike
 * reciprocal-rank fusion it keeps how far ahead a clear winner is. Ties go to the smaller id.
 */
export function fuseScores<Candidate extends FusionCandidate>(candidates: Candidate[]): (Candidate & { score: number })[] {
  let vectorMin = Infinity;
  let vectorMax = -Infinity;
  let lexicalMax = 0;
  for (const candidate of candidates) {
    vectorMin = Math.min(vectorMin, candidate.vectorScore);
    vectorMax = Math.max(vectorMax, candidate.vectorScore);
    lexicalMax = Math.max(lexicalMax, candidate.lexicalScore);
  }
  const vectorRange = vectorMax - vectorMin;
  return candidates
    .map((candidate) => {
      const vectorPart = vectorRange > 0 ? (candidate.vectorScore - vectorMin) / vectorRange : 0;
      const lexicalPart = lexicalMax > 0 ? candidate.lexicalScore / lexicalMax : 0;
      return { ...candidate, score: VECTOR_WEIGHT * vectorPart + LEXICAL_WEIGHT * lexicalPart };
    })
    .sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
}
