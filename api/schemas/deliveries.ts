import { z } from 'zod';
import { notificationTypes } from '../../db/outbox';
import { cursorSchema, limitSchema, pageSchema, timestampSchema } from './common';

/** What a partner receives for one event: its webhook's body, and an item of its event feed alike. */
export const eventSchema = z
  .strictObject({
    id: z.string().describe('the same as the `Dealreg-Delivery` header of its webhook delivery'),
    type: z.enum(notificationTypes),
    createdAt: timestampSchema,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Event' });

export const eventFeedSchema = z
  .strictObject({
    items: z.array(eventSchema),
    nextCursor: z
      .string()
      .describe('always given: at the end of the feed, ask again with it later for the events that came since'),
  })
  .meta({ id: 'EventFeed' });

export const eventFeedQuerySchema = z.strictObject({
  limit: limitSchema,
  cursor: cursorSchema(z.strictObject({ after: z.number().int().min(0) })).optional(),
});

export const deliverySchema = z
  .strictObject({
    id: z.string().describe('the event id its partner sees'),
    webhook: z.string().describe('`reseller:<id>`, `distributor:<id>` or `vendor:channel-managers`'),
    type: z.enum(notificationTypes),
    status: z.enum(['delivered', 'abandoned']),
    attempts: z.number().int(),
    lastError: z.string().optional(),
    createdAt: timestampSchema,
    finishedAt: timestampSchema,
  })
  .meta({ id: 'Delivery' });

export const deliveryPageSchema = pageSchema(deliverySchema).meta({ id: 'DeliveryPage' });

export const deliveryListQuerySchema = z.strictObject({
  status: z.enum(['abandoned', 'delivered']).default('abandoned'),
  limit: limitSchema,
  cursor: cursorSchema(z.strictObject({ below: z.number().int().min(1) })).optional(),
});

/** Delivery ids are event ids: a registration's, the event's key (which may hold a timestamp) and a webhook's. */
export const deliveryParamsSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(300)
    .regex(/^[A-Za-z0-9_:.+-]+$/, 'letters, digits and _ : . + -'),
});

export const redeliveryResultSchema = z
  .strictObject({ id: z.string(), status: z.literal('queued') })
  .meta({ id: 'Redelivery' });
