import { Context } from '@temporalio/activity';
import { unlistFromKeys } from '../db/dealkeys';
import { applyTransition, type DecisionDraft } from '../db/decision-log';
import type { RegistrationDoc } from '../db/registrations';
import { nextStep } from '../domain/lifecycle';
import { timingInMs } from '../domain/policy/schema';
import {
  type Actor,
  contenderLeftSignal,
  type ExtensionResult,
  escalationWorkflowId,
  type RecordedOutcome,
} from '../workflows/definitions';
import type { ActivityDeps } from './context';
import { escalationIdFor } from './escalation-ids';
import { contenderOf, enterEscalation } from './escalations';
import { notifyPartners } from './notify';
import { loadPolicyVersion, loadRegistration, outcomeOf } from './registration-facts';

function entry(
  registration: RegistrationDoc,
  draft: Omit<DecisionDraft, 'trace' | 'matches' | 'policyVersion'> & { rule: string },
): DecisionDraft {
  const { rule, ...rest } = draft;
  return {
    ...rest,
    trace: [
      { rule, inputs: { status: registration.status }, result: draft.kind, detail: draft.explanation, decisive: true },
    ],
    matches: [],
    policyVersion: registration.policyVersion,
  };
}

const actorOf = (by: Actor): DecisionDraft['decidedBy'] =>
  by.kind === 'reseller'
    ? { kind: 'reseller', id: by.keyId }
    : by.kind === 'system'
      ? { kind: 'system' }
      : { kind: 'channel-manager', id: by.keyId };

/** An end: the status changes, the deal is released for the next registration, the partners hear of it. */
async function end(
  registration: RegistrationDoc,
  event: 'withdrawn' | 'won' | 'lost' | 'expired',
  decision: DecisionDraft,
): Promise<RecordedOutcome> {
  const step = nextStep(event, registration, noTiming, new Date());
  const { registration: recorded } = await applyTransition(
    { registrationId: registration._id, from: step.from, to: step.to, decision, set: step.set },
    registration,
  );
  await unlistFromKeys(recorded._id, recorded.lookupKeys);
  if (step.notify) await notifyPartners(recorded, step.notify, decision.key);
  return outcomeOf(recorded);
}

/** Ends change no protection, so they need no policy timing. */
const noTiming = { protectionMs: 0, extensionPeriodMs: 0 };

