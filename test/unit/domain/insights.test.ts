import fc from 'fast-check';
import {
  binValue,
  bucketOf,
  buildSeries,
  daysBetween,
  durationBin,
  groupRows,
  percentileOf,
  summarizeDay,
} from '../../../domain/insights/aggregate';
import {
  type FactSubject,
  factsOfDecision,
  factsOfEscalation,
  type InsightFact,
  insightGroupings,
} from '../../../domain/insights/facts';

const dims = { distributorId: 'dist-a', segment: 'commercial', partnerType: 'var', model: 'open', policyVersion: 1 };
const fact = (day: string, kind: InsightFact['kind'], extra: Partial<InsightFact> = {}): InsightFact => ({
  _id: `f${Math.random()}`,
  kind,
  day,
  hour: `${day}T12`,
  at: new Date(`${day}T12:00:00Z`),
  ...dims,
  ...extra,
});

describe('insight bucketing (UTC)', () => {
  it('names ISO weeks by their Monday and months by YYYY-MM', () => {
    expect(bucketOf('2026-03-01', 'week')).toBe('2026-02-23'); // a Sunday belongs to the week before
    expect(bucketOf('2026-03-02', 'week')).toBe('2026-03-02'); // a Monday starts its own
    expect(bucketOf('2026-01-01', 'week')).toBe('2025-12-29'); // across a year
    expect(bucketOf('2026-03-01', 'month')).toBe('2026-03');
    expect(bucketOf('2026-03-01', 'day')).toBe('2026-03-01');
  });

  it('lists every day of a period, across a month end and a leap day', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });
});

describe('percentiles from duration histograms', () => {
  it('are within 2.5% of the exact nearest-rank percentile', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 100 + i * 37);
    const histogram: Record<string, number> = {};
    for (const v of values) histogram[durationBin(v)] = (histogram[durationBin(v)] ?? 0) + 1;
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.95]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1] as number;
      const read = percentileOf(histogram, q) as number;
      expect(Math.abs(read - exact) / exact).toBeLessThan(0.025);
    }
  });

  it('are null without data and 0 for zero durations', () => {
    expect(percentileOf({}, 0.5)).toBeNull();
    expect(percentileOf({ [durationBin(0)]: 3 }, 0.95)).toBe(0);
    expect(binValue(durationBin(1000))).toBeGreaterThan(975);
  });
});

describe('insight series', () => {
  it('sums days into weeks and months per group, with rates over submissions', () => {
    const monday = [
      fact('2026-03-02', 'submitted'),
      fact('2026-03-02', 'submitted'),
      fact('2026-03-02', 'decided', { outcome: 'approved', ms: 1000 }),
      fact('2026-03-02', 'decided', { outcome: 'escalated', reasonCode: 'possible-duplicate' }),
      fact('2026-03-02', 'conflict'),
    ];
    const sunday = [
      fact('2026-03-08', 'submitted', { distributorId: 'dist-b' }),
      fact('2026-03-08', 'decided', {
        distributorId: 'dist-b',
        outcome: 'rejected',
        reasonCode: 'duplicate',
        ms: 3000,
      }),
      fact('2026-03-08', 'missed-deadline'),
      fact('2026-03-08', 'won'),
    ];
    const days = [
      { day: '2026-03-02', rows: summarizeDay(monday) },
      { day: '2026-03-08', rows: summarizeDay(sunday) },
    ];
    const weekly = buildSeries(days, 'week', 'distributor');
    expect(weekly.map((p) => [p.bucket, p.group, p.submitted])).toEqual([
      ['2026-03-02', 'dist-a', 2],
      ['2026-03-02', 'dist-b', 1],
    ]);
    const [a, b] = weekly;
    expect(a).toMatchObject({
      approved: 1,
      escalated: { 'possible-duplicate': 1 },
      conflictRate: 0.5,
      escalationRate: 0.5,
    });
    expect(a).toMatchObject({ missedDeadlines: 1, won: 1 });
    expect(b).toMatchObject({ rejected: { duplicate: 1 }, conflictRate: 0, escalationRate: 0 });
    const [all] = buildSeries(days, 'month', undefined);
    expect(all).toMatchObject({ bucket: '2026-03', group: 'all', submitted: 3, approved: 1 });
    expect(Math.abs((all?.decisionMs.p50 ?? 0) - 1000)).toBeLessThan(25);
    expect(Math.abs((all?.decisionMs.p95 ?? 0) - 3000)).toBeLessThan(75);
    expect(buildSeries(days, 'day', undefined).map((p) => p.bucket)).toEqual(['2026-03-02', '2026-03-08']);
  });
});

