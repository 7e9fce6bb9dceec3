import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Logger } from '../observability/logger.js';
import { DataFileError } from './data-file-error.js';
import { fingerprint, listFiles } from './data-file-fingerprint.js';
import type { DataFileKind, DataFileProblemReport, DataFileStatus } from './data-file-kind.js';
import type { LastGoodCopies } from './last-good-copy.js';

/**
 * One staff-edited kind of file in service. An edit is read and validated whole; only a value
 * that passed goes into service, in one assignment, so a reader sees the old value or the new,
 * never a mix. A broken edit leaves the last good value in service and the problem in the
 * status (file, line, how to fix) until a later edit fixes it.
 */
export class LiveDataFile<T> {
  private held?: { value: T };
  /** The loader's own error for the last failed read: the start reports it in full. */
  private lastError?: unknown;
  private seen?: string;
  private state: DataFileStatus;

  constructor(
    readonly spec: DataFileKind<T>,
    private readonly copies: LastGoodCopies,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.state = { kind: spec.kind, files: spec.files, state: 'unavailable' };
  }

  /** The value in service. Throws the file's own problem only when no good copy was ever read (an optional kind). */
  get current(): T {
    if (this.held) return this.held.value;
    throw this.unavailableError();
  }

  get available(): boolean {
    return this.held !== undefined;
  }

  status(): DataFileStatus {
    return { ...this.state };
  }

  /** Reads the files if they changed since the last look; true when a new value went into service. */
  async refresh(atStart = false): Promise<boolean> {
    const { spec } = this;
    const files = listFiles(spec.root, spec.includes);
    const print = fingerprint(spec.root, files);
    if (print === this.seen) return false;
    this.seen = print;
    try {
      const value = await spec.load(spec.root);
      const loadedAt = this.now().toISOString();
      this.held = { value };
      this.state = { kind: spec.kind, files: spec.files, state: 'ok', loadedAt, servedFrom: 'file' };
      this.copies.save(spec.kind, spec.root, files, loadedAt, print);
      if (!atStart) this.logger.info({ kind: spec.kind, files: spec.files }, 'staff data file reloaded');
      return true;
    } catch (error) {
      this.lastError = error;
      const problem = this.report(error);
      if (!this.held && atStart && (await this.useSavedCopy(problem))) return true;
      this.state = { ...this.state, state: this.held ? 'last-good-kept' : 'unavailable', problem };
      this.logger.warn(
        { kind: spec.kind, file: problem.file, line: problem.line, problem: problem.message, fix: problem.fix },
        this.held ? 'staff data file edit not applied; the last good copy stays in service' : 'staff data file unusable and no good copy to fall back on',
      );
      return false;
    }
  }

  /** Why a required kind stops the start: the loader's own error (every problem, with the file's path). */
  startError(): DataFileError {
    return this.lastError instanceof DataFileError ? this.lastError : this.unavailableError();
  }

  /** The problem as staff see it (file named relative to its folder), for a use of a kind with no good copy. */
  unavailableError(): DataFileError {
    const problem = this.state.problem;
    return new DataFileError(
      problem?.file ?? this.spec.files,
      [{ path: '', line: problem?.line, message: problem?.message ?? 'not read yet' }],
      problem?.fix ?? this.spec.fix,
    );
  }

  private async useSavedCopy(problem: DataFileProblemReport): Promise<boolean> {
    const saved = this.copies.find(this.spec.kind, this.spec.root);
    if (!saved) return false;
    try {
      this.held = { value: await this.spec.load(saved.root) };
    } catch {
      return false;
    }
    this.state = { kind: this.spec.kind, files: this.spec.files, state: 'last-good-kept', loadedAt: saved.loadedAt, servedFrom: 'saved-copy', problem };
    this.logger.warn(
      { kind: this.spec.kind, file: problem.file, line: problem.line, problem: problem.message, fix: problem.fix, copyFrom: saved.loadedAt },
      'staff data file unusable at start; serving the last good copy saved earlier',
    );
    return true;
  }

  private report(error: unknown): DataFileProblemReport {
    const since = this.now().toISOString();
    // /healthz is public: the folder's absolute path is written as staff name it.
    const clean = (text: string) => text.split(resolve(this.spec.root)).join(this.spec.rootLabel);
    if (error instanceof DataFileError) {
      const [first, ...more] = error.problems;
      const where = first?.path ? `${first.path}: ` : '';
      const message = `${where}${first?.message ?? 'unusable'}${more.length > 0 ? ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})` : ''}`;
      return { file: this.nameOf(error.file), line: first?.line, message: clean(message), fix: error.fix, since };
    }
    return { file: this.spec.files, message: clean(String((error as Error)?.message ?? error).split('\n')[0]!), fix: this.spec.fix, since };
  }

  /** A path as staff know it ("knowledge/program.yaml"); /healthz is public, so never a server path. */
  private nameOf(file: string): string {
    const absolute = resolve(file);
    const root = resolve(this.spec.root);
    if (absolute === root) return this.spec.rootLabel;
    if (absolute.startsWith(root + sep)) return `${this.spec.rootLabel}/${relative(root, absolute).split(sep).join('/')}`;
    if (!isAbsolute(file)) return file;
    return this.spec.files;
  }
}