export function protectionActivities(deps: ActivityDeps) {
  return {
    async withdrawRegistration(input: {
      registrationId: string;
      by: Actor;
      reason?: string;
    }): Promise<RecordedOutcome> {
      const registration = await loadRegistration(input.registrationId);
      const explanation = `Withdrawn by the reseller${input.reason ? `: ${input.reason}` : ''}.`;
      const outcome = await end(
        registration,
        'withdrawn',
        entry(registration, {
          key: 'withdraw',
          kind: 'withdraw',
          rule: 'lifecycle.withdraw',
          explanation,
          resellerExplanation: explanation,
          decidedBy: actorOf(input.by),
        }),
      );
      if (registration.status === 'escalated' && registration.escalationId) {
        await deps.temporal.workflow
          .getHandle(escalationWorkflowId(registration.escalationId))
          .signal(contenderLeftSignal, { registrationId: registration._id })
          .catch(() => undefined); // the escalation already finished
      }
      return outcome;
    },

    async closeRegistration(input: {
      registrationId: string;
      by: Actor;
      outcome: 'won' | 'lost';
    }): Promise<RecordedOutcome> {
      const registration = await loadRegistration(input.registrationId);
      const explanation = `Closed as ${input.outcome} by the reseller.`;
      return end(
        registration,
        input.outcome,
        entry(registration, {
          key: 'close',
          kind: 'close',
          rule: 'lifecycle.close',
          explanation,
          resellerExplanation: explanation,
          decidedBy: actorOf(input.by),
        }),
      );
    },

    /** Expires the registration unless its protection was extended since the workflow last looked. */
    async expireRegistration(input: { registrationId: string; protectedUntil: string }): Promise<RecordedOutcome> {
      const registration = await loadRegistration(input.registrationId);
      if (registration.status !== 'approved' || registration.protectedUntil?.toISOString() !== input.protectedUntil) {
        return outcomeOf(registration);
      }
      const explanation = `Protection ended on ${input.protectedUntil} without the deal being closed.`;
      return end(
        registration,
        'expired',
        entry(registration, {
          key: `expire:${input.protectedUntil}`,
          kind: 'expire',
          rule: 'lifecycle.expiry',
          explanation,
          resellerExplanation: explanation,
          decidedBy: { kind: 'system', id: 'protection-timer' },
        }),
      );
    },

    async notifyExpiring(input: { registrationId: string; protectedUntil: string }): Promise<void> {
      const registration = await loadRegistration(input.registrationId);
      if (registration.status !== 'approved') return;
      await notifyPartners(registration, 'registration.expiring', `expiring:${input.protectedUntil}`);
    },

    /**
     * Extends protection by the policy's period, or (when the policy wants approval) opens an
     * `extension-request` escalation. `ordinal` (1 for the first extension) keys the write.
     */
    async requestExtension(input: {
      registrationId: string;
      by: Actor;
      reason: string;
      ordinal: number;
    }): Promise<ExtensionResult> {
      const registration = await loadRegistration(input.registrationId);
      const { policy } = await loadPolicyVersion(registration.policyVersion);
      const ms = timingInMs(policy.timing);
      if (policy.timing.extension.needsApproval) {
        const escalationId = escalationIdFor(`extension:${input.ordinal}`);
        const explanation = `Extension ${input.ordinal} requested (${input.reason}); the policy sends it to a channel manager.`;
        const requested = nextStep('extension-requested', registration, ms, new Date());
        await applyTransition({
          registrationId: registration._id,
          from: requested.from,
          to: requested.to,
          decision: entry(registration, {
            key: `extension-request:${input.ordinal}`,
            kind: 'extension',
            rule: 'extension.needs-approval',
            reasonCode: 'extension-request',
            explanation,
            resellerExplanation: explanation,
            decidedBy: actorOf(input.by),
            escalationId,
          }),
        });
        const contender = contenderOf(registration, 'contender');
        const entered = await enterEscalation(
          deps,
          {
            escalationId,
            subject: 'extension',
            reasonCode: 'extension-request',
            policyVersion: registration.policyVersion,
          },
          [contender],
        );
        if (!entered)
          throw new Error(`escalation ${escalationId} already finished; the extension request cannot join it`);
        return {
          result: 'escalated',
          escalationId,
          protectedUntil: registration.protectedUntil?.toISOString() ?? '',
          extensionsUsed: registration.extensionsUsed,
        };
      }
      const step = nextStep('extended', registration, ms, new Date(), input.ordinal);
      const protectedUntil = step.set.protectedUntil as Date;
      const explanation = `Protection extended to ${protectedUntil.toISOString()} (extension ${input.ordinal} of ${policy.timing.extension.max}): ${input.reason}`;
      const { registration: recorded } = await applyTransition({
        registrationId: registration._id,
        from: step.from,
        to: step.to,
        decision: entry(registration, {
          key: `extension:${input.ordinal}`,
          kind: 'extension',
          rule: 'extension.direct',
          explanation,
          resellerExplanation: explanation,
          decidedBy: actorOf(input.by),
          protectedUntil: protectedUntil.toISOString(),
        }),
        // The key guards a retry; the ordinal keeps the count exact even if a retry computed it again.
        set: step.set,
      });
      if (step.notify) await notifyPartners(recorded, step.notify, `extension:${input.ordinal}`);
      Context.current().log.info('registration extended', {
        registrationId: recorded._id,
        protectedUntil: recorded.protectedUntil,
      });
      return {
        result: 'extended',
        protectedUntil: recorded.protectedUntil?.toISOString() ?? '',
        extensionsUsed: recorded.extensionsUsed,
      };
    },
  };
}
