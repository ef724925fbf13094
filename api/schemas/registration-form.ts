import { z } from 'zod';
import { partnerTypeSchema, segmentSchema } from '../../domain/registration';

const namedSchema = { id: z.string(), name: z.string() };

export const registrationFormSchema = z
  .strictObject({
    segments: z.array(segmentSchema),
    regions: z.array(z.string()).describe('the regions the policy routes by; a registration may name another'),
    programs: z.array(z.string()).describe('the program names the caller may give'),
    products: z
      .array(z.strictObject({ ...namedSchema, family: z.string() }))
      .describe('the product catalogue; when empty, product lines are free words'),
    distributors: z.array(z.strictObject(namedSchema)).describe('the distributors the caller may register through'),
    resellers: z
      .array(z.strictObject({ ...namedSchema, partnerType: partnerTypeSchema }))
      .optional()
      .describe('for a distributor: the affiliated resellers it may register for'),
  })
  .meta({ id: 'RegistrationForm' });
