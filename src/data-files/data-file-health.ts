import type { DataFileRegistry } from './data-file-registry.js';

/**
 * The data-file part of /healthz. `ok: false` here means a staff file needs fixing while its
 * last good copy serves: a warning for staff, never a reason for the 503 (that stays with
 * storage), because Itda answers correctly from the copy in service.
 */
export function dataFileHealth(registry: DataFileRegistry) {
  const files = registry.status();
  const problems = files.filter((file) => file.state !== 'ok');
  return {
    ok: problems.length === 0,
    warnings: problems.map((file) => ({
      kind: file.kind,
      state: file.state,
      file: file.problem?.file ?? file.files,
      ...(file.problem?.line ? { line: file.problem.line } : {}),
      problem: file.problem?.message,
      fix: file.problem?.fix,
      since: file.problem?.since,
      servingSince: file.loadedAt,
    })),
    files,
  };
}
