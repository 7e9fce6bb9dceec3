import { get, instantiate, oneFunctionModule, set, simd, type WasmMemory } from './wasm-one-function.js';

/**
 * hnswlib's cosine distance (1 - float32 inner product) of float32 rows with a query, many rows
 * per call, in WebAssembly SIMD, bit for bit as hnswlib-node computes it. Its addon is built
 * without -mavx (SSE only), so for a dimension that is a multiple of 16 hnswlib runs
 * InnerProductSIMD16ExtSSE: four float32 lanes, lane i summing the products of dimensions
 * i, i + 4, i + 8, … in order (each product and each sum rounded to float32), then
 * ((lane 0 + lane 1) + lane 2) + lane 3, then 1.0f minus that. WebAssembly's f32x4.mul and
 * f32x4.add round each lane exactly as SSE's mulps and addps do, so the same order gives the
 * same bits. The module is one function, written out as bytes as int8-dot-products.ts is:
 *
 *   (func (export "distances") (param $rows i32) (param $query i32) (param $dimension i32) (param $out i32) (param $count i32)
 *     ;; for k in 0..count: out[k] = 1 - Σ rows[k × dimension + j] × query[j] (f32, 4 lanes, in hnswlib's order)
 *   )
 *
 * over an imported memory; offsets in bytes, rows and query float32, out float32. Rows are
 * scored four at a time: `count` must be a multiple of 4 (pad with zero rows).
 */
export interface FloatDistances {
  memory: WasmMemory;
  distances(rows: number, query: number, dimension: number, out: number, count: number): void;
}

/** A fresh instance over its own memory of at least `bytes`, or undefined where WebAssembly SIMD is unavailable. */
export function createFloatDistances(bytes: number): FloatDistances | undefined {
  const made = instantiate(MODULE_BYTES, 'distances', bytes);
  return made && { memory: made.memory, distances: made.exported as FloatDistances['distances'] };
}

/**
 * The query as hnswlib-node's searchKnn makes it for the cosine space: each value cast to
 * float32, then divided by the float32 norm summed in order (normalizePoint in its addon.cc).
 * A double operation rounded once to float32 equals the float32 operation for +, ×, ÷ and √.
 */
export function normalizedAsHnswlib(vector: ArrayLike<number>, into: Float32Array): void {
  const fround = Math.fround;
  let sum = 0;
  for (let index = 0; index < into.length; index += 1) {
    const value = fround(vector[index]!);
    into[index] = value;
    sum = fround(sum + fround(value * value));
  }
  const norm = fround(Math.sqrt(Math.abs(sum)));
  if (norm > 0) for (let index = 0; index < into.length; index += 1) into[index] = fround(into[index]! / norm);
}

// Locals: 0 rows, 1 query, 2 dimension, 3 out, 4 count, 5 k, 6 row start, 7 j (bytes), 8 row bytes, 9 address,
// 10 two rows' bytes, 11 three rows' bytes; v128: 12 query lanes, 13–16 the four rows' sums.
const V128_LOAD = [...simd(0x00), 0x00, 0x00];
const F32X4_ADD = simd(0xe4);
const F32X4_MUL = simd(0xe6);
const extractLane = (lane: number) => [...simd(0x1f), lane];
const F32_ADD = 0x92;
const F32_SUB = 0x93;
const F32_ONE = [0x43, 0x00, 0x00, 0x80, 0x3f];
const ZERO_V128 = [...simd(0x0c), ...new Array<number>(16).fill(0)];
/** sum(row) += row bytes at `address` (+ `plus`, a local holding a byte count) × the query's lanes. */
const accumulate = (sum: number, plus?: number) => [...get(sum), ...get(9), ...(plus === undefined ? [] : [...get(plus), 0x6a]), ...V128_LOAD, ...get(12), ...F32X4_MUL, ...F32X4_ADD, ...set(sum)];
/** out[k + row] = 1 - ((lane 0 + lane 1) + lane 2) + lane 3 of that row's sum. */
const store = (row: number, sum: number) => [
  ...get(3), ...get(5), 0x41, 2, 0x74, 0x6a, // out + k × 4
  ...F32_ONE,
  ...get(sum), ...extractLane(0), ...get(sum), ...extractLane(1), F32_ADD, ...get(sum), ...extractLane(2), F32_ADD, ...get(sum), ...extractLane(3), F32_ADD,
  F32_SUB,
  0x38, 2, row * 4, // f32.store at offset row × 4
];

// Four rows at a time, each summed in hnswlib's order: independent sums keep the adds from
// waiting on one another (one row at a time took 30 µs for 248 rows, bound by the adds' latency).
const BODY = [
  0x02, 0x07, 0x7f, 0x05, 0x7b, // locals: 7 × i32, 5 × v128
  ...get(2), 0x41, 2, 0x74, ...set(8), // row bytes = dimension × 4
  ...get(8), 0x41, 1, 0x74, ...set(10), // two rows' bytes
  ...get(10), ...get(8), 0x6a, ...set(11), // three rows' bytes
  0x02, 0x40, // block
  0x03, 0x40, // loop over k, four rows at a time
  ...get(5), ...get(4), 0x4f, 0x0d, 1, // k >= count: leave the block
  ...get(0), ...get(5), ...get(8), 0x6c, 0x6a, ...set(6), // row start = rows + k × row bytes
  ...ZERO_V128, ...set(13), ...ZERO_V128, ...set(14), ...ZERO_V128, ...set(15), ...ZERO_V128, ...set(16),
  0x41, 0, ...set(7), // j = 0
  0x03, 0x40, // loop over j
  ...get(1), ...get(7), 0x6a, ...V128_LOAD, ...set(12), // query[j..j+4]
  ...get(6), ...get(7), 0x6a, ...set(9), // address of row k at j
  ...accumulate(13), ...accumulate(14, 8), ...accumulate(15, 10), ...accumulate(16, 11),
  ...get(7), 0x41, 16, 0x6a, 0x22, 7, ...get(8), 0x49, 0x0d, 0, // j += 16 bytes; j < row bytes: again
  0x0b, // end loop over j
  ...store(0, 13), ...store(1, 14), ...store(2, 15), ...store(3, 16),
  ...get(5), 0x41, 4, 0x6a, ...set(5), // k += 4
  0x0c, 0, // again
  0x0b, // end loop over k
  0x0b, // end block
  0x0b, // end function
];

const MODULE_BYTES = oneFunctionModule('distances', BODY);
