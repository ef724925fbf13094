import { getRegistration, temporalWorkflowUrl } from '../api/registrations';
import { actorName, type Registration } from '../api/types';
import { Link } from '../router';
import { useSession } from '../session';
import { formatDateTime, formatMoney, words } from '../ui/format';
import { Page, Section } from '../ui/page';
import { ErrorState, Loading } from '../ui/states';
import { StatusBadge } from '../ui/status';
import { useApi } from '../ui/use-api';
import { RegistrationAccount } from './registration-account';
import { Decisions } from './registration-decisions';
import { RegistrationMoves } from './registration-moves';
import { Timeline } from './registration-timeline';

/** A pending or escalated registration changes soon: refresh it (and its timeline) while it is open. */
const POLL_MS = 5000;

function Summary({ registration: r }: { registration: Registration }) {
  const identifiers = Object.entries(r.customer.identifiers ?? {}).map(([k, v]) => `${k.toUpperCase()} ${v}`);
  return (
    <dl class="facts two-columns">
      <dt>Status</dt>
      <dd>
        <StatusBadge status={r.status} />
        {r.reasonCode ? ` ${words(r.reasonCode)}` : ''}
      </dd>
      {r.explanation ? (
        <>
          <dt>Explanation</dt>
          <dd>{r.explanation}</dd>
        </>
      ) : null}
      <dt>Customer</dt>
      <dd>
        {r.customer.name}
        {r.customer.domain ? ` (${r.customer.domain})` : ''}
        {identifiers.length > 0 ? ` · ${identifiers.join(', ')}` : ''}
      </dd>
      <dt>Segment / region{r.account ? ' (declared)' : ''}</dt>
      <dd>
        {words(r.customer.segment)} / {r.customer.region ?? '—'}
      </dd>
      <dt>Opportunity</dt>
      <dd>
        {r.opportunity.title} · {r.opportunity.productLines.join(', ')} · {formatMoney(r.opportunity.estimatedValue)}
        {r.opportunity.expectedCloseDate ? ` · closes ${r.opportunity.expectedCloseDate}` : ''}
      </dd>
      <dt>Program{r.account ? ' (declared)' : ''}</dt>
      <dd>{r.program ?? '—'}</dd>
      <dt>Partner</dt>
      <dd>{r.direct ? `Direct opportunity of vendor seller ${r.sellerId}` : r.resellerId}</dd>
      <dt>Distributor</dt>
      <dd>{r.distributorId ?? '—'}</dd>
      {r.enteredBy ? (
        <>
          <dt>Entered by</dt>
          <dd>
            {actorName(r.enteredBy)} ({r.enteredBy.kind})
            {r.enteredBy.onBehalfOf ? `, for the reseller by distributor ${r.enteredBy.onBehalfOf.distributorId}` : ''}
          </dd>
        </>
      ) : null}
      <dt>Sequence</dt>
      <dd>{r.sequence}</dd>
      <dt>Submitted</dt>
      <dd>{formatDateTime(r.submittedAt)}</dd>
      <dt>Decided</dt>
      <dd>{formatDateTime(r.decidedAt)}</dd>
      <dt>Protected until</dt>
      <dd>
        {formatDateTime(r.protectedUntil)} ({r.extensionsUsed} extension{r.extensionsUsed === 1 ? '' : 's'} used)
      </dd>
      {r.endedAt ? (
        <>
          <dt>Ended</dt>
          <dd>{formatDateTime(r.endedAt)}</dd>
        </>
      ) : null}
      <dt>Policy version</dt>
      <dd>
        <Link to={`/policy#version-${r.policyVersion}`}>version {r.policyVersion}</Link>
      </dd>
      {r.escalationId ? (
        <>
          <dt>Escalation</dt>
          <dd>
            <Link to={`/escalations/${r.escalationId}`}>{r.escalationId}</Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Where a transferred deal went, or where a receiver's came from (staff see both registrations). */
function TransferLinks({ registration }: { registration: Registration }) {
  const movedTo = registration.decisions.find((d) => d.kind === 'transfer' && d.toStatus === 'transferred')?.transfer
    ?.to;
  const link = (id: string) => <Link to={`/registrations/${id}`}>{id}</Link>;
  if (movedTo) return <p>The deal was transferred to {link(movedTo)}.</p>;
  if (registration.transferredFrom) return <p>The deal was transferred from {link(registration.transferredFrom)}.</p>;
  return null;
}

function TemporalLink({ id }: { id: string }) {
  const { me } = useSession();
  if (!me.temporalUiUrl || !me.temporalNamespace) return null;
  return (
    <p>
      <a
        href={temporalWorkflowUrl(me.temporalUiUrl, me.temporalNamespace, id)}
        target="_blank"
        rel="noopener noreferrer"
      >
        Open this registration’s workflow in the Temporal UI
      </a>{' '}
      <span class="muted small">(opens a new tab)</span>
    </p>
  );
}

export function RegistrationPage({ id }: { id: string }) {
  const { csrf, can } = useSession();
  const loaded = useApi((signal) => getRegistration(csrf, id, signal), [csrf, id], { pollMs: POLL_MS });
  const registration = loaded.data;
  return (
    <Page title={registration ? `Registration: ${registration.customer.name}` : `Registration ${id}`}>
      <p>
        <Link to="/registrations">← Back to the search</Link> · <code>{id}</code>
      </p>
      {!registration && loaded.error ? (
        <ErrorState error={loaded.error} what="this registration" onRetry={loaded.reload} />
      ) : !registration ? (
        <Loading what="the registration" />
      ) : (
        <>
          <Section title="Summary" id="summary-title">
            <Summary registration={registration} />
            <TemporalLink id={registration.id} />
          </Section>
          {can.viewVendorRecords ? (
            <Section title="Vendor’s account" id="account-title">
              <RegistrationAccount registration={registration} />
            </Section>
          ) : null}
          {can.resolveEscalations && registration.status === 'approved' ? (
            <Section title="Move or revoke the deal" id="moves-title">
              <RegistrationMoves registration={registration} onDone={loaded.reload} />
            </Section>
          ) : null}
          <TransferLinks registration={registration} />
          <Section title={`Decisions (${registration.decisions.length})`} id="decisions-title">
            <Decisions decisions={registration.decisions} />
          </Section>
          {can.viewHistory ? (
            <Section title="Timeline (workflow history)" id="timeline-title">
              <Timeline id={registration.id} refreshKey={`${registration.status}:${registration.decisions.length}`} />
            </Section>
          ) : null}
        </>
      )}
    </Page>
  );
}
