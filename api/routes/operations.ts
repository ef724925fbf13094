import { z } from 'zod';
import { databaseIsReachable } from '../../db/connection';
import { RETRY_AFTER_SECONDS } from '../failures';
import { metricsText, presentsMetricsToken } from '../metrics';
import { WORKER_SEEN_WITHIN_MS, workerIsPolling } from '../readiness';
import { type AppDeps, definePublicRoute } from '../route-spec';

const tag = 'Operations';
const READY_TIMEOUT_MS = 2000;

const healthSchema = z.strictObject({ status: z.literal('ok') }).meta({ id: 'Health' });
const readinessSchema = z
  .strictObject({
    status: z.enum(['ready', 'unavailable']),
    checks: z.strictObject({
      temporal: z.boolean(),
      database: z.boolean(),
      worker: z.boolean().describe(`a worker polled the task queue within the last ${WORKER_SEEN_WITHIN_MS / 1000} s`),
    }),
    reason: z.string().optional().describe('why it is not ready'),
    rateLimitStore: z
      .enum(['memory', 'redis'])
      .describe('memory: each API process counts alone; redis: the limits hold across processes'),
  })
  .meta({ id: 'Readiness' });

async function temporalIsReachable(deps: AppDeps): Promise<boolean> {
  try {
    await deps.temporal.connection.withDeadline(Date.now() + READY_TIMEOUT_MS, () =>
      deps.temporal.connection.workflowService.getSystemInfo({}),
    );
    return true;
  } catch {
    return false;
  }
}

export const healthRoute = definePublicRoute({
  operationId: 'health',
  method: 'get',
  path: '/healthz',
  mount: 'root',
  tag,
  summary: 'The process is up',
  access: 'public',
  responses: { 200: { description: 'Up', schema: healthSchema } },
  async handle() {
    return { status: 200, body: { status: 'ok' } };
  },
});

export const readinessRoute = definePublicRoute({
  operationId: 'readiness',
  method: 'get',
  path: '/readyz',
  mount: 'root',
  tag,
  summary: 'A registration can be taken: Temporal and the database are reachable, and a worker polls',
  access: 'public',
  responses: {
    200: { description: 'Ready', schema: readinessSchema },
    503: { description: 'A dependency cannot be reached, or no worker polls the task queue', schema: readinessSchema },
  },
  async handle({ deps }) {
    const [temporal, database] = await Promise.all([temporalIsReachable(deps), databaseIsReachable(READY_TIMEOUT_MS)]);
    const worker = temporal && (await workerIsPolling(deps.temporal, deps.taskQueue, READY_TIMEOUT_MS));
    const ready = temporal && database && worker;
    const reasons = [
      temporal ? '' : 'Temporal cannot be reached',
      database ? '' : 'the database cannot be reached',
      !temporal || worker ? '' : `no worker polls task queue ${deps.taskQueue}`,
    ].filter(Boolean);
    return {
      status: ready ? 200 : 503,
      body: {
        status: ready ? 'ready' : 'unavailable',
        checks: { temporal, database, worker },
        ...(ready ? {} : { reason: reasons.join('; ') }),
        rateLimitStore: deps.rateLimitStores?.kind ?? 'memory',
      },
      headers: ready ? undefined : { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    };
  },
});

export const metricsRoute = definePublicRoute({
  operationId: 'metrics',
  method: 'get',
  path: '/metrics',
  mount: 'root',
  tag,
  summary: 'Prometheus metrics',
  description:
    'Process and request figures; with `Authorization: Bearer <METRICS_TOKEN>`, also the program figures (registrations by status, open escalations, submissions).',
  access: 'public',
  responses: { 200: { description: 'Prometheus text exposition', media: { 'text/plain': z.string() } } },
  async handle({ metrics, deps, req }) {
    const withProgramFigures = presentsMetricsToken(req.headers.authorization, deps.config.METRICS_TOKEN);
    return {
      status: 200,
      contentType: metrics.registry.contentType,
      body: await metricsText(metrics, withProgramFigures),
    };
  },
});

/** The OpenAPI document is built from the same table; the table hands it over when it is complete. */
export function openApiRoute(document: () => object) {
  return definePublicRoute({
    operationId: 'openapi',
    method: 'get',
    path: '/openapi.json',
    tag: 'Operations',
    summary: 'The OpenAPI 3.1 document of this API (also at /openapi.json)',
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
    async handle() {
      return { status: 200, body: document() };
    },
  });
}
