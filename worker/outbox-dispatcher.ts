import { createHmac } from 'node:crypto';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { parseConfig } from '../config/config';
import { crashPoint } from '../config/crash-points';
import { finishDelivery } from '../db/deliveries';
import {
  claimQueue,
  isAwake,
  type QueueLease,
  queuesWithWork,
  recordNextDue,
  releaseQueue,
  takeWake,
} from '../db/delivery-claims';
import { eventEnvelope } from '../db/events';
import { Outbox, type OutboxDoc } from '../db/outbox';
import { Webhook, type WebhookDoc } from '../db/partners';
import { openWebhookSecret } from '../db/webhook-secrets';
import { postWebhook } from '../webhooks/post-webhook';
import { nextAttemptAt, type RetryPolicy } from '../webhooks/retry-schedule';
import type { TargetPolicy } from '../webhooks/target-policy';
import { workerMetrics } from './metrics';
import { startPollLoop } from './poll-loop';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the scheme partners verify against their secret. */
export function signatureHeader(secret: string, body: string, now = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export interface DispatcherOptions {
  pollMs: number;
  timeoutMs: number;
  logger: Logger;
  /** Which endpoints may be called; every delivery judges its target again. */
  targets: TargetPolicy;
  onFailure?: () => void;
  /** Requests in flight to one endpoint (default: WEBHOOK_CONCURRENCY_PER_ENDPOINT's). */
  concurrencyPerEndpoint?: number;
  /** Endpoints this dispatcher serves at once (default: WEBHOOK_ENDPOINTS_PER_DISPATCHER's). */
  endpointsAtOnce?: number;
  /** Default: WEBHOOK_RETRY_WINDOW_MS's and WEBHOOK_MAX_BACKOFF_MS's defaults. */
  retry?: RetryPolicy;
}

interface Settings extends DispatcherOptions {
  concurrencyPerEndpoint: number;
  endpointsAtOnce: number;
  retry: RetryPolicy;
  /** The length of a queue lease's epoch; the same in every dispatcher that shares the configuration. */
  epochMs: number;
  isStopping(): boolean;
}

/** How far apart dispatchers' clocks may be: a lease's holder starts nothing this close to its end. */
const CLOCK_SKEW_MS = 1000;

function settingsOf(options: DispatcherOptions, isStopping: () => boolean): Settings {
  const defaults = parseConfig({});
  return {
    ...options,
    concurrencyPerEndpoint: options.concurrencyPerEndpoint ?? defaults.WEBHOOK_CONCURRENCY_PER_ENDPOINT,
    endpointsAtOnce: options.endpointsAtOnce ?? defaults.WEBHOOK_ENDPOINTS_PER_DISPATCHER,
    retry: options.retry ?? {
      windowMs: defaults.WEBHOOK_RETRY_WINDOW_MS,
      maxBackoffMs: defaults.WEBHOOK_MAX_BACKOFF_MS,
    },
    epochMs: 4 * options.timeoutMs + 2 * CLOCK_SKEW_MS,
    isStopping,
  };
}

/**
 * Delivers queued notifications to partners' webhooks, apart from the workflows. Each webhook has its
 * own queue, served by one dispatcher at a time (a lease, db/delivery-claims.ts) with at most
 * `concurrencyPerEndpoint` requests in flight; a dispatcher serves many queues at once and never waits
 * for one before starting another, so an endpoint that is slow, failing or silent delays only its own
 * messages. Several worker processes may run it: each picks among the queues with work at random, so
 * they spread over them. Delivery is at least once (a partner deduplicates by `Dealreg-Delivery`).
 */
export function startOutboxDispatcher(options: DispatcherOptions): { stop(): Promise<void> } {
  const serving = new Map<string, Promise<void>>();
  let settings: Settings | undefined;
  const loop = startPollLoop(
    (isStopping) => {
      settings ??= settingsOf(options, isStopping);
      return startQueuesWithWork(settings, serving);
    },
    { pollMs: options.pollMs, logger: options.logger, what: 'outbox dispatch' },
  );
  return {
    async stop() {
      await loop.stop();
      await Promise.all(serving.values());
    },
  };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

async function startQueuesWithWork(settings: Settings, serving: Map<string, Promise<void>>): Promise<void> {
  if (serving.size >= settings.endpointsAtOnce) return;
  const candidates = shuffled((await queuesWithWork()).filter((id) => !serving.has(id)));
  for (const webhookId of candidates) {
    if (serving.size >= settings.endpointsAtOnce || settings.isStopping()) return;
    const lease = await claimQueue(webhookId, settings.epochMs);
    if (!lease) continue; // another dispatcher serves it
    const session = serveQueue(lease, settings)
      .catch((error) => settings.logger.warn({ err: error, webhookId }, 'serving a webhook queue failed'))
      .finally(() => serving.delete(webhookId));
    serving.set(webhookId, session);
  }
}

/**
 * Delivers a queue's due messages, oldest first and at most `concurrencyPerEndpoint` at once, while
 * the lease leaves time for a request to finish; reads the queue again while new messages wake it;
 * then leaves a hint of its earliest retry and releases the lease.
 */
async function serveQueue(lease: QueueLease, settings: Settings): Promise<void> {
  const { webhookId } = lease;
  const lastStart = lease.until - settings.timeoutMs - CLOCK_SKEW_MS;
  const mayStart = () => Date.now() < lastStart && !settings.isStopping();
  const inFlight = pLimit(settings.concurrencyPerEndpoint);
  let nextDue: number | undefined;
  const dueAgainAt = (at: number) => {
    nextDue = Math.min(nextDue ?? at, at);
  };
  try {
    const webhook = await Webhook.findById(webhookId).lean<WebhookDoc>().exec();
    do {
      await takeWake(webhookId);
      await crashPoint('dispatch:wake-deleted');
      const queued = await Outbox.find({ webhookId }).lean<OutboxDoc[]>().exec();
      const now = Date.now();
      const due = queued
        .filter((message) => new Date(message.nextAttemptAt).getTime() <= now)
        .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
      for (const message of queued) if (!due.includes(message)) dueAgainAt(new Date(message.nextAttemptAt).getTime());
      await Promise.all(
        due.map((message) =>
          inFlight(async () => {
            if (!mayStart()) return dueAgainAt(Date.now()); // left for the next lease
            const retryAt = await attempt(message, webhook, settings);
            if (retryAt) dueAgainAt(retryAt.getTime());
          }),
        ),
      );
    } while (mayStart() && (await isAwake(webhookId)));
    await recordNextDue(webhookId, nextDue === undefined ? undefined : new Date(nextDue));
  } finally {
    await releaseQueue(lease);
  }
}

/** One attempt: delivered, abandoned, or rescheduled (answers when). Only the queue's server calls it. */
async function attempt(message: OutboxDoc, webhook: WebhookDoc | null, settings: Settings): Promise<Date | undefined> {
  const attempts = message.attempts + 1;
  const error = webhook ? await post(webhook, message, settings) : 'the webhook was removed';
  if (!error) {
    await crashPoint('dispatch:delivered');
    await finishDelivery(message, 'delivered', attempts);
    workerMetrics().observeWebhookDelivered(message);
    return undefined;
  }
  settings.onFailure?.();
  const retryFrom = new Date(message.retryFrom ?? message.createdAt);
  const retryAt = webhook ? nextAttemptAt({ attempts, retryFrom, now: new Date() }, settings.retry) : undefined;
  if (!retryAt) {
    settings.logger.warn({ messageId: message._id, attempts, error }, 'webhook delivery abandoned');
    await finishDelivery(message, 'abandoned', attempts, error);
    return undefined;
  }
  await Outbox.updateOne({ _id: message._id }, { $set: { attempts, lastError: error, nextAttemptAt: retryAt } }).exec();
  return retryAt;
}

/** What a partner's endpoint receives for a message: everything in it is the partner's own or opaque. */
export function webhookRequest(
  secret: string,
  message: Pick<OutboxDoc, '_id' | 'type' | 'createdAt' | 'payload'>,
): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(eventEnvelope(message));
  const headers = {
    'content-type': 'application/json',
    'dealreg-event': message.type,
    'dealreg-delivery': message._id,
    'dealreg-signature': signatureHeader(secret, body),
  };
  return { headers, body };
}

async function post(webhook: WebhookDoc, message: OutboxDoc, settings: Settings): Promise<string | undefined> {
  const { headers, body } = webhookRequest(openWebhookSecret(webhook.secret, webhook._id), message);
  return postWebhook({ url: webhook.url, headers, body, timeoutMs: settings.timeoutMs }, settings.targets);
}
