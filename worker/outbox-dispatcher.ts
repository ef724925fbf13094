import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { Delivery, Outbox, type OutboxDoc } from '../db/outbox';
import { Webhook, type WebhookDoc } from '../db/partners';

const MAX_ATTEMPTS = 12;
const LEASE_MS = 60_000;
const BATCH = 16;

/** 1 s, 2 s, 4 s … capped at one hour, with ±20 % jitter so that failing endpoints are not hit in step. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

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
  onFailure?: () => void;
}

/**
 * Delivers queued notifications to partners' webhooks, apart from the workflows: a partner endpoint
 * that is slow or failing delays only its own messages. Several worker processes may run it; each
 * message is leased with a guarded single-document update so one dispatcher at a time sends it.
 */
export function startOutboxDispatcher(options: DispatcherOptions): { stop(): Promise<void> } {
  let stopping = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const now = new Date();
    const due = await Outbox.find({ nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(BATCH)
      .lean<OutboxDoc[]>()
      .exec();
    await Promise.all(due.map((message) => deliverIfLeased(message, options)));
  };
  const loop = async () => {
    while (!stopping) {
      running = tick().catch((error) => options.logger.warn({ err: error }, 'outbox dispatch round failed'));
      await running;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  };
  void loop();
  return {
    async stop() {
      stopping = true;
      await running;
    },
  };
}

async function deliverIfLeased(message: OutboxDoc, options: DispatcherOptions): Promise<void> {
  const now = new Date();
  // Taking the lease pushes the next attempt into the future: another dispatcher skips it until then.
  const leased = await Outbox.findOneAndUpdate(
    { _id: message._id, nextAttemptAt: message.nextAttemptAt },
    { $set: { nextAttemptAt: new Date(now.getTime() + LEASE_MS), leaseUntil: new Date(now.getTime() + LEASE_MS) } },
    { new: true, lean: true },
  ).exec();
  if (!leased) return;
  const webhook = await Webhook.findById(message.webhookId).lean<WebhookDoc>().exec();
  const attempts = message.attempts + 1;
  const error = webhook ? await post(webhook, message, options.timeoutMs) : 'the webhook was removed';
  if (!error) {
    await finish(message, 'delivered', attempts);
    return;
  }
  options.onFailure?.();
  if (attempts >= MAX_ATTEMPTS || !webhook) {
    options.logger.warn({ messageId: message._id, attempts, error }, 'webhook delivery abandoned');
    await finish(message, 'abandoned', attempts, error);
    return;
  }
  await Outbox.updateOne(
    { _id: message._id },
    { $set: { attempts, lastError: error, nextAttemptAt: new Date(Date.now() + backoffMs(attempts)) }, $unset: { leaseUntil: 1 } },
  ).exec();
}

async function post(webhook: WebhookDoc, message: OutboxDoc, timeoutMs: number): Promise<string | undefined> {
  const body = JSON.stringify({ id: message._id, type: message.type, createdAt: message.createdAt, data: message.payload });
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'dealreg-event': message.type,
        'dealreg-delivery': message._id,
        'dealreg-signature': signatureHeader(webhook.secret, body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

async function finish(message: OutboxDoc, outcome: 'delivered' | 'abandoned', attempts: number, lastError?: string): Promise<void> {
  await Delivery.updateOne(
    { _id: message._id },
    {
      $setOnInsert: {
        webhookId: message.webhookId,
        type: message.type,
        outcome,
        attempts,
        lastError,
        createdAt: message.createdAt,
        finishedAt: new Date(),
      },
    },
    { upsert: true },
  ).exec();
  await Outbox.deleteOne({ _id: message._id }).exec();
}
