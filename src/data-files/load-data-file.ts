import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { DataFileError, type DataFileProblem } from './data-file-error.js';
import { cachedParse, rememberParse } from './parsed-data-cache.js';

/**
 * Reads a YAML or JSON file and validates it with a zod schema. Problems carry the dotted
 * path and, for YAML, the line, so staff can find the mistake in the file they edited.
 */
export function loadDataFile<T extends z.ZodType>(file: string, schema: T, fix: string): z.output<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, [{ path: '', message: `cannot read the file (${(error as Error).message})` }], fix);
  }
  return parseDataText(file, text, schema, fix);
}

export function parseDataText<T extends z.ZodType>(file: string, text: string, schema: T, fix: string): z.output<T> {
  const cached = cachedParse(file, text);
  if (cached !== undefined) {
    const fromCache = schema.safeParse(cached);
    // A file that fails its schema is parsed in full below, for the line numbers of its problems.
    if (fromCache.success) return fromCache.data;
  }
  const lineCounter = new LineCounter();
  const isJson = extname(file).toLowerCase() === '.json';
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      path: '',
      line: lineCounter.linePos(error.pos[0]).line,
      message: `${isJson ? 'JSON' : 'YAML'} syntax: ${error.message.split('\n')[0]}`,
    }));
    throw new DataFileError(file, problems, fix);
  }
  const value: unknown = document.toJS();
  const result = schema.safeParse(value);
  if (result.success) {
    rememberParse(file, text, value);
    return result.data;
  }
  const problems: DataFileProblem[] = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    return { path: path.join('.'), line: lineOf(document, lineCounter, issue.path), message: issue.message };
  });
  throw new DataFileError(file, problems, fix);
}

function lineOf(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: PropertyKey[],
): number | undefined {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const node = document.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
