import path from 'node:path';
import { Readable } from 'node:stream';
import type { Client } from '@temporalio/client';
import { AuditLog, type AuditLogDoc } from '../../db/audit-log';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { ImportJob, type ImportJobDoc } from '../../db/imports';
import { InsightFactModel } from '../../db/insights';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { Sequence } from '../../db/sequences';
import type { InsightFact } from '../../domain/insights/facts';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { receiveMigration, startMigration } from '../../services/registration-import';
import { connectTemporalClient } from '../../services/temporal';
import { CrashingWorkers } from '../support/crashing-workers';
import { publishTestPolicy, seedPartners, uniqueWord } from '../support/fixtures';
import { eventually } from '../support/harness';
import { ownServiceTarget, type ServiceTarget } from '../support/service-processes';

/**
 * A migration whose worker is killed (SIGKILL) after its block of sequences is drawn, halfway through
 * starting its registrations, and at each write of a batch of closed imports (their places in the
 * chains claimed, their entries in the global audit log, their documents stored, before their facts):
 * the fresh worker makes the same plan with the same numbers and completes the rest, so every row is
 * imported once, in its original order, each decision is in the global log once, and every invariant holds.
 */
jest.setTimeout(300_000);

let target: ServiceTarget;
let temporal: Client;

beforeAll(async () => {
  target = ownServiceTarget('import-crash');
  await connectDatabase(target.mongodbUri);
  await ensureIndexes();
  await seedPartners();
  await publishTestPolicy({ model: 'open', timing: { protection: 'PT10M', expiryReminder: 'PT1M' } });
  temporal = await connectTemporalClient({ TEMPORAL_ADDRESS: target.temporalAddress, TEMPORAL_NAMESPACE: 'default' });
});

afterAll(async () => {
  await temporal?.connection.close();
  await disconnectDatabase();
});

const statuses = ['approved', 'pending', 'won', 'escalated', 'expired'] as const;

function rows(count: number): string {
  const protectedUntil = new Date(Date.now() + 3_600_000).toISOString();
  return Array.from({ length: count }, (_, index) => {
    const status = statuses[index % statuses.length];
    // Spread over a year, not in file order.
    const submittedAt = new Date(Date.UTC(2024, (index * 7) % 12, 1 + (index % 27))).toISOString();
    return JSON.stringify({
      resellerId: index % 2 === 0 ? 'value-var' : 'big-integrator',
      distributorId: 'dist-a',
      submittedAt,
      status,
      ...(status === 'approved' && { protectedUntil }),
      customer: { name: `${uniqueWord()} ${uniqueWord()} ${index}`, segment: 'commercial' },
      opportunity: { title: `Migrated ${index}`, productLines: ['storage'] },
    });
  }).join('\n');
}

test('a migration survives its worker dying after the block is drawn and while it starts registrations', async () => {
  const count = 40;
  const onceDir = path.join(target.runDir, 'fired-import');
  const points = [
    'import:block-drawn',
    'import:rows-started',
    'import:history-claimed',
    'import:history-logged',
    'import:history-stored',
  ] as const;
  const workers = new CrashingWorkers(target, temporal, { points, onceDir, label: 'import' }, () => undefined);
  await workers.start(1);
  let job: ImportJobDoc;
  try {
    job = await receiveMigration('application/x-ndjson', Readable.from([rows(count)]), 'usr_test', 1_048_576, false);
    await startMigration(temporal, target.taskQueue, job);
    const done = await eventually(
      async () => {
        const read = await ImportJob.findById(job._id).lean<ImportJobDoc>().exec();
        return read?.status === 'done' || read?.status === 'failed' ? read : undefined;
      },
      'the import to end',
      240_000,
    );
    expect(done).toMatchObject({ status: 'done', rows: count, done: count, failed: 0 });
    expect(workers.deaths.map((death) => death.point).sort()).toEqual([...points].sort());
    const imported = await eventually(
      async () => {
        const docs = await Registration.find({ 'arrival.importId': job._id }).lean<RegistrationDoc[]>().exec();
        return docs.length === count && docs.every((doc) => doc.status !== 'pending') ? docs : undefined;
      },
      'every import to be recorded',
      120_000,
    );
    // One block, drawn once and reused by the plan made again: no number taken twice or wasted.
    const block = await Sequence.find({ registrationId: `import:${job._id}` })
      .lean<Array<{ value: number }>>()
      .exec();
    expect(block.map((number) => number.value).sort((a, b) => a - b)).toEqual(
      imported.map((doc) => doc.sequence as number).sort((a, b) => a - b),
    );
    // Numbered in original submittedAt order.
    const bySequence = [...imported].sort((a, b) => (a.sequence as number) - (b.sequence as number));
    const times = bySequence.map((doc) => doc.submittedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const doc of imported) expect(doc.decisions.filter((entry) => entry.kind === 'imported')).toHaveLength(1);
    // Closed ones are history only, written by the import: no workflow (the invariants know).
    const closed = imported.filter((doc) => doc.status === 'won' || doc.arrival?.status === 'expired');
    expect(closed.length).toBe(16);
    for (const doc of closed) expect(doc.historyOnly).toBe(true);
    // Resumed batches wrote nothing twice and left nothing out: one global entry per imported decision, and
    // the facts of every closed one.
    const logged = await AuditLog.find({ registrationId: { $in: imported.map((doc) => doc._id) } })
      .lean<AuditLogDoc[]>()
      .exec();
    const importedHashes = imported.map((doc) => doc.decisions.find((entry) => entry.kind === 'imported')?.hash);
    expect(
      logged
        .filter((entry) => entry.decisionKey === 'imported')
        .map((entry) => entry.decisionHash)
        .sort(),
    ).toEqual(importedHashes.sort());
    const facts = await InsightFactModel.find({ _id: { $regex: `^(${closed.map((doc) => doc._id).join('|')})\\|` } })
      .lean<InsightFact[]>()
      .exec();
    expect(new Set(facts.map((fact) => fact._id.split('|')[0]))).toEqual(new Set(closed.map((doc) => doc._id)));
    const report = await checkInvariants(
      temporal,
      imported.map((doc) => doc._id),
    );
    expect(brokenInvariants(report)).toEqual([]);
  } finally {
    await workers.stop();
  }
});
