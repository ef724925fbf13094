import { useState } from 'preact/hooks';
import { decideDispute, disputeDeadline, getDispute } from '../api/disputes';
import type { Dispute, DisputeOutcome, Registration } from '../api/types';
import { Link } from '../router';
import { useSession } from '../session';
import { ConfirmedDecision } from '../ui/confirmed-decision';
import { formatDateTime, formatTimeLeft, words } from '../ui/format';
import { Page } from '../ui/page';
import { ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { useNow } from '../ui/use-now';
import { Decisions } from './registration-decisions';

const outcomes: Record<DisputeOutcome, { label: string; consequence: string }> = {
  upheld: { label: 'Uphold the decision', consequence: 'Nothing changes.' },
  overturned: {
    label: 'Overturn: move the deal to the disputing partner',
    consequence:
      'The holder ends transferred and the disputing partner holds the deal (or gets it, if nobody holds it).',
  },
  distinct: {
    label: 'Distinct: approve the disputing partner’s deal as a separate deal',
    consequence: 'A new approved registration of the disputing partner stands beside the holder’s.',
  },
};

function Side({ title, side }: { title: string; side: Dispute['claim'] }) {
  return (
    <div>
      <h3>{title}</h3>
      {side ? (
        <>
          <p>{side.statement}</p>
          {side.evidence.length > 0 ? (
            <ul>
              {side.evidence.map((item) => (
                <li key={item.value}>
                  {item.kind === 'link' ? (
                    <a href={item.value} rel="noreferrer noopener" target="_blank">
                      {item.value}
                    </a>
                  ) : (
                    item.value
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          <p class="muted small">{formatDateTime(side.at)}</p>
        </>
      ) : (
        <p class="muted">No statement.</p>
      )}
    </div>
  );
}

function RegistrationColumn({ title, registration }: { title: string; registration?: Registration }) {
  if (!registration) return <p class="muted">{title}: none.</p>;
  return (
    <div>
      <h3>
        {title}: <Link to={`/registrations/${registration.id}`}>{registration.id}</Link>
      </h3>
      <p>
        {registration.resellerId} via {registration.distributorId} · {registration.status}
        {registration.reasonCode ? ` (${words(registration.reasonCode)})` : ''} · {registration.customer.name}
      </p>
      <Decisions decisions={registration.decisions} linkPolicy={true} />
    </div>
  );
}

function DecideForm({ dispute, onDecided }: { dispute: Dispute; onDecided(): void }) {
  const { csrf } = useSession();
  return (
    <ConfirmedDecision
      idPrefix="decide"
      title="Decide"
      legend="Outcome"
      choices={(Object.keys(outcomes) as DisputeOutcome[]).map((value) => ({ value, ...outcomes[value] }))}
      chooseMessage="Choose an outcome."
      reasonLabel="Reason (required; both partners read it, so name neither)"
      reasonMessage="Give a reason: both partners are told it."
      submitLabel="Decide…"
      decide={(outcome, reason) => decideDispute(csrf, dispute.id, { outcome: outcome as DisputeOutcome, reason })}
      onDecided={onDecided}
    />
  );
}

/** One dispute for staff: both statements, both registrations side by side with their decisions, and the decision. */
export function DisputePage({ id }: { id: string }) {
  const { csrf, can } = useSession();
  const now = useNow();
  const [notice, setNotice] = useState<string | undefined>();
  const loaded = useApi((signal) => getDispute(csrf, id, signal), [csrf, id], { pollMs: 4000 });
  const dispute = loaded.data;
  const due = dispute ? disputeDeadline(dispute) : '';
  return (
    <Page title={dispute ? `Dispute ${dispute.id}` : 'Dispute'}>
      <p>
        <Link to="/disputes">← Back to the disputes</Link>
      </p>
      {notice ? (
        <p class="state state-success" role="status">
          {notice}
        </p>
      ) : null}
      {!dispute && loaded.error ? (
        <ErrorState error={loaded.error} what="this dispute" onRetry={loaded.reload} />
      ) : !dispute ? (
        <Loading what="the dispute" />
      ) : (
        <>
          <dl class="facts">
            <dt>Status</dt>
            <dd>
              {dispute.status}
              {dispute.level >= 2 ? ' (second review)' : ''}
            </dd>
            <dt>Ground</dt>
            <dd>{words(dispute.ground)}</dd>
            {dispute.status === 'open' && due ? (
              <>
                <dt>Time left</dt>
                <dd class={new Date(due).getTime() < now ? 'overdue' : undefined}>
                  {formatTimeLeft(due, now)} (until {formatDateTime(due)})
                </dd>
              </>
            ) : null}
            <dt>Answer due</dt>
            <dd>{formatDateTime(dispute.responseDueAt)}</dd>
            <dt>Opened</dt>
            <dd>{formatDateTime(dispute.createdAt)}</dd>
            <dt>Policy version</dt>
            <dd>{dispute.policyVersion}</dd>
          </dl>
          <section class="card" aria-labelledby="statements-title">
            <h2 id="statements-title">Both sides</h2>
            <div class="dispute-columns">
              <Side title="The disputing partner" side={dispute.claim} />
              <Side title="The holder’s answer" side={dispute.response} />
            </div>
          </section>
          <section class="card" aria-labelledby="registrations-title">
            <h2 id="registrations-title">Both registrations, with the decisions’ rule traces</h2>
            <div class="dispute-columns">
              <RegistrationColumn title="Disputing" registration={dispute.registration} />
              <RegistrationColumn title="Holder" registration={dispute.holder} />
            </div>
          </section>
          {dispute.decision ? (
            <section class="card" aria-labelledby="decision-title">
              <h2 id="decision-title">Decision</h2>
              <dl class="facts">
                <dt>Outcome</dt>
                <dd>{dispute.decision.outcome}</dd>
                <dt>Reason</dt>
                <dd>{dispute.decision.reason}</dd>
                <dt>Decided by</dt>
                <dd>
                  {words(dispute.decision.by.kind)}
                  {dispute.decision.by.id ? ` (${dispute.decision.by.id})` : ''}
                </dd>
                <dt>At</dt>
                <dd>{formatDateTime(dispute.decision.at)}</dd>
                {dispute.decision.receiverId ? (
                  <>
                    <dt>Holds the deal now</dt>
                    <dd>
                      <Link to={`/registrations/${dispute.decision.receiverId}`}>{dispute.decision.receiverId}</Link>
                    </dd>
                  </>
                ) : null}
              </dl>
            </section>
          ) : null}
          {dispute.status === 'open' && can.resolveEscalations ? (
            <DecideForm
              dispute={dispute}
              onDecided={() => {
                setNotice('The decision was recorded; both partners are told.');
                loaded.reload();
              }}
            />
          ) : null}
        </>
      )}
    </Page>
  );
}
