import { acceptRegistration } from './accept';
import { weighArrival } from './arrival';
import { claimChange, releaseLineClaim } from './change-lines';
import type { ActivityDeps } from './context';
import { disputeActivities } from './disputes';
import { escalationActivities } from './escalations';
import { announcePolicyChange } from './policy-announcements';
import { remindExpiring } from './protection';
import { recordStep } from './record-step';
import { registrationImportActivities } from './registration-import';
import { prepareTransfer } from './transfer';
import { finishVendorImport, importVendorChunk } from './vendor-import';
import { weighChange, weighRegistration } from './weigh';

/** Every activity, bound to the dependencies the worker gives them (the samples' dependency-injection shape). */
export function createActivities(deps: ActivityDeps) {
  return {
    acceptRegistration,
    weighRegistration,
    weighChange,
    weighArrival,
    prepareTransfer,
    claimChange,
    releaseLineClaim,
    recordStep,
    remindExpiring,
    announcePolicyChange,
    importVendorChunk,
    finishVendorImport,
    ...escalationActivities(deps),
    ...disputeActivities(deps),
    ...registrationImportActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps };
