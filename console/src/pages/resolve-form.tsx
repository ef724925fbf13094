import { resolveEscalation } from '../api/escalations';
import type { Escalation, ResolutionRequest } from '../api/types';
import { useSession } from '../session';
import { ConfirmedDecision, type DecisionChoice } from '../ui/confirmed-decision';

interface Choice extends DecisionChoice {
  request(reason: string): ResolutionRequest;
}

/**
 * The choices the escalation workflow accepts: with an approved holder only the holder may be
 * awarded (awarding a newcomer would take the deal from it), and only a possible duplicate can be
 * declared distinct.
 */
function choicesFor(escalation: Escalation): Choice[] {
  const extension = escalation.subject === 'extension';
  const holder = escalation.contenders.find((c) => c.role === 'holder');
  const awardable = holder ? [holder] : escalation.contenders;
  // An unrouted or off-route escalation weighs one registration: there is nobody else to reject.
  const alone = escalation.contenders.length === 1;
  const choices: Choice[] = awardable.map((contender) => ({
    value: `award:${contender.registrationId}`,
    label: `${extension ? 'Grant the extension of' : 'Award'} ${contender.registrationId} (${contender.resellerName ?? contender.resellerId}, via ${contender.distributorId})`,
    request: (reason) => ({ award: contender.registrationId, reason }),
    consequence: extension
      ? `${contender.registrationId} gets its extension.`
      : alone
        ? `${contender.registrationId} is approved.`
        : `${contender.registrationId} wins the deal; every other contender ends rejected (resolved against).`,
  }));
  choices.push({
    value: 'reject-all',
    label: extension ? 'Deny the extension' : alone ? 'Reject this registration' : 'Reject all contenders',
    request: (reason) => ({ rejectAll: true, reason }),
    consequence: extension
      ? 'The extension is denied.'
      : alone
        ? 'The registration ends rejected (resolved against).'
        : 'Every contender ends rejected (resolved against).',
  });
  if (escalation.reasonCode === 'possible-duplicate') {
    choices.push({
      value: 'distinct',
      label: 'Not the same deal: let each registration proceed on its own',
      request: (reason) => ({ distinct: true, reason }),
      consequence: 'The match is recorded as false and every contender is decided on its own.',
    });
  }
  return choices;
}

export function ResolveForm({ escalation, onResolved }: { escalation: Escalation; onResolved(): void }) {
  const { csrf } = useSession();
  const choices = choicesFor(escalation);
  return (
    <ConfirmedDecision
      idPrefix="resolve"
      title="Resolve"
      legend="Decision"
      choices={choices}
      chooseMessage="Choose a decision."
      reasonLabel="Reason (required, recorded with the decision)"
      reasonMessage="Give a reason: it is recorded with the decision and shown to auditors."
      submitLabel="Resolve…"
      decide={async (value, reason) => {
        const chosen = choices.find((c) => c.value === value);
        if (chosen) await resolveEscalation(csrf, escalation.id, chosen.request(reason));
      }}
      onDecided={onResolved}
    />
  );
}
