import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { WorkflowNotFoundError } from '@temporalio/client';
import { registrationIdsUnderKeys } from '../../db/dealkeys';
import { ImportJob } from '../../db/imports';
import { InsightFactModel } from '../../db/insights';
import { Reseller } from '../../db/partners';
import { ImportPlan } from '../../db/registration-imports';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { highestSequence } from '../../db/sequences';
import { uniqueWord } from '../support/fixtures';
import { eventually } from '../support/harness';
import { recordHistory, waitForEscalationWorkflow } from '../support/lifecycle';
import { type ApiTest, freshSubmission, importAndWait as importFile, startApiTest, submitAndWait } from './api-support';

/**
 * Migrating live registrations on the real stack (issue 25): a file with errors reported by row and field,
 * a dry run that stores nothing, a real run that numbers the imports after every existing registration in
 * their original order and keeps approvals to their own end, conflicts escalated with the holder shown,
 * and a re-run of the same file that changes nothing.
 */
let api: ApiTest;

beforeAll(async () => {
  api = await startApiTest('regimport');
}, 120_000);
afterAll(() => api?.shutdown());

type Row = Record<string, unknown>;

/** A JSON line of the migration file: the registration body plus where it stood. */
function line(overrides: Row & { customerName?: string; uei?: string } = {}): Row {
  const { customerName, uei, ...rest } = overrides;
  return {
    resellerId: 'value-var',
    distributorId: 'dist-a',
    submittedAt: '2025-03-01T10:00:00Z',
    status: 'pending',
    customer: {
      name: customerName ?? `${uniqueWord()} ${uniqueWord()}`,
      ...(uei ? { identifiers: { uei } } : {}),
      segment: 'commercial',
    },
    opportunity: { title: 'Migrated deal', productLines: ['storage'] },
    ...rest,
  };
}

const ndjson = (rows: Array<Row | string>) =>
  `${rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n')}\n`;

const importAndWait = (text: string, { dryRun = false, contentType = 'application/x-ndjson' } = {}) =>
  importFile(api, `/api/v1/registrations/import${dryRun ? '?dryRun=true' : ''}`, { text, contentType });

const uei = () => `MIG${Math.random().toString(36).slice(2, 11).toUpperCase().padEnd(9, '0')}`;
const stored = (filter: Record<string, unknown>) => Registration.find(filter).lean<RegistrationDoc[]>().exec();

test('a file with errors: each bad row is reported by row and field, nothing guessed, the good rows imported', async () => {
  const good = line({ status: 'won' });
  const job = await importAndWait(
    ndjson([
      good,
      line({ resellerId: 'nobody-here' }),
      line({ distributorId: 'dist-zz' }),
      '{"resellerId": ',
      line({ status: 'approved' }),
      line({ customer: { name: 'Bad Segment Co', segment: 'retail' } }),
      line({ submittedAt: 'last tuesday' }),
    ]),
  );
  expect(job).toMatchObject({ kind: 'registrations', status: 'done', progress: { rows: 7, done: 1, failed: 6 } });
  const where = job.errors.map((error: { row: number; path: string }) => `${error.row}:${error.path}`);
  expect(where).toEqual([
    '2:resellerId',
    '3:distributorId',
    '4:',
    '5:protectedUntil',
    '6:customer.segment',
    '7:submittedAt',
  ]);
  expect(job.errors[0].message).toMatch(/no reseller nobody-here/);
  // A closed import is stored for history by the import itself, before the job is done: no workflow runs.
  const [imported] = await stored({ 'arrival.importId': job.id });
  expect(imported).toMatchObject({ status: 'won', historyOnly: true, arrival: { importId: job.id, row: 1 } });
  expect(imported?.submittedAt.toISOString()).toBe('2025-03-01T10:00:00.000Z');
  expect(imported?.decisions.map((entry) => entry.event)).toEqual(['imported-won']);
  expect(imported?.lookupKeys.length).toBeGreaterThan(0);
  await expect(api.system.temporal.workflow.getHandle(imported?.workflowId as string).describe()).rejects.toThrow(
    WorkflowNotFoundError,
  );
  // What a recorded end writes: program-health facts, and nothing listed under the deal or held.
  const facts = await InsightFactModel.find({ _id: { $in: [`${imported?._id}|submitted`] } })
    .lean()
    .exec();
  expect(facts).toHaveLength(1);
  expect(await registrationIdsUnderKeys(imported?.lookupKeys ?? [])).not.toContain(imported?._id);
  const history = await api.call({
    as: 'auditor',
    method: 'get',
    path: `/api/v1/registrations/${imported?._id}/history`,
  });
  expect(history.body).toEqual({ events: [] });
  const report = await auditReport(imported?._id as string);
  expect(report.stdout).toContain(`Workflow history: none: stored for history by import ${job.id}`);
  expect(report.stdout).toMatch(/Hash chain: intact \(1 entries\)/);
  expect(report.stdout).toContain('Global audit log: every signed decision is there');

  // A re-run of the same file writes nothing twice: the row is imported already.
  const again = await importAndWait(ndjson([good]));
  expect(again.migration).toMatchObject({ alreadyImported: 1, closed: 0 });
  const [after] = await stored({ _id: imported?._id });
  expect(after?.decisions).toHaveLength(1);
}, 180_000);

