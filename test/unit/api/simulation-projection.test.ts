import { jobAsSeen, OVERRUN_GRACE_MS } from '../../../api/simulation/jobs';
import { replayProjection, type StoredForReplay, snapshotOf } from '../../../api/simulation-snapshots';
import { seededRandom } from '../../../bench/dealreg/customers';
import { modelPolicies } from '../../../bench/dealreg/partners';
import { storedRegistration } from '../../../bench/growth/documents';
import type { RegistrationDoc } from '../../../db/registrations';
import { policySchema } from '../../../domain/policy/schema';

/** A MongoDB inclusion projection as the server applies it: dotted paths reach into arrays' elements. */
function project(doc: unknown, paths: string[]): unknown {
  if (Array.isArray(doc)) return doc.map((element) => project(element, paths));
  if (doc === null || typeof doc !== 'object' || doc instanceof Date) return doc;
  const byField = new Map<string, string[]>();
  for (const path of paths) {
    const [field, ...rest] = path.split('.');
    byField.set(field!, [...(byField.get(field!) ?? []), ...(rest.length > 0 ? [rest.join('.')] : [])]);
  }
  const result: Record<string, unknown> = {};
  for (const [field, rest] of byField) {
    if (!(field in (doc as object))) continue;
    const value = (doc as Record<string, unknown>)[field];
    result[field] = rest.length === 0 ? value : project(value, rest);
  }
  return result;
}

const policy = policySchema.parse(modelPolicies.hybrid);
const stored = (serial: number): RegistrationDoc => {
  const doc = storedRegistration(serial, seededRandom(serial), policy, Date.parse('2026-06-01T00:00:00Z'));
  return { ...doc, program: 'SEWP V', decisions: [...doc.decisions, { ...doc.decisions[0]!, kind: 'withdraw' }] };
};

describe('the replay projection', () => {
  test.each([0, 1, 2, 3, 4, 5, 6, 7])('reads what the replay needs from registration %i', (serial) => {
    const doc = stored(serial);
    const projected = project(doc, Object.keys(replayProjection)) as StoredForReplay;
    expect(snapshotOf(projected)).toEqual(snapshotOf(doc));
  });

  test('reads the account a registration was accepted with, and none of what staff alone are shown', () => {
    const account = { accountId: 'acct-1', segment: 'federal-dod' as const, programs: [{ id: 'sewp-v' }] };
    const doc: RegistrationDoc = {
      ...stored(4),
      accountId: 'acct-1',
      account,
      declared: { segment: 'commercial' },
      accountCandidates: [{ accountId: 'acct-2', name: 'Other', basis: 'name', score: 0.95 }],
    };
    const projected = project(doc, Object.keys(replayProjection)) as StoredForReplay;
    expect(snapshotOf(projected).account).toEqual(account);
    expect(projected).not.toHaveProperty('accountCandidates');
  });

  test('leaves the bulk of a stored registration in the database', () => {
    const doc = stored(3);
    const projected = project(doc, Object.keys(replayProjection)) as Record<string, unknown>;
    for (const heavy of ['searchText', 'lookupKeys', 'customerKeys', 'decisionKeys', 'explanation', 'requestHash']) {
      expect(projected).not.toHaveProperty(heavy);
    }
    const decision = (projected.decisions as Record<string, unknown>[])[0]!;
    expect(Object.keys(decision).sort()).toEqual(['at', 'kind', 'toStatus', 'trace']);
    expect(JSON.stringify(projected).length).toBeLessThan(JSON.stringify(doc).length / 2);
  });
});

describe('a simulation job as its readers see it', () => {
  const job = {
    _id: 'sim_1',
    status: 'running' as const,
    label: 'candidate policy',
    requestedBy: 'key',
    startedAt: new Date('2026-01-01T00:00:00Z'),
    deadline: new Date('2026-01-01T00:02:00Z'),
    updatedAt: new Date('2026-01-01T00:01:00Z'),
    progress: { read: 10, totalEstimate: 100 },
  };

  test('a running job stays running until well past its deadline', () => {
    expect(jobAsSeen(job, Date.parse('2026-01-01T00:02:05Z')).status).toBe('running');
  });

  test('one still running long after its deadline was abandoned by a process that stopped', () => {
    const seen = jobAsSeen(job, Date.parse('2026-01-01T00:02:00Z') + OVERRUN_GRACE_MS + 1);
    expect(seen).toMatchObject({ status: 'failed', error: expect.stringContaining('abandoned') });
  });

  test('an ended job is shown as it ended', () => {
    const done = { ...job, status: 'done' as const };
    expect(jobAsSeen(done, Date.parse('2027-01-01T00:00:00Z'))).toBe(done);
  });
});
