import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One relative import found in a source file under src/. */
export interface ImportEdge {
  from: string;
  to: string;
  /** `import type` / `export type`: erased by tsc, so it cannot create a runtime cycle. */
  typeOnly: boolean;
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Every relative import under `root`, with paths relative to it (e.g. `conversation/itda.ts`). */
export function readImportGraph(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const add = (specifier: string, typeOnly: boolean) => {
      const target = resolve(dirname(file), specifier.replace(/\.(m?)js$/, (_, m: string) => (m ? '.mjs' : '.ts')));
      edges.push({ from: relative(root, file), to: relative(root, target), typeOnly });
    };
    for (const match of text.matchAll(IMPORT)) add(match[2]!, Boolean(match[1]));
    for (const match of text.matchAll(DYNAMIC_IMPORT)) add(match[1]!, false);
  }
  return edges;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The top folder a file lives in (`conversation`), or the file itself at the top (`main.ts`). */
export function folderOf(path: string): string {
  return path.split('/')[0]!;
}

/** Strongly connected groups of more than one node (or a node importing itself): the cycles. */
export function findCycles(edges: Array<{ from: string; to: string }>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)!.add(to);
    if (!next.has(to)) next.set(to, new Set());
  }
  // Tarjan's algorithm, iterative over the (small) graph.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || next.get(node)!.has(node)) cycles.push(group.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}