describe('closed deals', () => {
  it('sum the amounts won per currency, never across currencies, and rate wins among the closed', () => {
    const day = '2026-03-03';
    const rows = summarizeDay([
      fact(day, 'won', { amount: 100_000, currency: 'USD' }),
      fact(day, 'won', { amount: 50_000, currency: 'USD', distributorId: 'dist-b' }),
      fact(day, 'won', { amount: 9_000, currency: 'EUR' }),
      fact(day, 'won'),
      fact(day, 'lost', { lostReason: 'competitor' }),
      fact(day, 'lost', { lostReason: 'budget', distributorId: 'dist-b' }),
      fact(day, 'submitted'),
    ]);
    const [all] = buildSeries([{ day, rows }], 'month', undefined);
    expect(all).toMatchObject({
      won: 4,
      lost: 2,
      winRate: 4 / 6,
      wonValue: { USD: 150_000, EUR: 9_000 },
      lostReasons: { competitor: 1, budget: 1 },
    });
    const byDistributor = buildSeries([{ day, rows }], 'month', 'distributor');
    expect(byDistributor.map((p) => [p.group, p.winRate, p.wonValue])).toEqual([
      ['dist-a', 3 / 4, { USD: 100_000, EUR: 9_000 }],
      ['dist-b', 1 / 2, { USD: 50_000 }],
    ]);
  });

  it('have no win rate where nothing closed', () => {
    const day = '2026-03-03';
    const [point] = buildSeries([{ day, rows: summarizeDay([fact(day, 'submitted')]) }], 'day', undefined);
    expect(point).toMatchObject({ winRate: null, wonValue: {}, lostReasons: {} });
  });

  it('come from the close entry: the amount won or the reason lost', () => {
    const subject = {
      _id: 'r9',
      submittedAt: new Date('2026-03-01T00:00:00Z'),
      distributorId: 'dist-a',
      partnerType: 'var',
      customer: { segment: 'commercial' },
      policyVersion: 1,
      decisions: [],
    };
    const close = {
      key: 'close',
      at: '2026-03-05T00:00:00Z',
      kind: 'close',
      fromStatus: 'approved' as const,
      matches: [],
    };
    const [won] = factsOfDecision(
      subject,
      { ...close, toStatus: 'won', closing: { outcome: 'won', amount: { amount: 42, currency: 'GBP' } } },
      'open',
    );
    expect(won).toMatchObject({ kind: 'won', amount: 42, currency: 'GBP' });
    const [lost] = factsOfDecision(
      subject,
      { ...close, toStatus: 'lost', closing: { outcome: 'lost', reason: 'timing', note: 'next year' } },
      'open',
    );
    expect(lost).toMatchObject({ kind: 'lost', lostReason: 'timing' });
    expect(lost).not.toHaveProperty('note');
  });

  it('counts a dispute on the disputing registration: opened, then decided with how long it was open', () => {
    const opened = {
      key: 'dispute:d1:opened',
      at: '2026-03-05T00:00:00Z',
      kind: 'dispute',
      event: 'dispute-opened',
      fromStatus: 'rejected' as const,
      toStatus: 'rejected' as const,
      matches: [],
      dispute: { id: 'd1' },
    };
    const decided = {
      ...opened,
      key: 'dispute:d1:decided',
      at: '2026-03-06T00:00:00Z',
      event: 'dispute-decided',
      dispute: { id: 'd1', outcome: 'overturned' as const },
    };
    const subject: FactSubject = {
      _id: 'reg_d',
      submittedAt: new Date('2026-03-01T00:00:00Z'),
      distributorId: 'dist-a',
      partnerType: 'var',
      customer: { segment: 'commercial' },
      policyVersion: 1,
      decisions: [opened, decided],
    };
    const facts = subject.decisions.flatMap((entry) => factsOfDecision(subject, entry, 'open'));
    expect(facts.map((f) => [f.kind, f.ms, f.disputeOutcome])).toEqual([
      ['disputed', undefined, undefined],
      ['dispute-decided', 86_400_000, 'overturned'],
    ]);
    // The holder's own `dispute-decided` (no `dispute-opened` of that dispute in its log) counts nothing.
    const holder = { ...subject, _id: 'reg_h', decisions: [decided] };
    expect(factsOfDecision(holder, decided, 'open')).toEqual([]);
    const [point] = buildSeries([{ day: '2026-03-06', rows: summarizeDay(facts) }], 'month', undefined);
    expect(point).toMatchObject({ disputed: 1, disputesDecided: 1, overturned: 1, overturnRate: 1 });
    expect(point?.disputeResolutionMs.p50).toBeGreaterThan(80_000_000);
  });
});

