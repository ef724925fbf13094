/**
 * ISO 8601 durations as the policy holds them (`P90D`, `PT48H`) and as people read them ("90 days").
 * The API refuses years and months (their length depends on the calendar), so the form offers the
 * units from seconds to weeks.
 */

export const durationUnits = ['seconds', 'minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof durationUnits)[number];

const unitMs: Record<DurationUnit, number> = {
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

const ISO =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of a duration of weeks, days, hours, minutes and seconds; undefined for anything else. */
export function isoDurationMs(iso: string): number | undefined {
  const parts = ISO.exec(iso);
  if (!parts || iso === 'P' || iso.endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = parts.map((part) => (part ? Number(part) : 0));
  return Math.round(
    (weeks ?? 0) * unitMs.weeks +
      (days ?? 0) * unitMs.days +
      (hours ?? 0) * unitMs.hours +
      (minutes ?? 0) * unitMs.minutes +
      (seconds ?? 0) * unitMs.seconds,
  );
}

/** A duration as a whole number of its largest exact unit: 36 hours stays 36 hours, 48 hours is 2 days. */
export function durationParts(ms: number): { amount: number; unit: DurationUnit } {
  for (const unit of [...durationUnits].reverse()) {
    if (ms >= unitMs[unit] && ms % unitMs[unit] === 0) return { amount: ms / unitMs[unit], unit };
  }
  return { amount: Math.round(ms / 1000), unit: 'seconds' };
}

export function isoDuration(amount: number, unit: DurationUnit): string {
  switch (unit) {
    case 'weeks':
      return `P${amount}W`;
    case 'days':
      return `P${amount}D`;
    case 'hours':
      return `PT${amount}H`;
    case 'minutes':
      return `PT${amount}M`;
    case 'seconds':
      return `PT${amount}S`;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 days 4 hours", "90 minutes" → "1 hour 30 minutes": the two largest parts, in words. */
export function durationInWords(ms: number): string {
  if (ms <= 0) return 'no time';
  const names: [number, string][] = [
    [unitMs.days, 'day'],
    [unitMs.hours, 'hour'],
    [unitMs.minutes, 'minute'],
    [unitMs.seconds, 'second'],
  ];
  const words: string[] = [];
  let rest = ms;
  for (const [size, name] of names) {
    const count = Math.floor(rest / size);
    if (count > 0 && words.length < 2) words.push(plural(count, name));
    if (count > 0) rest -= count * size;
    if (words.length === 2) break;
  }
  return words.length > 0 ? words.join(' ') : `${ms} ms`;
}

/** A measured time, short enough for a chart axis: "420 ms", "12.3 s", "4.5 min", "3.2 h", "2.1 d". */
export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}
