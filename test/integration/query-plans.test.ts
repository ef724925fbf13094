import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { storeSubmission } from '../../activities/accept';
import { auditKeys } from '../../config/audit-key';
import { appendToAuditLog } from '../../db/audit-log';
import { saveEscalation } from '../../db/escalations';
import { type RegistrationDoc, registrationListKeys } from '../../db/registrations';
import { customerIdentity, lookupKeys } from '../../domain/matching';
import { prepareSubmission } from '../../services/submit-registration';
import { uniqueWord } from '../support/fixtures';
import { logSize, type PlannedStore, plansLoggedSince, startPlannedStore, tablesOf } from '../support/query-plans';
import { type ApiTest, contestedDeal, freshSubmission, RESELLER, startApiTest, submitAndWait } from './api-support';

/**
 * The hot path, from `POST /registrations` to the decision and every page and list the console offers,
 * run against FerretDB on the stack's own PostgreSQL with a few thousand registrations stored: every
 * statement FerretDB sends for it is planned (auto_explain, with its parameters) and none may read a
 * collection that grows with registrations by a sequential scan.
 */
const serverUrl = process.env.DEALREG_TEST_POSTGRES_URL;
const logFile = process.env.DEALREG_TEST_POSTGRES_LOG;
const describeOnPostgres = serverUrl && logFile ? describe : describe.skip;
if (!serverUrl || !logFile) process.stderr.write('query-plans: skipped, the test stack has no PostgreSQL of its own\n');

/** Collections whose size follows the number of registrations; the others stay small whatever is stored. */
const growing = [
  'registrations',
  'dealkeys',
  'sequencenumbers',
  'chainpositions',
  'escalations',
  'auditlog',
  'auditlogrefs',
  'insightfacts',
  'quotaslots',
  'listentries',
];
const SEEDED = 2500;

