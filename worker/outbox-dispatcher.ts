import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { insertOnce } from '../db/insert-once';
import { Delivery, Outbox, type OutboxDoc, OutboxLease } from '../db/outbox';
import { Webhook, type WebhookDoc } from '../db/partners';
import { openWebhookSecret } from '../db/webhook-secrets';
import { postWebhook } from '../webhooks/post-webhook';
import type { TargetPolicy } from '../webhooks/target-policy';

const MAX_ATTEMPTS = 12;
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
  /** Which endpoints may be called; every delivery judges its target again. */
  targets: TargetPolicy;
  onFailure?: () => void;
}

/**
 * Delivers queued notifications to partners' webhooks, apart from the workflows: a partner endpoint
 * that is slow or failing delays only its own messages, never a registration. Several worker processes
 * may run it; a lease per attempt (an insert) makes one of them send each attempt.
 */
export function startOutboxDispatcher(options: DispatcherOptions): { stop(): Promise<void> } {
  let stopping = false;
  let round: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!stopping) {
      round = dispatchDue(options).catch((error) =>
        options.logger.warn({ err: error }, 'outbox dispatch round failed'),
      );
      await round;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  };
  void loop();
  return {
    async stop() {
      stopping = true;
      await round;
    },
  };
}

async function dispatchDue(options: DispatcherOptions): Promise<void> {
  const due = await Outbox.find({ nextAttemptAt: { $lte: new Date() } })
    .sort({ nextAttemptAt: 1 })
    .limit(BATCH)
    .lean<OutboxDoc[]>()
    .exec();
  await Promise.all(due.map((message) => deliverIfLeased(message, options)));
}

/** Takes the lease of this attempt; a lease left by a dispatcher that died is taken over once it expires. */
async function takeLease(message: OutboxDoc, timeoutMs: number): Promise<boolean> {
  const leaseId = `${message._id}#${message.attempts + 1}`;
  const until = new Date(Date.now() + timeoutMs * 3);
  for (let tries = 0; tries < 2; tries += 1) {
    if (await insertOnce(OutboxLease, { _id: leaseId, until })) return true;
    const stale = await OutboxLease.deleteOne({ _id: leaseId, until: { $lt: new Date() } }).exec();
    if (stale.deletedCount !== 1) return false;
  }
  return false;
}

async function deliverIfLeased(message: OutboxDoc, options: DispatcherOptions): Promise<void> {
  if (!(await takeLease(message, options.timeoutMs))) return;
  const webhook = await Webhook.findById(message.webhookId).lean<WebhookDoc>().exec();
  const attempts = message.attempts + 1;
  const error = webhook ? await post(webhook, message, options) : 'the webhook was removed';
  if (!error) {
    await finish(message, 'delivered', attempts);
  } else {
    options.onFailure?.();
    if (attempts >= MAX_ATTEMPTS || !webhook) {
      options.logger.warn({ messageId: message._id, attempts, error }, 'webhook delivery abandoned');
      await finish(message, 'abandoned', attempts, error);
    } else {
      await Outbox.updateOne(
        { _id: message._id },
        { $set: { attempts, lastError: error, nextAttemptAt: new Date(Date.now() + backoffMs(attempts)) } },
      ).exec();
    }
  }
  await OutboxLease.deleteOne({ _id: `${message._id}#${attempts}` }).exec();
}

async function post(webhook: WebhookDoc, message: OutboxDoc, options: DispatcherOptions): Promise<string | undefined> {
  const body = JSON.stringify({
    id: message._id,
    type: message.type,
    createdAt: message.createdAt,
    data: message.payload,
  });
  const headers = {
    'content-type': 'application/json',
    'dealreg-event': message.type,
    'dealreg-delivery': message._id,
    'dealreg-signature': signatureHeader(openWebhookSecret(webhook.secret, webhook._id), body),
  };
  return postWebhook({ url: webhook.url, headers, body, timeoutMs: options.timeoutMs }, options.targets);
}

async function finish(
  message: OutboxDoc,
  outcome: 'delivered' | 'abandoned',
  attempts: number,
  lastError?: string,
): Promise<void> {
  await insertOnce(Delivery, {
    _id: message._id,
    webhookId: message.webhookId,
    type: message.type,
    outcome,
    attempts,
    lastError,
    createdAt: message.createdAt,
    finishedAt: new Date(),
  });
  await Outbox.deleteOne({ _id: message._id }).exec();
}
