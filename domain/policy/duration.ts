import { parse as parseIsoDuration } from 'tinyduration';
import { z } from 'zod';

const MS = { weeks: 604_800_000, days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1_000 } as const;

/**
 * ISO 8601 duration in milliseconds. Years and months are refused: their length depends on the
 * calendar, and a protection period must mean the same number of hours for every registration.
 */
export function durationToMs(iso: string): number {
  const parsed = parseIsoDuration(iso);
  if (parsed.negative) throw new Error('a duration cannot be negative');
  if (parsed.years || parsed.months) throw new Error('years and months are not allowed; use days (P30D) or weeks');
  return Math.round(
    (parsed.weeks ?? 0) * MS.weeks +
      (parsed.days ?? 0) * MS.days +
      (parsed.hours ?? 0) * MS.hours +
      (parsed.minutes ?? 0) * MS.minutes +
      (parsed.seconds ?? 0) * MS.seconds,
  );
}

/** A positive ISO 8601 duration such as `P90D`, `PT48H` or `PT5S`. */
export const isoDurationSchema = z.string().superRefine((value, ctx) => {
  try {
    if (durationToMs(value) <= 0) ctx.addIssue({ code: 'custom', message: 'must be longer than zero' });
  } catch (error) {
    const reason =
      error instanceof Error && error.message !== 'Invalid duration' ? error.message : 'not an ISO 8601 duration';
    ctx.addIssue({ code: 'custom', message: `${reason} (for example P90D, PT48H, PT5S)` });
  }
});

export function tryDurationToMs(iso: string): number | undefined {
  try {
    return durationToMs(iso);
  } catch {
    return undefined;
  }
}

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
