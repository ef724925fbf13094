import { acceptRegistration } from './accept';
import { weighArrival } from './arrival';
import type { ActivityDeps } from './context';
import { escalationActivities } from './escalations';
import { announcePolicyChange } from './policy-announcements';
import { remindExpiring } from './protection';
import { recordStep } from './record-step';
import { registrationImportActivities } from './registration-import';
import { finishVendorImport, importVendorChunk } from './vendor-import';
import { weighRegistration } from './weigh';

/** Every activity, bound to the dependencies the worker gives them (the samples' dependency-injection shape). */
export function createActivities(deps: ActivityDeps) {
  return {
    acceptRegistration,
    weighRegistration,
    weighArrival,
    recordStep,
    remindExpiring,
    announcePolicyChange,
    importVendorChunk,
    finishVendorImport,
    ...escalationActivities(deps),
    ...registrationImportActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps };
