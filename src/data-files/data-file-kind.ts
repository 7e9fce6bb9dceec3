/**
 * One kind of staff-edited file (program facts, the form, the catalog, a prompt…) as the live
 * reload policy sees it: where its files are, how to read and validate them, and whether Itda
 * can start without a good copy.
 */
export interface DataFileKind<T> {
  /** Stable name shown on /healthz and App Home: "program", "form", "catalog"… */
  kind: string;
  /** The folder its files live in (knowledge/, prompts/, the catalog folder). */
  root: string;
  /** How the folder is named to staff and on /healthz ("knowledge"): never a server path. */
  rootLabel: string;
  /** The files as staff name them, for the status list: "knowledge/forms/research-plan.yaml". */
  files: string;
  /** Which files under `root` belong to this kind; paths relative to root, with "/". */
  includes: (relativePath: string) => boolean;
  /** Reads and validates the files under `root` (the live folder or a saved last good copy); throws on a problem. */
  load: (root: string) => T | Promise<T>;
  /** Required kinds stop the start when neither the file nor a saved copy is good; the others start without. */
  required: boolean;
  /** How to fix a problem the loader did not explain itself (a DataFileError carries its own). */
  fix: string;
}

export type DataFileState = 'ok' | 'last-good-kept' | 'unavailable';

/** One line of the data-file status on /healthz and App Home. */
export interface DataFileStatus {
  kind: string;
  /** The kind's files as staff name them, e.g. "knowledge/forms/*.yaml" or "knowledge/program.yaml". */
  files: string;
  state: DataFileState;
  /** When the value in service was read; for a saved copy, when that copy was first read. */
  loadedAt?: string;
  /** Where the value in service came from when it is not the file on disk now. */
  servedFrom?: 'file' | 'saved-copy';
  problem?: DataFileProblemReport;
}

export interface DataFileProblemReport {
  /** Relative to the kind's folder label: "knowledge/program.yaml". */
  file: string;
  line?: number;
  message: string;
  fix: string;
  /** When the problem was seen. */
  since: string;
}
