import { z } from 'zod';
import type { MigrationReport } from '../../domain/migration/report';
import { reasonCodeSchema } from '../../domain/registration';

/** A migration's report (domain/migration/report.ts) over HTTP: on its import job, dry run or not. */
export const migrationReportSchema = z
  .strictObject({
    dryRun: z.boolean().describe('true: nothing was stored; the counts say what a real run would do'),
    approved: z.number().int().describe('approved imports that keep their protection to its original end'),
    escalated: z
      .number()
      .int()
      .describe('approved imports on a deal a live registration holds or another approved row claims: escalated'),
    decidedAfresh: z.number().int().describe('pending and escalated imports, decided as new ones would be'),
    closed: z.number().int().describe('won, lost, expired, withdrawn and rejected imports, stored for history'),
    alreadyImported: z.number().int().describe('rows an earlier import stored already: skipped'),
    conflicts: z
      .array(
        z.strictObject({
          row: z.number().int(),
          registrationId: z.string(),
          resellerId: z.string(),
          reasonCode: reasonCodeSchema.optional(),
          heldBy: z
            .array(
              z.strictObject({
                registrationId: z.string(),
                resellerId: z.string(),
                row: z.number().int().optional().describe('when the party is another row of the same file'),
              }),
            )
            .describe('every other party of the deal: live holders, then the other rows claiming it (the first 20)'),
        }),
      )
      .describe('the approved imports to be escalated, each with every other party of its deal (the first 1,000)'),
    conflictCount: z.number().int(),
  })
  .meta({ id: 'MigrationReport' }) satisfies z.ZodType<MigrationReport>;

export const registrationImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('true: report what the import would do, storing nothing'),
});
