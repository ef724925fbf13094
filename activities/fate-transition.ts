import type { TransitionRequest } from '../db/decision-log';
import type { RegistrationDoc } from '../db/registrations';
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
    kind: 'escalation-resolved' as const,
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
  const registrationId = registration._id;
  switch (fate.action) {
    case 'approve': {
      const protectedUntil = new Date(now.getTime() + timing.protectionMs);
      return {
        registrationId,
        from: ['escalated'],
        to: 'approved',
        decision: { ...common, protectedUntil: protectedUntil.toISOString() },
        set: { decidedAt: now, protectedUntil },
      };
    }
    case 'reject':
      return {
        registrationId,
        from: ['escalated'],
        to: 'rejected',
        decision: { ...common, reasonCode: 'resolved-against' },
        set: { decidedAt: now, endedAt: now },
      };
    case 'grant-extension': {
      const protectedUntil = new Date((registration.protectedUntil ?? now).getTime() + timing.extensionPeriodMs);
      return {
        registrationId,
        from: ['approved'],
        to: 'approved',
        decision: { ...common, kind: 'extension', protectedUntil: protectedUntil.toISOString() },
        set: { protectedUntil, extensionsUsed: registration.extensionsUsed + 1 },
      };
    }
    case 'deny-extension':
      return { registrationId, from: ['approved'], to: 'approved', decision: { ...common, kind: 'extension' } };
  }
}
