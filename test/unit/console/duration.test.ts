import { durationInWords, durationParts, formatMs, isoDuration, isoDurationMs } from '../../../console/src/ui/duration';

// The policy form's durations: ISO 8601 in the policy, a number and a unit in the form, words beside it.

test('ISO durations of weeks to seconds are read; years, months and nonsense are not', () => {
  expect(isoDurationMs('P90D')).toBe(90 * 86_400_000);
  expect(isoDurationMs('PT48H')).toBe(48 * 3_600_000);
  expect(isoDurationMs('PT1H30M')).toBe(90 * 60_000);
  expect(isoDurationMs('P2W')).toBe(14 * 86_400_000);
  expect(isoDurationMs('P1M')).toBeUndefined();
  expect(isoDurationMs('P')).toBeUndefined();
  expect(isoDurationMs('PT')).toBeUndefined();
  expect(isoDurationMs('90 days')).toBeUndefined();
});

test('the form shows the largest exact unit and writes the duration back as ISO', () => {
  expect(durationParts(isoDurationMs('PT48H') as number)).toEqual({ amount: 2, unit: 'days' });
  expect(durationParts(isoDurationMs('PT36H') as number)).toEqual({ amount: 36, unit: 'hours' });
  expect(durationParts(isoDurationMs('P14D') as number)).toEqual({ amount: 2, unit: 'weeks' });
  expect(durationParts(isoDurationMs('PT5S') as number)).toEqual({ amount: 5, unit: 'seconds' });
  expect(isoDuration(36, 'hours')).toBe('PT36H');
  expect(isoDuration(2, 'weeks')).toBe('P2W');
  expect(isoDurationMs(isoDuration(90, 'minutes'))).toBe(90 * 60_000);
});

test('durations read back in words, and measured times are short', () => {
  expect(durationInWords(isoDurationMs('PT36H') as number)).toBe('1 day 12 hours');
  expect(durationInWords(isoDurationMs('PT90M') as number)).toBe('1 hour 30 minutes');
  expect(durationInWords(isoDurationMs('P90D') as number)).toBe('90 days');
  expect(formatMs(420)).toBe('420 ms');
  expect(formatMs(4_500)).toBe('4.5 s');
  expect(formatMs(null)).toBe('—');
});
