import { z } from 'zod';
import type { ImportJobDoc } from '../../db/imports';
import { migrationColumns } from '../../domain/migration/rows';
import { type MigrationMediaType, receiveMigration, startMigration } from '../../services/registration-import';
import { ImportTooLarge } from '../../services/vendor-import';
import { actorIdOf } from '../actor';
import { HttpProblem } from '../problem';
import { defineRoute } from '../route-spec';
import { registrationImportQuerySchema } from '../schemas/registration-import';
import { importJobSchema } from '../schemas/vendor-records';
import { importJobView } from './imports';

const mediaTypes: MigrationMediaType[] = ['text/csv', 'application/x-ndjson'];

export const registrationImportRoute = defineRoute({
  operationId: 'importRegistrations',
  method: 'post',
  path: '/registrations/import',
  tag: 'Registrations',
  summary: 'Migrate live registrations from a spreadsheet or another PRM, in their original order, as a job',
  description: `The file is \`application/x-ndjson\` (each line the registration body plus \`resellerId\`, \`submittedAt\`, \`status\`, \`protectedUntil?\`, \`note?\`) or \`text/csv\` with the header \`${migrationColumns.required.join(',')}\` and any of \`${migrationColumns.optional.join(',')}\` (product lines split by \`;\`). Rows are numbered after every existing registration in their original \`submittedAt\` order; approved ones keep their protection end, closed ones are stored for history, pending and escalated ones are decided afresh; an approved one on a deal another registration holds is escalated. Poll \`GET /imports/{id}\` for progress, the errors of each row and the report (\`migration\`). \`?dryRun=true\` reports and stores nothing. Importing the same rows again skips them.`,
  access: ['admin'],
  request: {
    query: registrationImportQuerySchema,
    streamedBody: {
      mediaType: 'application/x-ndjson',
      schema: z.string().describe('JSON lines, or a CSV file sent as text/csv'),
    },
  },
  responses: { 202: { description: 'The import job, started', schema: importJobSchema } },
  refusals: { 422: 'the CSV header is not a migration header, or the file is not valid CSV' },
  async handle({ req, caller, deps, query }) {
    const mediaType = mediaTypes.find((type) => req.is(type));
    if (!mediaType)
      throw new HttpProblem(415, 'Unsupported media type', 'send the file as text/csv or application/x-ndjson');
    let job: ImportJobDoc;
    try {
      job = await receiveMigration(
        mediaType,
        req,
        actorIdOf(caller),
        deps.config.IMPORT_MAX_MB * 1_048_576,
        query.dryRun,
      );
    } catch (error) {
      if (error instanceof ImportTooLarge) throw new HttpProblem(413, 'Payload too large', error.message);
      throw error;
    }
    await startMigration(deps.temporal, deps.taskQueue, job);
    return { status: 202, body: importJobView(job), headers: { Location: `/api/v1/imports/${job._id}` } };
  },
});
