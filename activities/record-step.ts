import { crashPoint } from '../config/crash-points';
import { unlistFromKeys } from '../db/dealkeys';
import { type AppliedTransition, applyTransition, type TransitionRequest } from '../db/decision-log';
import { recordDecisionFacts } from '../db/insights';
import type { DecisionRecord, RegistrationDoc } from '../db/registrations';
import { recordReplayEnd } from '../db/replay-records';
import { dropUndefined, effectsOf, type LifecycleState, type LifecycleStep } from '../domain/lifecycle';
import type { RecordedStep } from '../workflows/definitions';
import { notifyHouseSeller, notifyPartners } from './notify';
import { tellWatchers } from './tell-watchers';

/** The step as the store takes it: its times as dates (a workflow's values travel as ISO text). */
export function requestOf(registrationId: string, step: LifecycleStep): TransitionRequest {
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
 * Everything that follows from an entry in the chain, each part keyed, in an order a retry completes:
 * its program-health facts and replay end, the release of the deal when it ended the registration (keys
 * unlisted, quota slot freed), the partners' notification (one event id per entry), the house account's
 * seller told of a partner's first decision on it, and the resellers
 * watching the deal it held. It is derived from
 * the entry as stored, never from the attempt at hand, so a retry after any crash completes the same step.
 */
async function completeEffects(registration: RegistrationDoc, entry: DecisionRecord): Promise<void> {
  const { notify, ends } = effectsOf(entry);
  await recordDecisionFacts(registration, entry);
  await recordReplayEnd(registration, entry.at);
  await crashPoint('step:facts-recorded');
  if (ends) await unlistFromKeys(registration._id, registration.lookupKeys);
  await crashPoint('step:released');
  if (notify) await notifyPartners(registration, notify.type, notify.key);
  await notifyHouseSeller(registration, entry);
  // A change that removed product lines frees that part of the deal: watchers it no longer overlaps are told.
  const removedLines = (entry.change?.before.productLines ?? []).length > 0;
  if (ends || removedLines) await tellWatchers(registration, entry.at, entry.transfer?.to);
}

export function lifecycleStateOf(doc: RegistrationDoc): LifecycleState {
  return dropUndefined({
    status: doc.status,
    reasonCode: doc.reasonCode,
    protectedUntil: doc.protectedUntil ? new Date(doc.protectedUntil).toISOString() : undefined,
    extensionsUsed: doc.extensionsUsed,
    escalationId: doc.escalationId,
  });
}

/**
 * The activity: the registration's workflow decided the step (domain/lifecycle.ts); this stores it with
 * every effect. A repeated step finds its entry and completes whatever the earlier attempt did not.
 */
export async function recordStep({
  registrationId,
  step,
}: {
  registrationId: string;
  step: LifecycleStep;
}): Promise<RecordedStep> {
  const stored: AppliedTransition = await applyTransition(requestOf(registrationId, step));
  await crashPoint('step:entry-written');
  await completeEffects(stored.registration, stored.entry);
  return { state: lifecycleStateOf(stored.registration), key: stored.entry.key, applied: stored.applied };
}
