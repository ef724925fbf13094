import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventModel } from '../../db/events';
import { forgetWebhookList } from '../../db/outbox';
import { Distributor, Reseller, Webhook } from '../../db/partners';
import { PolicyModel } from '../../db/policies';
import { startOutboxDispatcher } from '../../worker/outbox-dispatcher';
import { policyChangeWorkflowId } from '../../workflows/definitions';
import { eventually, quietLogger } from '../support/harness';
import { recordHistory } from '../support/lifecycle';
import { type ApiTest, freshSubmission, simulateAndWait, startApiTest, submitAndWait } from './api-support';

/**
 * Scheduled rule changes against the real stack: the version in force switches at its instant (also
 * in the process that published it, whose list of versions is cached), partners hear of it by webhook
 * from a durable timer, and a cancelled change never takes force.
 */
let api: ApiTest;
let server: http.Server;
let dispatcher: { stop(): Promise<void> };
const received: { type: string; data: Record<string, unknown>; at: number }[] = [];

const policyBody = {
  model: 'open',
  timing: { protection: 'PT60S', expiryReminder: 'PT10S', reviewSla: 'PT30S', secondReviewSla: 'PT30S' },
};
/** Submission instants of the registrations the first test makes, for the period replay. */
const submitted: string[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const announcements = (version: number) =>
  received.filter((event) => event.type.startsWith('policy.') && event.data.version === version);

beforeAll(async () => {
  api = await startApiTest('policy-schedule');
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const parsed = JSON.parse(body);
      received.push({ type: parsed.type, data: parsed.data, at: Date.now() });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dist-a`;
  await Webhook.create({ _id: 'distributor:dist-a', url, secret: 'dist-secret', createdAt: new Date() });
  forgetWebhookList();
  dispatcher = startOutboxDispatcher({
    pollMs: 100,
    timeoutMs: 500,
    logger: quietLogger,
    targets: { allowLocal: true }, // the partner's endpoint is a local http server
  });
});

afterAll(async () => {
  await dispatcher?.stop();
  server?.closeAllConnections();
  server?.close();
  await api?.shutdown();
});

async function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

test('a change scheduled 3 s ahead is announced, shown as upcoming, and takes force at its instant', async () => {
  const before = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy' });
  expect(before.body.upcoming).toBeUndefined();
  const oldVersion = before.body.version as number;

  const effectiveFrom = new Date(Date.now() + 3000);
  const scheduled = await api.call({
    as: 'admin',
    method: 'put',
    path: '/api/v1/policy',
    body: { ...policyBody, effectiveFrom: effectiveFrom.toISOString() },
  });
  expect(scheduled.status).toBe(201);
  const newVersion = scheduled.body.version as number;
  expect(newVersion).toBe(oldVersion + 1);
  expect(scheduled.body.effectiveFrom).toBe(effectiveFrom.toISOString());

  const shown = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy' });
  expect(shown.body).toMatchObject({
    version: oldVersion,
    upcoming: { version: newVersion, effectiveFrom: effectiveFrom.toISOString() },
  });
  const guide = await api.call({ as: 'reseller', method: 'get', path: '/api/v1/policy/guide' });
  expect(guide.text).toContain(
    `Policy version ${newVersion} takes force on ${effectiveFrom.toISOString().slice(0, 10)}`,
  );

  // Only the submission must come before the instant; its decision may take longer on a busy machine.
  const early = await api.call({
    as: 'reseller',
    method: 'post',
    path: '/api/v1/registrations',
    body: freshSubmission(),
  });
  expect(early.status).toBe(202);
  expect(Date.parse(early.body.submittedAt)).toBeLessThan(effectiveFrom.getTime());
  expect(early.body.policyVersion).toBe(oldVersion);

  // Read the versions just before the instant, so this process's cached list predates it.
  await sleep(Math.max(0, effectiveFrom.getTime() - Date.now() - 300));
  await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy' });
  await sleep(Math.max(0, effectiveFrom.getTime() - Date.now() + 20));
  const late = await submitAndWait(api, freshSubmission());
  expect(Date.parse(late.submittedAt)).toBeGreaterThanOrEqual(effectiveFrom.getTime());
  expect(late.policyVersion).toBe(newVersion);
  await eventually(async () => {
    const read = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${early.body.id}` });
    return read.body.status === 'approved' ? true : undefined;
  }, 'the early registration to be approved');
  submitted.push(early.body.submittedAt, late.submittedAt);

  const after = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy' });
  expect(after.body.version).toBe(newVersion);
  expect(after.body.upcoming).toBeUndefined();

  const [first, second] = await waitFor(() => {
    const got = announcements(newVersion);
    return got.length >= 2 ? got : undefined;
  }, 'policy.scheduled and policy.effective');
  expect(first!.type).toBe('policy.scheduled');
  expect(first!.data).toMatchObject({
    version: newVersion,
    effectiveFrom: effectiveFrom.toISOString(),
    guideUrl: expect.stringMatching(/\/api\/v1\/policy\/guide$/),
  });
  expect(first!.at).toBeLessThan(effectiveFrom.getTime());
  expect(second!.type).toBe('policy.effective');
  expect(second!.at).toBeGreaterThanOrEqual(effectiveFrom.getTime());
  // Partners without a webhook read the same announcements from their event feed.
  expect(await EventModel.countDocuments({ audience: 'reseller:value-var', type: 'policy.effective' })).toBe(1);
  await recordHistory(api.system, 'policy-change-effective', policyChangeWorkflowId(PolicyModel.db.name, newVersion));
});

