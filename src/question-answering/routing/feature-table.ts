/**
 * The route classifier's vocabulary as an open-addressing table keyed by a hash of each feature's
 * characters, so a question's features are found from their parts (a prefix, a stretch of a word,
 * a second word) without making a string for each: that string and its lookup in a map of 16,000
 * features were most of classifying a question.
 */
export class FeatureTable {
  /**
   * Two numbers per slot: vocabulary index + 1 (0 is an empty slot), then the feature's finished
   * hash. At most half full. A probe compares the hash beside the index before reading the
   * feature's string, so a question's unknown features and collisions never touch the strings,
   * which lie scattered on the heap (a cache miss each while a burst of messages is answered).
   */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly features: readonly string[]) {
    let size = 2;
    while (size < features.length * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    features.forEach((feature, index) => {
      const hash = finish(hashRange(FNV_OFFSET, feature, 0, feature.length));
      let slot = hash & this.mask;
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = index + 1;
      this.slots[slot * 2 + 1] = hash;
    });
  }

  /** The index of the feature spelled `prefix` + source[start, end) (+ "_" + `second`), or -1. */
  indexOf(prefix: string, source: string, start: number, end: number, second?: string): number {
    let hash = hashRange(hashRange(FNV_OFFSET, prefix, 0, prefix.length), source, start, end);
    if (second !== undefined) hash = hashRange(step(hash, UNDERSCORE), second, 0, second.length);
    const length = prefix.length + (end - start) + (second === undefined ? 0 : 1 + second.length);
    const finished = finish(hash);
    for (let slot = finished & this.mask; this.slots[slot * 2] !== 0; slot = (slot + 1) & this.mask) {
      if (this.slots[slot * 2 + 1] !== finished) continue;
      const index = this.slots[slot * 2]! - 1;
      if (spells(this.features[index]!, length, prefix, source, start, end, second)) return index;
    }
    return -1;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const UNDERSCORE = 0x5f;

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

function hashRange(hash: number, text: string, start: number, end: number): number {
  for (let index = start; index < end; index += 1) hash = step(hash, text.charCodeAt(index));
  return hash;
}

/** A murmur-style finaliser: FNV alone leaves the low bits, which pick the slot, poorly mixed. */
function finish(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

function spells(feature: string, length: number, prefix: string, source: string, start: number, end: number, second: string | undefined): boolean {
  if (feature.length !== length) return false;
  let at = 0;
  for (let index = 0; index < prefix.length; index += 1, at += 1) if (feature.charCodeAt(at) !== prefix.charCodeAt(index)) return false;
  for (let index = start; index < end; index += 1, at += 1) if (feature.charCodeAt(at) !== source.charCodeAt(index)) return false;
  if (second === undefined) return true;
  if (feature.charCodeAt(at) !== UNDERSCORE) return false;
  at += 1;
  for (let index = 0; index < second.length; index += 1, at += 1) if (feature.charCodeAt(at) !== second.charCodeAt(index)) return false;
  return true;
}
