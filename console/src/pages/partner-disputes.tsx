import { getDispute } from '../api/disputes';
import type { Dispute, Registration } from '../api/types';
import { useSession } from '../session';
import { formatDateTime, words } from '../ui/format';
import { Section } from '../ui/page';
import { ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { DisputeAnswerForm, DisputeForm } from './dispute-forms';

const disputableStatuses = new Set(['rejected', 'transferred', 'revoked']);

/** The disputes a registration's decisions name (its own, or one about the deal it holds). */
const disputeIdsOf = (registration: Registration) => [
  ...new Set(registration.decisions.flatMap((decision) => (decision.dispute ? [decision.dispute.id] : []))),
];

function OneDispute({ id, onDone }: { id: string; onDone(): void }) {
  const { csrf, can } = useSession();
  const loaded = useApi((signal) => getDispute(csrf, id, signal), [csrf, id], { pollMs: 5000 });
  const dispute: Dispute | undefined = loaded.data;
  if (!dispute && loaded.error) return <ErrorState error={loaded.error} what="the dispute" onRetry={loaded.reload} />;
  if (!dispute) return <Loading what="the dispute" />;
  const own = dispute.side === 'holder' ? dispute.response : dispute.claim;
  const mayAnswer =
    can.actOnRegistrations &&
    dispute.side === 'holder' &&
    dispute.status === 'open' &&
    !dispute.response &&
    (!dispute.responseDueAt || new Date(dispute.responseDueAt).getTime() > Date.now());
  return (
    <div class="card">
      <dl class="facts">
        <dt>Dispute</dt>
        <dd>
          {dispute.side === 'holder'
            ? 'Another partner disputes a decision about this deal'
            : 'You disputed this decision'}{' '}
          ({words(dispute.ground)}) · {dispute.status}
        </dd>
        <dt>Opened</dt>
        <dd>{formatDateTime(dispute.createdAt)}</dd>
        {own ? (
          <>
            <dt>{dispute.side === 'holder' ? 'Your answer' : 'Your statement'}</dt>
            <dd>{own.statement}</dd>
          </>
        ) : null}
        {dispute.side === 'holder' && !dispute.response && dispute.responseDueAt ? (
          <>
            <dt>Answer until</dt>
            <dd>{formatDateTime(dispute.responseDueAt)}</dd>
          </>
        ) : null}
        {dispute.decision ? (
          <>
            <dt>Outcome</dt>
            <dd>
              {dispute.decision.outcome} ({formatDateTime(dispute.decision.at)}): {dispute.decision.reason}
            </dd>
          </>
        ) : null}
      </dl>
      {mayAnswer ? (
        <DisputeAnswerForm
          disputeId={dispute.id}
          onDone={() => {
            loaded.reload();
            onDone();
          }}
        />
      ) : null}
    </div>
  );
}

/** A partner's disputes of this registration, the answer the holder owes, and the form to dispute its decision. */
export function PartnerDisputes({ registration, onDone }: { registration: Registration; onDone(): void }) {
  const { can } = useSession();
  const ids = disputeIdsOf(registration);
  const openOne = ids.length > 0 && registration.decisions.at(-1)?.dispute?.outcome === undefined;
  const mayDispute = can.actOnRegistrations && disputableStatuses.has(registration.status) && !openOne;
  if (ids.length === 0 && !mayDispute) return null;
  return (
    <Section title="Disputes" id="disputes-title">
      {ids.map((id) => (
        <OneDispute key={id} id={id} onDone={onDone} />
      ))}
      {mayDispute ? <DisputeForm registrationId={registration.id} onDone={onDone} /> : null}
    </Section>
  );
}
