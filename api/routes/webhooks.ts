import { randomBytes } from 'node:crypto';
import { Distributor, Reseller, Webhook, type WebhookDoc, webhookId } from '../../db/partners';
import { sealWebhookSecret } from '../../db/webhook-secrets';
import { judgeWebhookTarget } from '../../webhooks/target-policy';
import { HttpProblem, validationProblem } from '../problem';
import { type Caller, defineRoute } from '../route-spec';
import { webhookBodySchema, webhookParamsSchema, webhookSchema } from '../schemas/partners';

const tag = 'Webhooks';
type Target = { partnerKind: 'reseller' | 'distributor' | 'vendor'; partnerId: string };

/**
 * Admins configure any webhook; a reseller or distributor only its own. The check compares the
 * path with the key's binding before anything is read, so a refusal says nothing about others.
 */
async function authorizeTarget(caller: Caller, target: Target): Promise<void> {
  const own =
    (caller.role === 'reseller' && target.partnerKind === 'reseller' && target.partnerId === caller.resellerId) ||
    (caller.role === 'distributor' &&
      target.partnerKind === 'distributor' &&
      target.partnerId === caller.distributorId);
  if (caller.role !== 'admin' && !own) {
    throw new HttpProblem(403, 'Forbidden', 'a partner may only configure its own webhook');
  }
  // Of a partner's people, its org admins (an integration's key may, as before).
  if (caller.role !== 'admin' && caller.userId && !caller.orgAdmin) {
    throw new HttpProblem(403, 'Forbidden', "only the organisation's org admins configure its webhook");
  }
  if (target.partnerKind === 'vendor') {
    // Channel managers' review reminders go to the one vendor-wide hook.
    if (target.partnerId !== 'channel-managers') {
      throw new HttpProblem(404, 'Not found', 'the only vendor webhook is vendor/channel-managers');
    }
    return;
  }
  const model = target.partnerKind === 'reseller' ? Reseller : Distributor;
  if (!(await model.exists({ _id: target.partnerId }).exec())) {
    throw new HttpProblem(404, 'Not found', `${target.partnerKind} ${target.partnerId} does not exist`);
  }
}

const hookIdOf = (target: Target) => webhookId({ kind: target.partnerKind, id: target.partnerId });

export const putWebhookRoute = defineRoute({
  operationId: 'putWebhook',
  method: 'put',
  path: '/webhooks/{partnerKind}/{partnerId}',
  tag,
  summary: 'Set a partner’s webhook URL and get a new signing secret (an addition to the contract)',
  description:
    'Every call replaces the URL and issues a new secret, shown this once. Deliveries carry `Dealreg-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.',
  access: ['admin', 'reseller', 'distributor'],
  request: { params: webhookParamsSchema, body: webhookBodySchema },
  responses: { 200: { description: 'The webhook with its secret', schema: webhookSchema } },
  refusals: {
    403: 'another partner’s webhook, or a partner’s person who is not its org admin',
    404: 'no such partner',
    422: 'not https, or the host is or resolves to a loopback, private, link-local or other non-public address',
  },
  async handle({ caller, params, body, deps }) {
    await authorizeTarget(caller, params);
    // A host that does not resolve yet is let be: every delivery judges the target again.
    const judged = await judgeWebhookTarget(body.url, { allowLocal: deps.config.DEALREG_WEBHOOKS_ALLOW_LOCAL });
    if (judged.verdict === 'refused')
      throw validationProblem('request body', [{ path: 'url', message: judged.reason }]);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const doc: WebhookDoc = { _id: hookIdOf(params), url: body.url, secret: '', createdAt: new Date() };
    // Stored sealed (db/webhook-secrets.ts): the partner sees it this once, the database never in the clear.
    doc.secret = sealWebhookSecret(secret, doc._id);
    await Webhook.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec();
    return {
      status: 200,
      body: { id: doc._id, url: doc.url, secret, createdAt: doc.createdAt.toISOString() },
      headers: { 'Cache-Control': 'no-store' },
    };
  },
});

export const deleteWebhookRoute = defineRoute({
  operationId: 'deleteWebhook',
  method: 'delete',
  path: '/webhooks/{partnerKind}/{partnerId}',
  tag,
  summary: 'Remove a partner’s webhook: nothing more is queued for it (an addition to the contract)',
  access: ['admin', 'reseller', 'distributor'],
  request: { params: webhookParamsSchema },
  responses: { 204: { description: 'Removed' } },
  refusals: {
    403: 'another partner’s webhook, or a partner’s person who is not its org admin',
    404: 'no such partner or no webhook',
  },
  async handle({ caller, params }) {
    await authorizeTarget(caller, params);
    const { deletedCount } = await Webhook.deleteOne({ _id: hookIdOf(params) }).exec();
    if (deletedCount === 0) throw new HttpProblem(404, 'Not found', 'no webhook is set for this partner');
    return { status: 204 };
  },
});
