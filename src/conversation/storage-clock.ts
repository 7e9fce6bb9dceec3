/**
 * Two clocks: `now` is the program's "today" (ITDA_NOW pins it for deadline answers and demos);
 * `clock` is real time, for what must age: the rate limiter's window and storage timestamps
 * (retention, feedback, audit). A pinned instant must never freeze those.
 */
export function storageTime(deps: { clock?: () => Date }): Date {
  return deps.clock ? deps.clock() : new Date();
}