describeOnPostgres('query plans of the hot path', () => {
  let store: PlannedStore;
  let api: ApiTest;

  beforeAll(async () => {
    store = await startPlannedStore(serverUrl as string, 'plans');
    api = await startApiTest('plans');
    // Stored registrations for the planner to weigh. A few go through the product's own submission;
    // the rest are copies of those with other customers and numbers, inserted in bulk (seeding them all
    // one by one takes minutes on a busy machine).
    const written: RegistrationDoc[] = [];
    for (let i = 0; i < 10; i += 1) {
      const stored = await storeSubmission(await prepareSubmission(RESELLER, freshSubmission()), {
        mayBeStored: false,
      });
      written.push(stored as unknown as RegistrationDoc);
    }
    let sequence = Math.max(...written.map((doc) => doc.sequence ?? 0));
    const db = mongoose.connection.db as NonNullable<typeof mongoose.connection.db>;
    for (let batch = 0; batch < SEEDED / 250; batch += 1) {
      const copies = Array.from({ length: 250 }, (_, i) => {
        const template = written[i % written.length] as RegistrationDoc;
        sequence += 1;
        const customer = { ...template.customer, name: `${uniqueWord()} ${uniqueWord()}` };
        const identity = customerIdentity(customer);
        const status: RegistrationDoc['status'] = i % 4 === 0 ? 'pending' : 'approved';
        const copy = {
          ...template,
          _id: `reg_seeded_${sequence}`,
          customer,
          status,
          sequence,
          lookupKeys: lookupKeys(identity),
          customerKeys: [identity.nameKey],
          searchText: customer.name.toLowerCase(),
        };
        return { ...copy, listKeys: registrationListKeys(copy) };
      });
      await db.collection('registrations').insertMany(copies as never[]);
      await db
        .collection('dealkeys')
        .insertMany(
          copies.flatMap((copy) =>
            copy.lookupKeys.map((key) => ({ _id: `${key}|${copy._id}`, key, registrationId: copy._id })),
          ) as never[],
        );
      // Places of the live registrations under their customer keys, and feed entries, as many.
      await db.collection('quotaslots').insertMany(
        copies.flatMap((copy) =>
          copy.lookupKeys.map((key) => ({
            _id: `${RESELLER}|key|${key}|${copy.sequence}`,
            holder: copy._id,
            kind: 'key',
            at: new Date(),
          })),
        ) as never[],
      );
      await db.collection('listentries').insertMany(
        copies.map((copy) => ({
          _id: `events:reseller:seeded#${copy.sequence}`,
          list: 'events:reseller:seeded',
          n: copy.sequence,
          ref: `dlv_${copy._id}`,
          at: new Date(),
        })) as never[],
      );
      await db.collection('sequencenumbers').insertMany(
        copies.map((copy) => ({
          _id: String(copy.sequence),
          value: copy.sequence,
          registrationId: copy._id,
          at: new Date(),
        })) as never[],
      );
    }
    await db
      .collection('counters')
      .updateOne({ _id: 'registrationSequence' as never }, { $max: { value: sequence } }, { upsert: true });
    // Escalations of the past year, decided, as a program that has run a while keeps them.
    for (let day = 0; day < 600; day += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const createdAt = new Date(Date.now() - (day + i) * 12 * 3600_000);
          return saveEscalation({
            _id: `esc_seeded_${day + i}`,
            status: 'resolved',
            subject: 'registration',
            reasonCode: 'possible-duplicate',
            contenders: [],
            policyVersion: 1,
            createdAt,
            reviewDueAt: createdAt,
            secondReviewDueAt: createdAt,
            level: 1,
            remindersSent: 0,
            revision: 1,
            workflowId: `escalation-esc_seeded_${day + i}`,
            updatedAt: createdAt,
          });
        }),
      );
    }
    // Program-health facts of the days before, a few hundred a day, for the planner to weigh.
    const facts = Array.from({ length: SEEDED }, (_, i) => {
      const at = new Date(Date.now() - (1 + (i % 10)) * 86_400_000);
      return {
        _id: `reg_seeded_${i}|submitted`,
        kind: 'submitted',
        day: at.toISOString().slice(0, 10),
        hour: at.toISOString().slice(0, 13),
        at,
        distributorId: 'dist-a',
        segment: 'commercial',
        partnerType: 'var',
        model: 'open',
        policyVersion: 1,
      };
    });
    await db.collection('insightfacts').insertMany(facts as never[]);
    // Decisions of the past, in the global audit log, for the planner to weigh that too.
    for (let i = 0; i < SEEDED; i += 1) {
      await appendToAuditLog(
        {
          registrationId: `reg_seeded_${i}`,
          decisionKey: 'decision',
          decisionHash: '0'.repeat(64),
          toStatus: 'approved',
          at: new Date().toISOString(),
        },
        auditKeys(),
      );
    }
    await store.psql('analyze');
  }, 300_000);

  afterAll(async () => {
    await api?.shutdown();
    await store?.stop();
  });

  test('no statement of the hot path scans a collection that grows with registrations', async () => {
    const growingTables = await tablesOf(store, api.system.mongodbUri, growing);
    expect(growingTables.size).toBeGreaterThanOrEqual(4);
    const offset = await logSize(logFile as string);

    // Submissions decided at once, a possible duplicate escalated, a contested deal resolved.
    const approved = await submitAndWait(api, freshSubmission());
    const sameDeal = freshSubmission({ uei: randomBytes(6).toString('hex').toUpperCase() });
    await submitAndWait(api, sameDeal);
    await submitAndWait(
      api,
      { ...sameDeal, opportunity: { ...sameDeal.opportunity, title: 'again' } },
      'other-reseller',
    );
    const { holder, escalationId } = await contestedDeal(api);
    const get = (as: Parameters<ApiTest['call']>[0]['as'], urlPath: string) =>
      api.call({ as, method: 'get', path: urlPath });
    for (const as of ['reseller', 'distributor', 'auditor'] as const) {
      expect((await get(as, `/api/v1/registrations/${approved.id}`)).status).toBe(200);
      expect((await get(as, '/api/v1/registrations?limit=20')).status).toBe(200);
      expect((await get(as, '/api/v1/registrations?status=approved&limit=20')).status).toBe(200);
    }
    for (const query of [
      `resellerId=${RESELLER}`,
      'distributorId=dist-a',
      `resellerId=${RESELLER}&status=pending`,
      'status=escalated',
      `q=${encodeURIComponent(approved.customer.name.split(' ')[0] as string)}`,
    ]) {
      const first = await get('auditor', `/api/v1/registrations?limit=10&${query}`);
      expect(first.status).toBe(200);
      if (first.body.nextCursor) {
        expect(
          (await get('auditor', `/api/v1/registrations?limit=10&${query}&cursor=${first.body.nextCursor}`)).status,
        ).toBe(200);
      }
    }
    // Program health: today's facts live, the closed days before from their rollups (computed on this read).
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    for (const groupBy of ['distributor', 'policyVersion']) {
      const health = await get('channel-manager', `/api/v1/insights?from=${weekAgo}&to=${today}&groupBy=${groupBy}`);
      expect(health.status).toBe(200);
    }
    expect((await get('channel-manager', '/api/v1/escalations?status=open')).status).toBe(200);
    expect((await get('channel-manager', '/api/v1/escalations')).status).toBe(200);
    expect((await get('channel-manager', `/api/v1/escalations/${escalationId}`)).status).toBe(200);
    const resolved = await api.call({
      as: 'channel-manager',
      method: 'post',
      path: `/api/v1/escalations/${escalationId}/resolve`,
      body: { award: holder.id, reason: 'the holder was first with this customer' },
    });
    expect([resolved.status, resolved.body.detail]).toEqual([200, undefined]);
    const extended = await api.call({
      as: 'reseller',
      method: 'post',
      path: `/api/v1/registrations/${approved.id}/extension`,
      body: { reason: 'slipped' },
    });
    expect(extended.status).toBe(200);
    const closed = await api.call({
      as: 'reseller',
      method: 'post',
      path: `/api/v1/registrations/${approved.id}/close`,
      body: { outcome: 'won' },
    });
    expect(closed.status).toBe(200);
    expect((await get('auditor', `/api/v1/registrations/${approved.id}/history`)).status).toBe(200);

    const plans = await plansLoggedSince(logFile as string, offset, store.database);
    expect(plans.length).toBeGreaterThan(50);
    const scans = plans.flatMap((plan) =>
      plan.sequentialScans
        .filter((table) => growingTables.has(table))
        .map((table) => `${growingTables.get(table)}: ${plan.query}`),
    );
    expect([...new Set(scans)]).toEqual([]);
  }, 180_000);
});
