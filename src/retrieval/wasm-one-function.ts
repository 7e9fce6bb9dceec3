/**
 * What int8-dot-products.ts and float-distances.ts share: each is one WebAssembly function of
 * five i32 parameters over an imported memory, written out as bytes so that no toolchain is
 * needed. This file holds the module around the function body, the instruction encodings both
 * bodies use, and the memory handling.
 */

const PAGE_BYTES = 65_536;

/** The part of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** The module of one function of type (i32 × 5) → () exported as `exportName`, importing env.memory. */
export function oneFunctionModule(exportName: string, body: number[]): Uint8Array {
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 5, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]), // type: (i32 × 5) → ()
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]), // import env.memory, at least 1 page
    ...section(3, [1, 0]), // one function of type 0
    ...section(7, [1, ...name(exportName), 0x00, 0]), // export it
    ...section(10, [1, ...leb128(body.length), ...body]),
  ]);
}

/** A fresh instance of `module` over its own memory of at least `bytes`, or undefined where WebAssembly (SIMD) is unavailable. */
export function instantiate(module: Uint8Array, exportName: string, bytes: number): { memory: WasmMemory; exported: unknown } | undefined {
  if (!wasm) return undefined;
  try {
    const memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE_BYTES)) });
    const instance = new wasm.Instance(new wasm.Module(module), { env: { memory } });
    return { memory, exported: instance.exports[exportName] };
  } catch {
    return undefined;
  }
}

/** Grows `memory` to hold at least `bytes` (in place: views over the old buffer must be made again). */
export function ensureMemory(memory: WasmMemory, bytes: number): void {
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES));
}

export const get = (local: number) => [0x20, local];
export const set = (local: number) => [0x21, local];
export const simd = (opcode: number) => [0xfd, ...leb128(opcode)];

function section(id: number, content: number[]): number[] {
  return [id, ...leb128(content.length), ...content];
}

function name(text: string): number[] {
  return [text.length, ...Array.from(text, (character) => character.charCodeAt(0))];
}

function leb128(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}
