import { z } from 'zod';
import { refusalLimitNames } from '../../domain/policy/schema';
import { reasonCodes } from '../../domain/registration';

/** Shapes shared by many routes: problem documents, paging, ids in paths. */

export const problemSchema = z
  .strictObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
    limit: z
      .enum(refusalLimitNames)
      .optional()
      .describe(
        'with problem type limit-reached: the limit that refused the submission (a policy limit, or livePerCustomerKey)',
      ),
    reasonCode: z
      .enum(reasonCodes)
      .optional()
      .describe(
        'a refused change: why (already-registered, duplicate, possible-duplicate), also the type’s last segment',
      ),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const timestampSchema = z.iso.datetime({ offset: true });

/** Resource ids in paths: generous but bounded, and only characters our ids are made of. */
export const resourceIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_:-]+$/, 'letters, digits, dashes, underscores and colons');

export const idParamsSchema = z.strictObject({ id: resourceIdSchema });

/** No query parameters at all: anything sent is an unknown field and refused. */
export const noQuerySchema = z.strictObject({});

/** A search's text: what the list pages' `q` takes. */
export const searchTextSchema = z.string().trim().min(1).max(100);

export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);

/** Opaque to clients: base64url of a small JSON object that only this API reads. */
export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** A cursor query parameter decoded into its position, or a validation issue when it is not one of ours. */
export function cursorSchema<T extends z.ZodType>(position: T) {
  return z
    .string()
    .min(1)
    .max(500)
    .transform((value, ctx): z.output<T> => {
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      } catch {
        decoded = undefined;
      }
      const parsed = position.safeParse(decoded);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: 'not a cursor this API issued; start again without one' });
      return z.NEVER;
    });
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });

export const isoDate = (value: Date | string | undefined): string | undefined =>
  value === undefined || value === null ? undefined : new Date(value).toISOString();