describe('grouped days', () => {
  const someFact = fc.record({
    kind: fc.constantFrom<InsightFact['kind']>(
      'submitted',
      'decided',
      'conflict',
      'resolved',
      'won',
      'lost',
      'expired',
    ),
    outcome: fc.constantFrom('approved', 'rejected', 'escalated'),
    amount: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    currency: fc.constantFrom('USD', 'EUR'),
    lostReason: fc.constantFrom('competitor' as const, 'budget' as const, undefined),
    reasonCode: fc.constantFrom('duplicate', 'wrong-route', undefined),
    ms: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
    distributorId: fc.constantFrom('dist-a', 'dist-b'),
    segment: fc.constantFrom('commercial', 'education'),
    policyVersion: fc.integer({ min: 1, max: 3 }),
    day: fc.constantFrom('2026-03-01', '2026-03-02', '2026-03-09', '2026-04-01'),
  });

  it('give the same series as the rows they merge, for every bucket and grouping', () => {
    fc.assert(
      fc.property(
        fc.array(someFact, { maxLength: 60 }),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const),
        fc.constantFrom(undefined, ...insightGroupings),
        (drawn, bucket, groupBy) => {
          const facts = drawn.map(({ day, ...rest }) => fact(day, rest.kind, rest as Partial<InsightFact>));
          const days = [...new Set(facts.map((f) => f.day))]
            .sort()
            .map((day) => ({ day, rows: summarizeDay(facts.filter((f) => f.day === day)) }));
          const grouped = days.map(({ day, rows }) => ({ day, rows: groupRows(rows, groupBy) }));
          expect(buildSeries(grouped, bucket, groupBy)).toEqual(buildSeries(days, bucket, groupBy));
        },
      ),
    );
  });
});

