import { createHash } from 'node:crypto';
import { heartbeat } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import pLimit from 'p-limit';
import stringify from 'safe-stable-stringify';
import { crashPoint } from '../config/crash-points';
import { finishImportJob, type ImportJobDoc, importJob } from '../db/imports';
import { addStartedChunk, type PlannedRow, planChunk } from '../db/registration-imports';
import type { Actor } from '../domain/actor';
import { customerIdentity, customerKeysOf, lookupKeys } from '../domain/matching';
import { rowsSharingKeys } from '../domain/vendor/row-groups';
import { type RegistrationWorkflowInput, registrationWorkflowId } from '../workflows/definitions';
import { searchAttributes } from '../workflows/search-attributes';
import type { ActivityDeps } from './context';
import { isImportedClosed, storeImportedHistories } from './imported-history';
import { planRegistrationImport } from './registration-import-plan';

/** Registrations started at once: rows of different deals (no key in common). */
const STARTS_IN_FLIGHT = 16;

/** Who ran the import, as the `imported` entries record it (`createdBy` is `usr_…` or `key_…`). */
const actorOf = (createdBy: string): Actor => ({ kind: createdBy.startsWith('key_') ? 'key' : 'user', id: createdBy });

/** The registration workflow's input for a planned row: the body as a submission, and how it arrives. */
export function arrivalInput(
  job: Pick<ImportJobDoc, '_id' | 'createdBy'>,
  planned: PlannedRow,
): RegistrationWorkflowInput {
  const { resellerId, submittedAt, status, protectedUntil, note, ...body } = planned.record;
  return {
    registrationId: planned.registrationId,
    submission: {
      resellerId,
      partnerType: planned.partnerType,
      body,
      requestHash: createHash('sha256')
        .update(stringify(body) ?? '')
        .digest('hex'),
      enteredBy: actorOf(job.createdBy),
      arrival: {
        kind: 'import',
        importId: job._id,
        row: planned.row,
        sequence: planned.sequence,
        submittedAt,
        status,
        ...(protectedUntil && { protectedUntil }),
        ...(note && { note }),
        ...(planned.conflict && { conflict: planned.conflict }),
      },
    },
  };
}

/**
 * Starts one planned registration's workflow, once: its id is the registration's, so a resumed job (or a
 * second import of the same row, planned before the first was stored) finds it started, or run its course.
 */
async function startArrival(deps: ActivityDeps, job: ImportJobDoc, planned: PlannedRow): Promise<void> {
  const input = arrivalInput(job, planned);
  const identity = customerIdentity(planned.record.customer);
  try {
    await deps.temporal.workflow.start('registrationWorkflow', {
      workflowId: registrationWorkflowId(planned.registrationId),
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: searchAttributes.status, value: 'pending' },
        { key: searchAttributes.resellerId, value: planned.record.resellerId },
        { key: searchAttributes.distributorId, value: planned.record.distributorId },
        {
          key: searchAttributes.customerKeys,
          value: customerKeysOf(identity),
        },
        { key: searchAttributes.sequence, value: planned.sequence },
      ],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** A chunk's live rows started, those of one deal in turn (see `startImportedRegistrations`). */
async function startLive(deps: ActivityDeps, job: ImportJobDoc, rows: readonly PlannedRow[]): Promise<void> {
  const deals = rowsSharingKeys(rows.map((row) => lookupKeys(customerIdentity(row.record.customer))));
  const limit = pLimit(STARTS_IN_FLIGHT);
  let started = 0;
  await Promise.all(
    deals.map((indexes) =>
      limit(async () => {
        for (const index of indexes) {
          await startArrival(deps, job, rows[index] as PlannedRow);
          started += 1;
          heartbeat({ started });
          if (started === Math.ceil(rows.length / 2)) await crashPoint('import:rows-started');
        }
      }),
    ),
  );
}

export function registrationImportActivities(deps: ActivityDeps) {
  return {
    planRegistrationImport,

    /**
     * Starts the registrations of one chunk of the plan. Its closed ones are stored for history at once,
     * with no workflow, in one batch (they hold no deal, so no other row waits on them); meanwhile those
     * that share a deal key are started one after another in their numbering order (earlier chunks are
     * started already), so that a registration's look finds every import of its deal numbered before it
     * running (listed by the plan, waited for until stored); those of different deals, which never look
     * at each other, are started at once. A chunk the job counts already is passed over.
     */
    async startImportedRegistrations({ jobId, index }: { jobId: string; index: number }): Promise<void> {
      const job = await importJob(jobId);
      if (!job) throw ApplicationFailure.nonRetryable(`import ${jobId} does not exist`, 'ImportMissing');
      if (job.chunksDone > index) return;
      const plan = await planChunk(jobId, index);
      if (!plan) throw ApplicationFailure.nonRetryable(`plan chunk ${index} of ${jobId} is missing`, 'PlanMissing');
      const closed = plan.rows.filter((row) => isImportedClosed(row.record.status));
      const live = plan.rows.filter((row) => !isImportedClosed(row.record.status));
      await Promise.all([
        storeImportedHistories(closed.map((planned) => arrivalInput(job, planned))),
        startLive(deps, job, live),
      ]);
      await addStartedChunk(job, index, plan.rows.length);
    },

    async finishRegistrationImport({ jobId, failure }: { jobId: string; failure?: string }): Promise<void> {
      await finishImportJob(jobId, failure);
    },
  };
}
