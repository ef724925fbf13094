import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forgetRollups, InsightRollup, recordFacts } from '../../db/insights';
import { rebuildInsights } from '../../db/insights-rebuild';
import { Webhook } from '../../db/partners';
import { bucketOf, type InsightPoint } from '../../domain/insights/aggregate';
import type { InsightFact } from '../../domain/insights/facts';
import { startWorkerMetricsServer } from '../../worker/metrics';
import { startOutboxDispatcher } from '../../worker/outbox-dispatcher';
import { publishTestPolicy } from '../support/fixtures';
import { eventually, quietLogger } from '../support/harness';
import { type ApiTest, contestedDeal, freshSubmission, startApiTest, submitAndWait } from './api-support';

let api: ApiTest;
let metrics: { server: Server; port: number };
let endpoint: Server;
let dispatcher: { stop(): Promise<void> };
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startApiTest('insights');
  metrics = await startWorkerMetricsServer({ port: 0, host: '127.0.0.1' });
  // The second distributor takes webhooks, so that a delivery's lag is measured.
  endpoint = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  await Webhook.create({
    _id: 'distributor:dist-b',
    url: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/dist-b`,
    secret: 'dist-b-secret',
    createdAt: new Date(),
  });
  dispatcher = startOutboxDispatcher({
    pollMs: 100,
    timeoutMs: 1000,
    logger: quietLogger,
    targets: { allowLocal: true },
  });
}, 60_000);
afterAll(async () => {
  await dispatcher?.stop();
  endpoint?.closeAllConnections();
  endpoint?.close();
  metrics?.server.close();
  await api?.shutdown();
});

async function insights(query: string): Promise<{ series: InsightPoint[]; policyChanges: unknown[] }> {
  const response = await api.call({ as: 'channel-manager', method: 'get', path: `/api/v1/insights?${query}` });
  expect(response.status).toBe(200);
  return response.body;
}
const byGroup = (series: InsightPoint[]) => Object.fromEntries(series.map((point) => [point.group, point]));
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('GET /insights', () => {
  test('counts registrations decided through the API per group and bucket, with rates and times', async () => {
    await submitAndWait(api, freshSubmission());
    await submitAndWait(api, freshSubmission());
    await submitAndWait(api, freshSubmission({ distributorId: 'dist-b' }));
    // Version 2: review deadlines of two seconds, so that an escalation misses both and the rule decides.
    await publishTestPolicy({
      timing: {
        protection: 'PT1H',
        expiryReminder: 'PT10M',
        reviewSla: 'PT2S',
        secondReviewSla: 'PT2S',
        onSecondSlaBreach: 'first-come',
      },
    });
    const { challenger } = await contestedDeal(api);
    await eventually(async () => {
      const read = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${challenger.id}` });
      return read.body.status === 'rejected' ? read.body : undefined;
    }, 'the escalation deadline to reject the challenger');

    const perDistributor = byGroup((await insights(`from=${today}&to=${today}&groupBy=distributor`)).series);
    expect(Object.keys(perDistributor).sort()).toEqual(['dist-a', 'dist-b']);
    const distA = perDistributor['dist-a'] as InsightPoint;
    expect(distA).toMatchObject({
      bucket: today,
      submitted: 4,
      approved: 3,
      rejected: { 'resolved-against': 1 },
      conflictRate: 0.25,
      escalationRate: 0.25,
      missedDeadlines: 2,
    });
    expect(sum(distA.escalated)).toBe(1);
    expect(distA.decisionMs.p50).not.toBeNull();
    // The challenger waited through both two-second deadlines.
    expect(distA.resolutionMs.p50).toBeGreaterThan(3500);
    expect(perDistributor['dist-b']).toMatchObject({ submitted: 1, approved: 1, conflictRate: 0, escalationRate: 0 });

    const perVersion = byGroup((await insights(`from=${today}&to=${today}&groupBy=policyVersion`)).series);
    expect(perVersion['1']).toMatchObject({ submitted: 3, approved: 3, conflictRate: 0 });
    expect(perVersion['2']).toMatchObject({ submitted: 2, conflictRate: 0.5, escalationRate: 0.5 });

    const weekly = await insights(`from=${today}&to=${today}&bucket=week`);
    expect(weekly.series).toEqual([
      expect.objectContaining({ bucket: bucketOf(today, 'week'), group: 'all', submitted: 5 }),
    ]);
    const monthly = await insights(`from=${today}&to=${today}&bucket=month&groupBy=segment`);
    expect(monthly.series).toEqual([
      expect.objectContaining({ bucket: today.slice(0, 7), group: 'commercial', submitted: 5, approved: 4 }),
    ]);
    expect(monthly.policyChanges).toEqual([
      { version: 1, effectiveFrom: expect.any(String) },
      { version: 2, effectiveFrom: expect.any(String) },
    ]);
  }, 60_000);

  test('refuses a reversed or too long period, and partners', async () => {
    const reversed = await api.call({
      as: 'auditor',
      method: 'get',
      path: '/api/v1/insights?from=2026-02-02&to=2026-02-01',
    });
    expect(reversed.status).toBe(422);
    const tooLong = await api.call({
      as: 'admin',
      method: 'get',
      path: '/api/v1/insights?from=2024-01-01&to=2026-01-01',
    });
    expect(tooLong.status).toBe(422);
    const partner = await api.call({ as: 'reseller', method: 'get', path: '/api/v1/insights' });
    expect(partner.status).toBe(403);
  });

  test('a rebuild from the registrations gives the series the running program kept', async () => {
    const queries = [
      `from=${today}&to=${today}&groupBy=distributor`,
      `from=${today}&to=${today}&groupBy=policyVersion`,
    ];
    const kept = await Promise.all(queries.map(insights));
    const report = await rebuildInsights();
    expect(report.facts).toBeGreaterThan(0);
    const rebuilt = await Promise.all(queries.map(insights));
    expect(rebuilt).toEqual(kept);
  });

  test('a closed day is summed once into a rollup, which later reads reuse', async () => {
    const day = '2025-06-10';
    const fact = (id: string): InsightFact => ({
      _id: `test|${id}|submitted`,
      kind: 'submitted',
      day,
      hour: `${day}T10`,
      at: new Date(`${day}T10:00:00Z`),
      distributorId: 'dist-a',
      segment: 'commercial',
      partnerType: 'var',
      model: 'open',
      policyVersion: 1,
    });
    await recordFacts([fact('a'), fact('b')]);
    const first = await insights(`from=${day}&to=${day}`);
    expect(first.series).toEqual([expect.objectContaining({ bucket: day, submitted: 2 })]);
    const rollup = await InsightRollup.findById(`rollup|${day}`).lean().exec();
    expect(rollup).toMatchObject({ day, facts: 2 });

    // A fact arriving after the snapshot is not summed again: the closed day is read from its rollup,
    // by this process (which keeps it) and by another (which reads the stored one).
    await recordFacts([fact('late')]);
    expect(await insights(`from=${day}&to=${day}`)).toEqual(first);
    forgetRollups();
    const again = await insights(`from=${day}&to=${day}`);
    expect(again.series).toEqual(first.series);
    const stillOne = await InsightRollup.find({ day }).lean().exec();
    expect(stillOne).toHaveLength(1);
    expect(stillOne[0]?.computedAt).toEqual(rollup?.computedAt);
  });
});

