import fc from 'fast-check';
import { addDurationMs, durationToMs, isoDurationSchema, MAX_DURATION_MS } from '../../../domain/policy/duration';
import { policyTimingSchema, timingInMs } from '../../../domain/policy/schema';

const DAY = 86_400_000;

describe('policy durations', () => {
  it.each([
    ['P90D', 90 * DAY],
    ['PT48H', 48 * 3_600_000],
    ['PT5S', 5_000],
    ['P1W', 7 * DAY],
    ['P1DT12H', 1.5 * DAY],
    ['PT0.5S', 500],
    ['P1,5D', 1.5 * DAY],
    ['P3650D', MAX_DURATION_MS],
    ['PT87600H', MAX_DURATION_MS],
  ])('reads %s', (iso, ms) => {
    expect(durationToMs(iso)).toBe(ms);
    expect(isoDurationSchema.safeParse(iso).success).toBe(true);
  });

  it.each([
    ['P99999999999D', 'at most P3650D'],
    ['P3651D', 'at most P3650D'],
    ['P3650DT1S', 'at most P3650D'],
    ['P522W', 'at most P3650D'],
    ['P1D garbage', 'not an ISO 8601 duration'],
    ['P1Dx', 'not an ISO 8601 duration'],
    [' P1D', 'not an ISO 8601 duration'],
    ['P1D\n', 'not an ISO 8601 duration'],
    ['P', 'not an ISO 8601 duration'],
    ['PT', 'not an ISO 8601 duration'],
    ['P1DT', 'not an ISO 8601 duration'],
    ['P1D1D', 'not an ISO 8601 duration'],
    ['PT1H1D', 'not an ISO 8601 duration'],
    ['PT1e3S', 'not an ISO 8601 duration'],
    ['p1d', 'not an ISO 8601 duration'],
    ['+P1D', 'not an ISO 8601 duration'],
    ['-P1D', 'cannot be negative'],
    ['P1M', 'years and months'],
    ['P1Y', 'years and months'],
    ['P0D', 'longer than zero'],
    ['', 'not an ISO 8601 duration'],
  ])('refuses %j (%s)', (iso, reason) => {
    const result = isoDurationSchema.safeParse(iso);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(reason);
  });

  it('names the field that is wrong', () => {
    const result = policyTimingSchema.safeParse({ protection: 'P99999999999D', extension: { period: 'P1D junk' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['protection'], ['extension', 'period']]);
  });

  it('accepts exactly the durations from a millisecond up to ten years (property)', () => {
    const parts = fc.record({
      weeks: fc.option(fc.nat(600), { nil: undefined }),
      days: fc.option(fc.nat(5000), { nil: undefined }),
      hours: fc.option(fc.nat(100_000), { nil: undefined }),
      minutes: fc.option(fc.nat(100_000), { nil: undefined }),
      seconds: fc.option(fc.nat(10_000_000), { nil: undefined }),
    });
    fc.assert(
      fc.property(parts, (p) => {
        const date = `${p.weeks !== undefined ? `${p.weeks}W` : ''}${p.days !== undefined ? `${p.days}D` : ''}`;
        const time = `${p.hours !== undefined ? `${p.hours}H` : ''}${p.minutes !== undefined ? `${p.minutes}M` : ''}${p.seconds !== undefined ? `${p.seconds}S` : ''}`;
        const iso = `P${date}${time ? `T${time}` : ''}`;
        const ms =
          (p.weeks ?? 0) * 7 * DAY +
          (p.days ?? 0) * DAY +
          (p.hours ?? 0) * 3_600_000 +
          (p.minutes ?? 0) * 60_000 +
          (p.seconds ?? 0) * 1000;
        const accepted = isoDurationSchema.safeParse(iso).success;
        expect(accepted).toBe(iso !== 'P' && ms > 0 && ms <= MAX_DURATION_MS);
        if (accepted) expect(durationToMs(iso)).toBe(ms);
      }),
    );
  });

  it('never accepts a string with anything around a duration (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 4 }), fc.boolean(), (noise, before) => {
        fc.pre(!/^[\d.,WDTHMS]*$/.test(noise));
        const iso = before ? `${noise}P1D` : `P1D${noise}`;
        expect(isoDurationSchema.safeParse(iso).success).toBe(false);
      }),
    );
  });

  it('gives every accepted timing dates a workflow can compute from any instant (property)', () => {
    const accepted = fc.constantFrom('P1D', 'P3650D', 'PT87600H', 'P521W', 'PT1S', 'P90DT0.5S');
    fc.assert(
      fc.property(accepted, accepted, fc.integer({ min: 0, max: 4_102_444_800_000 }), (protection, period, now) => {
        const timing = timingInMs(
          policyTimingSchema.parse({ protection, expiryReminder: 'PT0.5S', extension: { period, max: 10 } }),
        );
        let until = addDurationMs(now, timing.protectionMs);
        for (let extension = 0; extension < 10; extension += 1) until = addDurationMs(until, timing.extensionPeriodMs);
        expect(Number.isNaN(new Date(until).getTime())).toBe(false);
      }),
    );
  });
});

/** The range of instants a JavaScript Date can hold (ECMA-262, time values). */
const LATEST_INSTANT_MS = 8.64e15;

describe('addDurationMs', () => {
  it('always answers an instant a Date can hold (property)', () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LATEST_INSTANT_MS }), anyNumber, (instant, duration) => {
        const sum = addDurationMs(instant, duration);
        expect(Number.isNaN(new Date(sum).getTime())).toBe(false);
        expect(sum).toBeGreaterThanOrEqual(instant);
        if (Number.isFinite(duration) && duration >= 0 && instant + duration <= LATEST_INSTANT_MS) {
          expect(sum).toBe(instant + duration);
        }
      }),
    );
  });

  it('clamps past the last instant instead of making an invalid date', () => {
    expect(addDurationMs(Date.UTC(2026, 0, 1), 99_999_999_999 * DAY)).toBe(LATEST_INSTANT_MS);
    expect(addDurationMs(0, Number.POSITIVE_INFINITY)).toBe(0);
  });
});
