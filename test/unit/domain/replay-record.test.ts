import { snapshotOf } from '../../../api/simulation-snapshots';
import { seededRandom } from '../../../bench/dealreg/customers';
import { modelPolicies } from '../../../bench/dealreg/partners';
import { storedRegistration } from '../../../bench/growth/documents';
import { bucketIsClosed, replayGroupOf, replayRecordOf, snapshotsOfRecord } from '../../../db/replay-records';
import { policySchema } from '../../../domain/policy/schema';
import { simulatePolicy } from '../../../domain/simulation';
import {
  applyReplayEnds,
  encodeReplayBucket,
  type ReplayEnd,
  settledForReplay,
} from '../../../domain/simulation/replay-record';

const policy = policySchema.parse(modelPolicies.hybrid);
const now = Date.parse('2026-06-01T00:00:00Z');
const snapshots = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    snapshotOf(storedRegistration(from + i, seededRandom(from + i), policy, now)),
  );
const setup = { policy, label: 'x', partners: { distributors: [] } };

describe('replay records', () => {
  test('a record reads back as the snapshots it was built from, in sequence order', () => {
    const bucket = snapshots(127, 128);
    const record = replayRecordOf(1, [...bucket].reverse())!;
    expect(record.group).toBe(replayGroupOf(1));
    expect(snapshotsOfRecord(record)).toEqual(bucket);
    expect(simulatePolicy({ ...setup, registrations: snapshotsOfRecord(record) })).toEqual(
      simulatePolicy({ ...setup, registrations: bucket }),
    );
  });

  test('a record written before records were deflated (format 1) still reads back', () => {
    const bucket = snapshots(127, 128);
    const { packed: _packed, ...record } = replayRecordOf(1, bucket)!;
    expect(snapshotsOfRecord({ ...record, format: 1, snapshots: encodeReplayBucket(bucket) })).toEqual(bucket);
    expect(() => snapshotsOfRecord({ ...record, format: 3 })).toThrow(/format 3 is not known/);
  });

  test('is not built while a registration has no decision yet', () => {
    const bucket = snapshots(127, 128);
    bucket[5] = { ...bucket[5]!, actual: { status: 'pending' } };
    expect(settledForReplay(bucket[5]!)).toBe(false);
    expect(replayRecordOf(1, bucket)).toBeUndefined();
    expect(replayRecordOf(1, [])).toBeUndefined();
  });

  test('an end written after the record ends the registration, an earlier end is kept', () => {
    const [live, ended] = [
      snapshots(1, 40).find((s) => !s.actual.endStatus)!,
      snapshots(1, 40).find((s) => s.actual.endStatus)!,
    ];
    const ends = new Map<string, ReplayEnd>([
      [live.id, { registrationId: live.id, endedAt: '2026-07-01T00:00:00.000Z', endStatus: 'won' }],
      [ended.id, { registrationId: ended.id, endedAt: '2030-01-01T00:00:00.000Z', endStatus: 'lost' }],
    ]);
    const [liveAfter, endedAfter] = applyReplayEnds([live, ended], ends);
    expect(liveAfter!.actual).toEqual({ ...live.actual, endStatus: 'won', endedAt: '2026-07-01T00:00:00.000Z' });
    expect(endedAfter).toEqual(ended);
  });

  test('only a bucket a whole bucket below the top one is closed', () => {
    expect(bucketIsClosed(0, 255)).toBe(false);
    expect(bucketIsClosed(0, 256)).toBe(true);
    expect(bucketIsClosed(1, 256)).toBe(false);
  });
});
