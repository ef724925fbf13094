import { z } from 'zod';

/** Words of the contract (../shared/CONTRACT.md), as schemas so that types and OpenAPI derive from them. */

export const segments = ['federal-civilian', 'federal-dod', 'state-local', 'education', 'commercial'] as const;
export const segmentSchema = z.enum(segments).meta({ id: 'Segment' });
export type Segment = z.infer<typeof segmentSchema>;

export const partnerTypes = ['integrator', 'var', 'boutique'] as const;
export const partnerTypeSchema = z.enum(partnerTypes).meta({ id: 'PartnerType' });
export type PartnerType = z.infer<typeof partnerTypeSchema>;
/** Who submitted, as a registration stores it: a reseller's partner type, or `direct` (a vendor seller). */
export type SubmitterType = PartnerType | 'direct';

export const registrationStatuses = [
  'pending',
  'approved',
  'rejected',
  'escalated',
  'won',
  'lost',
  'expired',
  'withdrawn',
  'transferred',
  'revoked',
] as const;
export const registrationStatusSchema = z.enum(registrationStatuses).meta({ id: 'RegistrationStatus' });
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

/** What a migrated registration may have been in the system it came from (a transfer or revocation is dealreg's own). */
export const importableStatuses = [
  'pending',
  'approved',
  'rejected',
  'escalated',
  'won',
  'lost',
  'expired',
  'withdrawn',
] as const satisfies readonly RegistrationStatus[];
export const importableStatusSchema = z.enum(importableStatuses);
export type ImportableStatus = z.infer<typeof importableStatusSchema>;

/** Statuses in which a registration holds (or may come to hold) its deal. */
export const activeStatuses = ['pending', 'approved', 'escalated'] as const satisfies readonly RegistrationStatus[];
export const terminalStatuses = [
  'rejected',
  'won',
  'lost',
  'expired',
  'withdrawn',
  'transferred',
  'revoked',
] as const satisfies readonly RegistrationStatus[];
export function isActiveStatus(status: RegistrationStatus): boolean {
  return (activeStatuses as readonly string[]).includes(status);
}

export const reasonCodes = [
  'already-registered',
  'duplicate',
  'wrong-route',
  'possible-duplicate',
  'unrouted',
  'resolved-against',
  'extension-request',
  'house-account',
] as const;
export const reasonCodeSchema = z.enum(reasonCodes).meta({ id: 'ReasonCode' });
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

/** Partner ids are slugs: they appear in URLs, policies and search attributes. */
export const partnerIdSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/, 'lowercase letters, digits and dashes, for example dist-a');

/**
 * Unicode format characters (category Cf): zero-width spaces and joiners, the bidirectional
 * controls U+200E/F, U+202A–U+202E and U+2066–U+2069, the byte order mark, the soft hyphen. They
 * are invisible, so they make two texts that look the same differ (a way around the customer
 * match) or show a reader text in another order than it is stored.
 */
const FORMAT_CHARACTER = /\p{Cf}/u;
const codePoint = (character: string) =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Free text a person types (names, titles, reasons): trimmed, bounded, and refused if it holds a
 * format or direction control anywhere, so nothing invisible is stored or shown to anyone.
 */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      const found = FORMAT_CHARACTER.exec(text);
      if (found) {
        ctx.addIssue({
          code: 'custom',
          message: `contains the invisible format or direction control ${codePoint(found[0])}; remove it`,
        });
      }
    });

export const customerIdentifiersSchema = z
  .strictObject({
    uei: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{12}$/, 'a UEI is 12 letters or digits')
      .optional(),
    duns: z
      .string()
      .trim()
      .regex(/^\d{2}-?\d{3}-?\d{4}$/, 'a DUNS number is 9 digits')
      .optional(),
    taxId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{5,20}$/, 'a tax id is 5 to 20 letters, digits or dashes')
      .optional(),
  })
  .meta({ id: 'CustomerIdentifiers' });

