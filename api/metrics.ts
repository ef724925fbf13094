import { createHash, timingSafeEqual } from 'node:crypto';
import client from 'prom-client';
import { Delivery } from '../db/deliveries';
import { Escalation } from '../db/escalations';
import { Outbox } from '../db/outbox';
import { Registration } from '../db/registrations';
import { registerRoundTripCounters } from '../services/round-trip-metrics';

/** How long a database-derived gauge is reused: scrapes must stay cheap even on a large collection. */
const SNAPSHOT_TTL_MS = 30_000;

interface StoredCounts {
  registrationsByStatus: Array<{ status: string; count: number }>;
  openEscalations: number;
  abandonedDeliveries: number;
  retryingDeliveries: number;
}

async function readStoredCounts(): Promise<StoredCounts> {
  const [byStatus, openEscalations, abandonedDeliveries, retryingDeliveries] = await Promise.all([
    Registration.aggregate<{ _id: string; count: number }>([
      { $match: { sequence: { $exists: true } } },
      { $group: { _id: '$status', count: { $sum: 1 } } },
    ]).exec(),
    Escalation.countDocuments({ status: 'open' }).exec(),
    Delivery.countDocuments({ outcome: 'abandoned' }).exec(),
    Outbox.countDocuments({ attempts: { $gt: 0 } }).exec(),
  ]);
  return {
    registrationsByStatus: byStatus.map((row) => ({ status: String(row._id), count: row.count })),
    openEscalations,
    abandonedDeliveries,
    retryingDeliveries,
  };
}

/**
 * The API's Prometheus metrics, in registries of their own (so several apps in one test process do not
 * collide): `registry` holds process and request figures, anyone may read them; `programRegistry` holds
 * the program's own (submissions by outcome, stored counts), served only to a scraper presenting
 * METRICS_TOKEN. Request durations and submissions are counted as they pass; stored counts come from
 * the database at most every 30 s. Webhook delivery attempts happen in the worker, so the API reports
 * their lasting traces (abandoned deliveries, messages being retried) from the database.
 */
export function createMetrics() {
  const registry = new client.Registry();
  const programRegistry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'dealreg_api_' });
  registerRoundTripCounters(registry);

  const httpDuration = new client.Histogram({
    name: 'dealreg_http_request_duration_seconds',
    help: 'HTTP request durations by route, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const submissions = new client.Counter({
    name: 'dealreg_registration_submissions_total',
    help: 'POST /registrations by outcome: accepted (new), repeated (same Idempotency-Key), refused',
    labelNames: ['outcome'] as const,
    registers: [programRegistry],
  });

  let snapshot: { at: number; counts: StoredCounts } | undefined;
  let refreshing: Promise<void> | undefined;
  const refresh = async () => {
    if (snapshot && Date.now() - snapshot.at < SNAPSHOT_TTL_MS) return;
    refreshing ??= readStoredCounts()
      .then((counts) => {
        snapshot = { at: Date.now(), counts };
      })
      // A scrape while the database is down reports the last known values rather than failing.
      .catch(() => undefined)
      .finally(() => {
        refreshing = undefined;
      });
    await refreshing;
  };

  new client.Gauge({
    name: 'dealreg_registrations',
    help: 'Accepted registrations by current status (from the database, refreshed at most every 30 s)',
    labelNames: ['status'] as const,
    registers: [programRegistry],
    async collect() {
      await refresh();
      this.reset();
      for (const row of snapshot?.counts.registrationsByStatus ?? []) this.set({ status: row.status }, row.count);
    },
  });
  new client.Gauge({
    name: 'dealreg_open_escalations',
    help: 'Escalations waiting for a channel manager',
    registers: [programRegistry],
    async collect() {
      await refresh();
      if (snapshot) this.set(snapshot.counts.openEscalations);
    },
  });
  new client.Gauge({
    name: 'dealreg_webhook_deliveries_abandoned',
    help: 'Webhook notifications given up after their last attempt failed',
    registers: [programRegistry],
    async collect() {
      await refresh();
      if (snapshot) this.set(snapshot.counts.abandonedDeliveries);
    },
  });
  new client.Gauge({
    name: 'dealreg_webhook_deliveries_retrying',
    help: 'Webhook notifications whose delivery failed at least once and that are waiting for a retry',
    registers: [programRegistry],
    async collect() {
      await refresh();
      if (snapshot) this.set(snapshot.counts.retryingDeliveries);
    },
  });

  return { registry, programRegistry, httpDuration, submissions };
}

export type ApiMetrics = ReturnType<typeof createMetrics>;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** True when `Authorization: Bearer <token>` carries the configured token (compared in constant time). */
export function presentsMetricsToken(authorization: string | undefined, token: string | undefined): boolean {
  const presented = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  return Boolean(token && presented && timingSafeEqual(digest(presented), digest(token)));
}

/** The exposition `GET /metrics` answers: the program's figures only for the holder of METRICS_TOKEN. */
export async function metricsText(metrics: ApiMetrics, withProgramFigures: boolean): Promise<string> {
  const publicText = await metrics.registry.metrics();
  if (!withProgramFigures) return `${publicText}# program figures (counts by status...) need METRICS_TOKEN\n`;
  return `${publicText}${await metrics.programRegistry.metrics()}`;
}
