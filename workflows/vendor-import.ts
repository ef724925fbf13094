import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { VendorImportInput } from './vendor-import-definitions';

/** A chunk is a thousand rows; a busy database may take a while, and the activity heartbeats as it goes. */
const { importVendorChunk } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { finishVendorImport } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * One CSV import: its chunks in order, each an activity that Temporal retries on another worker if the
 * one running it dies, then the job marked done. The job document says how far it got, so the
 * console's progress and a retried chunk agree.
 */
export async function vendorImportWorkflow(input: VendorImportInput): Promise<void> {
  try {
    for (let index = 0; index < input.chunks; index += 1) {
      await importVendorChunk({ jobId: input.jobId, index });
    }
  } catch (error) {
    const failure = error instanceof ApplicationFailure ? error.message : 'the import stopped on an error';
    await finishVendorImport({ jobId: input.jobId, failure });
    throw error;
  }
  await finishVendorImport({ jobId: input.jobId });
}