describe("the worker's /metrics", () => {
  test('exposes the decision-time histogram, outcomes by reason, missed deadlines and webhook lag', async () => {
    const scrape = async () => (await fetch(`http://127.0.0.1:${metrics.port}/metrics`)).text();
    const text = await eventually(async () => {
      const scraped = await scrape();
      return /^dealreg_webhook_lag_seconds_count\{type="registration.approved"\} 1$/m.test(scraped)
        ? scraped
        : undefined;
    }, "the second distributor's notification to be delivered");
    const value = (pattern: RegExp) => Number(text.match(pattern)?.[1] ?? Number.NaN);
    expect(value(/^dealreg_decision_seconds_count\{outcome="approved"\} (\d+)$/m)).toBe(4);
    expect(value(/^dealreg_decision_seconds_count\{outcome="rejected"\} (\d+)$/m)).toBe(1);
    expect(value(/^dealreg_decision_outcomes_total\{outcome="rejected",reason="resolved-against"\} (\d+)$/m)).toBe(1);
    expect(value(/^dealreg_decision_outcomes_total\{outcome="escalated",reason="[a-z-]+"\} (\d+)$/m)).toBe(1);
    expect(value(/^dealreg_escalation_deadlines_missed_total (\d+)$/m)).toBe(2);
    expect(text).toMatch(/^dealreg_escalation_oldest_open_age_seconds \d/m);
  });
});
