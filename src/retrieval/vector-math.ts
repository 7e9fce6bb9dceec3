/** Unit-length copy; cosine similarity of unit vectors is their dot product. */
export function toUnitVector(vector: ArrayLike<number>): Float32Array {
  let norm = 0;
  for (let index = 0; index < vector.length; index += 1) norm += vector[index]! * vector[index]!;
  norm = Math.sqrt(norm) || 1;
  const unit = new Float32Array(vector.length);
  for (let index = 0; index < vector.length; index += 1) unit[index] = vector[index]! / norm;
  return unit;
}

export function dotProduct(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += left[index]! * right[index]!;
  return sum;
}
