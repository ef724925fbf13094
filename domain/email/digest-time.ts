import { DateTime, IANAZone } from 'luxon';

/** The local hour at which a daily digest is sent. */
export const DIGEST_HOUR = 8;

export const isTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/**
 * When the digest that holds an event arriving `now` goes out: the next DIGEST_HOUR:00 in the person's
 * time zone, strictly after `now` (an event at 08:00 exactly waits for the next day's digest).
 * Daylight-saving days are the zone's own: luxon moves a skipped hour forward.
 */
export function nextDigestAt(now: Date, timeZone: string): Date {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const local = DateTime.fromJSDate(now, { zone });
  let due = local.set({ hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (due.toMillis() <= now.getTime()) due = due.plus({ days: 1 }).set({ hour: DIGEST_HOUR });
  return due.toJSDate();
}