test('a cancelled change never takes force and is never announced as effective', async () => {
  const inForce = (await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy' })).body.version as number;
  const effectiveFrom = new Date(Date.now() + 4000);
  const scheduled = await api.call({
    as: 'admin',
    method: 'put',
    path: '/api/v1/policy',
    body: { ...policyBody, effectiveFrom: effectiveFrom.toISOString() },
  });
  expect(scheduled.status).toBe(201);
  const cancelledVersion = scheduled.body.version as number;
  await waitFor(() => (announcements(cancelledVersion).length > 0 ? true : undefined), 'policy.scheduled');
  // The administrator sees partners told, and how many: recorded once the last one's event was queued.
  const told = await eventually(async () => {
    const read = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy' });
    const made = read.body.upcoming?.announced as Array<{ event: string; partners: number }> | undefined;
    return made?.find((announcement) => announcement.event === 'policy.scheduled');
  }, 'the announcement shown on GET /policy');
  expect(told.partners).toBe((await Distributor.countDocuments()) + (await Reseller.countDocuments()));

  const another = await api.call({ as: 'admin', method: 'put', path: '/api/v1/policy', body: policyBody });
  expect(another.status).toBe(409);

  const cancelled = await api.call({ as: 'admin', method: 'delete', path: '/api/v1/policy/upcoming' });
  expect(cancelled.status).toBe(200);
  expect(cancelled.body).toMatchObject({ version: cancelledVersion, cancelledAt: expect.any(String) });
  const again = await api.call({ as: 'admin', method: 'delete', path: '/api/v1/policy/upcoming' });
  expect(again.status).toBe(409);
  const shown = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy' });
  expect(shown.body.version).toBe(inForce);
  expect(shown.body.upcoming).toBeUndefined();

  await sleep(Math.max(0, effectiveFrom.getTime() - Date.now() + 1500));
  const late = await submitAndWait(api, freshSubmission());
  expect(late.policyVersion).toBe(inForce);
  expect((await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy' })).body.version).toBe(inForce);
  const versions = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy/versions' });
  const listed = versions.body.versions.find((v: { version: number }) => v.version === cancelledVersion);
  expect(listed).toMatchObject({ effectiveFrom: effectiveFrom.toISOString(), cancelledAt: expect.any(String) });

  await waitFor(
    () => (announcements(cancelledVersion).some((event) => event.type === 'policy.cancelled') ? true : undefined),
    'policy.cancelled',
  );
  expect(announcements(cancelledVersion).map((event) => event.type)).toEqual(['policy.scheduled', 'policy.cancelled']);
  await recordHistory(
    api.system,
    'policy-change-cancelled',
    policyChangeWorkflowId(PolicyModel.db.name, cancelledVersion),
  );
});

test('effectiveFrom in the past is refused at its path', async () => {
  const refused = await api.call({
    as: 'admin',
    method: 'put',
    path: '/api/v1/policy',
    body: { ...policyBody, effectiveFrom: new Date(Date.now() - 60_000).toISOString() },
  });
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual([{ path: 'effectiveFrom', message: expect.stringContaining('past') }]);
});

test('a simulation over a period replays only the registrations submitted in it', async () => {
  const [early, late] = submitted as [string, string];
  const simulate = async (period: { from?: string; to?: string }) => {
    const job = await simulateAndWait(api, { policy: policyBody, ...period });
    expect(job.status).toBe('done');
    return { body: job.report };
  };
  const everything = await simulate({});
  expect(everything.body.registrations).toBeGreaterThanOrEqual(3);
  const onlyLate = await simulate({ from: late, to: new Date(Date.parse(late) + 1).toISOString() });
  expect(onlyLate.body.registrations).toBe(1);
  const bothOfTheFirst = await simulate({ from: early, to: new Date(Date.parse(late) + 1).toISOString() });
  expect(bothOfTheFirst.body.registrations).toBe(2);
  expect(bothOfTheFirst.body.outcomes.current.approve).toBe(2);
});