export const customerSchema = z
  .strictObject({
    name: plainText(200),
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .max(253)
      .regex(/^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+\/?$/, 'a domain such as acme.com')
      .optional(),
    identifiers: customerIdentifiersSchema.optional(),
    segment: segmentSchema,
    region: plainText(64).optional(),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customerSchema>;

export const moneySchema = z
  .strictObject({
    amount: z.number().nonnegative().max(1e12),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
  })
  .meta({ id: 'Money' });

export const isoDateSchema = z.iso.date();

export const lostReasons = ['competitor', 'no-decision', 'budget', 'timing', 'other'] as const;
export type LostReason = (typeof lostReasons)[number];

/** How a deal ended, as its owner reports it when closing: what program health's win rate is made of. */
export const closingSchema = z
  .discriminatedUnion('outcome', [
    z.strictObject({ outcome: z.literal('won'), amount: moneySchema.optional() }),
    z.strictObject({ outcome: z.literal('lost'), reason: z.enum(lostReasons), note: plainText(1000).optional() }),
  ])
  .meta({ id: 'Closing' });
export type Closing = z.infer<typeof closingSchema>;

/** How far the deal has come, as its partner reports it (optional; changed with `POST /registrations/{id}/changes`). */
export const opportunityStages = ['qualifying', 'proposal', 'negotiation', 'commit'] as const;
export const opportunityStageSchema = z.enum(opportunityStages).meta({ id: 'OpportunityStage' });

const productLinesSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9 _-]*$/, 'letters, digits, spaces, dashes'),
  )
  .min(1)
  .max(20)
  .transform((lines) => [...new Set(lines)]);

export const opportunitySchema = z
  .strictObject({
    title: plainText(200),
    stage: opportunityStageSchema.optional(),
    productLines: productLinesSchema,
    estimatedValue: moneySchema.optional(),
    expectedCloseDate: isoDateSchema.optional(),
  })
  .meta({ id: 'Opportunity' });
export type Opportunity = z.infer<typeof opportunitySchema>;

/** What a change may set: any of the opportunity's fields, at least one (the customer and partners stay). */
export const opportunityChangeSchema = opportunitySchema
  .partial()
  .refine((change) => Object.keys(change).length > 0, 'name at least one field to change')
  .meta({ id: 'OpportunityChange' });
export type OpportunityChange = z.infer<typeof opportunityChangeSchema>;

export const registrationSubmissionSchema = z
  .strictObject({
    distributorId: partnerIdSchema,
    customer: customerSchema,
    opportunity: opportunitySchema,
    program: plainText(100).optional(),
    resellerId: partnerIdSchema
      .optional()
      .describe('a distributor names the affiliated reseller it registers for; a reseller leaves it out'),
  })
  .meta({ id: 'RegistrationSubmission' });
export type RegistrationSubmission = z.infer<typeof registrationSubmissionSchema>;

/**
 * `POST /registrations` as every caller sends it: a partner's registration (`distributorId`, and
 * `resellerId` for a distributor), or a vendor seller's direct opportunity (`direct: true`, the customer
 * and the opportunity, nothing of a partner). Which one a caller may send is its role's to say.
 */
export const registrationRequestSchema = z
  .strictObject({
    ...registrationSubmissionSchema.shape,
    distributorId: partnerIdSchema.optional().describe('required unless `direct`'),
    direct: z
      .literal(true)
      .optional()
      .describe("a vendor seller's direct opportunity (sales role): no distributor, reseller or program"),
  })
  .superRefine((request, ctx) => {
    if (request.direct) {
      for (const field of ['distributorId', 'resellerId', 'program'] as const) {
        if (request[field] !== undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: 'not part of a direct opportunity' });
      }
    } else if (request.distributorId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['distributorId'],
        message: 'required: the distributor you register through',
      });
    }
  })
  .meta({ id: 'RegistrationRequest' });
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;
