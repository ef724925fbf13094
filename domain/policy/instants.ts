// Apart from duration.ts on purpose: workflows import this, and a workflow bundle that imports zod
// evaluates it again for every workflow it starts (the reusable V8 context keeps modules per workflow).

/** The last instant a JavaScript Date holds (±8.64e15 ms); later sums are clamped to it. */
const LAST_INSTANT_MS = 8.64e15;

/**
 * `instantMs` plus a duration, always a valid instant: a workflow that computed an invalid date would
 * fail its task again at every retry, stopping the registration and every later one on its deal.
 */
export function addDurationMs(instantMs: number, durationMs: number): number {
  const sum = instantMs + (Number.isFinite(durationMs) ? Math.max(0, durationMs) : 0);
  return Math.min(sum, LAST_INSTANT_MS);
}
