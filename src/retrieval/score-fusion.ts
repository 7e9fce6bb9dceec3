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
 * `limit` keeps only the best few: the scores are ranked as numbers and only the kept candidates
 * are copied with theirs (a copy of each of ~150 candidates was most of the fusion's cost).
 */
export function fuseScores<Candidate extends FusionCandidate>(candidates: Candidate[], limit = candidates.length): (Candidate & { score: number })[] {
  let vectorMin = Infinity;
  let vectorMax = -Infinity;
  let lexicalMax = 0;
  for (const candidate of candidates) {
    vectorMin = Math.min(vectorMin, candidate.vectorScore);
    vectorMax = Math.max(vectorMax, candidate.vectorScore);
    lexicalMax = Math.max(lexicalMax, candidate.lexicalScore);
  }
  const vectorRange = vectorMax - vectorMin;
  const scores = new Float64Array(candidates.length);
  for (let position = 0; position < candidates.length; position += 1) {
    const candidate = candidates[position]!;
    const vectorPart = vectorRange > 0 ? (candidate.vectorScore - vectorMin) / vectorRange : 0;
    const lexicalPart = lexicalMax > 0 ? candidate.lexicalScore / lexicalMax : 0;
    scores[position] = VECTOR_WEIGHT * vectorPart + LEXICAL_WEIGHT * lexicalPart;
  }
  // Only candidates scoring at least the limit-th best score can be kept: the numbers alone are
  // sorted natively to find it, and only those few are ranked with the id tie-break.
  const kept = Math.max(0, Math.min(limit, candidates.length));
  const threshold = kept === 0 ? Infinity : Float64Array.from(scores).sort()[candidates.length - kept]!;
  const order: number[] = [];
  for (let position = 0; position < candidates.length; position += 1) if (scores[position]! >= threshold) order.push(position);
  order.sort((left, right) => scores[right]! - scores[left]! || compareIds(candidates[left]!.id, candidates[right]!.id));
  const fused: (Candidate & { score: number })[] = [];
  for (let rank = 0; rank < kept; rank += 1) {
    const position = order[rank]!;
    // Object.assign, not `{ ...candidate, score }`: the spread followed by a key took 1.5 µs a hit (Node 20), assign a fifth of it.
    fused.push(Object.assign({}, candidates[position]!, { score: scores[position]! }));
  }
  return fused;
}

function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