/** `npm run audit` on one registration, as an operator runs it; fails (rejects) on a non-zero exit. */
async function auditReport(registrationId: string) {
  const root = path.resolve(__dirname, '..', '..');
  return promisify(execFile)(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['services/audit-cli.ts', registrationId],
    {
      cwd: root,
      env: {
        ...process.env,
        MONGODB_URI: api.system.mongodbUri,
        DEALREG_AUDIT_CHECKPOINT_DIR: await mkdtemp(path.join(os.tmpdir(), 'dealreg-import-audit-')),
      },
    },
  );
}

test('a CSV header without the required columns is refused whole, and nothing is kept', async () => {
  const jobsBefore = await ImportJob.countDocuments({ kind: 'registrations' }).exec();
  const answer = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/registrations/import',
    raw: { text: 'resellerId,status\nvalue-var,pending\n', contentType: 'text/csv' },
  });
  expect(answer.status).toBe(422);
  expect(answer.body.detail).toMatch(/missing distributorId, submittedAt/);
  expect(await ImportJob.countDocuments({ kind: 'registrations' }).exec()).toBe(jobsBefore);
});

describe('a migration next to live registrations', () => {
  const heldUei = uei();
  const pairUei = uei();
  const heldName = `${uniqueWord()} Holdings`;
  const keptUntil = new Date(Date.now() + 3_600_000).toISOString();
  const names = [1, 2, 3, 4].map(() => `${uniqueWord()} ${uniqueWord()}`);
  let holder: { id: string; sequence: number };
  let file: string;

  beforeAll(async () => {
    const existing = await submitAndWait(api, freshSubmission({ customerName: heldName, uei: heldUei }));
    expect(existing.status).toBe('approved');
    holder = existing;
    const header =
      'resellerId,distributorId,submittedAt,status,protectedUntil,note,customerName,uei,segment,opportunityTitle,productLines';
    const csv = (cells: string[]) => cells.join(',');
    file = [
      header,
      // Listed out of order on purpose: the file's order is not the numbering's.
      csv([
        'small-boutique',
        'dist-a',
        '2025-06-01T00:00:00Z',
        'approved',
        keptUntil,
        '',
        names[0] as string,
        '',
        'commercial',
        'Kept',
        'storage',
      ]),
      // Registered long before the live holder, but numbered after it: the holder keeps the deal.
      csv([
        'small-boutique',
        'dist-b',
        '2024-01-01T00:00:00Z',
        'approved',
        keptUntil,
        'held elsewhere',
        heldName,
        heldUei,
        'commercial',
        'Clash',
        'storage',
      ]),
      csv([
        'big-integrator',
        'dist-a',
        '2024-02-01T00:00:00Z',
        'pending',
        '',
        '',
        `${heldName} Inc`,
        heldUei,
        'commercial',
        'Late',
        'storage',
      ]),
      csv([
        'value-var',
        'dist-a',
        '2023-05-01T00:00:00Z',
        'lost',
        '',
        '',
        names[1] as string,
        '',
        'commercial',
        'Old',
        'storage',
      ]),
      csv([
        'value-var',
        'dist-a',
        '2025-01-01T00:00:00Z',
        'escalated',
        '',
        '',
        names[2] as string,
        '',
        'commercial',
        'Open',
        'storage',
      ]),
      // Two approved claims on one deal nobody here holds: both go to a channel manager, side by side.
      csv([
        'value-var',
        'dist-a',
        '2024-06-01T00:00:00Z',
        'approved',
        keptUntil,
        '',
        names[3] as string,
        pairUei,
        'commercial',
        'Claimed twice',
        'storage',
      ]),
      csv([
        'big-integrator',
        'dist-a',
        '2024-03-01T00:00:00Z',
        'approved',
        keptUntil,
        '',
        `${names[3]} Inc`,
        pairUei,
        'commercial',
        'Claimed twice',
        'storage',
      ]),
    ].join('\r\n');
  }, 120_000);

  test('a dry run reports what would happen, conflicts with their holder, and stores nothing', async () => {
    const top = await highestSequence();
    const job = await importAndWait(file, { dryRun: true, contentType: 'text/csv' });
    expect(job).toMatchObject({ status: 'done', progress: { rows: 7, done: 7, failed: 0 } });
    expect(job.migration).toMatchObject({
      dryRun: true,
      approved: 1,
      escalated: 3,
      decidedAfresh: 2,
      closed: 1,
      alreadyImported: 0,
      conflictCount: 3,
    });
    // In numbering order: the import on the live holder's deal, then both claimants of the other deal,
    // each shown with the other.
    expect(job.migration.conflicts).toEqual([
      expect.objectContaining({
        row: 3,
        resellerId: 'small-boutique',
        heldBy: [expect.objectContaining({ registrationId: holder.id })],
      }),
      expect.objectContaining({ row: 8, resellerId: 'big-integrator', heldBy: [expect.objectContaining({ row: 7 })] }),
      expect.objectContaining({ row: 7, resellerId: 'value-var', heldBy: [expect.objectContaining({ row: 8 })] }),
    ]);
    expect(await stored({ 'arrival.importId': job.id })).toEqual([]);
    expect(await ImportPlan.countDocuments({ jobId: job.id }).exec()).toBe(0);
    expect(await highestSequence()).toBe(top);
  }, 180_000);

  test('a real run keeps the original order, state and protection end; conflicts are escalated; a re-run changes nothing', async () => {
    const job = await importAndWait(file, { contentType: 'text/csv' });
    expect(job).toMatchObject({ status: 'done', progress: { rows: 7, done: 7, failed: 0 } });
    expect(job.migration).toMatchObject({ dryRun: false, approved: 1, escalated: 3, decidedAfresh: 2, closed: 1 });
    const settled = await eventually(
      async () => {
        const docs = await stored({ 'arrival.importId': job.id });
        return docs.length === 7 && docs.every((doc) => doc.decisions.length > 0 && doc.status !== 'pending')
          ? docs
          : undefined;
      },
      'every import to be recorded',
      90_000,
    );
    const byRow = new Map(settled.map((doc) => [doc.arrival?.row, doc]));
    // Numbered after every existing registration, in original submittedAt order among themselves.
    const inOrder = [...settled].sort((a, b) => (a.sequence as number) - (b.sequence as number));
    expect(inOrder.map((doc) => doc.arrival?.row)).toEqual([5, 3, 4, 8, 7, 6, 2]);
    expect(inOrder[0]?.sequence).toBeGreaterThan(holder.sequence);
    expect(byRow.get(5)?.submittedAt.toISOString()).toBe('2023-05-01T00:00:00.000Z');
    // Each has its signed imported entry first.
    for (const doc of settled) expect(doc.decisions[0]).toMatchObject({ key: 'imported', kind: 'imported' });
    expect(byRow.get(2)).toMatchObject({ status: 'approved' });
    expect(byRow.get(2)?.protectedUntil?.toISOString()).toBe(keptUntil);
    expect(byRow.get(5)).toMatchObject({ status: 'lost' });
    // The approved import on the holder's deal: escalated with the holder shown, never decided silently.
    const clash = byRow.get(3) as RegistrationDoc;
    expect(clash.status).toBe('escalated');
    expect(clash.escalationId).toBeDefined();
    expect(clash.decisions[0]?.matches.map((match) => match.registrationId)).toContain(holder.id);
    // Staff read where it came from; its owner reads its own entry, never the holder's name.
    const staffView = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${clash._id}` });
    expect(staffView.body).toMatchObject({
      submittedAt: '2024-01-01T00:00:00.000Z',
      arrival: { importId: job.id, row: 3, status: 'approved', protectedUntil: keptUntil, note: 'held elsewhere' },
      decisions: [
        { kind: 'imported', toStatus: 'escalated', matches: [expect.objectContaining({ registrationId: holder.id })] },
      ],
    });
    const ownerView = await api.call({
      as: 'other-reseller',
      method: 'get',
      path: `/api/v1/registrations/${clash._id}`,
    });
    expect(ownerView.status).toBe(200);
    expect(ownerView.body.arrival).toBeUndefined();
    expect(JSON.stringify(ownerView.body)).not.toContain(holder.id);
    // The pending import on the same deal is decided afresh, after the holder: the deal is taken.
    expect(byRow.get(4)?.decisions.map((entry) => entry.kind)).toEqual(['imported', 'decision']);
    expect(byRow.get(4)?.status).not.toBe('approved');
    // The escalated import, alone on its deal, is decided afresh: approved.
    expect(byRow.get(6)?.status).toBe('approved');
    const holderNow = await Registration.findById(holder.id).lean<RegistrationDoc>().exec();
    expect(holderNow?.status).toBe('approved');

    // Two approved imports on one deal: neither keeps the approval silently; both are escalated, into one
    // escalation where a channel manager sees them side by side, and the award decides.
    const [first, second] = [byRow.get(8), byRow.get(7)] as RegistrationDoc[];
    expect([first?.status, second?.status]).toEqual(['escalated', 'escalated']);
    expect(first?.escalationId).toBeDefined();
    expect(second?.escalationId).toBe(first?.escalationId);
    expect(first?.decisions[0]?.explanation).toMatch(/row 7/);
    expect(second?.decisions[0]?.matches.map((match) => match.registrationId)).toContain(first?._id);
    const pair = await waitForEscalationWorkflow(api.system, first?.escalationId as string, 2);
    expect(pair.contenders.map((c) => [c.registrationId, c.role]).sort()).toEqual(
      [
        [first?._id, 'contender'],
        [second?._id, 'contender'],
      ].sort(),
    );
    const awarded = await api.call({
      as: 'channel-manager',
      method: 'post',
      path: `/api/v1/escalations/${first?.escalationId}/resolve`,
      body: { award: first?._id, reason: 'registered first in the old system' },
    });
    expect(awarded.status).toBe(200);
    const [won, against] = await eventually(async () => {
      const docs = await stored({ _id: { $in: [first?._id, second?._id] } });
      const byId = new Map(docs.map((doc) => [doc._id, doc]));
      const pairNow = [byId.get(first?._id as string), byId.get(second?._id as string)];
      return pairNow.every((doc) => doc?.status !== 'escalated') ? pairNow : undefined;
    }, 'both claimants to be decided');
    expect(won?.status).toBe('approved');
    expect(against).toMatchObject({ status: 'rejected', reasonCode: 'resolved-against' });

    // A channel manager resolves the conflict as any other, the holder and the import side by side.
    await waitForEscalationWorkflow(api.system, clash.escalationId as string, 2);
    const resolved = await api.call({
      as: 'channel-manager',
      method: 'post',
      path: `/api/v1/escalations/${clash.escalationId}/resolve`,
      body: { award: holder.id, reason: 'the live registration came first here' },
    });
    expect(resolved.status).toBe(200);
    const lost = await eventually(async () => {
      const doc = await Registration.findById(clash._id).lean<RegistrationDoc>().exec();
      return doc?.status === 'rejected' ? doc : undefined;
    }, 'the import to be resolved against');
    expect(lost.reasonCode).toBe('resolved-against');
    await recordHistory(api.system, 'imported-approved-escalated-resolved-against', lost.workflowId);

    const top = await highestSequence();
    const again = await importAndWait(file, { contentType: 'text/csv' });
    expect(again).toMatchObject({ status: 'done', progress: { rows: 7, done: 7, failed: 0 } });
    expect(again.migration).toMatchObject({
      alreadyImported: 7,
      approved: 0,
      escalated: 0,
      closed: 0,
      decidedAfresh: 0,
    });
    expect(await stored({ 'arrival.importId': again.id })).toEqual([]);
    expect(await highestSequence()).toBe(top);
  }, 240_000);
});

test("closed imports find the vendor's accounts as an acceptance does: by identifier, and by name for staff", async () => {
  const word = uniqueWord();
  const account = {
    id: `acct-mig-${word}`,
    name: `${word} ${uniqueWord()} Authority`,
    identifiers: { uei: uei() },
    segment: 'state-local',
    region: 'east',
  };
  const created = await api.call({ as: 'admin', method: 'post', path: '/api/v1/accounts', body: account });
  expect(created.status).toBe(201);
  const byIdentifier = line({ status: 'won', uei: account.identifiers.uei, submittedAt: '2025-04-01T00:00:00Z' });
  const byName = line({ status: 'lost', customerName: account.name, submittedAt: '2025-04-02T00:00:00Z' });
  const job = await importAndWait(ndjson([byIdentifier, byName]));
  expect(job.progress).toMatchObject({ done: 2, failed: 0 });
  const byRow = new Map((await stored({ 'arrival.importId': job.id })).map((doc) => [doc.arrival?.row, doc]));
  expect(byRow.get(1)).toMatchObject({ status: 'won', accountId: account.id, account: { segment: 'state-local' } });
  expect(byRow.get(2)?.accountId).toBeUndefined();
  expect(byRow.get(2)?.accountCandidates).toEqual([expect.objectContaining({ accountId: account.id, basis: 'name' })]);
});

test('an approved import is protected to its own end, and expires then like any other', async () => {
  const until = new Date(Date.now() + 8_000).toISOString();
  const row = line({ status: 'approved', protectedUntil: until, submittedAt: '2025-09-01T00:00:00Z' });
  const job = await importAndWait(ndjson([row]));
  expect(job.progress).toMatchObject({ done: 1, failed: 0 });
  const expired = await eventually(
    async () => {
      const [doc] = await stored({ 'arrival.importId': job.id });
      return doc?.status === 'expired' ? doc : undefined;
    },
    'the import to expire',
    60_000,
  );
  expect(expired.decisions.map((entry) => entry.event)).toEqual(['imported-approved', 'expired']);
  expect(expired.decisions[0]?.protectedUntil).toBe(until);
  expect(expired.endedAt?.getTime()).toBeGreaterThanOrEqual(Date.parse(until));
  await recordHistory(api.system, 'imported-approved-then-expired', expired.workflowId);

  // The audit reports the arrival as such: signed and chained like any entry, with no earlier history.
  const report = await auditReport(expired._id);
  expect(report.stdout).toContain(`migrated by import ${job.id} (row 1): approved`);
  expect(report.stdout).toContain('imported: the state the registration came with; no earlier workflow history');
  expect(report.stdout).toMatch(/Hash chain: intact \(2 entries\)/);
  expect(report.stdout).toContain('Decisions against the workflow history: all agree');
}, 120_000);

test("the README's sample migration file dry-runs as the README says", async () => {
  const demoResellers: Array<[string, 'integrator' | 'var' | 'boutique', string[]]> = [
    ['capitol-integrators', 'integrator', ['dist-a', 'dist-b']],
    ['federal-systems-group', 'integrator', ['dist-a']],
    ['riverbend-var', 'var', ['dist-a', 'dist-b']],
    ['summit-tech-var', 'var', ['dist-b']],
    ['pixel-boutique', 'boutique', ['dist-b']],
  ];
  await Reseller.insertMany(
    demoResellers.map(([id, partnerType, distributorIds]) => ({
      _id: id,
      name: id,
      partnerType,
      distributorIds,
      createdAt: new Date(),
    })),
  );
  const sample = await readFile(path.resolve(__dirname, '..', '..', 'docs', 'migration-sample.csv'), 'utf8');
  const job = await importAndWait(sample, { dryRun: true, contentType: 'text/csv' });
  expect(job).toMatchObject({ status: 'done', progress: { rows: 7, done: 6, failed: 1 } });
  expect(job.errors).toEqual([{ row: 8, path: 'resellerId', message: 'no reseller acme-partners is registered' }]);
  // Rows 2 and 3 both claim one deal approved: both escalated, each shown with the other.
  expect(job.migration).toMatchObject({ approved: 0, escalated: 2, decidedAfresh: 2, closed: 2, conflictCount: 2 });
  expect(job.migration.conflicts).toEqual([
    expect.objectContaining({ row: 2, heldBy: [expect.objectContaining({ row: 3 })] }),
    expect.objectContaining({ row: 3, heldBy: [expect.objectContaining({ row: 2 })] }),
  ]);
}, 120_000);
