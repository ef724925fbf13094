import { type EventDoc, EventModel, eventBucketing, eventEnvelope, eventFeedFloor, eventScope } from '../../db/events';
import { readPage } from '../../db/listing';
import { webhookId } from '../../db/partners';
import { defineRoute } from '../route-spec';
import { encodeCursor } from '../schemas/common';
import { eventFeedQuerySchema, eventFeedSchema } from '../schemas/deliveries';

/**
 * Events are shown once they are this old: one recorded a moment earlier, but stored a moment later,
 * by another worker cannot then sort behind a cursor a reader already holds.
 */
const SETTLE_MS = 2000;

export const listEventsRoute = defineRoute({
  operationId: 'listEvents',
  method: 'get',
  path: '/events',
  tag: 'Webhooks',
  summary: 'The caller’s own notifications, oldest first (newest last), to catch up after its webhook was down',
  description:
    'Every notification the partner is sent, whether or not it has a webhook, with the body its webhook receives. Without a cursor the feed starts at the partner’s first event; `nextCursor` is always given and, at the end, fetches what has come since. An event appears here a couple of seconds after it is sent.',
  access: ['reseller', 'distributor'],
  request: { query: eventFeedQuerySchema },
  responses: { 200: { description: 'One page', schema: eventFeedSchema } },
  async handle({ caller, query }) {
    const audience =
      caller.role === 'reseller'
        ? webhookId({ kind: 'reseller', id: caller.resellerId as string })
        : webhookId({ kind: 'distributor', id: caller.distributorId as string });
    const top = Date.now() - SETTLE_MS;
    const floor = await eventFeedFloor(audience);
    const asked = query.cursor
      ? { at: query.cursor.at, ...(query.cursor.id ? { tie: query.cursor.id } : {}) }
      : undefined;
    if (floor === undefined) {
      return { status: 200, body: { items: [], nextCursor: encodeCursor(query.cursor ?? { at: top }) } };
    }
    const page = await readPage<EventDoc>({
      model: EventModel,
      scope: eventScope(audience),
      bucketing: eventBucketing,
      order: 'oldest-first',
      top,
      bottom: floor,
      after: asked && asked.at >= floor ? asked : { at: floor },
      limit: query.limit,
      positionOf: (doc) => ({ at: new Date(doc.createdAt).getTime(), tie: doc._id }),
    });
    const next = page.nextAfter ?? { at: floor };
    return {
      status: 200,
      body: {
        items: page.items.map(eventEnvelope),
        nextCursor: encodeCursor(next.tie === undefined ? { at: next.at } : { at: next.at, id: next.tie }),
      },
    };
  },
});
