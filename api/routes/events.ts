import { eventEnvelope, feedAfter } from '../../db/events';
import { webhookId } from '../../db/partners';
import { defineRoute } from '../route-spec';
import { encodeCursor } from '../schemas/common';
import { eventFeedQuerySchema, eventFeedSchema } from '../schemas/deliveries';

export const listEventsRoute = defineRoute({
  operationId: 'listEvents',
  method: 'get',
  path: '/events',
  tag: 'Webhooks',
  summary: 'The caller’s own notifications, oldest first (newest last), to catch up after its webhook was down',
  description:
    'Every notification the partner (or the vendor seller, `account.registered-on`) is sent, whether or not it has a webhook, with the body its webhook receives, in the order they were stored. Without a cursor the feed starts at the partner’s first event; `nextCursor` is always given and, at the end, fetches what has come since.',
  access: ['reseller', 'distributor', 'sales'],
  request: { query: eventFeedQuerySchema },
  responses: { 200: { description: 'One page', schema: eventFeedSchema } },
  async handle({ caller, query }) {
    const audience =
      caller.role === 'reseller'
        ? webhookId({ kind: 'reseller', id: caller.resellerId as string })
        : caller.role === 'sales'
          ? webhookId({ kind: 'seller', id: caller.sellerId as string })
          : webhookId({ kind: 'distributor', id: caller.distributorId as string });
    const { events, last } = await feedAfter(audience, query.cursor?.after ?? 0, query.limit);
    return { status: 200, body: { items: events.map(eventEnvelope), nextCursor: encodeCursor({ after: last }) } };
  },
});
