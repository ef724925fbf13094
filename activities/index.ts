import { acceptRegistration } from './accept';
import type { ActivityDeps } from './context';
import { checkRegistration, decideRegistration, weighRegistration } from './decide';
import { escalationActivities } from './escalations';
import { announcePolicyChange } from './policy-announcements';
import { protectionActivities } from './protection';
import { recordStep } from './record-step';
import { finishVendorImport, importVendorChunk } from './vendor-import';

/** Every activity, bound to the dependencies the worker gives them (the samples' dependency-injection shape). */
export function createActivities(deps: ActivityDeps) {
  return {
    acceptRegistration,
    decideRegistration,
    checkRegistration,
    weighRegistration,
    recordStep,
    announcePolicyChange,
    importVendorChunk,
    finishVendorImport,
    ...escalationActivities(deps),
    ...protectionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps };
