import type { TransitionRequest } from '../db/decision-log';
import type { EscalationDoc } from '../db/escalations';
import type { RegistrationDoc } from '../db/registrations';
import type { PolicyTimingMs } from '../domain/policy/schema';
import type { Fate, ResolutionPlan } from './resolution-plan';

const wording = {
  approve: {
    staff: (plan: ResolutionPlan) => `Approved on escalation review (${plan.resolution.kind}): ${plan.reason}`,
    reseller: 'A channel manager reviewed this registration and approved it.',
  },
  reject: {
    staff: (plan: ResolutionPlan) =>
      plan.resolution.kind === 'award'
        ? `Rejected on escalation review: the deal was awarded to ${plan.resolution.registrationId}. ${plan.reason}`
        : `Rejected on escalation review (${plan.resolution.kind}): ${plan.reason}`,
    reseller: 'A channel manager reviewed this registration and decided against it.',
  },
  'grant-extension': {
    staff: (plan: ResolutionPlan) => `Extension granted on review: ${plan.reason}`,
    reseller: 'A channel manager granted the requested extension.',
  },
  'deny-extension': {
    staff: (plan: ResolutionPlan) => `Extension denied on review: ${plan.reason}`,
    reseller: 'A channel manager denied the requested extension; protection ends as planned.',
  },
} as const;

/** The guarded status change and decision entry that one contender's fate records. */
export function fateTransition(
  escalation: EscalationDoc,
  plan: ResolutionPlan,
  fate: Fate,
  registration: RegistrationDoc,
  timing: PolicyTimingMs,
): TransitionRequest {
  const now = new Date();
  const staff = wording[fate.action].staff(plan);
  const common = {
    key: `escalation:${escalation._id}`,
    at: now.toISOString(),
    kind: 'escalation-resolved' as const,
    explanation: staff,
    resellerExplanation: wording[fate.action].reseller,
    trace: [
      {
        rule: 'escalation.resolution',
        inputs: { escalationId: escalation._id, resolution: plan.resolution, decidedBy: plan.decidedBy.kind },
        result: fate.action,
        detail: staff,
        decisive: true,
      },
    ],
    matches: [],
    policyVersion: escalation.policyVersion,
    decidedBy: plan.decidedBy,
    escalationId: escalation._id,
  };
  switch (fate.action) {
    case 'approve': {
      const protectedUntil = new Date(now.getTime() + timing.protectionMs);
      return {
        registrationId: registration._id,
        from: ['escalated'],
        to: 'approved',
        decision: { ...common, protectedUntil: protectedUntil.toISOString() },
        set: { decidedAt: now, protectedUntil },
      };
    }
    case 'reject':
      return {
        registrationId: registration._id,
        from: ['escalated'],
        to: 'rejected',
        decision: { ...common, reasonCode: 'resolved-against' },
        set: { decidedAt: now, endedAt: now },
      };
    case 'grant-extension': {
      const base = registration.protectedUntil ?? now;
      const protectedUntil = new Date(base.getTime() + timing.extensionPeriodMs);
      return {
        registrationId: registration._id,
        from: ['approved'],
        to: 'approved',
        decision: { ...common, kind: 'extension', protectedUntil: protectedUntil.toISOString() },
        set: { protectedUntil, extensionsUsed: registration.extensionsUsed + 1 },
      };
    }
    case 'deny-extension':
      return {
        registrationId: registration._id,
        from: ['approved'],
        to: 'approved',
        decision: { ...common, kind: 'extension' },
      };
  }
}
