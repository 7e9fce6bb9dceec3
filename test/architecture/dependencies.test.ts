import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, folderOf, readImportGraph } from './import-graph.js';

const edges = readImportGraph(fileURLToPath(new URL('../../src', import.meta.url)));
/** Adapters and composition: they may import any capability, and no capability may import them. */
const OUTER = new Set(['app', 'slack', 'cli', 'console', 'main.ts']);

/** The folder graph: one edge per import that leaves its folder. */
const folderEdges = edges.map((edge) => ({ from: folderOf(edge.from), to: folderOf(edge.to) })).filter((edge) => edge.from !== edge.to);

describe('dependencies point inward', () => {
  it('no capability imports app/, slack/, cli/ or console/ (type imports included)', () => {
    const outward = edges
      .filter((edge) => !OUTER.has(folderOf(edge.from)) && OUTER.has(folderOf(edge.to)))
      .map((edge) => `${edge.from} -> ${edge.to}`);
    expect(outward).toEqual([]);
  });

  it('conversation/ and pre-application/ no longer import each other both ways: the engine reaches the form through its port', () => {
    expect(edges.filter((edge) => folderOf(edge.from) === 'conversation' && folderOf(edge.to) === 'pre-application')).toEqual([]);
  });

  it('no cycle between folders, of any length (type imports included)', () => {
    expect(findCycles(folderEdges)).toEqual([]);
  });

  it('no cycle between files (type imports included)', () => {
    expect(findCycles(edges).map((group) => group.join(' '))).toEqual([]);
  });

  it('the cycle finder sees a cycle when there is one', () => {
    const cycles = findCycles([{ from: 'a.ts', to: 'b.ts' }, { from: 'b.ts', to: 'c.ts' }, { from: 'c.ts', to: 'a.ts' }, { from: 'c.ts', to: 'd.ts' }]);
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
