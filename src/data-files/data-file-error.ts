/**
 * A staff-edited data file (program facts, the form, the catalog, the glossary) that cannot
 * be used. The message names the file, where in it, what is wrong and how to fix it.
 */
export interface DataFileProblem {
  /** Dotted path inside the file, e.g. "rounds.1.deadline". */
  path: string;
  line?: number;
  message: string;
}

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: DataFileProblem[],
    readonly fix: string,
  ) {
    super(
      [
        `${file}: ${problems.length} problem(s)`,
        ...problems.map((p) => `  ${p.line ? `line ${p.line}, ` : ''}${p.path || '(top level)'}: ${p.message}`),
        `  fix: ${fix}`,
      ].join('\n'),
    );
    this.name = 'DataFileError';
  }
}
