import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { RegistrationImportInput } from './vendor-import-definitions';

/**
 * Planning reads the whole file and draws its block; both activities heartbeat as they go, so a worker
 * that dies is noticed (and its activity retried on another) within seconds.
 */
const { planRegistrationImport, startImportedRegistrations } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { finishRegistrationImport } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * One migration: its plan (rows checked, ordered, numbered; a dry run stops there), then its planned
 * registrations started a chunk at a time in their numbering order, each chunk an activity that Temporal
 * retries on another worker if the one running it dies. The job document says how far it got.
 */
export async function registrationImportWorkflow(input: RegistrationImportInput): Promise<void> {
  try {
    const { planChunks } = await planRegistrationImport({ jobId: input.jobId });
    for (let index = 0; index < planChunks; index += 1) {
      await startImportedRegistrations({ jobId: input.jobId, index });
    }
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    const failure = cause instanceof ApplicationFailure ? cause.message : 'the import stopped on an error';
    await finishRegistrationImport({ jobId: input.jobId, failure });
    throw error;
  }
  await finishRegistrationImport({ jobId: input.jobId });
}
