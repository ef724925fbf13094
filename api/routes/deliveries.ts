import { type DeliveryDoc, deliveryPage, redeliver } from '../../db/deliveries';
import { webhookId } from '../../db/partners';
import { HttpProblem } from '../problem';
import { type Caller, defineRoute } from '../route-spec';
import { encodeCursor, isoDate } from '../schemas/common';
import {
  deliveryListQuerySchema,
  deliveryPageSchema,
  deliveryParamsSchema,
  redeliveryResultSchema,
} from '../schemas/deliveries';

const tag = 'Webhooks';

/** Whose deliveries the caller reads: every webhook's (admin), or its organisation's own (an org admin). */
function ownWebhookOf(caller: Caller): string | undefined {
  if (caller.role === 'admin') return undefined;
  const partner =
    caller.role === 'reseller' && caller.resellerId
      ? { kind: 'reseller' as const, id: caller.resellerId }
      : caller.role === 'distributor' && caller.distributorId
        ? { kind: 'distributor' as const, id: caller.distributorId }
        : undefined;
  if (!caller.orgAdmin || !partner)
    throw new HttpProblem(403, 'Forbidden', "only administrators and an organisation's org admin read deliveries");
  return webhookId(partner);
}

const deliveryView = (doc: DeliveryDoc) => ({
  id: doc._id,
  webhook: doc.webhookId,
  type: doc.type,
  status: doc.outcome,
  attempts: doc.attempts,
  ...(doc.lastError ? { lastError: doc.lastError } : {}),
  createdAt: isoDate(doc.createdAt) as string,
  finishedAt: isoDate(doc.finishedAt) as string,
});

export const listDeliveriesRoute = defineRoute({
  operationId: 'listDeliveries',
  method: 'get',
  path: '/deliveries',
  tag,
  summary: 'Finished webhook deliveries, abandoned ones by default (newest first)',
  description:
    "A delivery is abandoned when it has failed for the whole retry window (24 hours by default). An admin sees every webhook's; a reseller's or distributor's org admin, its own organisation's webhook's.",
  access: ['admin', 'reseller', 'distributor'],
  request: { query: deliveryListQuerySchema },
  responses: { 200: { description: 'One page', schema: deliveryPageSchema } },
  refusals: { 403: 'a partner caller that is not its organisation’s org admin' },
  async handle({ caller, query }) {
    const page = await deliveryPage(query.status, query.cursor?.below, query.limit, ownWebhookOf(caller));
    const nextCursor = page.nextBelow === undefined ? null : encodeCursor({ below: page.nextBelow });
    return { status: 200, body: { items: page.items.map(deliveryView), nextCursor } };
  },
});

export const redeliverRoute = defineRoute({
  operationId: 'redeliver',
  method: 'post',
  path: '/deliveries/{id}/redeliver',
  tag,
  summary: 'Deliver an abandoned delivery again, now, with a fresh retry window',
  access: ['admin'],
  request: { params: deliveryParamsSchema },
  responses: { 202: { description: 'Queued for delivery', schema: redeliveryResultSchema } },
  refusals: {
    404: 'no such delivery',
    409: 'not abandoned: delivered, still being retried, or queued again by another request',
  },
  async handle({ params }) {
    const answer = await redeliver(params.id);
    if (answer === 'unknown') throw new HttpProblem(404, 'Not found', `delivery ${params.id} does not exist`);
    if (answer === 'not-abandoned')
      throw new HttpProblem(
        409,
        'Conflict',
        `delivery ${params.id} is not abandoned (delivered, still retried, or queued again by another request)`,
      );
    if (answer === 'no-payload')
      throw new HttpProblem(409, 'Conflict', `delivery ${params.id} was abandoned before events were kept`);
    return { status: 202, body: { id: params.id, status: 'queued' as const } };
  },
});