describe('facts of a decision log', () => {
  const registration: FactSubject = {
    _id: 'r1',
    submittedAt: new Date('2026-03-01T23:59:00Z'),
    distributorId: 'dist-a',
    partnerType: 'var',
    customer: { segment: 'education' },
    policyVersion: 2,
    decisions: [
      {
        key: 'decision',
        at: '2026-03-02T00:01:00Z',
        kind: 'decision',
        fromStatus: 'pending',
        toStatus: 'escalated',
        reasonCode: 'possible-duplicate',
        matches: [{}],
      },
      {
        key: 'escalation:e1',
        at: '2026-03-02T01:01:00Z',
        kind: 'escalation-resolved',
        fromStatus: 'escalated',
        toStatus: 'approved',
        matches: [],
      },
      { key: 'close', at: '2026-03-05T00:00:00Z', kind: 'close', fromStatus: 'approved', toStatus: 'won', matches: [] },
    ],
  };
  it('count a submission on its own day, the conflict, the resolution time and the end', () => {
    const facts = registration.decisions.flatMap((entry) => factsOfDecision(registration, entry, 'hybrid'));
    const brief = facts.map((f) => [f._id, f.kind, f.day, f.outcome, f.ms]);
    expect(brief).toEqual([
      ['r1|decided|decision', 'decided', '2026-03-02', 'escalated', undefined],
      ['r1|submitted', 'submitted', '2026-03-01', undefined, undefined],
      ['r1|conflict', 'conflict', '2026-03-02', undefined, undefined],
      ['r1|decided|escalation:e1', 'decided', '2026-03-02', 'approved', 62 * 60_000],
      ['r1|resolved|escalation:e1', 'resolved', '2026-03-02', undefined, 60 * 60_000],
      ['r1|won', 'won', '2026-03-05', undefined, undefined],
    ]);
    expect(facts[0]).toMatchObject({ segment: 'education', model: 'hybrid', policyVersion: 2 });
  });

  it('group by the segment the account routed by, and by the one the reseller declared', () => {
    const routed: FactSubject = {
      ...registration,
      _id: 'r2',
      account: { accountId: 'acct-1', segment: 'federal-dod', programs: [] },
    };
    const facts = [registration, routed].flatMap((subject) =>
      subject.decisions.flatMap((entry) => factsOfDecision(subject, entry, 'hybrid')),
    );
    expect(facts.find((f) => f._id === 'r2|submitted')).toMatchObject({
      segment: 'federal-dod',
      declaredSegment: 'education',
    });
    const rows = summarizeDay(facts.filter((f) => f.kind === 'submitted'));
    const bySegment = groupRows(rows, 'segment').map((row) => [row.segment, row.submitted]);
    expect(bySegment.sort()).toEqual([
      ['education', 1],
      ['federal-dod', 1],
    ]);
    expect(groupRows(rows, 'declaredSegment').map((row) => [row.declaredSegment, row.submitted])).toEqual([
      ['education', 2],
    ]);
    // A fact written before declarations were kept apart counts its one segment as declared.
    const { declaredSegment: _, ...older } = facts[1] as (typeof facts)[number];
    expect(groupRows(summarizeDay([older]), 'declaredSegment')[0]?.declaredSegment).toBe('education');
  });

  it('count a migrated registration as submitted on its original day and decided where it stood, once', () => {
    const imported = (toStatus: 'approved' | 'pending' | 'lost'): FactSubject => ({
      ...registration,
      submittedAt: new Date('2024-05-01T10:00:00Z'),
      decisions: [
        { key: 'imported', at: '2026-03-02T00:00:00Z', kind: 'imported', fromStatus: 'pending', toStatus, matches: [] },
      ],
    });
    const factsOf = (subject: FactSubject) =>
      subject.decisions.flatMap((entry) => factsOfDecision(subject, entry, 'open')).map((f) => [f.kind, f.day, f.ms]);
    expect(factsOf(imported('approved'))).toEqual([
      ['decided', '2026-03-02', undefined],
      ['submitted', '2024-05-01', undefined],
    ]);
    expect(factsOf(imported('lost'))).toEqual([
      ['submitted', '2024-05-01', undefined],
      ['lost', '2026-03-02', undefined],
    ]);
    // A pending import is counted when it is decided afresh, by that decision.
    expect(factsOf(imported('pending'))).toEqual([]);
  });

  it('count an escalation’s missed deadlines on the days they were due', () => {
    const escalation = {
      _id: 'e1',
      level: 2 as const,
      reviewDueAt: new Date('2026-03-02T10:00:00Z'),
      secondReviewDueAt: new Date('2026-03-03T10:00:00Z'),
      resolution: { by: { kind: 'deadline' } },
    };
    expect(factsOfEscalation(escalation, dims).map((f) => [f._id, f.day])).toEqual([
      ['escalation|e1|missed:1', '2026-03-02'],
      ['escalation|e1|missed:2', '2026-03-03'],
    ]);
    expect(
      factsOfEscalation({ ...escalation, level: 1, resolution: { by: { kind: 'channel-manager' } } }, dims),
    ).toEqual([]);
  });
});
