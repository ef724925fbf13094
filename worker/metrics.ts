import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import client from 'prom-client';
import { Escalation } from '../db/escalations';
import { onInsightFact } from '../db/insights';
import type { InsightFact } from '../domain/insights/facts';
import { registerRoundTripCounters } from '../services/round-trip-metrics';

/** Seconds; decisions take milliseconds unless they wait for an escalation (hours, days). */
const DECISION_BUCKETS = [
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
  30,
  60,
  300,
  3600,
  4 * 3600,
  86_400,
  3 * 86_400,
  7 * 86_400,
];
const LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 6 * 3600, 86_400];
/** Scrapes read the open escalations at most this often. */
const ESCALATION_AGE_TTL_MS = 15_000;

/**
 * The worker's Prometheus metrics, in one small registry of this process. Other worker code adds
 * its own metrics with `workerMetrics().registry` (`registers: [registry]`). Decision and deadline
 * metrics follow the program-health facts this process inserts (db/insights.ts), so a retried
 * activity is not counted twice.
 */
function createWorkerMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'dealreg_worker_' });
  // Round trips to the database and Temporal, which the benchmark counts per registration.
  registerRoundTripCounters(registry);
  const decisionSeconds = new client.Histogram({
    name: 'dealreg_decision_seconds',
    help: 'Submission to approval or rejection (through escalation review when there was one)',
    labelNames: ['outcome'] as const,
    buckets: DECISION_BUCKETS,
    registers: [registry],
  });
  const outcomes = new client.Counter({
    name: 'dealreg_decision_outcomes_total',
    help: 'Approvals, rejections and escalations recorded, by reason code (none for a plain approval)',
    labelNames: ['outcome', 'reason'] as const,
    registers: [registry],
  });
  const missedDeadlines = new client.Counter({
    name: 'dealreg_escalation_deadlines_missed_total',
    help: 'Escalation review deadlines that passed without a decision (first: reminder; second: the rule decided)',
    registers: [registry],
  });
  const webhookLag = new client.Histogram({
    name: 'dealreg_webhook_lag_seconds',
    help: 'Notification queued to delivered, for deliveries that succeeded',
    labelNames: ['type'] as const,
    buckets: LAG_BUCKETS,
    registers: [registry],
  });
  let oldest: { at: number; ageSeconds: number; open: number } | undefined;
  new client.Gauge({
    name: 'dealreg_escalation_oldest_open_age_seconds',
    help: 'Age of the oldest escalation waiting for a channel manager (0 when none waits)',
    registers: [registry],
    async collect() {
      if (!oldest || Date.now() - oldest.at > ESCALATION_AGE_TTL_MS) {
        const open = await Escalation.find({ status: 'open' })
          .select({ createdAt: 1 })
          .lean<Array<{ createdAt: Date }>>()
          .exec()
          .catch(() => undefined);
        if (open) {
          const first = Math.min(...open.map((e) => new Date(e.createdAt).getTime()));
          oldest = { at: Date.now(), ageSeconds: open.length ? (Date.now() - first) / 1000 : 0, open: open.length };
        }
      }
      this.set(oldest?.ageSeconds ?? 0);
    },
  });

  const observeFact = (fact: InsightFact) => {
    if (fact.kind === 'decided' && fact.outcome) {
      outcomes.inc({ outcome: fact.outcome, reason: fact.reasonCode ?? 'none' });
      if (fact.ms !== undefined) decisionSeconds.observe({ outcome: fact.outcome }, fact.ms / 1000);
    }
    if (fact.kind === 'missed-deadline') missedDeadlines.inc();
  };
  onInsightFact(observeFact);

  return {
    registry,
    observeWebhookDelivered(message: { type: string; createdAt: Date | string }) {
      webhookLag.observe(
        { type: message.type },
        Math.max(0, Date.now() - new Date(message.createdAt).getTime()) / 1000,
      );
    },
  };
}

let metrics: ReturnType<typeof createWorkerMetrics> | undefined;
/** This process's worker metrics (made on first use). */
export function workerMetrics() {
  metrics ??= createWorkerMetrics();
  return metrics;
}

export interface MetricsServerOptions {
  port: number;
  /** 127.0.0.1 unless told: these are the program's own figures (decisions by outcome), not for anyone. */
  host?: string;
  /** The Temporal SDK's own Prometheus exporter, whose text is appended to ours (one scrape target). */
  temporalMetricsUrl?: string;
}

async function temporalText(url: string | undefined): Promise<string> {
  if (!url) return '';
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok ? `\n${await response.text()}` : '';
  } catch {
    // The SDK's exporter not answering must not cost the scrape our own metrics.
    return '';
  }
}

/** `GET /metrics` on the worker; answers 404 to anything else. */
export async function startWorkerMetricsServer(
  options: MetricsServerOptions,
): Promise<{ server: Server; port: number }> {
  const { registry } = workerMetrics();
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    Promise.all([registry.metrics(), temporalText(options.temporalMetricsUrl)])
      .then(([ours, temporal]) => {
        res.writeHead(200, { 'content-type': registry.contentType }).end(ours + temporal);
      })
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
