import type { TransitionRequest } from '../db/decision-log';
import type { RegistrationDoc } from '../db/registrations';
import { type LifecycleEvent, nextStep } from '../domain/lifecycle';
import type { PolicyTimingMs } from '../domain/policy/schema';
import type { EscalationFate, FateAction } from '../workflows/definitions';

const wording: Record<FateAction, { staff: (fate: EscalationFate) => string; reseller: string }> = {
  approve: {
    staff: (fate) => `Approved on escalation review (${fate.resolution.kind}): ${fate.reason}`,
    reseller: 'A channel manager reviewed this registration and approved it.',
  },
  reject: {
    staff: (fate) =>
      fate.resolution.kind === 'award'
        ? `Rejected on escalation review: the deal was awarded to ${fate.resolution.registrationId}. ${fate.reason}`
        : `Rejected on escalation review (${fate.resolution.kind}): ${fate.reason}`,
    reseller: 'A channel manager reviewed this registration and decided against it.',
  },
  'grant-extension': {
    staff: (fate) => `Extension granted on review: ${fate.reason}`,
    reseller: 'A channel manager granted the requested extension.',
  },
  'deny-extension': {
    staff: (fate) => `Extension denied on review: ${fate.reason}`,
    reseller: 'A channel manager denied the requested extension; protection ends as planned.',
  },
};

const fateEvents = {
  approve: 'approved-on-review',
  reject: 'rejected-on-review',
  'grant-extension': 'extension-granted',
  'deny-extension': 'extension-denied',
} as const satisfies Record<FateAction, LifecycleEvent>;

/** The guarded status change and decision entry that a contender's fate records on it. */
export function fateTransition(
  fate: EscalationFate,
  registration: RegistrationDoc,
  timing: PolicyTimingMs,
): TransitionRequest {
  const now = new Date();
  const staff = wording[fate.action].staff(fate);
  const common = {
    key: `escalation:${fate.escalationId}`,
    at: now.toISOString(),
    explanation: staff,
    resellerExplanation: wording[fate.action].reseller,
    trace: [
      {
        rule: 'escalation.resolution',
        inputs: { escalationId: fate.escalationId, resolution: fate.resolution, decidedBy: fate.decidedBy.kind },
        result: fate.action,
        detail: staff,
        decisive: true,
      },
    ],
    matches: [],
    policyVersion: registration.policyVersion,
    decidedBy: fate.decidedBy,
    escalationId: fate.escalationId,
  };
  const step = nextStep(fateEvents[fate.action], registration, timing, now);
  return {
    registrationId: registration._id,
    from: step.from,
    to: step.to,
    decision: {
      ...common,
      kind: step.decisionKind,
      ...(step.set.protectedUntil ? { protectedUntil: step.set.protectedUntil.toISOString() } : {}),
      ...(fate.action === 'reject' ? { reasonCode: 'resolved-against' as const } : {}),
    },
    ...(Object.keys(step.set).length > 0 ? { set: step.set } : {}),
  };
}
