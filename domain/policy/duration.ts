import { parse as parseIsoDuration } from 'tinyduration';
import { z } from 'zod';

const MS = { weeks: 604_800_000, days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1_000 } as const;

/** The longest duration a policy may hold: ten years is past any protection, review or extension. */
export const MAX_DURATION = 'P3650D';
export const MAX_DURATION_MS = 3650 * MS.days;

/**
 * The whole string, anchored: `P`, then weeks and days, then `T` with hours, minutes and seconds, each
 * at most once, in that order, at least one of them, and a `T` only with a part after it. Years and
 * months and a leading sign are matched so that they can be refused with a reason. tinyduration alone
 * reads a prefix ("P1D garbage" is a day) and takes "P1DT", so the shape is checked here first.
 */
const NUMBER = String.raw`\d{1,12}(?:[.,]\d{1,9})?`;
const WHOLE_DURATION = new RegExp(
  `^(?<sign>[-+])?P(?!$)(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?` +
    `(?:T(?=\\d)(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);

/**
 * ISO 8601 duration in milliseconds, at most MAX_DURATION. Years and months are refused: their length
 * depends on the calendar, and a protection period must mean the same number of hours for every
 * registration. Throws with a reason a person can act on.
 */
export function durationToMs(iso: string): number {
  const shape = WHOLE_DURATION.exec(iso);
  if (!shape) throw new Error('not an ISO 8601 duration');
  if (shape.groups?.sign === '-') throw new Error('a duration cannot be negative');
  if (shape.groups?.sign === '+') throw new Error('not an ISO 8601 duration');
  const parsed = parseIsoDuration(iso);
  if (parsed.years || parsed.months) throw new Error('years and months are not allowed; use days (P30D) or weeks');
  const ms = Math.round(
    (parsed.weeks ?? 0) * MS.weeks +
      (parsed.days ?? 0) * MS.days +
      (parsed.hours ?? 0) * MS.hours +
      (parsed.minutes ?? 0) * MS.minutes +
      (parsed.seconds ?? 0) * MS.seconds,
  );
  if (!(ms <= MAX_DURATION_MS)) throw new Error(`must be at most ${MAX_DURATION} (ten years)`);
  return ms;
}

/** A positive ISO 8601 duration such as `P90D`, `PT48H` or `PT5S`, at most MAX_DURATION. */
export const isoDurationSchema = z.string().superRefine((value, ctx) => {
  try {
    if (durationToMs(value) <= 0) ctx.addIssue({ code: 'custom', message: 'must be longer than zero' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'not an ISO 8601 duration';
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

export { addDurationMs } from './instants';
