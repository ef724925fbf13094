import { unlistFromKeys } from '../db/dealkeys';
import { applyTransition, type TransitionRequest } from '../db/decision-log';
import type { RegistrationDoc } from '../db/registrations';
import { dropUndefined, type LifecycleStep } from '../domain/lifecycle';
import type { RecordedStep } from '../workflows/definitions';
import { notifyPartners } from './notify';
import { outcomeOf } from './registration-facts';

/** The step as the store takes it: its times as dates (a workflow's values travel as ISO text). */
function requestOf(registrationId: string, step: LifecycleStep): TransitionRequest {
  const date = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));
  const { decidedAt, protectedUntil, endedAt, ...rest } = step.set;
  const set = dropUndefined({
    decidedAt: date(decidedAt),
    protectedUntil: date(protectedUntil),
    endedAt: date(endedAt),
    ...rest,
  });
  return { registrationId, from: step.from, to: step.to, decision: step.entry, set };
}

/**
 * Writes one step onto the registration: the status and fields, the decision entry in its chain, the
 * release of its deal when it ends, the partners' notification. Each part is keyed, so a repeated step
 * writes and sends nothing twice; if an earlier attempt wrote it, the document says what stands.
 */
export async function recordStepOn(
  registration: string | RegistrationDoc,
  step: LifecycleStep,
): Promise<{ recorded: RegistrationDoc; applied: boolean }> {
  const id = typeof registration === 'string' ? registration : registration._id;
  const justRead = typeof registration === 'string' ? undefined : registration;
  const { registration: recorded, applied } = await applyTransition(requestOf(id, step), justRead);
  if (step.ends) await unlistFromKeys(recorded._id, recorded.lookupKeys);
  if (step.notify) await notifyPartners(recorded, step.notify.type, step.notify.key);
  return { recorded, applied };
}

/** The activity: the registration's workflow decided the step (domain/lifecycle.ts); this stores it. */
export async function recordStep({
  registrationId,
  step,
}: {
  registrationId: string;
  step: LifecycleStep;
}): Promise<RecordedStep> {
  const { recorded, applied } = await recordStepOn(registrationId, step);
  return { ...outcomeOf(recorded), key: step.entry.key, applied };
}
