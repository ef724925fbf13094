import { z } from 'zod';
import { type ImportJobDoc, importJob } from '../../db/imports';
import { type ImportKind, importColumns } from '../../domain/vendor/csv-rows';
import { ImportTooLarge, receiveImport, startImport } from '../../services/vendor-import';
import { actorIdOf } from '../actor';
import { HttpProblem } from '../problem';
import { type AnyRoute, defineRoute } from '../route-spec';
import { isoDate } from '../schemas/common';
import { importJobSchema, importParamsSchema } from '../schemas/vendor-records';

const tag = 'Vendor records';

/** A job still receiving its file this long after its last chunk lost its upload (the request ended). */
const RECEIVING_ABANDONED_MS = 10 * 60_000;

export function importJobView(job: ImportJobDoc, now = Date.now()): z.infer<typeof importJobSchema> {
  const abandoned = job.status === 'receiving' && now - new Date(job.updatedAt).getTime() > RECEIVING_ABANDONED_MS;
  const status = job.status === 'receiving' ? (abandoned ? 'failed' : 'running') : job.status;
  const failure = abandoned ? 'the upload was interrupted before the whole file arrived' : job.failure;
  return {
    id: job._id,
    kind: job.kind,
    status,
    progress: { rows: job.rows, done: job.done, failed: job.failed },
    outcomes: job.outcomes,
    errors: job.rowErrors,
    errorCount: job.errorCount,
    createdAt: isoDate(job.createdAt) as string,
    ...(job.finishedAt && { finishedAt: isoDate(job.finishedAt) }),
    ...(failure && { failure }),
    ...(job.migration && { migration: job.migration }),
  };
}

function importRoute(kind: ImportKind): AnyRoute {
  const columns = importColumns[kind].join(',');
  return defineRoute({
    operationId: `import${kind.charAt(0).toUpperCase()}${kind.slice(1)}`,
    method: 'post',
    path: `/${kind}/import`,
    tag,
    summary: `Import ${kind} from a CSV file, as a job`,
    description: `The file is \`text/csv\` with the header \`${columns}\` (columns in any order; lists split by \`;\`). It is checked and stored as it arrives, then imported by a job: poll \`GET /imports/{id}\` for its progress and the errors of each row. Importing the same rows again changes nothing.`,
    access: ['admin'],
    request: {
      streamedBody: {
        mediaType: 'text/csv',
        schema: z.string().describe(`CSV with the header ${columns}`),
      },
    },
    responses: { 202: { description: 'The import job, started', schema: importJobSchema } },
    refusals: { 422: 'the header is not the expected one, or the file is not valid CSV' },
    async handle({ req, caller, deps }) {
      if (!req.is('text/csv')) {
        throw new HttpProblem(415, 'Unsupported media type', 'send the file as text/csv');
      }
      let job: ImportJobDoc;
      try {
        job = await receiveImport(kind, req, actorIdOf(caller), deps.config.IMPORT_MAX_MB * 1_048_576);
      } catch (error) {
        if (error instanceof ImportTooLarge) throw new HttpProblem(413, 'Payload too large', error.message);
        throw error;
      }
      await startImport(deps.temporal, deps.taskQueue, job);
      return { status: 202, body: importJobView(job), headers: { Location: `/api/v1/imports/${job._id}` } };
    },
  });
}

export const importRoutes: AnyRoute[] = [
  importRoute('accounts'),
  importRoute('programs'),
  importRoute('products'),
  defineRoute({
    operationId: 'getImport',
    method: 'get',
    path: '/imports/{id}',
    tag,
    summary: "An import job's status, progress and the errors of its rows",
    access: ['admin'],
    request: { params: importParamsSchema },
    responses: { 200: { description: 'The import job', schema: importJobSchema } },
    refusals: { 404: 'no such import' },
    async handle({ params }) {
      const job = await importJob(params.id);
      if (!job) throw new HttpProblem(404, 'Not found', `import ${params.id} does not exist`);
      return { status: 200, body: importJobView(job) };
    },
  }),
];
