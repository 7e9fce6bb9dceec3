/**
 * The n best positions by score (ties to the lower position) among `candidates`, using a
 * bounded min-heap: the lexical ranker may touch most of a 30,000-document corpus, and sorting
 * all of it per query would cost more than the scoring itself.
 */
export function topPositions(candidates: ArrayLike<number>, scores: Float64Array, n: number, accept?: (position: number) => boolean): number[] {
  if (n <= 0) return [];
  const heap: number[] = [];
  // "worse" = lower score, or equal score and higher position; the heap root is the worst kept.
  const worse = (left: number, right: number) => scores[left]! < scores[right]! || (scores[left] === scores[right] && left > right);
  for (let index = 0; index < candidates.length; index += 1) {
    const position = candidates[index]!;
    if (heap.length === n && !worse(heap[0]!, position)) continue;
    if (accept && !accept(position)) continue;
    if (heap.length < n) {
      heap.push(position);
      siftUp(heap, heap.length - 1, worse);
    } else {
      heap[0] = position;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((left, right) => (worse(left, right) ? 1 : worse(right, left) ? -1 : 0));
}

function siftUp(heap: number[], index: number, worse: (left: number, right: number) => boolean): void {
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!worse(heap[index]!, heap[parent]!)) return;
    [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
    index = parent;
  }
}

function siftDown(heap: number[], index: number, worse: (left: number, right: number) => boolean): void {
  for (;;) {
    const left = 2 * index + 1;
    const right = left + 1;
    let worst = index;
    if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
    if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
    if (worst === index) return;
    [heap[index], heap[worst]] = [heap[worst]!, heap[index]!];
    index = worst;
  }
}
